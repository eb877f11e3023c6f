/** Reverse geocoding on a small hand-made gazetteer: one rule per case. */
import { describe, expect, it } from 'vitest';
import { Gazetteer, normalizeName, type GazetteerData } from '$lib/core/geocode';
import { smallGazetteerData } from './small-gazetteer';
import { placeRadiusKm, resolvePlace, resolveRecordPlaces, ReverseIndex } from '$lib/core/geocode/reverse';
import { townKey } from '$lib/core/data/member';
import { emptyRecord } from '$lib/core/data/member';
import { townCounts } from '$lib/core/hotspots/hotspots';

const PLACES: [string, string, number, number, number][] = [
	['Brussels', 'BE', 50.8505, 4.3488, 1_019_022],
	['Molenbeek-Saint-Jean', 'BE', 50.8499, 4.3125, 96_000],
	['Dinslaken', 'DE', 51.5623, 6.7434, 70_573],
	['Vaals', 'NL', 50.7708, 6.0181, 9_700],
	['Aachen', 'DE', 50.7766, 6.0834, 265_000],
	['Suva', 'FJ', -18.1416, 178.4415, 77_000],
	['Lautoka', 'FJ', -17.6169, 177.4505, 52_000],
	['Taveuni', 'FJ', -16.85, -179.95, 2_000]
];

const data = smallGazetteerData(PLACES, {
	countryNames: { [normalizeName('Belgium')]: 'BE' },
	countryLabels: { BE: 'Belgium', DE: 'Germany', NL: 'Netherlands', FJ: 'Fiji' }
});
const gaz = new Gazetteer(data);
const index = new ReverseIndex(gaz);

describe('resolve', () => {
	it.each([
		{
			title: 'a point in Molenbeek is Molenbeek, not Brussels (nearest whose radius holds it)',
			lat: 50.852,
			lon: 4.318,
			expected: { name: 'Molenbeek-Saint-Jean', within: true, country: 'BE' }
		},
		{ title: 'the Grand-Place is Brussels', lat: 50.8467, lon: 4.3525, expected: { name: 'Brussels', within: true, country: 'BE' } },
		{
			title: 'Lohberg, 3 km north of Dinslaken, is beyond its radius: near Dinslaken',
			lat: 51.59,
			lon: 6.75,
			expected: { name: 'Dinslaken', within: false, country: 'DE' }
		},
		{
			title: 'a point in Vaals is in the Netherlands, though Aachen is bigger',
			lat: 50.771,
			lon: 6.02,
			expected: { name: 'Vaals', within: true, country: 'NL' }
		},
		{ title: 'across the antimeridian', lat: -16.85, lon: 179.99, expected: { name: 'Taveuni', within: false, country: 'FJ' } }
	])('$title', ({ lat, lon, expected }) => {
		const r = index.resolve(lat, lon)!;
		expect({ name: r.name, within: r.within, country: r.country }).toEqual(expected);
		expect(r.label).toBe(expected.within ? expected.name : `near ${expected.name}`);
	});

	it.each([
		{ title: 'the open sea off Somalia', lat: 4.35, lon: 50.85 },
		{ title: 'null island', lat: 0, lon: 0 },
		{ title: 'not a number', lat: NaN, lon: 4 }
	])('$title resolves to nothing', ({ lat, lon }) => {
		expect(index.resolve(lat, lon)).toBeNull();
	});

	it.each([
		{ pop: 0, km: 2 },
		{ pop: 96_000, km: 2 },
		{ pop: 2_100_000, km: 6.87 },
		{ pop: 20_000_000, km: 15 }
	])('a place of $pop people has a radius of $km km', ({ pop, km }) => {
		expect(placeRadiusKm(pop)).toBeCloseTo(km, 1);
	});
});

describe('grouping by resolved place', () => {
	const at = (id: string, hometown: string, lat: number, lon: number, country = '') => ({
		...emptyRecord(id),
		hometown,
		lat,
		lon,
		country
	});

	it('spellings of one place share one row, with the spellings listed', () => {
		const { records } = resolveRecordPlaces(index, [
			at('a', 'Bruxelles', 50.8466, 4.3528),
			at('b', 'Brussel', 50.8505, 4.3488),
			at('c', 'Brussels', 50.848, 4.35, 'BE')
		]);
		const rows = townCounts(records);
		expect(rows.map((r) => [r.name, r.count, r.places])).toEqual([['Brussels', 3, ['Brussels', 'Bruxelles', 'Brussel']]]);
	});

	it('rows with coordinates and no name get a name and a country; different places never share a row', () => {
		const { records, named, countries } = resolveRecordPlaces(index, [
			at('a', '', 50.8505, 4.3488),
			at('b', '', 51.5623, 6.7434),
			at('c', '', 51.5623, 6.7434)
		]);
		expect({ named, countries }).toEqual({ named: 3, countries: 3 });
		expect(townCounts(records).map((r) => [r.name, r.country, r.count])).toEqual([
			['Brussels', 'BE', 1],
			['Dinslaken', 'DE', 2]
		]);
	});

	it('"near X" points 20 km apart stay apart, and keep their own text as the name', () => {
		const { records } = resolveRecordPlaces(index, [at('a', 'Lohberg', 51.59, 6.75), at('b', '', 51.75, 6.75)]);
		expect(records.map((r) => r.place)).toEqual(['Lohberg', 'near Dinslaken']);
		expect(new Set(records.map(townKey)).size).toBe(2);
	});

	it('unnamed rows without a gazetteer identity are keyed by their point, never merged', () => {
		expect(townKey(at('a', '', 50.1, 4.1))).not.toBe(townKey(at('b', '', 51.1, 4.1)));
	});

	it('a point at sea keeps no identity', () => {
		expect(resolvePlace(index, 4.35, 50.85)).toBeNull();
	});
});

describe('numbered districts', () => {
	const d: GazetteerData = {
		...data,
		name: ['Paris', 'Paris 04 Hôtel-de-Ville', 'Lyon', 'Lyon 01'],
		country: ['FR', 'FR', 'FR', 'FR'],
		lat: [488534, 488543, 457485, 457676],
		lon: [23488, 23576, 48467, 48283],
		pop: [2_138_551, 28_000, 472_317, 29_000],
		alt: ['', '', '', '']
	};
	const idx = new ReverseIndex(new Gazetteer(d));
	it.each([
		{ lat: 48.8566, lon: 2.3522, expected: 'Paris' },
		{ lat: 45.764, lon: 4.8357, expected: 'Lyon' }
	])('a point in a numbered district of $expected is $expected', ({ lat, lon, expected }) => {
		expect(idx.resolve(lat, lon)!.name).toBe(expected);
	});
});
