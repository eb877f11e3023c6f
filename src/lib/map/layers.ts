import type { Layer } from '@deck.gl/core';
import type { AppState } from '$lib/state/app-state.svelte';
import { createHeatmapLayer } from './heatmap-layer';
import { heatColorRange, kernelPixels } from '$lib/core/heat-kernel';
import { windowStartExclusive } from '$lib/core/time/membership';
import type { BasemapLabel } from './labels-layer';
import type { createRoutesLayers } from './routes-layer';

export interface LayerContext {
	labels: BasemapLabel[];
	/** Labels, plots and towns' factories, loaded with import() after the first heat frame (secondary-layers.ts). */
	secondary?: typeof import('./secondary-layers');
	/** Zoom rounded to half steps: label sets change only there. */
	labelZoom: number;
	/** The live zoom (every frame of a zoom), so the kernel keeps its ground radius while zooming. */
	zoom: number;
}

/** The colour texture, rebuilt only when its top or scale changes (deck compares it by reference). */
let ramp: { top: number; scale: string; colors: [number, number, number][] } | null = null;
function colorRangeOf(top: number, scale: 'log' | 'linear') {
	if (ramp?.top !== top || ramp.scale !== scale) ramp = { top, scale, colors: heatColorRange(top, scale) };
	return ramp.colors;
}

let routesFactory: typeof createRoutesLayers | null = null;
/**
 * The routes layer (PathLayer, dash extension) is not part of the first view's bundle: the page loads
 * it with the routes' data, and setting that data in AppState redraws the stack with it.
 */
export async function loadRoutesLayer(): Promise<void> {
	routesFactory ??= (await import('./routes-layer')).createRoutesLayers;
}

/**
 * The deck layer stack, bottom to top: routes under the heat's hot core, the heat, plot markers,
 * labels on top so names stay readable. One factory per layer; this only orders and switches them.
 */
export function buildLayers(app: AppState, ctx: LayerContext): Layer[] {
	const more = ctx.secondary;
	const layers: (Layer | false)[] = [
		...(app.layers.routes && routesFactory ? routesFactory({ data: app.routeData, visible: app.visibleRoutes, day: app.time, year: app.routeYear, motionPhase: app.routeMotion ? app.routeMotionPhase : null, onHover: (h) => app.setRouteHover(h) }) : []),
		app.layers.heat && app.show === 'heat' && createHeatmapLayer({ index: app.timeIndex, range: app.visibleRange, cells: app.heatCells, zoom: app.view.zoom, colorDomain: app.heatColorDomain, radiusPixels: kernelPixels(app.heat.kernelKm, ctx.zoom, app.view.latitude).pixels, intensity: 1, colorRange: colorRangeOf(app.heatTop, app.heat.scale), cpuFilterBaseline: app.heatFilterStrategy === 'cpu-filter' ? { members: app.filteredMembers, day: app.time, mode: app.timeMode, windowMonths: app.windowMonths } : null }),
		app.layers.heat && !!more && more.createTownsLayer(app.namedTowns),
		app.layers.plots && !!more && more.createPlotsLayer({ events: app.events, day: app.time, mode: app.timeMode, windowStart: windowStartExclusive(app.time, app.windowMonths) }),
		app.layers.labels && !!more && more.createLabelsLayer(ctx.labels, ctx.labelZoom, app.theme === 'dark')
	];
	return layers.filter((layer): layer is Layer => !!layer);
}
