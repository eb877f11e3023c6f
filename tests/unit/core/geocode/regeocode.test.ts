import { describe, expect, it } from 'vitest';
import { emptyRecord, type MemberRecord } from '$lib/core/data/member';
import { applyGeocodes } from '$lib/core/geocode/apply';
import type { GeocodeResult, GeocodeStatus } from '$lib/core/geocode';
import {
	asRegeocoded,
	givenColumns,
	keepsGiven,
	needsGeocoder,
	partitionForGeocoding,
	splitForGeocoding
} from '$lib/core/geocode/regeocode';
import { columnsOf } from '$lib/core/data/member-columns';
import { recordsToCsv, privateRecords } from '$lib/core/export/records';

const rec = (id: string, hometown: string, lat = NaN, lon = NaN, row?: number): MemberRecord => ({
	...emptyRecord(id),
	hometown,
	lat,
	lon,
	...(row ? { row } : {})
});
const result = (status: GeocodeStatus, lat: number | null, lon: number | null): GeocodeResult => ({
	lat,
	lon,
	place: lat === null ? '' : 'Lunel',
	place_country: lat === null ? '' : 'FR',
	status,
	confidence: 0.9,
	candidates: [],
	reason: ''
});

describe('which rows go to the geocoder', () => {
	const CASES = [
		{ title: 'no coordinates, a name', input: rec('a', 'Lunel'), regeocode: false, expected: true },
		{ title: 'coordinates and a name, not re-geocoding', input: rec('a', 'Lunel', 10, 10), regeocode: false, expected: false },
		{ title: 'coordinates and a name, re-geocoding', input: rec('a', 'Lunel', 10, 10), regeocode: true, expected: true },
		{ title: 'coordinates and no name, re-geocoding: nothing to geocode', input: rec('a', '', 10, 10), regeocode: true, expected: false },
		{ title: 'coordinates and a blank name, re-geocoding', input: rec('a', '  ', 10, 10), regeocode: true, expected: false },
		{ title: 'no coordinates, no name: still sent (the geocoder says why not)', input: rec('a', ''), regeocode: false, expected: true }
	];
	it.each(CASES)('$title', ({ input, regeocode, expected }) => expect(needsGeocoder(input, regeocode)).toBe(expected));
});

describe('when the given coordinates are kept', () => {
	const CASES = [
		{ title: 'given, not sent', given: true, sent: false, found: { lat: 43.7 }, expected: true },
		{ title: 'given, sent, found', given: true, sent: true, found: { lat: 43.7 }, expected: false },
		{ title: 'given, sent, nothing found', given: true, sent: true, found: { lat: null }, expected: true },
		{ title: 'given, sent, no result at all', given: true, sent: true, found: undefined, expected: true },
		{ title: 'none given', given: false, sent: true, found: { lat: null }, expected: false }
	];
	it.each(CASES)('$title', ({ given, sent, found, expected }) => expect(keepsGiven(given, sent, found)).toBe(expected));
});

describe('the given-coordinate columns', () => {
	const CASES = [
		{ title: 'given', input: rec('a', 'Lunel', 10.5, -3.25), expected: { given_lat: '10.5', given_lon: '-3.25' } },
		{ title: 'none', input: rec('a', 'Lunel'), expected: { given_lat: '', given_lon: '' } }
	];
	it.each(CASES)('$title', ({ input, expected }) => expect(givenColumns(input)).toEqual(expected));
});

describe('an import split for re-geocoding', () => {
	const placed = [
		rec('a', 'Lunel', 10, 10, 2),
		rec('b', '', 50.85, 4.35, 3),
		{ ...rec('c', 'Brussels', 50.85, 4.35, 5), placeId: 'g1', place: 'Brussels' }
	];
	const pending = [rec('d', 'Oslo', NaN, NaN, 4)];
	const CASES = [
		{ title: 'off: as it was', regeocode: false, expected: { placed: ['a', 'b', 'c'], pending: ['d'], rows: [4], regeocoded: 0 } },
		{
			title: 'on: named rows with coordinates wait too, after the others',
			regeocode: true,
			expected: { placed: ['b'], pending: ['d', 'a', 'c'], rows: [4, 2, 5], regeocoded: 2 }
		}
	];
	it.each(CASES)('$title', ({ regeocode, expected }) => {
		const { partition, rowNumbers, regeocoded } = partitionForGeocoding({ placed, pending }, [4], regeocode);
		expect({
			placed: partition.placed.map((r) => r.id),
			pending: partition.pending.map((r) => r.id),
			rows: rowNumbers,
			regeocoded
		}).toEqual(expected);
	});
	it('a re-geocoded row keeps its given point apart, and loses the place it resolved to', () => {
		const r = asRegeocoded(placed[2]!);
		expect(r).toMatchObject({ givenLat: 50.85, givenLon: 4.35 });
		expect([r.lat, r.lon, r.placeId, r.place]).toEqual([NaN, NaN, undefined, undefined]);
	});
});

