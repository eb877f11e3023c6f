/**
 * The binary gazetteer: what the build writes, the geocoder reads back the same places, keys and
 * aliases; the order of places and keys is the format's (sorted by primary key); names come back
 * through their rule or their own bytes; and the fuzzy search meets candidates in a fixed order.
 */
import { describe, expect, it } from 'vitest';
import { Gazetteer, normalizeName, type GazetteerData } from '$lib/core/geocode';
import { populatedPlaces } from '$lib/core/geocode/gazetteer';
import { runAtOnce } from '$lib/core/slicing/slices';
import {
	decodeGazetteer,
	encodeGazetteer,
	keyOrder,
	nameByRule,
	namePatch,
	sortGazetteer,
	type GazetteerColumns
} from '$lib/core/geocode/gazetteer-binary';

/** Each place's name rule as stored: 0 own bytes, 1 or 2 a rule, 3 or 4 a rule and a patch. */
const colNames = (cols: GazetteerColumns) => Array.from({ length: cols.header.places }, (_, i) => cols.name(i));

function nameRules(cols: GazetteerColumns): number[] {
	const bytes = encodeGazetteer(source);
	const view = new DataView(bytes.buffer);
	const start = Math.ceil((12 + view.getUint32(8, true)) / 8) * 8;
	const info = cols.header.sections.find((s) => s.name === 'nameRule')!;
	return [...bytes.subarray(start + info.offset, start + info.offset + info.bytes)];
}

const PLACES: [name: string, country: string, lat: number, lon: number, pop: number, alt: string[], admin: string][] = [
	['Tripoli', 'LY', 32.8874, 13.1873, 1_150_989, ['Tarabulus', 'Trablus'], ''],
	['Brussels', 'BE', 50.8505, 4.3488, 1_019_022, ['Bruxelles', 'Brussel'], 'BRU'],
	['Molenbeek-Saint-Jean', 'BE', 50.8499, 4.3125, 0, [], 'BRU'],
	['Tripoli', 'LB', 34.4335, 35.8442, 229_398, [], ''],
	['Sint-Truiden', 'BE', 50.8167, 5.1833, 40_000, [], 'VLI'],
	['Malmö', 'SE', 55.6059, 13.0007, 301_706, [], ''],
	['Старо Нагоричане', 'MK', 42.1978, 21.8286, 0, ['staro nagoricane'], ''],
	['--', 'XX', -33.5, -70.25, 5, [], ''],
	['Bruxelles', 'FR', 44.1, 2.9, 12, [], '12'],
	['Plestin-les-Grèves', 'FR', 48.6581, -3.6308, 3_500, [], '22'],
	['Saint-Gilles', 'BE', 50.8267, 4.3458, 50_000, [], 'BRU'],
	['Punta Arenas', 'CL', -53.1638, -70.9171, 123_403, [], ''],
	['Ushuaia', 'AR', -54.8019, -68.303, 58_028, [], ''],
	['La Quiaca', 'AR', -22.1056, -65.5967, 14_753, [], ''],
	['Knokke-Heist', 'BE', 51.35, 3.2667, 33_000, [], 'VWV']
];

function data(): GazetteerData {
	return {
		version: 1,
		attribution: 'test fixture',
		name: PLACES.map((p) => p[0]),
		country: PLACES.map((p) => p[1]),
		lat: PLACES.map((p) => Math.round(p[2] * 1e4)),
		lon: PLACES.map((p) => Math.round(p[3] * 1e4)),
		pop: PLACES.map((p) => p[4]),
		alt: PLACES.map((p) => p[5].map(normalizeName).join('|')),
		admin: PLACES.map((p) => p[6]),
		aliases: { molenbeek: 2, [normalizeName('Tripoli, Libya')]: 0 },
		countryNames: { belgium: 'BE', libya: 'LY' },
		countryLabels: { BE: 'Belgium', LY: 'Libya' }
	};
}

