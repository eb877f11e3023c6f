import { describe, expect, it } from 'vitest';
import { emptyRecord, type MemberRecord } from '$lib/core/data/member';
import type { PlaceIssue } from '$lib/core/geocode/crosscheck';
import { choicesFor, settleCheck, swapAll, withResolvedPlaces } from '$lib/core/geocode/place-checks';
import { undatedNote } from '$lib/core/data/undated';

const at = (id: string, lat: number, lon: number, extra: Partial<MemberRecord> = {}): MemberRecord => ({
	...emptyRecord(id),
	lat,
	lon,
	...extra
});
const issue = (kind: PlaceIssue['kind'], suggested?: { lat: number; lon: number }): PlaceIssue => ({
	row: 2,
	field: 'lat/lon',
	kind,
	reason: 'r',
	fix: 'f',
	suggested
});

describe('settling a coordinate finding', () => {
	it.each([
		{
			title: 'swap',
			record: at('b', 4.35, 50.85, { placeId: 'x', place: 'near Y' }),
			finding: issue('swapped', { lat: 50.85, lon: 4.35 }),
			choice: 'swap' as const,
			expected: [50.85, 4.35, undefined]
		},
		{
			title: 'use the named place',
			record: at('l', 48.85, 2.35),
			finding: issue('far', { lat: 45.75, lon: 4.85 }),
			choice: 'use-named' as const,
			expected: [45.75, 4.85, undefined]
		},
		{
			title: 'keep as given',
			record: at('k', 48.85, 2.35, { placeId: 'p' }),
			finding: issue('far', { lat: 45.75, lon: 4.85 }),
			choice: 'keep' as const,
			expected: [48.85, 2.35, 'p']
		},
		{
			title: 'a swap that would put lat out of range is refused',
			record: at('o', 10, 120),
			finding: issue('outside-country'),
			choice: 'swap' as const,
			expected: [10, 120, undefined]
		}
	])('$title', ({ record, finding, choice, expected }) => {
		const m = settleCheck(record, finding, choice);
		expect([m.lat, m.lon, m.placeId]).toEqual(expected);
	});

	it.each([
		{ kind: 'swapped' as const, suggested: { lat: 1, lon: 2 }, expected: ['swap', 'keep'] },
		{ kind: 'far' as const, suggested: { lat: 1, lon: 2 }, expected: ['use-named', 'swap', 'keep'] },
		{ kind: 'outside-country' as const, suggested: undefined, expected: ['keep', 'swap'] }
	])('choices for $kind, the suggested first', ({ kind, suggested, expected }) => {
		expect(choicesFor(issue(kind, suggested))).toEqual(expected);
	});

	it('swaps a whole file, leaving rows without coordinates alone', () => {
		expect(swapAll([at('a', 4.35, 50.85), { ...emptyRecord('b'), hometown: 'x' }]).map((m) => [m.lat, m.lon])).toEqual([
			[50.85, 4.35],
			[NaN, NaN]
		]);
	});
});

describe('resolved places onto records', () => {
	it('adds identity, name and country; keeps a given country and an existing identity', () => {
		const out = withResolvedPlaces(
			[
				at('a', 50.85, 4.35),
				at('b', 50.85, 4.35, { country: 'FR' }),
				at('c', 1, 1, { placeId: 'keep' }),
				at('d', 51.6, 6.75, { hometown: 'Lohberg' }),
				at('e', 0.5, 0.5)
			],
			[
				{ placeId: 'BE/brussels@50.850,4.349', place: 'Brussels', population: 1_000_000, country: 'BE' },
				{ placeId: 'BE/brussels@50.850,4.349', place: 'Brussels', population: 1_000_000, country: 'BE' },
				{ placeId: 'other', place: 'Other', population: 1, country: 'XX' },
				{ placeId: '~DE@51.60,6.75', place: 'near Dinslaken', population: 0, country: 'DE' },
				null
			]
		);
		expect(out.map((m) => [m.placeId, m.place, m.country])).toEqual([
			['BE/brussels@50.850,4.349', 'Brussels', 'BE'],
			['BE/brussels@50.850,4.349', 'Brussels', 'FR'],
			['keep', undefined, ''],
			['~DE@51.60,6.75', 'Lohberg', 'DE'],
			[undefined, undefined, '']
		]);
	});
});

describe('undated note', () => {
	it.each([
		{ count: 0, shown: true, expected: '' },
		{ count: 1, shown: true, expected: '1 member without a date, shown throughout' },
		{ count: 4, shown: false, expected: '4 members without a date, hidden' }
	])('$count $shown', ({ count, shown, expected }) => expect(undatedNote(count, shown)).toBe(expected));
});
