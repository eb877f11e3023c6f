import { describe, expect, it } from 'vitest';
import { firstOf, placeKey, populationFromPlaces, populationFromPlacesSliced } from '../../../../src/lib/core/stats/population';

const place = (name: string, country: string, lon: number, lat: number, population: number, alt?: string[]) => ({
	name,
	country,
	lon,
	lat,
	population,
	source: 'GeoNames',
	asOf: '2016-02-18',
	...(alt ? { alt } : {})
});

describe('placeKey folds case, accents and punctuation', () => {
	const CASES: [string, string, string][] = [
		['FR', 'Lunel', 'FR|lunel'],
		['SE', 'Malmö', 'SE|malmo'],
		['BE', 'Molenbeek-Saint-Jean', 'BE|molenbeek saint jean'],
		['be', '  Liège ', 'BE|liege']
	];
	for (const [country, name, key] of CASES) it(`${country} ${name}`, () => expect(placeKey(country, name)).toBe(key));
});

describe('populationFromPlaces', () => {
	const lookup = populationFromPlaces([
		place('Lunel', 'FR', 4.13611, 43.67778, 26_588),
		place('Saint-Gilles', 'FR', 4.43024, 43.67656, 13_231),
		place('Saint-Gilles', 'FR', -1.82477, 48.15381, 3_797),
		place('Antwerpen', 'BE', 4.40026, 51.22047, 459_805, ['Antwerp', 'Anvers']),
		place('Nowhere', 'FR', 2, 47, 0)
	]);
	const CASES = [
		{ title: 'name and country', town: { name: 'Lunel', country: 'FR', lon: 4.136, lat: 43.678 }, population: 26_588 },
		{ title: 'an alternate name', town: { name: 'Antwerp', country: 'BE', lon: 4.4, lat: 51.22 }, population: 459_805 },
		{
			title: 'two places of one name: the one near the point',
			town: { name: 'Saint-Gilles', country: 'FR', lon: -1.8, lat: 48.15 },
			population: 3_797
		},
		{
			title: 'same name in Belgium is not the French one',
			town: { name: 'Saint-Gilles', country: 'BE', lon: 4.34, lat: 50.83 },
			population: null
		},
		{ title: 'same name 300 km away is another place', town: { name: 'Lunel', country: 'FR', lon: 1, lat: 46 }, population: null },
		{ title: 'a place without a figure gives none', town: { name: 'Nowhere', country: 'FR', lon: 2, lat: 47 }, population: null }
	];
	for (const t of CASES) it(t.title, () => expect(lookup(t.town)?.population ?? null).toBe(t.population));

	it('firstOf asks the curated table before the gazetteer', () => {
		const curated = populationFromPlaces([{ ...place('Schaerbeek', 'BE', 4.377, 50.869, 133_000), partOf: 'Brussels', source: 'Statbel' }]);
		const both = firstOf(curated, lookup);
		expect(both({ name: 'Schaerbeek', country: 'BE', lon: 4.377, lat: 50.869 })).toMatchObject({
			population: 133_000,
			partOf: 'Brussels',
			source: 'Statbel'
		});
		expect(both({ name: 'Lunel', country: 'FR', lon: 4.136, lat: 43.678 })?.source).toBe('GeoNames');
	});
});

describe('populationFromPlacesSliced', () => {
	it('gives the page back while it folds many places, and answers as the lookup made at once', () => {
		const places = Array.from({ length: 2_000 }, (_, i) =>
			place(`Town ${i}`, 'FR', 2 + i / 1000, 48 + i / 1000, 1_000 + i, [`Ville ${i}`])
		);
		const work = populationFromPlacesSliced(places);
		let breaks = 0;
		let step = work.next();
		for (; !step.done; step = work.next()) breaks++;
		expect(breaks).toBeGreaterThanOrEqual(7); // one break per 256 places
		const sliced = step.value;
		const atOnce = populationFromPlaces(places);
		for (const [name, i] of [
			['Town 0', 0],
			['Ville 1999', 1999],
			['town 1234', 1234]
		] as const) {
			const town = { name, country: 'FR', lon: 2 + i / 1000, lat: 48 + i / 1000 };
			expect(sliced(town)).toEqual(atOnce(town));
			expect(sliced(town)?.population).toBe(1_000 + i);
		}
		expect(sliced({ name: 'Nowhere', country: 'FR', lon: 2, lat: 48 })).toBeNull();
	});
});
