import type { StyleSpecification } from 'maplibre-gl';

/** Zoom where the coarse 110m geometry hands over to the finer 50m one. */
export const DETAIL_ZOOM = 4.5;

export const BASEMAP_COLORS = {
	sea: '#dce6ee',
	land: '#f6f4ef',
	border: '#b3adA5',
	coast: '#a9bccb'
} as const;

const base = () => new URL(`${location.origin}/generated/basemap/`);

/**
 * A basemap with no tile server, no glyphs and no sprites: two GeoJSON sources of our own origin.
 * Labels are drawn by deck.gl (see labels-layer.ts) so MapLibre never needs a glyph server.
 */
export function basemapStyle(): StyleSpecification {
	const url = (file: string) => new URL(file, base()).href;
	const landLayers = (res: '110m' | '50m', zoom: { minzoom?: number; maxzoom?: number }) =>
		[
			{ id: `land-${res}`, type: 'fill', source: res, filter: ['==', ['get', 'kind'], 'land'], paint: { 'fill-color': BASEMAP_COLORS.land, 'fill-outline-color': BASEMAP_COLORS.coast }, ...zoom },
			{ id: `coast-${res}`, type: 'line', source: res, filter: ['==', ['get', 'kind'], 'land'], paint: { 'line-color': BASEMAP_COLORS.coast, 'line-width': 0.6 }, ...zoom },
			{ id: `borders-${res}`, type: 'line', source: res, filter: ['==', ['get', 'kind'], 'border'], paint: { 'line-color': BASEMAP_COLORS.border, 'line-width': ['interpolate', ['linear'], ['zoom'], 2, 0.5, 7, 1.2] }, ...zoom }
		] as StyleSpecification['layers'];
	return {
		version: 8,
		sources: {
			'110m': { type: 'geojson', data: url('countries-110m.json'), attribution: 'Natural Earth' },
			'50m': { type: 'geojson', data: url('countries-50m.json'), attribution: 'Natural Earth' }
		},
		layers: [
			{ id: 'sea', type: 'background', paint: { 'background-color': BASEMAP_COLORS.sea } },
			...landLayers('110m', { maxzoom: DETAIL_ZOOM }),
			...landLayers('50m', { minzoom: DETAIL_ZOOM })
		]
	};
}
