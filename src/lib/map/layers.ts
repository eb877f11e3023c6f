import type { Layer } from '@deck.gl/core';
import type { AppState } from '$lib/state/app-state.svelte';
import { createHeatmapLayer } from './heatmap-layer';
import { TEST_HOOKS } from '$lib/test-hooks';
import { windowStartExclusive } from '$lib/core/time/membership';
import type { BasemapLabel } from './labels-layer';
import type { createRoutesLayers } from './routes-layer';

export interface LayerContext {
	labels: BasemapLabel[];
	/** Labels, plots and towns' factories, loaded with import() after the first heat frame (secondary-layers.ts). */
	secondary?: typeof import('./secondary-layers');
	/** Zoom rounded to half steps: label sets change only there. */
	labelZoom: number;
}

let routesFactory: typeof createRoutesLayers | null = null;
/**
 * The routes layer (PathLayer, dash extension) is not part of the first view's bundle: the page loads
 * it with the routes' data, and setting that data in the routes owner redraws the stack with it.
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
	const { routes, timeline, view, views } = app;
	const layers = view.layers;
	const stack: (Layer | false)[] = [
		...(layers.routes && routesFactory ? routesFactory({ data: routes.data, visible: routes.visible, day: timeline.time, year: routes.year, motionPhase: routes.motion ? routes.motionPhase : null, onHover: (h) => routes.setHover(h) }) : []),
		layers.heat && createHeatmapLayer({ index: views.timeIndex, range: views.visibleRange, cells: views.heatCells, zoom: view.view.zoom, colorDomain: views.heatColorDomain, ...view.heat, cpuFilterBaseline: TEST_HOOKS && view.heatFilterStrategy === 'cpu-filter' ? { members: views.filteredMembers, day: timeline.time, mode: timeline.mode, windowMonths: timeline.windowMonths } : null }),
		layers.heat && !!more && more.createTownsLayer(views.namedTowns),
		layers.plots && !!more && more.createPlotsLayer({ events: timeline.events, day: timeline.time, mode: timeline.mode, windowStart: windowStartExclusive(timeline.time, timeline.windowMonths) }),
		layers.labels && !!more && more.createLabelsLayer(ctx.labels, ctx.labelZoom, view.theme === 'dark')
	];
	return stack.filter((layer): layer is Layer => !!layer);
}
