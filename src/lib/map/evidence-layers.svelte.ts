/**
 * The evidence on the map as MapLibre layers (GeoJSON sources): the per-resident view's towns, coloured
 * by smoothed rate, and the scan statistic's clusters as circles of their radius in km. MapLibre
 * layers, not deck.gl ones: a new deck layer type costs a multi-second shader link in software WebGL.
 * Loaded on demand (MapView imports it when the rate view or the clusters are first asked for).
 * They sit under deck's canvas (the heat), which is hidden in the rate view.
 */
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { AppState } from '$lib/state/app-state.svelte';
import { evidenceOf } from '$lib/state/evidence.svelte';
import { RATE_CLASSES, rateClass } from '$lib/core/stats/rates';
import { circleRing } from '$lib/core/stats/geo';

const RATE_SOURCE = 'evidence-rates';
const CLUSTER_SOURCE = 'evidence-clusters';
/** A cluster of one town has radius 0: drawn at this radius so it can be seen. */
const MIN_DRAWN_KM = 4;

type Collection = GeoJSON.FeatureCollection;
const empty = (): Collection => ({ type: 'FeatureCollection', features: [] });

function ensureLayers(map: MapLibreMap) {
	if (map.getSource(RATE_SOURCE)) return;
	map.addSource(RATE_SOURCE, { type: 'geojson', data: empty() });
	map.addSource(CLUSTER_SOURCE, { type: 'geojson', data: empty() });
	map.addLayer({
		id: 'evidence-cluster-fill',
		type: 'fill',
		source: CLUSTER_SOURCE,
		paint: { 'fill-color': ['case', ['get', 'significant'], '#1f4e9c', '#777777'], 'fill-opacity': 0.12 }
	});
	map.addLayer({
		id: 'evidence-cluster-line',
		type: 'line',
		source: CLUSTER_SOURCE,
		paint: {
			'line-color': ['case', ['get', 'significant'], '#1f4e9c', '#666666'],
			'line-width': ['case', ['get', 'significant'], 2.5, 1.5],
			'line-dasharray': ['case', ['get', 'significant'], ['literal', [1, 0]], ['literal', [2, 2]]]
		}
	});
	map.addLayer({
		id: 'evidence-rate-towns',
		type: 'circle',
		source: RATE_SOURCE,
		paint: {
			'circle-color': ['get', 'color'],
			'circle-radius': ['+', 4, ['*', 1.6, ['sqrt', ['get', 'count']]]],
			'circle-stroke-color': '#3f007d',
			'circle-stroke-width': 1,
			'circle-opacity': 0.95
		}
	});
}

/** Keeps the layers following the evidence owner until the returned stop(). */
export function attachEvidenceLayers(map: MapLibreMap, app: AppState): () => void {
	const evidence = evidenceOf(app);
	const whenStyled = (f: () => void) => (map.isStyleLoaded() ? f() : map.once('idle', f));
	return $effect.root(() => {
		$effect(() => {
			const on = app.view.show === 'rate';
			const features: GeoJSON.Feature[] = on
				? evidence.mapTowns.map((t) => ({
						type: 'Feature',
						geometry: { type: 'Point', coordinates: [t.row.lon, t.row.lat] },
						properties: {
							name: t.row.name,
							count: t.row.count,
							smoothed: t.smoothed,
							color: RATE_CLASSES[Math.max(0, rateClass(t.smoothed))]!.color
						}
					}))
				: [];
			whenStyled(() => {
				ensureLayers(map);
				(map.getSource(RATE_SOURCE) as GeoJSONSource).setData({ type: 'FeatureCollection', features });
			});
		});
		$effect(() => {
			const scan = evidence.scan;
			const current = app.view.scanOn && scan.status === 'done' && scan.forKey === evidence.membersKey && scan.result;
			const features: GeoJSON.Feature[] = current
				? scan.result!.clusters.map((c, i) => ({
						type: 'Feature',
						geometry: { type: 'Polygon', coordinates: [circleRing(c.lon, c.lat, Math.max(MIN_DRAWN_KM, c.radiusKm))] },
						properties: { rank: i + 1, p: c.pValue, significant: c.pValue < 0.05 }
					}))
				: [];
			whenStyled(() => {
				ensureLayers(map);
				(map.getSource(CLUSTER_SOURCE) as GeoJSONSource).setData({ type: 'FeatureCollection', features });
			});
		});
	});
}
