import { describe, expect, it } from 'vitest';
import { scanInput } from '../../../../src/lib/core/stats/scan-input';

// Two Belgian cells (Brussels's and Antwerp's) and one French cell, 0.1 degree each.
const CELLS = {
	BE: [5085, 435, 1_019_022, 5122, 440, 459_805],
	FR: [4368, 414, 26_588]
};

describe('scanInput', () => {
	const CASES = [
		{
			title: 'every cell of the members’ countries is a location; members join the cell of their town',
			towns: [
				{ name: 'Molenbeek-Saint-Jean', country: 'BE', lon: 4.3125, lat: 50.8499, count: 36 },
				{ name: 'Brussels', country: 'BE', lon: 4.34878, lat: 50.85045, count: 28 }
			],
			counts: [64, 0],
			populations: [1_019_022, 459_805],
			names: [['Molenbeek-Saint-Jean', 'Brussels'], []],
			countries: ['BE']
		},
		{
			title: 'a town just across a cell edge from its cell’s weighted centre joins the nearest cell next door',
			towns: [{ name: 'Lunel', country: 'FR', lon: 4.13611, lat: 43.701, count: 12 }],
			counts: [12],
			populations: [26_588],
			names: [['Lunel']],
			countries: ['FR']
		},
		{
			title: 'a town with no cell near it is a location without residents (left out of the test, and counted)',
			towns: [{ name: 'Nowhere', country: 'FR', lon: 10, lat: 40, count: 2 }],
			counts: [0, 2],
			populations: [26_588, 0],
			names: [[], ['Nowhere']],
			countries: ['FR']
		}
	];
	for (const t of CASES) {
		it(t.title, () => {
			const input = scanInput(t.towns, CELLS, 0.1);
			expect(input.locations.map((l) => l.count)).toEqual(t.counts);
			expect(input.locations.map((l) => l.population)).toEqual(t.populations);
			expect(input.names).toEqual(t.names);
			expect(input.countries).toEqual(t.countries);
		});
	}
});
