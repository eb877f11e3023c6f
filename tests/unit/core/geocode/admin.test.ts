import { describe, expect, it } from 'vitest';
import { adminAreasOf, adminAreasOfKey } from '$lib/core/geocode/admin';
import { normalizeName } from '$lib/core/geocode/normalize';

describe('administrative hints', () => {
	it.each([
		{ text: '93', expected: ['FR:93'] },
		{ text: '2A', expected: ['FR:2A'] },
		{ text: 'Seine-Saint-Denis', expected: ['FR:93'] },
		{ text: 'Seine-St-Denis', expected: ['FR:93'] },
		{ text: "Val-d'Oise", expected: ['FR:95'] },
		{ text: '93200', expected: ['FR:93'] },
		{ text: '20090', expected: [] },
		{ text: '1080', expected: ['BE:BRU'] },
		{ text: '6000', expected: ['BE:WHT'] },
		{ text: 'Oost-Vlaanderen', expected: ['BE:VOV'] },
		{ text: 'Henegouwen', expected: ['BE:WHT'] },
		{ text: 'Limburg', expected: ['BE:VLI', 'NL:05'] },
		{ text: 'Noord-Holland', expected: ['NL:07'] },
		{ text: 'NRW', expected: ['DE:07'] },
		{ text: 'Bayern', expected: ['DE:02'] },
		{ text: 'Thüringen', expected: ['DE:15'] },
		{ text: '99', expected: [] },
		{ text: 'Brussels', expected: [] },
		{ text: '', expected: [] }
	])('$text', ({ text, expected }) => {
		expect(adminAreasOf(text).map((a) => `${a.country}:${a.code}`)).toEqual(expected);
		// The geocoder hands over the key it already has: the same areas from it.
		expect(adminAreasOfKey(normalizeName(text))).toEqual(adminAreasOf(text));
	});
});
