import { describe, expect, it } from 'vitest';
import { emptyRecord, type MemberRecord } from '$lib/core/data/member';
import type { GeocodeResult, GeocodeStatus } from '$lib/core/geocode';
import { choicesByIndex, reviewRowsOf, summaryLine } from '$lib/core/geocode/import-review';
import { placeKey, type ReviewChoice } from '$lib/core/geocode/review';

const result = (status: GeocodeStatus): GeocodeResult => ({
	lat: status === 'unresolved' ? null : 1,
	lon: status === 'unresolved' ? null : 2,
	place: '',
	place_country: '',
	status,
	confidence: 0.5,
	candidates: [],
	reason: ''
});
const record = (id: string, hometown: string, country = ''): MemberRecord => ({ ...emptyRecord(id), hometown, country });
const choice = (hometown: string, country: string, lat: number, lon: number, place_country = ''): ReviewChoice => ({
	fingerprint: 'f',
	placeKey: placeKey(hometown, country),
	hometown,
	country,
	lat,
	lon,
	place: '',
	place_country,
	chosenAt: ''
});

const PENDING = [
	record('a', 'Bruxelles'),
	record('b', 'Tripoli'),
	record('c', 'Atlantis'),
	record('d', 'TRIPOLI'),
	record('e', 'Tripoli', 'LB')
];

const ROW_TESTS = [
	{
		title: 'only ambiguous and unresolved rows, with their file row numbers',
		input: { statuses: ['alias', 'ambiguous', 'unresolved', 'ambiguous', 'exact'] as GeocodeStatus[], rows: [2, 3, 5, 6, 7] },
		expected: [3, 5, 6]
	},
	{
		title: 'nothing to review',
		input: { statuses: ['exact', 'alias', 'fuzzy', 'exact', 'exact'] as GeocodeStatus[], rows: [2, 3, 4, 5, 6] },
		expected: []
	},
	{
		title: 'a missing row number falls back to the position',
		input: { statuses: ['unresolved', 'exact', 'exact', 'exact', 'exact'] as GeocodeStatus[], rows: [] },
		expected: [1]
	},
	{ title: 'a missing result is not listed', input: { statuses: ['exact'] as GeocodeStatus[], rows: [2, 3, 4, 5, 6] }, expected: [] }
];

const CHOICE_TESTS = [
	{ title: 'no choices', input: [] as ReviewChoice[], expected: [] },
	{
		title: 'one choice applies to every row of the same text (case folded), not to another country',
		input: [choice('Tripoli', '', 32.9, 13.18, 'LY')],
		expected: [
			[1, 32.9, 13.18],
			[3, 32.9, 13.18]
		]
	},
	{
		title: 'choices for other texts or countries',
		input: [choice('Tripoli', 'LB', 34.4, 35.8), choice('Atlantis', '', 10, 20)],
		expected: [
			[2, 10, 20],
			[4, 34.4, 35.8]
		]
	}
];

describe('reviewRowsOf', () => {
	it.each(ROW_TESTS)('$title', ({ input, expected }) => {
		const rows = reviewRowsOf(PENDING, input.rows, input.statuses.map(result));
		expect(rows.map((r) => r.row)).toEqual(expected);
	});
});

describe('choicesByIndex', () => {
	it.each(CHOICE_TESTS)('$title', ({ input, expected }) => {
		const map = choicesByIndex(PENDING, new Map(input.map((c) => [c.placeKey, c])));
		expect([...map].sort((a, b) => a[0] - b[0]).map(([i, p]) => [i, p.lat, p.lon])).toEqual(expected);
	});
});

describe('summaryLine', () => {
	it('lists every status in order', () => {
		expect(summaryLine({ rows: 9, exact: 3, alias: 2, fuzzy: 0, ambiguous: 2, unresolved: 1200 })).toBe(
			'3 exact, 2 alias, 0 fuzzy, 2 ambiguous, 1,200 unresolved'
		);
	});
});
