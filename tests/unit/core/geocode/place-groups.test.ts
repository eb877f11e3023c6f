/**
 * Grouping points without a place name (core/geocode/place-groups.ts): one rule per case on a small
 * hand-made gazetteer, the same answers as ReverseIndex.resolve where both name a place, and the
 * importer's records named in place.
 */
import { describe, expect, it } from 'vitest';
import { Gazetteer, normalizeName } from '$lib/core/geocode';
import { smallGazetteerData } from './small-gazetteer';
import { encodeGazetteer, decodeGazetteer } from '$lib/core/geocode/gazetteer-binary';
import { ReverseIndex } from '$lib/core/geocode/reverse';
import { isUnnamedPoint, nameUnnamedPoints, PlaceGrouper, placeSourceOf } from '$lib/core/geocode/place-groups';
import { emptyRecord, pointCell, townKey, townName, type MemberRecord } from '$lib/core/data/member';
import { columnsOf } from '$lib/core/data/member-columns';
import { indexColumns } from '$lib/core/data/dataset-index';
import { runAtOnce } from '$lib/core/slicing/slices';

const PLACES: [string, string, number, number, number][] = [
	['Brussels', 'BE', 50.8505, 4.3488, 1_019_022],
	['Molenbeek-Saint-Jean', 'BE', 50.8499, 4.3125, 96_000],
	['Schaerbeek', 'BE', 50.8676, 4.3737, 133_000],
	['Dinslaken', 'DE', 51.5623, 6.7434, 70_573],
	['Vaals', 'NL', 50.7708, 6.0181, 9_700],
	['Aachen', 'DE', 50.7766, 6.0834, 265_000],
	['Paris', 'FR', 48.8534, 2.3488, 2_138_551],
	['Paris 04 Hôtel-de-Ville', 'FR', 48.8543, 2.3576, 28_000],
	['Taveuni', 'FJ', -16.85, -179.95, 2_000]
];

const data = smallGazetteerData(PLACES, {
	countryNames: { [normalizeName('Belgium')]: 'BE' },
	countryLabels: { BE: 'Belgium', DE: 'Germany', NL: 'Netherlands', FR: 'France', FJ: 'Fiji' }
});
const gaz = new Gazetteer(data);
const grouper = new PlaceGrouper(gaz);
const placeId = (name: string) => gaz.placeId(gaz.placeNames().indexOf(name));

describe('group', () => {
	it.each([
		{
			title: 'a point in Molenbeek is Molenbeek, not Brussels',
			lat: 50.852,
			lon: 4.318,
			kind: 'within',
			place: 'Molenbeek-Saint-Jean',
			id: 'Molenbeek-Saint-Jean',
			country: 'BE',
			population: 96_000
		},
		{
			title: 'the Grand-Place is Brussels',
			lat: 50.8467,
			lon: 4.3525,
			kind: 'within',
			place: 'Brussels',
			id: 'Brussels',
			country: 'BE',
			population: 1_019_022
		},
		{
			title: 'a point in Vaals is Vaals, though Aachen is bigger',
			lat: 50.771,
			lon: 6.02,
			kind: 'within',
			place: 'Vaals',
			id: 'Vaals',
			country: 'NL',
			population: 9_700
		},
		{
			title: 'a point in a numbered district of Paris is Paris',
			lat: 48.8566,
			lon: 2.3522,
			kind: 'within',
			place: 'Paris',
			id: 'Paris',
			country: 'FR',
			population: 2_138_551
		},
		{
			title: '3 km north of Dinslaken, beyond its radius: near Dinslaken',
			lat: 51.59,
			lon: 6.75,
			kind: 'near',
			place: 'near Dinslaken',
			id: '~Dinslaken',
			country: 'DE',
			population: 0
		},
		{
			title: '20 km further north: still near Dinslaken, the same group',
			lat: 51.75,
			lon: 6.75,
			kind: 'near',
			place: 'near Dinslaken',
			id: '~Dinslaken',
			country: 'DE',
			population: 0
		},
		{
			title: 'across the antimeridian',
			lat: -16.85,
			lon: 179.99,
			kind: 'near',
			place: 'near Taveuni',
			id: '~Taveuni',
			country: 'FJ',
			population: 0
		}
	])('$title', ({ lat, lon, kind, place, id, country, population }) => {
		const g = grouper.group(lat, lon)!;
		const wantId = id.startsWith('~') ? `~${placeId(id.slice(1))}` : placeId(id);
		expect(g).toEqual({ kind, place, placeId: wantId, country, population });
	});

	it.each([
		{ title: 'mid-Atlantic', lat: 40.1, lon: -30.2, key: '~@40.00,-30.25', name: 'around 40.13° N, 30.13° W' },
		{ title: 'south of the equator, west of Greenwich', lat: -0.1, lon: -0.1, key: '~@-0.25,-0.25', name: 'around 0.13° S, 0.13° W' },
		{ title: 'the Barents Sea', lat: 75.3, lon: 40.6, key: '~@75.25,40.50', name: 'around 75.38° N, 40.63° E' }
	])('beyond 150 km of every place ($title): the 0.25-degree cell, named by its centre', ({ lat, lon, key, name }) => {
		expect(grouper.group(lat, lon)).toEqual({ kind: 'cell', placeId: key, place: name, population: 0, country: '' });
		expect(pointCell(lat, lon)).toEqual({ key, name });
	});

	it('no coordinates: no group', () => {
		expect(grouper.group(NaN, 4.3)).toBeNull();
		expect(grouper.locate(50.85, Infinity)).toBe(-1);
	});

	it('points of one group share one object (the importer keeps one string per group)', () => {
		expect(grouper.group(51.59, 6.75)).toBe(grouper.group(51.75, 6.75));
	});
});

