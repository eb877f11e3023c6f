import { describe, expect, it } from 'vitest';
import { empiricalBayes, metroPopulation, rateCell, rateClass } from '../../../../src/lib/core/stats/rates';

const fig = (population: number, partOf?: string) => ({ population, source: 'test', asOf: '2020', ...(partOf ? { partOf } : {}) });

describe('rateCell: k first, then the minimum count, then the population', () => {
	const CASES = [
		{
			title: 'a town with enough members and a figure',
			count: 12,
			figure: fig(26_588),
			folded: false,
			status: 'shown',
			rate: (12 / 26_588) * 1e5
		},
		{
			title: 'a folded "other places" row never has a rate',
			count: 40,
			figure: fig(1_000_000),
			folded: true,
			status: 'folded',
			rate: null
		},
		{ title: 'under the minimum count', count: 4, figure: fig(1_500), folded: false, status: 'below-minimum', rate: null },
		{ title: 'no population figure', count: 9, figure: null, folded: false, status: 'no-population', rate: null },
		{ title: 'a zero population counts as none', count: 9, figure: fig(0), folded: false, status: 'no-population', rate: null }
	] as const;
	for (const t of CASES) {
		it(t.title, () => {
			const cell = rateCell(t.count, t.figure, { folded: t.folded, minCount: 5 });
			expect(cell.status).toBe(t.status);
			if (t.rate === null) expect(cell.rate).toBeNull();
			else expect(cell.rate).toBeCloseTo(t.rate, 9);
		});
	}
});

describe('metroPopulation counts a place inside another place of the area once', () => {
	const CASES = [
		{
			title: 'two separate towns add up',
			parts: [
				{ name: 'A', figure: fig(100) },
				{ name: 'B', figure: fig(50) }
			],
			expected: 150
		},
		{
			title: 'communes inside the city are not added to it',
			parts: [
				{ name: 'Brussels', figure: fig(1_019_022) },
				{ name: 'Molenbeek-Saint-Jean', figure: fig(97_000, 'Brussels') },
				{ name: 'Vilvoorde', figure: fig(36_955) }
			],
			expected: 1_055_977
		},
		{
			title: 'a commune without its city in the area counts',
			parts: [{ name: 'Molenbeek-Saint-Jean', figure: fig(97_000, 'Brussels') }],
			expected: 97_000
		},
		{
			title: 'a place without a figure: no sum (a partial one would inflate the rate)',
			parts: [
				{ name: 'A', figure: fig(100) },
				{ name: 'B', figure: null }
			],
			expected: null
		},
		{ title: 'no places', parts: [], expected: null }
	];
	for (const t of CASES) it(t.title, () => expect(metroPopulation(t.parts)).toBe(t.expected));
});

describe("empiricalBayes (Marshall's global estimator)", () => {
	it('hand-computed: two places, no baseline', () => {
		// m = 12 / 3000 = 0.004; s2 = (1000 (0.01 - m)^2 + 2000 (0.001 - m)^2) / 3000 = 0.000018;
		// n_bar = 1500; A = s2 - m / n_bar = 0.000018 - 0.0000026667 = 0.0000153333.
		const eb = empiricalBayes([
			{ count: 10, population: 1000 },
			{ count: 2, population: 2000 }
		]);
		const m = 0.004;
		const A = 0.000018 - m / 1500;
		expect(eb.mean).toBeCloseTo(m * 1e5, 9);
		expect(eb.variance).toBeCloseTo(A, 12);
		const c1 = A / (A + m / 1000);
		expect(eb.weight[0]).toBeCloseTo(c1, 9);
		expect(eb.smoothed[0]).toBeCloseTo((m + c1 * (0.01 - m)) * 1e5, 6);
		expect(eb.raw[1]).toBeCloseTo(100, 9);
	});

	it('one member in a village hardly moves off the mean; a city keeps its rate', () => {
		const eb = empiricalBayes(
			[
				{ count: 1, population: 1_500 },
				{ count: 100, population: 1_000_000 }
			],
			{ population: 50_000_000, places: 5_000 }
		);
		// Raw: the village is 67 per 100,000, the city 10.
		expect(eb.raw[0]).toBeCloseTo(66.67, 1);
		expect(eb.smoothed[0]).toBeLessThan(eb.smoothed[1]!);
		expect(eb.weight[0]).toBeLessThan(0.2);
		expect(eb.weight[1]).toBeGreaterThan(0.7);
	});

	it('the places without members pull the overall rate down to members / all residents', () => {
		const eb = empiricalBayes([{ count: 10, population: 10_000 }], { population: 1_000_000, places: 100 });
		expect(eb.mean).toBeCloseTo(1, 9); // 10 per 1,000,000 = 1 per 100,000
	});

	it('no excess variance (A < 0): everything is smoothed to the mean', () => {
		const eb = empiricalBayes([
			{ count: 1, population: 1000 },
			{ count: 1, population: 1000 }
		]);
		expect(eb.variance).toBe(0);
		expect(eb.smoothed[0]).toBeCloseTo(eb.mean, 9);
	});

	it('a place without a population gets NaN, never a made-up rate', () => {
		const eb = empiricalBayes([
			{ count: 3, population: 0 },
			{ count: 5, population: 10_000 }
		]);
		expect(eb.smoothed[0]).toBeNaN();
		expect(eb.smoothed[1]).toBeGreaterThan(0);
	});
});

describe('rateClass: smoothed members per 100,000 in steps of 1, 3, 10, 30', () => {
	const CASES: [number, number][] = [
		[0, 0],
		[0.99, 0],
		[1, 1],
		[2.9, 1],
		[3, 2],
		[9.9, 2],
		[10, 3],
		[29.9, 3],
		[30, 4],
		[45.1, 4],
		[NaN, -1],
		[-1, -1]
	];
	for (const [smoothed, cls] of CASES) it(`${smoothed} -> ${cls}`, () => expect(rateClass(smoothed)).toBe(cls));
});
