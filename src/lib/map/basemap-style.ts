import { assetUrl } from '$lib/paths';
import type { Map as MapLibreMap, StyleSpecification, LayerSpecification, ExpressionSpecification } from 'maplibre-gl';
import { fontFaces, FONT_REGULAR, FONT_SEMIBOLD } from './fonts';
import { REGION_BBOX } from '$lib/core/geocode/region';
import { dotSprite } from '$lib/core/sprites/sprites';

import { DETAIL_ZOOM, DETAIL_PREFETCH_ZOOM } from './zooms';
export { DETAIL_ZOOM, DETAIL_PREFETCH_ZOOM };
/** Zoom where 50m looks coarse (coasts cut across bays, borders in straight strokes) and 10m takes over. */
export const FINE_ZOOM = 7;
/** First-level divisions (provinces, regions) are drawn between these zooms, fetched from ADMIN1_ZOOM - 0.5. */
export const ADMIN1_ZOOM = 5;
/** Zoom from which the towns of the visible members are named with their counts (towns separate there). */
export const HOMETOWN_LABEL_ZOOM = 7.5;

export interface BasemapPalette {
	sea: string;
	land: string;
	border: string;
	coast: string;
	admin1: string;
	/** Place names, country names, division names; halo behind them all. */
	place: string;
	country: string;
	division: string;
	halo: string;
	/** Hometown names with counts, and the selected hotspot's ring. */
	hometown: string;
	highlight: string;
}

export const BASEMAP_COLORS: BasemapPalette = {
	sea: '#dce6ee',
	land: '#f6f4ef',
	border: '#b3ada5',
	coast: '#a9bccb',
	admin1: '#c9c2b8',
	place: '#3b3b3b',
	country: '#7d766c',
	division: '#8e8679',
	halo: '#ffffff',
	hometown: '#111111',
	highlight: '#1d4ed8'
};

type Resolution = '110m' | '50m' | '10m';
// Absolute (assetUrl): MapLibre resolves style URLs against its worker, not the page; the base path may be a sub-folder.
const url = (file: string) => assetUrl(`generated/basemap/${file}`);
/** The app's root as an absolute URL without the trailing slash, for URL templates ({z}/{x}/{y}) that URL() would escape. */
const assetRoot = () => assetUrl('').replace(/\/$/, '');

/** The current palette: layers added later (finer geometry, divisions) are created in it (theme.ts sets it). */
let palette: BasemapPalette = BASEMAP_COLORS;
export function setPalette(p: BasemapPalette): void {
	palette = p;
}

function landLayers(res: Resolution, zoom: { minzoom?: number; maxzoom?: number }): LayerSpecification[] {
	return [
		{
			id: `land-${res}`,
			type: 'fill',
			source: res,
			filter: ['==', ['get', 'kind'], 'land'],
			paint: { 'fill-color': palette.land, 'fill-outline-color': palette.coast },
			...zoom
		},
		{
			id: `coast-${res}`,
			type: 'line',
			source: res,
			filter: ['==', ['get', 'kind'], 'land'],
			paint: { 'line-color': palette.coast, 'line-width': 0.6 },
			...zoom
		},
		{
			id: `borders-${res}`,
			type: 'line',
			source: res,
			filter: ['==', ['get', 'kind'], 'border'],
			paint: { 'line-color': palette.border, 'line-width': ['interpolate', ['linear'], ['zoom'], 2, 0.5, 7, 1.2, 10, 1.8] },
			...zoom
		}
	];
}