describe('the same places as ReverseIndex.resolve', () => {
	// gazetteer.bin decoded alone (the import worker's way) gives the same identities as a Gazetteer.
	const light = placeSourceOf(decodeGazetteer(encodeGazetteer(data)));
	const fromBinary = new PlaceGrouper(light);
	const reverse = new ReverseIndex(gaz);
	let seed = 7;
	const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
	// Points around the places (inside, at and beyond their radii) and far away.
	const points: [number, number][] = [];
	for (let i = 0; i < 3000; i++) {
		const [, , lat, lon] = PLACES[i % PLACES.length]!;
		const spread = [0.02, 0.1, 0.5, 2][i % 4]!;
		points.push([lat + (random() - 0.5) * spread, lon + (random() - 0.5) * spread * 1.6]);
	}
	it('placeSourceOf: every identity, name and population as the Gazetteer has them', () => {
		for (let i = 0; i < gaz.size; i++)
			expect([light.placeId(i), light.placeName(i), light.population[i]]).toEqual([gaz.placeId(i), gaz.placeName(i), gaz.population[i]]);
	});
	it('within a radius: the place resolve names; beyond: "near" the place resolve names; beyond 150 km: a cell where resolve names none', () => {
		const kinds = new Set<string>();
		for (const [lat, lon] of points) {
			const r = reverse.resolve(lat, lon);
			const g = fromBinary.group(lat, lon)!;
			kinds.add(g.kind);
			const expected = !r
				? { kind: 'cell' }
				: r.within
					? { kind: 'within', placeId: r.placeId }
					: { kind: 'near', placeId: `~${r.placeId}` };
			expect(g.kind === 'cell' ? { kind: g.kind } : { kind: g.kind, placeId: g.placeId }, `${lat}, ${lon}`).toEqual(expected);
		}
		expect([...kinds].sort()).toEqual(['cell', 'near', 'within']);
	});
});