describe('re-geocoded rows placed', () => {
	const given = asRegeocoded(rec('a', 'Lunel', 10, 10));
	const CASES = [
		{
			title: 'found: at the gazetteer place, given kept',
			input: result('exact', 43.68, 4.14),
			expected: { list: 'placed', lat: 43.68, lon: 4.14 }
		},
		{
			title: 'nothing found: back at the given point',
			input: result('unresolved', null, null),
			expected: { list: 'placed', lat: 10, lon: 10 }
		},
		{ title: 'ambiguous: waits for the review', input: result('ambiguous', 43.68, 4.14), expected: { list: 'pending', lat: NaN, lon: NaN } }
	];
	it.each(CASES)('$title', ({ input, expected }) => {
		const { placed, stillPending } = applyGeocodes([given], [input]);
		const out = placed[0] ?? stillPending[0]!;
		expect({ list: placed.length ? 'placed' : 'pending', lat: out.lat, lon: out.lon }).toEqual(expected);
		expect([out.givenLat, out.givenLon]).toEqual([10, 10]);
	});
});

describe('the CSV export carries the given coordinates', () => {
	const moved = { ...asRegeocoded(rec('a', 'Lunel', 10, 10)), lat: 43.68, lon: 4.14, country: 'FR' };
	const CASES = [
		{ title: 'no re-geocoded row: no extra columns', members: [rec('b', 'Lunel', 43.68, 4.14)], k: 0, expected: null },
		{ title: 'a re-geocoded row: given_lat, given_lon', members: [moved, rec('b', 'Lunel', 43.68, 4.14)], k: 0, expected: ['10', '10'] },
		{
			title: 'folded under k: the given point left out',
			members: [moved, { ...rec('b', 'Nimes', 43.84, 4.36), country: 'FR' }],
			k: 2,
			expected: ['', '']
		}
	];
	it.each(CASES)('$title', ({ members, k, expected }) => {
		const [header, first] = recordsToCsv(privateRecords(members, k))
			.split('\r\n')
			.map((l) => l.split(','));
		if (expected === null) return expect(header).not.toContain('given_lat');
		expect(header!.slice(-2)).toEqual(['given_lat', 'given_lon']);
		expect(first!.slice(-2)).toEqual(expected);
	});
});

describe('splitForGeocoding: a batch of columns split as partitionForGeocoding splits its records', () => {
	const placed = (id: string, town = 'Liège') => rec(id, town, 50.6, 5.6);
	it.each([
		{ title: 'all placed', rows: [placed('a'), placed('b', '')], regeocode: false, kept: null, others: [] },
		{
			title: 'all placed, re-geocoding: those with a town go back',
			rows: [placed('a'), placed('b', ' ')],
			regeocode: true,
			kept: [1],
			others: [0]
		},
		{ title: 'the first without coordinates', rows: [rec('a', 'Liège'), placed('b')], regeocode: false, kept: [1], others: [0] },
		{
			title: 'the last without coordinates',
			rows: [placed('a'), placed('b'), rec('c', 'Liège')],
			regeocode: false,
			kept: [0, 1],
			others: [2]
		},
		{ title: 'only a latitude', rows: [rec('a', 'X', 50), placed('b')], regeocode: false, kept: [1], others: [0] },
		{ title: 'infinite coordinates are not placed', rows: [rec('a', 'X', Infinity, 4)], regeocode: false, kept: [], others: [0] },
		{ title: 'none', rows: [], regeocode: true, kept: null, others: [] }
	])('$title', ({ rows, regeocode, kept, others }) => {
		const split = splitForGeocoding(columnsOf(rows), regeocode);
		expect(split).toEqual({ kept, others });
		// The same rows as the records' rule.
		expect(split.others).toEqual(rows.flatMap((r, i) => (needsGeocoder(r, regeocode) ? [i] : [])));
	});
});