function admin1Layers(): LayerSpecification[] {
	return [
		{
			id: 'admin1-lines',
			type: 'line',
			source: 'admin1',
			minzoom: ADMIN1_ZOOM,
			filter: ['==', ['get', 'kind'], 'admin1-line'],
			paint: { 'line-color': palette.admin1, 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 0.5, 9, 1.1], 'line-dasharray': [3, 2] }
		},
		{
			id: 'admin1-labels',
			type: 'symbol',
			source: 'admin1',
			minzoom: ADMIN1_ZOOM + 0.5,
			maxzoom: 9,
			filter: ['==', ['get', 'kind'], 'admin1-label'],
			layout: {
				'text-field': ['get', 'name'],
				'text-font': [FONT_REGULAR],
				'text-size': 11,
				'text-transform': 'uppercase',
				'text-letter-spacing': 0.08,
				'text-max-width': 8,
				'symbol-sort-key': ['-', 0, ['get', 'area']]
			},
			paint: { 'text-color': palette.division, 'text-halo-color': palette.halo, 'text-halo-width': 1.2, 'text-opacity': 0.9 }
		}
	];
}

/** The first layer of the label group: geometry added later goes under it. */
export const FIRST_LABEL_LAYER = 'country-labels';
/** Label layers the 'labels' switch of the layer panel shows and hides. */
export const LABEL_LAYERS = ['admin1-labels', 'country-labels', 'place-labels-dot', 'place-labels', 'hometown-labels'] as const;

const POP = ['get', 'pop'] as ExpressionSpecification;
const placeText = (): LayerSpecification['layout'] & object => ({
	'text-field': ['get', 'name'],
	'text-font': [
		'case',
		['any', ['==', ['get', 'capital'], 1], ['>=', POP, 100_000]],
		['literal', [FONT_SEMIBOLD]],
		['literal', [FONT_REGULAR]]
	],
	'text-size': ['interpolate', ['linear'], POP, 0, 11.5, 30_000, 12, 300_000, 13, 3_000_000, 14.5],
	'text-max-width': 9,
	'text-padding': 3,
	'symbol-sort-key': ['get', 'rank']
});
const placePaint = () => ({ 'text-color': palette.place, 'text-halo-color': palette.halo, 'text-halo-width': 1.6, 'text-halo-blur': 0.4 });
/** A place is named from its own zoom (`mz`, core/places/place-labels.ts) on. */
const SHOWN_AT_ZOOM = ['<=', ['get', 'mz'], ['zoom']] as ExpressionSpecification;

/**
 * Names, bottom to top: divisions, countries, places (cities with a dot up to zoom 9, where the
 * names alone place them), hometowns with their counts, the selected hotspot. MapLibre places labels
 * from the top layer down, so a hometown's name wins over the gazetteer's and a city over a country.
 */
