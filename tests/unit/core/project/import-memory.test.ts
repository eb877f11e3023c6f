import { describe, expect, it } from 'vitest';
import { choicesByPlace, headerSetKey, readChoices, readMappings } from '$lib/core/project/import-memory';
import type { ReviewChoice } from '$lib/core/geocode/review';

describe('headerSetKey', () => {
	const TESTS = [
		{
			title: 'order does not matter',
			input: [
				['a', 'B'],
				['b', 'A']
			],
			expected: true
		},
		{ title: 'accents and punctuation fold', input: [['Lieu_né'], ['lieu ne']], expected: true },
		{ title: 'another header is another set', input: [['a'], ['a', 'b']], expected: false }
	];
	it.each(TESTS)('$title', ({ input, expected }) => expect(headerSetKey(input[0]!) === headerSetKey(input[1]!)).toBe(expected));
});

describe('readMappings', () => {
	const TESTS = [
		{
			title: 'a good mapping',
			input: { k: { Town: 'hometown', X: 'ignore' } },
			expected: { k: { Town: 'hometown', X: 'ignore' } },
			problems: 0
		},
		{
			title: 'an unknown field is dropped and said',
			input: { k: { Town: 'hometown', X: 'shoe size' } },
			expected: { k: { Town: 'hometown' } },
			problems: 1
		},
		{ title: 'not a mapping', input: { k: 'hometown' }, expected: {}, problems: 1 },
		{ title: 'nothing', input: undefined, expected: {}, problems: 0 },
		{ title: 'a list', input: [1], expected: {}, problems: 1 }
	];
	it.each(TESTS)('$title', ({ input, expected, problems }) => {
		const said: string[] = [];
		expect(readMappings(input, said)).toEqual(expected);
		expect(said).toHaveLength(problems);
	});
});

describe('readChoices', () => {
	const good = {
		placeKey: 'tripoli|',
		hometown: 'Tripoli',
		country: '',
		lat: 32.9,
		lon: 13.2,
		place: 'Tripoli',
		place_country: 'LY',
		chosenAt: 'x',
		fingerprint: 'f'
	};
	const TESTS = [
		{ title: 'a good choice', input: { 'tripoli|': good }, expected: 1, problems: 0 },
		{ title: 'a point off the globe', input: { 'tripoli|': { ...good, lat: 132 } }, expected: 0, problems: 1 },
		{ title: 'a key that is not its place', input: { other: good }, expected: 0, problems: 1 },
		{ title: 'no place text', input: { 'tripoli|': { ...good, hometown: 5 } }, expected: 0, problems: 1 }
	];
	it.each(TESTS)('$title', ({ input, expected, problems }) => {
		const said: string[] = [];
		expect(Object.keys(readChoices(input, said))).toHaveLength(expected);
		expect(said).toHaveLength(problems);
	});
});

describe('choicesByPlace', () => {
	const c = (key: string, at: string, lat: number): ReviewChoice => ({
		fingerprint: '',
		placeKey: key,
		hometown: key,
		country: '',
		lat,
		lon: 0,
		place: '',
		place_country: '',
		chosenAt: at
	});
	const TESTS = [
		{ title: 'the later wins', input: [c('a', '2026-01', 1), c('a', '2026-02', 2)], expected: { a: 2 } },
		{ title: 'an earlier one does not replace', input: [c('a', '2026-02', 2), c('a', '2026-01', 1)], expected: { a: 2 } },
		{ title: 'places apart', input: [c('a', '1', 1), c('b', '1', 2)], expected: { a: 1, b: 2 } }
	];
	it.each(TESTS)('$title', ({ input, expected }) => {
		const out = choicesByPlace(input);
		expect(Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v.lat]))).toEqual(expected);
	});
});