const source = data();
const sorted = sortGazetteer(source);
const gaz = new Gazetteer(encodeGazetteer(source));
const places = (g: Gazetteer) =>
	Array.from({ length: g.size }, (_, i) => `${g.placeName(i)}|${g.country[i]}|${g.lat[i]}|${g.lon[i]}|${g.population[i]}|${g.admin[i]}`);

describe('binary gazetteer', () => {
	it('holds every place of the source, with its coordinates, population and administrative area', () => {
		const expected = PLACES.map((p) => `${p[0]}|${p[1]}|${Math.round(p[2] * 1e4) / 1e4}|${Math.round(p[3] * 1e4) / 1e4}|${p[4]}|${p[6]}`);
		expect(places(gaz).sort()).toEqual(expected.sort());
	});

	it('numbers the places by primary key, as the sorted JSON does, and reads the same from both', () => {
		expect(places(new Gazetteer(sorted))).toEqual(places(gaz));
		const keys = gaz.placeNames().map((n) => normalizeName(n));
		expect([...keys].sort(keyOrder)).toEqual(keys);
	});

	it.each([
		{ key: 'brussels', primary: ['Brussels|BE'], alternate: [], curated: '' },
		{ key: 'bruxelles', primary: ['Bruxelles|FR'], alternate: ['Brussels|BE'], curated: '' },
		{ key: 'tripoli', primary: ['Tripoli|LY', 'Tripoli|LB'], alternate: [], curated: '' },
		{ key: 'tarabulus', primary: [], alternate: ['Tripoli|LY'], curated: '' },
		{ key: 'molenbeek', primary: [], alternate: [], curated: 'Molenbeek-Saint-Jean|BE' },
		{ key: 'tripoli libya', primary: [], alternate: [], curated: 'Tripoli|LY' },
		{ key: normalizeName('Старо Нагоричане'), primary: ['Старо Нагоричане|MK'], alternate: [], curated: '' },
		{ key: 'staro nagoricane', primary: [], alternate: ['Старо Нагоричане|MK'], curated: '' }
	])('finds "$key": its places, the places known by it, its curated alias', ({ key, primary, alternate, curated }) => {
		const k = gaz.keyIndex(key);
		expect(k).toBeGreaterThanOrEqual(0);
		expect(gaz.key(k)).toBe(key);
		const label = (i: number) => `${gaz.placeName(i)}|${gaz.country[i]}`;
		const run: string[] = [];
		for (let i = gaz.primaryStart(k); i < gaz.primaryEnd(k); i++) run.push(label(i));
		const alt: string[] = [];
		for (let j = gaz.alternateStart(k); j < gaz.alternateEnd(k); j++) alt.push(label(gaz.alternatePlace(j)));
		expect(run).toEqual(primary);
		expect(alt).toEqual(alternate);
		expect(gaz.curatedPlace(k) >= 0 ? label(gaz.curatedPlace(k)) : '').toBe(curated);
		for (let i = gaz.primaryStart(k); i < gaz.primaryEnd(k); i++) expect(gaz.primaryKeyOf(i)).toBe(k);
	});

	it.each(['brussel x', 'tripol', '', 'zzz', 'a'])('finds nothing for "%s"', (key) => {
		expect(gaz.keyIndex(key) === -1 || gaz.primaryEnd(gaz.keyIndex(key)) === gaz.primaryStart(gaz.keyIndex(key))).toBe(true);
		if (key !== 'brussel x') expect(gaz.keyIndex(key)).toBe(-1);
	});

	it('gives a place whose name normalises to nothing no primary key', () => {
		const i = gaz.placeNames().indexOf('--');
		expect(gaz.primaryKeyOf(i)).toBe(-1);
	});

	it.each([
		{ key: 'molenbeek st jean', rule: 1, name: 'Molenbeek St Jean' },
		{ key: 'sint truiden', rule: 2, name: 'Sint-Truiden' },
		{ key: 'brussels', rule: 1, name: 'Brussels' }
	])('name rule $rule makes "$name" from "$key"', ({ key, rule, name }) => {
		expect(nameByRule(key, rule)).toBe(name);
	});

	it.each([
		{ base: 'Malmo', name: 'Malmö', patch: '4ö' },
		{ base: 'Plestin-Les-Greves', name: 'Plestin-les-Grèves', patch: '8l5è' },
		{ base: 'Ecole', name: 'École', patch: '0É' },
		{ base: 'Brussels', name: 'Brussels', patch: '' },
		{ base: 'St Gilles', name: 'Saint-Gilles', patch: null },
		{ base: 'Abc', name: 'Xyz', patch: null },
		{ base: 'A' + 'b'.repeat(90) + 'c', name: 'A' + 'b'.repeat(90) + 'ç', patch: null },
		{ base: 'Ab', name: 'A\ud835', patch: null }
	])('patches "$base" into "$name" with $patch', ({ base, name, patch }) => {
		expect(namePatch(base, name)).toBe(patch);
	});

	it('gives back names by rule, by rule and patch, and from their own bytes', () => {
		const cols = decodeGazetteer(encodeGazetteer(source));
		const rules = Object.fromEntries(colNames(cols).map((name, i) => [name, nameRules(cols)[i]]));
		expect(rules).toMatchObject({
			Brussels: 1,
			'Knokke-Heist': 2,
			'Sint-Truiden': 0,
			Malmö: 3,
			'Plestin-les-Grèves': 4,
			'Saint-Gilles': 0
		});
	});

	it('keeps names no rule gives back in its own bytes', () => {
		const cols = decodeGazetteer(encodeGazetteer(source));
		expect(colNames(cols).sort()).toEqual(PLACES.map((p) => p[0]).sort());
	});

	it('the populated places read from the decoded columns equal those of a Gazetteer', () => {
		const rows = runAtOnce(populatedPlaces(decodeGazetteer(encodeGazetteer(source))));
		const alt = gaz.alternateNamesByPlace();
		const expected = Array.from({ length: gaz.size }, (_, i) => i)
			.filter((i) => gaz.population[i]! > 0)
			.map((i) => ({
				name: gaz.placeName(i),
				country: gaz.country[i],
				lat: gaz.lat[i],
				lon: gaz.lon[i],
				population: gaz.population[i],
				alt: alt[i] ?? []
			}));
		expect(expected.length).toBeGreaterThan(3);
		expect(rows).toEqual(expected);
	});

	it('gives each place its alternate names', () => {
		const alt = gaz.alternateNamesByPlace();
		const brussels = gaz.placeNames().indexOf('Brussels');
		expect(alt[brussels]).toEqual(['brussel', 'bruxelles']);
	});

	it.each<{ query: string; distance: 1 | 2; expected: string[] }>([
		{ query: 'brussals', distance: 1, expected: ['brussels'] },
		{ query: 'tripolo', distance: 1, expected: ['tripoli'] },
		{ query: 'bruxeles', distance: 1, expected: ['bruxelles'] },
		{ query: 'molenbeck', distance: 1, expected: ['molenbeek'] },
		{ query: 'trabulus', distance: 2, expected: ['tarabulus', 'trablus'] }
	])('fuzzy search finds $expected for "$query" within $distance', ({ query, distance, expected }) => {
		const found: string[] = [];
		gaz.fuzzyScan(query, distance, (k) => found.push(gaz.key(k)));
		expect(found.sort()).toEqual(expected);
	});

	it.each([
		{ bytes: new Uint8Array(4), message: 'not a gazetteer file' },
		{
			bytes: (() => {
				const b = encodeGazetteer(source).slice();
				b[4] = 99;
				return b;
			})(),
			message: 'format 99'
		}
	])('refuses a file of another kind: $message', ({ bytes, message }) => {
		expect(() => new Gazetteer(bytes)).toThrow(message);
	});
});

