import type { Layer } from '@deck.gl/core';
import type { AppState } from '$lib/state/app-state.svelte';
import { createHeatmapLayer } from './heatmap-layer';
import { heatColorRange, kernelPixels } from '$lib/core/heat-kernel';

/** The colour texture, rebuilt only when its top or scale changes (deck compares it by reference). */
let ramp: { top: number; scale: string; colors: [number, number, number][] } | null = null;
function colorRangeOf(top: number, scale: 'log' | 'linear') {
	if (ramp?.top !== top || ramp.scale !== scale) ramp = { top, scale, colors: heatColorRange(top, scale) };
	return ramp.colors;
}

/**
 * The deck layer stack: the heat alone. Everything else on the map (names, routes, plots, hometown
 * labels) is a MapLibre style layer (basemap-style.ts, overlays.ts): a new deck layer type costs a
 * multi-second shader link on the main thread in software WebGL, MapLibre's layers do not.
 * `zoom` is the live zoom (every frame of a zoom), so the kernel keeps its ground radius while zooming.
 */
export function buildLayers(app: AppState, zoom: number): Layer[] {
	const { view, views } = app;
	if (!view.layers.heat || view.show !== 'heat') return [];
	return [
		createHeatmapLayer({
			index: views.timeIndex,
			range: views.visibleRange,
			cells: views.heatCells,
			zoom: view.view.zoom,
			colorDomain: views.heatColorDomain,
			radiusPixels: kernelPixels(view.heat.kernelKm, zoom, view.view.latitude).pixels,
			intensity: 1,
			colorRange: colorRangeOf(views.heatTop, view.heat.scale)
		})
	];
}
