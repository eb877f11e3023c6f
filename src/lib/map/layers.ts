import type { Layer } from '@deck.gl/core';
import type { AppState } from '$lib/state/app-state.svelte';
import { createHeatmapLayer } from './heatmap-layer';
import { windowStartExclusive } from '$lib/core/time/membership';
import type { BasemapLabel } from './labels-layer';

export interface LayerContext {
	labels: BasemapLabel[];
	/** Every factory but the heat map's, loaded with import() after the first heat frame (secondary-layers.ts). */
	secondary?: typeof import('./secondary-layers');
	/** Zoom rounded to half steps: label sets change only there. */
	labelZoom: number;
}

/**
 * The deck layer stack, bottom to top: routes under the heat's hot core, the heat, plot markers,
 * labels on top so names stay readable. One factory per layer; this only orders and switches them.
 */
export function buildLayers(app: AppState, ctx: LayerContext): Layer[] {
	const more = ctx.secondary;
	const layers: (Layer | false)[] = [
		...(app.layers.routes && more ? more.createRoutesLayers({ data: app.routeData, visible: app.visibleRoutes, day: app.time, year: app.routeYear, motionPhase: app.routeMotion ? app.routeMotionPhase : null, onHover: (h) => app.setRouteHover(h) }) : []),
		app.layers.heat && createHeatmapLayer({ index: app.timeIndex, range: app.visibleRange, colorDomain: app.heatColorDomain, ...app.heat }),
		app.layers.heat && !!more && more.createTownsLayer(app.namedTowns),
		app.layers.plots && !!more && more.createPlotsLayer({ events: app.events, day: app.time, mode: app.timeMode, windowStart: windowStartExclusive(app.time, app.windowMonths) }),
		app.layers.labels && !!more && more.createLabelsLayer(ctx.labels, ctx.labelZoom, app.theme === 'dark')
	];
	return layers.filter((layer): layer is Layer => !!layer);
}
