import type { Layer } from '@deck.gl/core';
import type { AppState } from '$lib/state/app-state.svelte';
import { createHeatmapLayer } from './heatmap-layer';
import type { BasemapLabel, createLabelsLayer } from './labels-layer';

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
		app.layers.heat && createHeatmapLayer({ points: app.visibleMembers, ...app.heat }),
		app.layers.labels && !!ctx.createLabelsLayer && ctx.createLabelsLayer(ctx.labels, ctx.labelZoom)
	];
	return layers.filter((layer): layer is Layer => !!layer);
}
