import type { Layer } from '@deck.gl/core';
import type { AppState } from '$lib/state/app-state.svelte';
import { createHeatmapLayer } from './heatmap-layer';

/**
 * The deck layer stack: the heat alone. Everything else on the map (names, routes, plots, hometown
 * labels) is a MapLibre style layer (basemap-style.ts, overlays.ts): a new deck layer type costs a
 * multi-second shader link on the main thread in software WebGL, MapLibre's layers do not.
 */
export function buildLayers(app: AppState): Layer[] {
	if (!app.layers.heat) return [];
	return [
		createHeatmapLayer({ index: app.timeIndex, range: app.visibleRange, cells: app.heatCells, zoom: app.view.zoom, colorDomain: app.heatColorDomain, ...app.heat, cpuFilterBaseline: app.heatFilterStrategy === 'cpu-filter' ? { members: app.filteredMembers, day: app.time, mode: app.timeMode, windowMonths: app.windowMonths } : null })
	];
}
