import type { Layer } from '@deck.gl/core';
import type { AppState } from '$lib/state/app-state.svelte';
import { createHeatmapLayer } from './heatmap-layer';
import { createPlotsLayer } from './plots-layer';
import { windowStartExclusive } from '$lib/core/time/membership';
import type { BasemapLabel, createLabelsLayer } from './labels-layer';
import { createRoutesLayers } from './routes-layer';
import { createTownsLayer } from './towns-layer';

export interface LayerContext {
	labels: BasemapLabel[];
	/** The label layer's factory, loaded with import() after the first heat frame (MapView): not in the first bundle. */
	createLabelsLayer?: typeof createLabelsLayer;
	/** Zoom rounded to half steps: label sets change only there. */
	labelZoom: number;
}

/**
 * The deck layer stack, bottom to top: routes under the heat's hot core, the heat, plot markers,
 * labels on top so names stay readable. One factory per layer; this only orders and switches them.
 */
export function buildLayers(app: AppState, ctx: LayerContext): Layer[] {
	const layers: (Layer | false)[] = [
		...(app.layers.routes ? createRoutesLayers({ data: app.routeData, visible: app.visibleRoutes, day: app.time, year: app.routeYear, motionPhase: app.routeMotion ? app.routeMotionPhase : null, onHover: (h) => app.setRouteHover(h) }) : []),
		app.layers.heat && createHeatmapLayer({ index: app.timeIndex, range: app.visibleRange, colorDomain: app.heatColorDomain, ...app.heat }),
		app.layers.heat && createTownsLayer(app.namedTowns),
		app.layers.plots && createPlotsLayer({ events: app.events, day: app.time, mode: app.timeMode, windowStart: windowStartExclusive(app.time, app.windowMonths) }),
		app.layers.labels && !!ctx.createLabelsLayer && ctx.createLabelsLayer(ctx.labels, ctx.labelZoom, app.theme === 'dark')
	];
	return layers.filter((layer): layer is Layer => !!layer);
}
