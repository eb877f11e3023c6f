import { describe, expect, it } from 'vitest';
import { isDrawable, labelName, placeMinZoom, placeRank } from '$lib/core/places/place-labels';

describe('labelName', () => {
	const cases: { title: string; name: string; alt?: string[]; expected: string | null }[] = [
		{ title: 'plain Latin', name: 'Molenbeek-Saint-Jean', expected: 'Molenbeek-Saint-Jean' },
		{ title: 'French accents', name: 'Saint-Denis-lès-Bourg', expected: 'Saint-Denis-lès-Bourg' },
		{ title: 'Swedish ring', name: 'Malmö', expected: 'Malmö' },
		{ title: 'Turkish dotless i and cedilla', name: 'Şanlıurfa', expected: 'Şanlıurfa' },
		{ title: 'GeoNames transliteration with dot below and ayn', name: 'Ḩalab ‘Ayn', expected: 'Ḩalab ‘Ayn' },
		{ title: 'Greek', name: 'Αθήνα', expected: 'Αθήνα' },
		{ title: 'Cyrillic', name: 'Москва', expected: 'Москва' },
		{ title: 'Arabic falls back to the Latin alternative', name: 'الرقة', alt: ['Ar Raqqah'], expected: 'Ar Raqqah' },
		{ title: 'Hebrew falls back', name: 'תל אביב', alt: ['', 'Tel Aviv'], expected: 'Tel Aviv' },
		{ title: 'no drawable spelling: unnamed, never boxes', name: 'الرقة', alt: ['الرقه'], expected: null },
		{ title: 'blank name', name: '  ', alt: [], expected: null },
		{ title: 'surrounding spaces trimmed', name: ' Lunel ', expected: 'Lunel' }
	];
	for (const c of cases) it(c.title, () => expect(labelName(c.name, c.alt)).toBe(c.expected));
});

describe('isDrawable', () => {
	const cases: [string, boolean][] = [
		['Schaerbeek', true],
		['Sint-Jans-Molenbeek', true],
		['Rosengård', true],
		['Ağrı', true],
		['北京', false],
		['طرابلس', false],
		['', false]
	];
	for (const [text, expected] of cases) it(JSON.stringify(text), () => expect(isDrawable(text)).toBe(expected));
});

describe('placeMinZoom', () => {
	const cases: { title: string; pop: number; capital: boolean; expected: number }[] = [
		{ title: 'large capital (Brussels): named at every start view, phones (2.3) included', pop: 1_019_022, capital: true, expected: 2 },
		{ title: 'small capital (Luxembourg)', pop: 76_684, capital: true, expected: 4 },
		{ title: 'metropolis', pop: 3_500_000, capital: false, expected: 4 },
		{ title: 'Saint-Denis (96k)', pop: 96_128, capital: false, expected: 8 },
		{ title: 'Trappes (28k): visible at Paris zoom 9', pop: 28_367, capital: false, expected: 9 },
		{ title: 'village', pop: 1_200, capital: false, expected: 11 },
		{ title: 'unknown population (Brussels communes): visible at zoom 11', pop: 0, capital: false, expected: 11 }
	];
	for (const c of cases) it(c.title, () => expect(placeMinZoom(c.pop, c.capital)).toBe(c.expected));
	// MapLibre compares a filter's zoom with the tile's whole zoom: a threshold between two wholes would act as the next whole.
	for (const pop of [0, 1_200, 5_000, 28_367, 96_128, 500_000, 1_500_000, 3_500_000])
		for (const capital of [false, true])
			it(`a whole zoom for ${pop} people${capital ? ', capital' : ''}`, () =>
				expect(Number.isInteger(placeMinZoom(pop, capital))).toBe(true));
});

describe('placeRank', () => {
	it('orders capitals before cities of the same size, and bigger before smaller', () => {
		const ranks = [placeRank(1_000_000, true), placeRank(1_000_000, false), placeRank(50_000, false), placeRank(0, false)];
		expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
		expect(new Set(ranks).size).toBe(ranks.length);
	});
});