describe('nameUnnamedPoints', () => {
	const at = (id: string, lat: number, lon: number, fields: Partial<MemberRecord> = {}): MemberRecord => ({
		...emptyRecord(id),
		lat,
		lon,
		...fields
	});
	it.each([
		{
			title: 'a point without a name gets its place and country',
			record: at('a', 50.852, 4.318),
			expected: { placeId: placeId('Molenbeek-Saint-Jean'), place: 'Molenbeek-Saint-Jean', country: 'BE', population: 96_000 }
		},
		{
			title: 'a country given by the row is kept',
			record: at('b', 50.852, 4.318, { country: 'FR' }),
			expected: { placeId: placeId('Molenbeek-Saint-Jean'), place: 'Molenbeek-Saint-Jean', country: 'FR', population: 96_000 }
		},
		{
			title: 'a row with a name is left to its name',
			record: at('c', 50.852, 4.318, { hometown: 'Molenbeek' }),
			expected: { country: '' }
		},
		{
			title: 'a row with a place identity keeps it',
			record: at('d', 50.852, 4.318, { placeId: 'X', place: 'Y' }),
			expected: { placeId: 'X', place: 'Y', country: '' }
		},
		{ title: 'a row without coordinates waits for the geocoder', record: at('e', NaN, NaN), expected: { country: '' } },
		{
			title: 'blank text is no name',
			record: at('f', 51.59, 6.75, { hometown: '   ' }),
			expected: { placeId: `~${placeId('Dinslaken')}`, place: 'near Dinslaken', country: 'DE', population: 0 }
		}
	])('$title', ({ record, expected }) => {
		const records = [record];
		const before = { lat: record.lat, lon: record.lon };
		nameUnnamedPoints(grouper, records);
		expect(records[0]).toBe(record);
		const { placeId: p, place, country, population } = record;
		expect(Object.fromEntries(Object.entries({ placeId: p, place, country, population }).filter(([, v]) => v !== undefined))).toEqual(
			expected
		);
		// The point itself is never moved.
		expect({ lat: record.lat, lon: record.lon }).toEqual(before);
	});

	it('only the given range', () => {
		const records = [at('a', 50.852, 4.318), at('b', 50.852, 4.318), at('c', 50.852, 4.318)];
		expect(nameUnnamedPoints(grouper, records, 1, 2)).toBe(1);
		expect(records.map(isUnnamedPoint)).toEqual([true, false, true]);
	});

	it('a hundred points around two places make a few towns in the index, each point kept where it was', () => {
		const records: MemberRecord[] = [];
		for (let i = 0; i < 100; i++) {
			const [lat, lon] = i % 2 ? [50.85, 4.34] : [48.86, 2.35];
			records.push(at(`p${i}`, lat + ((i * 37) % 100) / 5000 - 0.01, lon + ((i * 53) % 100) / 4000 - 0.0125, { day: i }));
		}
		const points = records.map((m) => [m.lat, m.lon]);
		nameUnnamedPoints(grouper, records);
		const index = runAtOnce(indexColumns(columnsOf(records)));
		expect(index.towns.map((t) => t.name).sort()).toEqual(['Brussels', 'Molenbeek-Saint-Jean', 'Paris']);
		expect(Array.from(index.columns.lat).map((lat, i) => [lat, index.columns.lon[i]])).toEqual(points);
	});
});

describe('without a gazetteer: the coarse cell, never a town per point', () => {
	const at = (id: string, lat: number, lon: number): MemberRecord => ({ ...emptyRecord(id), lat, lon, day: 0 });
	it.each([
		{ lat: 50.851, lon: 4.351, key: '|~@50.75,4.25', name: 'around 50.88° N, 4.38° E' },
		{ lat: 50.99, lon: 4.49, key: '|~@50.75,4.25', name: 'around 50.88° N, 4.38° E' },
		{ lat: 51.01, lon: 4.49, key: '|~@51.00,4.25', name: 'around 51.13° N, 4.38° E' }
	])('townKey and townName of $lat, $lon', ({ lat, lon, key, name }) => {
		expect([townKey(at('a', lat, lon)), townName(at('a', lat, lon))]).toEqual([key, name]);
	});
	it('the index groups the same way', () => {
		const records = [at('a', 50.851, 4.351), at('b', 50.99, 4.49), at('c', 51.01, 4.49)];
		const index = runAtOnce(indexColumns(columnsOf(records)));
		expect(index.towns.map((t) => [t.key, t.name])).toEqual([
			[townKey(records[0]!), townName(records[0]!)],
			[townKey(records[2]!), townName(records[2]!)]
		]);
	});
});
