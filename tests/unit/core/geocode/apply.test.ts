import { describe, expect, it } from 'vitest';
import { emptyRecord } from '$lib/core/data/member';
import { applyGeocodes } from '$lib/core/geocode/apply';
import type { GeocodeResult, GeocodeStatus } from '$lib/core/geocode';

const result = (status: GeocodeStatus, lat: number | null = 50.85, lon: number | null = 4.35): GeocodeResult => ({
	lat: status === 'unresolved' ? null : lat,
	lon: status === 'unresolved' ? null : lon,
	place: status === 'unresolved' ? '' : 'Brussels',
	place_country: status === 'unresolved' ? '' : 'BE',
	status,
	confidence: 0.9,
	candidates: [],
	reason: ''
});

const TESTS = [
	{ title: 'exact is placed', input: result('exact'), expected: 'placed' },
	{ title: 'alias is placed', input: result('alias'), expected: 'placed' },
	{ title: 'fuzzy is placed', input: result('fuzzy'), expected: 'placed' },
	{ title: 'ambiguous waits for review', input: result('ambiguous'), expected: 'pending' },
	{ title: 'unresolved waits for review', input: result('unresolved'), expected: 'pending' },
	{ title: 'a missing result waits', input: undefined, expected: 'pending' }
];

describe('applyGeocodes', () => {
	it.each(TESTS)('$title', ({ input, expected }) => {
		const { placed, stillPending } = applyGeocodes([emptyRecord('a')], input ? [input] : []);
		expect(placed.length ? 'placed' : 'pending').toBe(expected);
		expect(placed.length + stillPending.length).toBe(1);
		if (placed.length) expect(placed[0]).toMatchObject({ lat: 50.85, lon: 4.35, country: 'BE' });
	});

	it('a review choice places an ambiguous or unresolved record, keeping a given country', () => {
		const records = [{ ...emptyRecord('a'), country: 'LB' }, emptyRecord('b')];
		const { placed, stillPending } = applyGeocodes(
			records,
			[result('ambiguous'), result('unresolved')],
			new Map([
				[0, { lat: 34.43, lon: 35.84, place_country: 'LB' }],
				[1, { lat: 1, lon: 2 }]
			])
		);
		expect(stillPending).toEqual([]);
		expect(placed.map((r) => [r.id, r.lat, r.lon, r.country])).toEqual([
			['a', 34.43, 35.84, 'LB'],
			['b', 1, 2, '']
		]);
	});
});
