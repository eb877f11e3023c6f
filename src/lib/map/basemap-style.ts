import { assetUrl } from '$lib/paths';
import type { Map as MapLibreMap, StyleSpecification, LayerSpecification } from 'maplibre-gl';

/** Zoom where the coarse 110m geometry hands over to the finer 50m one. */
export const DETAIL_ZOOM = 4.5;
/** The 50m file (about 0.5 MB) is fetched once the view comes this close to DETAIL_ZOOM, never before. */
export const DETAIL_PREFETCH_ZOOM = DETAIL_ZOOM - 1;

export const BASEMAP_COLORS = {
	sea: '#dce6ee',
	land: '#f6f4ef',
	border: '#b3adA5',
	coast: '#a9bccb'
} as const;

type Resolution = '110m' | '50m';
const url = (file: string) => assetUrl(`generated/basemap/${file}`);

function landLayers(res: Resolution, zoom: { minzoom?: number; maxzoom?: number }): LayerSpecification[] {
	return [
		{ id: `land-${res}`, type: 'fill', source: res, filter: ['==', ['get', 'kind'], 'land'], paint: { 'fill-color': BASEMAP_COLORS.land, 'fill-outline-color': BASEMAP_COLORS.coast }, ...zoom },
		{ id: `coast-${res}`, type: 'line', source: res, filter: ['==', ['get', 'kind'], 'land'], paint: { 'line-color': BASEMAP_COLORS.coast, 'line-width': 0.6 }, ...zoom },
		{ id: `borders-${res}`, type: 'line', source: res, filter: ['==', ['get', 'kind'], 'border'], paint: { 'line-color': BASEMAP_COLORS.border, 'line-width': ['interpolate', ['linear'], ['zoom'], 2, 0.5, 7, 1.2] }, ...zoom }
	];
}

/**
 * A basemap with no tile server, no glyphs and no sprites: GeoJSON of our own origin. Labels are drawn
 * by deck.gl (labels-layer.ts) so MapLibre never needs a glyph server.
 *
 * Level of detail: the style starts with the coarse world (110m) only, drawn at every zoom until the
 * finer region-clipped 50m geometry has arrived (see addDetailWhenNeeded). 110m redraws faster and is
 * all a continent-wide view can show.
 */
export function basemapStyle(): StyleSpecification {
	return {
		version: 8,
		sources: {
			'110m': { type: 'geojson', data: url('countries-110m.json'), attribution: 'Natural Earth' }
		},
		layers: [{ id: 'sea', type: 'background', paint: { 'background-color': BASEMAP_COLORS.sea } }, ...landLayers('110m', {})]
	};
}

/** One geometry at every zoom, for measuring each resolution's redraw rate (bench/basemap.ts). */
export function singleResolutionStyle(res: Resolution): StyleSpecification {
	return {
		version: 8,
		sources: { [res]: { type: 'geojson', data: url(`countries-${res}.json`), attribution: 'Natural Earth' } },
		layers: [{ id: 'sea', type: 'background', paint: { 'background-color': BASEMAP_COLORS.sea } }, ...landLayers(res, {})]
	};
}

/**
 * Adds the 50m source and its layers the first time the view nears DETAIL_ZOOM (at once if it starts
 * there). Until the 50m data is parsed the 110m layers keep drawing at every zoom, so zooming in never
 * shows bare sea; afterwards 110m stops at DETAIL_ZOOM and 50m takes over.
 */
export function addDetailWhenNeeded(map: MapLibreMap): void {
	let ready = false;
	let added = false;
	const onSourceData = () => {
		if (!map.isSourceLoaded('50m')) return;
		map.off('sourcedata', onSourceData);
		for (const layer of landLayers('110m', {})) map.setLayerZoomRange(layer.id, 0, DETAIL_ZOOM);
	};
	const check = () => {
		if (!ready || added || map.getZoom() < DETAIL_PREFETCH_ZOOM) return;
		added = true;
		map.off('zoom', check);
		map.addSource('50m', { type: 'geojson', data: url('countries-50m.json'), attribution: 'Natural Earth' });
		for (const layer of landLayers('50m', { minzoom: DETAIL_ZOOM })) {
			// Take the 110m twin's current paint, so a theme applied before now (theme.ts) carries over.
			const twin = layer.id.replace('50m', '110m');
			for (const key of Object.keys(layer.paint ?? {})) {
				const value = map.getPaintProperty(twin, key as Parameters<MapLibreMap['getPaintProperty']>[1]);
				if (value !== undefined) (layer.paint as Record<string, unknown>)[key] = value;
			}
			map.addLayer(layer);
		}
		map.on('sourcedata', onSourceData);
	};
	map.on('zoom', check);
	// addSource throws before the style has loaded.
	map.once('load', () => {
		ready = true;
		check();
	});
}