describe('one-edit search', () => {
	// Many near namesakes: short words over five letters, some with a space, a few non-ASCII.
	const rand = (() => {
		let seed = 7;
		return () => {
			seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
			return seed / 2 ** 32;
		};
	})();
	const letters = 'aeinrs ';
	const word = () => {
		let w = '';
		for (let i = 4 + Math.floor(rand() * 6); i > 0; i--) w += letters[Math.floor(rand() * letters.length)];
		return w.trim().replace(/\s+/g, ' ') || 'aaaa';
	};
	const n = 3000;
	const names = Array.from({ length: n }, (_, i) => (i % 97 === 0 ? `${word()}é` : word()));
	const synthetic: GazetteerData = {
		version: 1,
		attribution: 'synthetic',
		name: names,
		country: names.map((_, i) => (i % 2 ? 'BE' : 'FR')),
		lat: names.map((_, i) => i),
		lon: names.map((_, i) => -i),
		pop: names.map((_, i) => i * 10),
		alt: names.map((_, i) => (i % 5 === 0 ? [word(), word()].map(normalizeName).filter(Boolean).join('|') : '')),
		aliases: {},
		countryNames: {},
		countryLabels: {}
	};
	const scanned = new Gazetteer(synthetic);
	const indexed = new Gazetteer(synthetic);
	indexed.buildDeletionIndex();
	const visits = (g: Gazetteer, q: string, d: 1 | 2) => {
		const out: string[] = [];
		g.fuzzyScan(q, d, (k, distance) => out.push(`${g.key(k)}:${distance}`));
		return out;
	};

	it('meets the same keys in the same order through the deletion index as by scanning the buckets', () => {
		let met = 0;
		for (let i = 0; i < 3000; i++) {
			let q = normalizeName(i % 3 ? names[Math.floor(rand() * n)]! : word());
			const p = Math.floor(rand() * (q.length + 1));
			const c = letters[Math.floor(rand() * 5)]!;
			const edit = Math.floor(rand() * 4);
			if (edit === 0) q = q.slice(0, p) + c + q.slice(p);
			else if (edit === 1) q = q.slice(0, p) + q.slice(p + 1);
			else if (edit === 2) q = q.slice(0, p) + c + q.slice(p + 1);
			const expected = visits(scanned, q, 1);
			expect(visits(indexed, q, 1), q).toEqual(expected);
			met += expected.length;
		}
		expect(met).toBeGreaterThan(3000);
	});

	it.each([
		{ how: 'by binary search', g: () => scanned },
		{ how: 'through the deletion index', g: () => indexed }
	])('finds every key at its index $how, and nothing for any other text', ({ g }) => {
		const gaz = g();
		const reference = new Map<string, number>();
		for (let k = 0; k < gaz.keyCount; k++) reference.set(gaz.key(k), k);
		for (const [key, k] of reference) if (gaz.keyIndex(key) !== k) throw new Error(`keyIndex(${key})`);
		let absent = 0;
		for (let i = 0; i < 5000; i++) {
			const key = gaz.key(Math.floor(rand() * gaz.keyCount));
			const p = Math.floor(rand() * (key.length + 1));
			const q = i % 2 ? key.slice(0, p) + letters[Math.floor(rand() * letters.length)] + key.slice(p) : key.slice(0, p);
			const expected = reference.get(q) ?? -1;
			if (expected < 0) absent++;
			expect(gaz.keyIndex(q), q).toBe(expected);
		}
		expect(reference.size).toBeGreaterThan(2000);
		expect(absent).toBeGreaterThan(1000);
	});

	it('finds the keys one edit away, and the key itself, in the fixture', () => {
		const small = new Gazetteer(source);
		small.buildDeletionIndex();
		expect(visits(small, 'brussals', 1)).toEqual(['brussels:1']);
		expect(visits(small, 'brussels', 1)).toEqual(['brussel:1', 'brussels:0']);
		expect(visits(small, 'tripoil', 1)).toEqual(['tripoli:1']);
		expect(visits(small, 'bruxeles', 1)).toEqual(['bruxelles:1']);
		expect(visits(small, 'trabulus', 1)).toEqual(['trablus:1', 'tarabulus:1']);
		expect(visits(small, 'zzzzzz', 1)).toEqual([]);
	});
});