function labelLayers(): LayerSpecification[] {
	return [
		{
			id: 'country-labels',
			type: 'symbol',
			source: 'labels',
			maxzoom: 7,
			filter: ['all', ['==', ['get', 'kind'], 'country'], ['<=', ['get', 'minZoom'], ['zoom']]],
			layout: {
				'text-field': ['get', 'name'],
				'text-font': [FONT_SEMIBOLD],
				'text-size': ['interpolate', ['linear'], ['zoom'], 2, 11, 6, 14],
				'text-transform': 'uppercase',
				'text-letter-spacing': 0.12,
				'text-max-width': 7,
				'symbol-sort-key': ['-', 0, ['get', 'priority']]
			},
			paint: { 'text-color': palette.country, 'text-halo-color': palette.halo, 'text-halo-width': 1.4 }
		},
		{
			id: 'place-labels-dot',
			type: 'symbol',
			source: 'places',
			'source-layer': 'places',
			maxzoom: 9,
			filter: SHOWN_AT_ZOOM,
			layout: {
				...placeText(),
				'icon-image': 'place-dot',
				'icon-size': ['interpolate', ['linear'], POP, 0, 0.7, 1_000_000, 1],
				'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
				'text-radial-offset': 0.45,
				'text-justify': 'auto'
			},
			paint: placePaint()
		},
		{
			id: 'place-labels',
			type: 'symbol',
			source: 'places',
			'source-layer': 'places',
			minzoom: 9,
			filter: SHOWN_AT_ZOOM,
			layout: placeText(),
			paint: placePaint()
		},
		{
			id: 'hometown-labels',
			type: 'symbol',
			source: 'hometowns',
			minzoom: HOMETOWN_LABEL_ZOOM,
			layout: {
				'text-field': ['format', ['get', 'name'], {}, '  ', {}, ['to-string', ['get', 'count']], { 'font-scale': 1.1 }],
				'text-font': [FONT_SEMIBOLD],
				'text-size': 13,
				'text-max-width': 10,
				'text-padding': 2,
				'symbol-sort-key': ['-', 0, ['get', 'count']]
			},
			paint: { 'text-color': palette.hometown, 'text-halo-color': palette.halo, 'text-halo-width': 2 }
		},
		{
			id: 'highlight-ring',
			type: 'circle',
			source: 'highlight',
			paint: { 'circle-radius': 16, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': palette.highlight, 'circle-stroke-width': 3 }
		},
		{
			id: 'highlight-label',
			type: 'symbol',
			source: 'highlight',
			layout: {
				'text-field': ['get', 'name'],
				'text-font': [FONT_SEMIBOLD],
				'text-size': 14,
				'text-anchor': 'top',
				'text-offset': [0, 1.4],
				'text-allow-overlap': true,
				'text-ignore-placement': true
			},
			paint: { 'text-color': palette.highlight, 'text-halo-color': palette.halo, 'text-halo-width': 2 }
		}
	];
}

const EMPTY: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

/**
 * A basemap with no tile server and no glyph server: everything comes from our own origin. Geometry
 * is GeoJSON; place names are static vector tiles (geodata/scripts/build-places.ts); text is drawn
 * in the page from the Noto Sans files the style's `font-faces` names (fonts.ts), which MapLibre
 * fetches only when a label needs a character they cover.
 *
 * Level of detail: the style starts with the coarse world (110m) only; the finer region-clipped 50m
 * and 10m geometry and the first-level divisions are added when the view first nears their zoom
 * (addDetailWhenNeeded). 110m redraws faster and is all a continent-wide view can show.
 *
 * `labels: false` leaves out every name: the bare-map baseline of the benchmarks (/bench/basemap).
 */
export function basemapStyle({ labels = true } = {}): StyleSpecification {
	const geometry: StyleSpecification = {
		version: 8,
		sources: { '110m': { type: 'geojson', data: url('countries-110m.json'), attribution: 'Natural Earth' } },
		layers: [{ id: 'sea', type: 'background', paint: { 'background-color': palette.sea } }, ...landLayers('110m', {})]
	};
	if (!labels) return geometry;
	return {
		version: 8,
		'font-faces': fontFaces(assetRoot()),
		sources: {
			...geometry.sources,
			labels: { type: 'geojson', data: url('country-labels.json'), attribution: 'Natural Earth' },
			places: {
				type: 'vector',
				tiles: [`${assetRoot()}/generated/places/{z}/{x}/{y}.pbf`],
				minzoom: 0,
				maxzoom: 8,
				// Tiles exist for the region only (geodata/scripts/build-places.ts): none is asked for outside it.
				bounds: REGION_BBOX,
				attribution: 'GeoNames (CC BY 4.0)'
			},
			hometowns: { type: 'geojson', data: EMPTY },
			highlight: { type: 'geojson', data: EMPTY }
		},
		layers: [...geometry.layers, ...labelLayers()]
	};
}

/** One geometry at every zoom, for measuring each resolution's redraw rate (bench/basemap.ts). */
export function singleResolutionStyle(res: '110m' | '50m'): StyleSpecification {
	return {
		version: 8,
		sources: { [res]: { type: 'geojson', data: url(`countries-${res}.json`), attribution: 'Natural Earth' } },
		layers: [{ id: 'sea', type: 'background', paint: { 'background-color': BASEMAP_COLORS.sea } }, ...landLayers(res, {})]
	};
}

/** Every layer the style can hold, for re-colouring (theme.ts): the ones added later included. */
export function allBasemapLayers(): LayerSpecification[] {
	return [...landLayers('110m', {}), ...landLayers('50m', {}), ...landLayers('10m', {}), ...admin1Layers(), ...labelLayers()];
}

/** The levels of geometry, coarse to fine, and the zoom each one is drawn from. */
const LEVELS: { res: Resolution; from: number }[] = [
	{ res: '110m', from: 0 },
	{ res: '50m', from: DETAIL_ZOOM },
	{ res: '10m', from: FINE_ZOOM }
];

/**
 * Adds the finer geometry and the divisions the first time the view nears their zoom (at once if it
 * starts there), each under the labels. Until a finer level's data is parsed the coarser one keeps
 * drawing at every zoom, so zooming in never shows bare sea; afterwards each level stops where the
 * next loaded one starts. A level is fetched only when the view is within a zoom step of its range:
 * a page opened at Brussels zoom 11 fetches 10m and never 50m.
 */
export function addDetailWhenNeeded(map: MapLibreMap): void {
	let ready = false;
	const loaded = new Set<Resolution>(['110m']);
	const requested = new Set<string>(['110m']);
	const fit = () => {
		LEVELS.forEach((level, i) => {
			if (!map.getLayer(`land-${level.res}`)) return;
			const finer = LEVELS.slice(i + 1).filter((l) => loaded.has(l.res));
			const max = finer.length ? finer[0]!.from : 24;
			for (const layer of landLayers(level.res, {})) map.setLayerZoomRange(layer.id, level.from, max);
		});
	};
	const onSourceData = (e: { sourceId?: string; isSourceLoaded?: boolean }) => {
		const level = LEVELS.find((l) => l.res === e.sourceId);
		if (!level || loaded.has(level.res) || !map.isSourceLoaded(level.res)) return;
		loaded.add(level.res);
		fit();
	};
	const add = (id: string, file: string, layers: LayerSpecification[]) => {
		requested.add(id);
		map.addSource(id, { type: 'geojson', data: url(file), attribution: 'Natural Earth' });
		const under = map.getLayer(FIRST_LABEL_LAYER) ? FIRST_LABEL_LAYER : undefined;
		for (const layer of layers) map.addLayer(layer, under);
	};
	const check = () => {
		if (!ready) return;
		const zoom = map.getZoom();
		LEVELS.forEach((level, i) => {
			const until = LEVELS[i + 1]?.from ?? 24;
			if (requested.has(level.res) || zoom < level.from - 1 || zoom >= until) return;
			add(level.res, `countries-${level.res}.json`, landLayers(level.res, { minzoom: level.from }));
		});
		if (!requested.has('admin1') && zoom >= ADMIN1_ZOOM - 0.5) {
			// Under the country borders, which are drawn on top of the division lines they coincide with.
			add('admin1', 'admin1.json', admin1Layers());
			const under = map.getLayer(FIRST_LABEL_LAYER) ? FIRST_LABEL_LAYER : undefined;
			for (const res of LEVELS.map((l) => l.res)) if (map.getLayer(`borders-${res}`)) map.moveLayer(`borders-${res}`, under);
		}
		if (LEVELS.every((l) => requested.has(l.res)) && requested.has('admin1')) map.off('zoom', check);
	};
	map.on('zoom', check);
	map.on('sourcedata', onSourceData);
	// addSource throws before the style has loaded.
	map.once('load', () => {
		ready = true;
		check();
	});
}

/**
 * Draws the style's images when MapLibre first needs them (no sprite file to fetch): the city dot,
 * and whatever `more` adds (the routes' arrowhead).
 */
export function provideImages(map: MapLibreMap, more: Record<string, (map: MapLibreMap) => void> = {}): void {
	const draw: Record<string, (map: MapLibreMap) => void> = { 'place-dot': addPlaceDot, ...more };
	map.setMissingStyleImageResolver((id) => draw[id]?.(map));
}

/** The small dot beside a city's name at low zooms, drawn on a canvas in the current palette. */
export function addPlaceDot(map: MapLibreMap): void {
	// Drawn in plain JavaScript: a 2D canvas would wait for the GPU process (core/sprites/sprites.ts).
	const image = dotSprite(12, palette.place, palette.halo, 1.5);
	if (map.hasImage('place-dot')) map.updateImage('place-dot', image);
	else map.addImage('place-dot', image, { pixelRatio: 1 });
}
