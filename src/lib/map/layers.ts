import type { Layer } from '@deck.gl/core';
import type { AppState } from '$lib/state/app-state.svelte';
import { createHeatmapLayer } from './heatmap-layer';
import { TEST_HOOKS } from '$lib/test-hooks';

/**
 * The deck layer stack: the heat alone. Everything else on the map (names, routes, plots, hometown
 * labels) is a MapLibre style layer (basemap-style.ts, overlays.ts): a new deck layer type costs a
 * multi-second shader link on the main thread in software WebGL, MapLibre's layers do not.
 */
export function buildLayers(app: AppState): Layer[] {
	const { timeline, view, views } = app;
	if (!view.layers.heat) return [];
	return [
		createHeatmapLayer({ index: views.timeIndex, range: views.visibleRange, cells: views.heatCells, zoom: view.view.zoom, colorDomain: views.heatColorDomain, ...view.heat, cpuFilterBaseline: TEST_HOOKS && view.heatFilterStrategy === 'cpu-filter' ? { members: views.filteredMembers, day: timeline.time, mode: timeline.mode, windowMonths: timeline.windowMonths } : null })
	];
}
