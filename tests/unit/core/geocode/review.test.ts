import { describe, expect, it } from 'vitest';
import { CHOICES_FORMAT, exportChoices, listFingerprint, parseChoices, placeKey, type ReviewChoice } from '$lib/core/geocode/review';

const LIST = [
	{ hometown: 'Tripoli', country: '' },
	{ hometown: 'Bruxelles', country: 'BE' },
	{ hometown: 'Tripoli', country: '' }
];

describe('listFingerprint', () => {
	it.each([
		{ title: 'row order does not matter', input: [...LIST].reverse(), same: true },
		{ title: 'repeats do not matter', input: LIST.slice(0, 2), same: true },
		{
			title: 'case and accents do not matter',
			input: [
				{ hometown: 'TRIPOLI', country: '' },
				{ hometown: 'bruxelles', country: 'be' }
			],
			same: true
		},
		{ title: 'another place changes it', input: [...LIST, { hometown: 'Malmo', country: '' }], same: false },
		{ title: 'another country changes it', input: [{ hometown: 'Tripoli', country: 'LB' }, LIST[1]!], same: false }
	])('$title', ({ input, same }) => {
		expect(listFingerprint(input) === listFingerprint(LIST)).toBe(same);
	});

	it('placeKey ignores spelling noise', () => {
		expect(placeKey(' Sint-Jans-Molenbeek ', 'be')).toBe(placeKey('sint jans molenbeek', 'BE'));
	});
});

const CHOICE: ReviewChoice = {
	fingerprint: 'abc-2',
	placeKey: 'tripoli|',
	hometown: 'Tripoli',
	country: '',
	lat: 34.4335,
	lon: 35.8442,
	place: 'Tripoli',
	place_country: 'LB',
	chosenAt: '2026-01-01T00:00:00.000Z'
};

describe('parseChoices', () => {
	it('round-trips an export', () => {
		expect(parseChoices(JSON.stringify(exportChoices([CHOICE])))).toEqual({ choices: [CHOICE], rejected: [] });
	});

	it.each([
		{ title: 'not JSON', input: 'nope', expected: ['not a JSON file'] },
		{ title: 'another JSON file', input: '{"a":1}', expected: [`not a ${CHOICES_FORMAT} file`] },
		{ title: 'null', input: 'null', expected: [`not a ${CHOICES_FORMAT} file`] },
		{
			title: 'a choice at 0,0 is kept (it is a real point) but one with lat 91 is refused',
			input: JSON.stringify(
				exportChoices([
					{ ...CHOICE, lat: 0, lon: 0 },
					{ ...CHOICE, lat: 91 }
				])
			),
			expected: ['choice 2: needs fingerprint, placeKey, hometown and valid lat/lon']
		},
		{
			title: 'a choice without coordinates is refused',
			input: JSON.stringify({ format: CHOICES_FORMAT, version: 1, choices: [{ ...CHOICE, lat: null }] }),
			expected: ['choice 1: needs fingerprint, placeKey, hometown and valid lat/lon']
		}
	])('reports $title', ({ input, expected }) => {
		expect(parseChoices(input).rejected).toEqual(expected);
	});
});
