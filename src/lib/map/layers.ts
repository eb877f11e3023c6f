import type { Layer } from '@deck.gl/core';
import type { AppState } from '$lib/state/app-state.svelte';
import { createHeatmapLayer } from './heatmap-layer';
import { createLabelsLayer, type BasemapLabel } from './labels-layer';
import { createTownsLayer } from './towns-layer';

export interface LayerContext {
	labels: BasemapLabel[];
	/** Zoom rounded to half steps: label sets change only there. */
	labelZoom: number;
}

/**
 * The deck layer stack, bottom to top: routes under the heat's hot core, the heat, plot markers,
 * labels on top so names stay readable. One factory per layer; this only orders and switches them.
 */
export function buildLayers(app: AppState, ctx: LayerContext): Layer[] {
	const layers: (Layer | false)[] = [
		app.layers.heat && createHeatmapLayer({ points: app.visibleMembers, ...app.heat }),
		app.layers.heat && createTownsLayer(app.namedTowns),
		app.layers.labels && createLabelsLayer(ctx.labels, ctx.labelZoom, app.theme === 'dark')
	];
	return layers.filter((layer): layer is Layer => !!layer);
}
