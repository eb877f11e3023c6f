/**
 * The network selection on the map: arcs from the selected plot's members' hometowns to the plot's
 * place, and rings on those hometowns (or on a selected town). MapLibre layers over one GeoJSON source
 * each rather than a deck.gl layer: a new deck layer type costs a multi-second shader link in software
 * WebGL, MapLibre's line and circle programs are already built for the basemap. They sit under deck's
 * canvas (the overlay is not interleaved), so the heat stays on top and the arcs show through it.
 * Loaded on demand by MapView when there is something to draw.
 */
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { arcLine } from '$lib/core/network/graph';
import type { NetworkMapOverlay } from '$lib/state/network.svelte';

const ARCS = 'network-arcs';
const TOWNS = 'network-towns';
const EMPTY: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

export function arcsGeoJson(overlay: NetworkMapOverlay | null): { arcs: GeoJSON.FeatureCollection; towns: GeoJSON.FeatureCollection } {
	if (!overlay) return { arcs: EMPTY, towns: EMPTY };
	return {
		arcs: {
			type: 'FeatureCollection',
			features: overlay.arcs.map((a) => ({
				type: 'Feature',
				properties: { count: a.count, town: a.town },
				geometry: { type: 'LineString', coordinates: arcLine(a.from, a.to) }
			}))
		},
		towns: {
			type: 'FeatureCollection',
			features: overlay.towns.map(([lon, lat, count]) => ({
				type: 'Feature',
				properties: { count },
				geometry: { type: 'Point', coordinates: [lon, lat] }
			}))
		}
	};
}

/** Draws (or clears, with null) the selection's arcs and towns; adds the sources and layers on first use. */
export function drawNetworkOverlay(map: MapLibreMap, overlay: NetworkMapOverlay | null, dark: boolean) {
	const data = arcsGeoJson(overlay);
	if (!map.getSource(ARCS)) {
		map.addSource(ARCS, { type: 'geojson', data: data.arcs });
		map.addSource(TOWNS, { type: 'geojson', data: data.towns });
		map.addLayer({
			id: ARCS,
			type: 'line',
			source: ARCS,
			layout: { 'line-cap': 'round', 'line-join': 'round' },
			paint: { 'line-color': '#6a3d9a', 'line-opacity': 0.85, 'line-width': ['interpolate', ['linear'], ['get', 'count'], 1, 1.5, 10, 6] }
		});
		map.addLayer({
			id: TOWNS,
			type: 'circle',
			source: TOWNS,
			paint: {
				'circle-radius': ['interpolate', ['linear'], ['get', 'count'], 1, 6, 20, 14],
				'circle-color': 'rgba(0,0,0,0)',
				'circle-stroke-width': 3,
				'circle-stroke-color': '#6a3d9a'
			}
		});
	} else {
		(map.getSource(ARCS) as GeoJSONSource).setData(data.arcs);
		(map.getSource(TOWNS) as GeoJSONSource).setData(data.towns);
	}
	const colour = dark ? '#cab2d6' : '#6a3d9a';
	map.setPaintProperty(ARCS, 'line-color', colour);
	map.setPaintProperty(TOWNS, 'circle-stroke-color', colour);
	// What browser tests read: how many arcs and lit towns the map holds now.
	map.getContainer().dataset.networkArcs = String(data.arcs.features.length);
	map.getContainer().dataset.networkTowns = String(data.towns.features.length);
}
