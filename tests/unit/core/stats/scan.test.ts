import { describe, expect, it } from 'vitest';
import { poissonLlr, relativeRisk, spatialScan, type ScanLocation } from '../../../../src/lib/core/stats/scan';
import { cumulative, multinomial, seededRandom } from '../../../../src/lib/core/stats/random';

/** Points on a line along the equator, `km` apart (1 degree of longitude is 111.195 km there). */
const line = (pops: number[], counts: number[], km = 100): ScanLocation[] =>
	pops.map((population, i) => ({ lon: (i * km) / 111.195, lat: 0, population, count: counts[i]! }));

describe('poissonLlr and relativeRisk against hand computation', () => {
	const CASES = [
		// c, E, C, LLR by hand, RR by hand
		{ title: '8 of 10 where 5 expected', c: 8, e: 5, total: 10, llr: 8 * Math.log(8 / 5) + 2 * Math.log(2 / 5), rr: 8 / 5 / (2 / 5) },
		{ title: 'every case inside', c: 4, e: 1, total: 4, llr: 4 * Math.log(4), rr: Infinity },
		{ title: 'fewer than expected: no cluster', c: 2, e: 5, total: 10, llr: 0, rr: 2 / 5 / (8 / 5) },
		{ title: 'exactly as expected', c: 5, e: 5, total: 10, llr: 0, rr: 1 },
		{ title: '3 of 100 where 0.5 expected', c: 3, e: 0.5, total: 100, llr: 3 * Math.log(6) + 97 * Math.log(97 / 99.5), rr: 6 / (97 / 99.5) }
	];
	for (const t of CASES) {
		it(t.title, () => {
			expect(poissonLlr(t.c, t.e, t.total)).toBeCloseTo(t.llr, 10);
			expect(relativeRisk(t.c, t.e, t.total)).toBeCloseTo(t.rr, 10);
		});
	}
	it('8 of 10 where 5 expected is 1.927448 (worked out on paper)', () => {
		expect(poissonLlr(8, 5, 10)).toBeCloseTo(1.927448, 6);
	});
});

describe('spatialScan on small hand-checked layouts', () => {
	const CASES: { title: string; locs: ScanLocation[]; maxRadiusKm: number; members: number[]; observed: number; expected: number }[] = [
		{
			title: 'two far-apart towns: the one with 8 of 10',
			locs: line([100, 100], [8, 2], 500),
			maxRadiusKm: 50,
			members: [0],
			observed: 8,
			expected: 5
		},
		{
			title: 'the circle grows to take a neighbour when that raises the LLR',
			locs: line([100, 100, 100, 100], [5, 5, 0, 0]),
			maxRadiusKm: 150,
			members: [0, 1],
			observed: 10,
			expected: 5
		},
		{
			title: 'the 50 % population cap stops a circle (a circle with 3 of 4 towns is not allowed)',
			locs: line([100, 100, 100, 100], [4, 4, 4, 0]),
			maxRadiusKm: 500,
			members: [0, 1],
			observed: 8,
			expected: 6
		},
		{
			title: 'a circle takes both towns at the same distance',
			locs: [
				{ lon: 0, lat: 0, population: 100, count: 2 },
				{ lon: 1, lat: 0, population: 100, count: 4 },
				{ lon: -1, lat: 0, population: 100, count: 4 },
				{ lon: 20, lat: 0, population: 700, count: 0 }
			],
			maxRadiusKm: 200,
			members: [0, 1, 2],
			observed: 10,
			expected: 3
		}
	];
	for (const t of CASES) {
		it(t.title, () => {
			const result = spatialScan(t.locs, { maxRadiusKm: t.maxRadiusKm, replicates: 99, seed: 1 });
			const top = result.clusters[0]!;
			expect(top.locations.sort()).toEqual([...t.members].sort());
			expect(top.observed).toBe(t.observed);
			expect(top.expected).toBeCloseTo(t.expected, 10);
			const total = t.locs.reduce((s, l) => s + l.count, 0);
			expect(top.llr).toBeCloseTo(poissonLlr(t.observed, t.expected, total), 10);
		});
	}

	it('the Monte Carlo p-value matches the exact one: 2 cases, 2 equal towns, both cases in one', () => {
		// Under the null, (2,0) and (0,2) each have probability 1/4 and give the observed LLR 2 ln 2;
		// (1,1) gives 0. So the exact p-value is 1/2.
		const result = spatialScan(line([100, 100], [2, 0], 500), { maxRadiusKm: 10, replicates: 9999, seed: 7 });
		expect(result.clusters[0]!.llr).toBeCloseTo(2 * Math.log(2), 10);
		expect(Math.abs(result.clusters[0]!.pValue - 0.5)).toBeLessThan(0.02);
	});

	it('is deterministic for a seed and reports progress up to the last replicate', () => {
		const locs = line([100, 200, 300, 400, 500], [3, 1, 0, 4, 9]);
		const seen: number[] = [];
		const a = spatialScan(locs, { maxRadiusKm: 150, replicates: 999, seed: 42 }, (done) => seen.push(done));
		const b = spatialScan(locs, { maxRadiusKm: 150, replicates: 999, seed: 42 });
		expect(a.clusters).toEqual(b.clusters);
		expect(seen.at(-1)).toBe(999);
		expect(seen.length).toBeGreaterThan(10);
	});

	it('leaves out places without a population and says how many cases that drops', () => {
		const result = spatialScan([...line([100, 100], [8, 2], 500), { lon: 50, lat: 0, population: 0, count: 3 }], {
			replicates: 9,
			seed: 1
		});
		expect(result.cases).toBe(10);
		expect(result.casesWithoutPopulation).toBe(3);
		expect(result.clusters[0]!.locations).toEqual([0]);
	});

	it('secondary clusters share no place with the first', () => {
		const locs = line([100, 100, 100, 100, 100, 100], [9, 0, 0, 0, 0, 7], 100);
		const result = spatialScan(locs, { maxRadiusKm: 50, replicates: 99, seed: 3 });
		expect(result.clusters.map((c) => c.locations)).toEqual([[0], [5]]);
	});
});

/** A 12 x 12 grid of towns 10 km apart with seeded populations between 1,000 and 60,000. */
function grid(seed: number): ScanLocation[] {
	const random = seededRandom(seed);
	const locs: ScanLocation[] = [];
	for (let y = 0; y < 12; y++)
		for (let x = 0; x < 12; x++)
			locs.push({ lon: 4 + x * 0.14, lat: 50 + y * 0.09, population: Math.round(1000 + random() * 59_000), count: 0 });
	return locs;
}

/** Cases drawn from population alone (the null hypothesis). */
function nullCases(locs: ScanLocation[], total: number, seed: number): ScanLocation[] {
	const counts = multinomial(total, cumulative(locs.map((l) => l.population)), seededRandom(seed));
	return locs.map((l, i) => ({ ...l, count: counts[i]! }));
}

describe('spatialScan finds what was planted and nothing when there is nothing', () => {
	it('a planted cluster (three neighbouring towns at four times the rate) is found with p < 0.01', () => {
		const base = nullCases(grid(11), 200, 12);
		const planted = [5 * 12 + 5, 5 * 12 + 6, 6 * 12 + 5];
		const random = seededRandom(13);
		const locs = base.map((l, i) => {
			if (!planted.includes(i)) return l;
			const expected = (200 * l.population) / base.reduce((s, b) => s + b.population, 0);
			// About three times the expected count added on top: relative risk near 4.
			return { ...l, count: l.count + Math.round(3 * expected + random()) + 2 };
		});
		const result = spatialScan(locs, { maxRadiusKm: 20, replicates: 999, seed: 14 });
		const top = result.clusters[0]!;
		expect(top.pValue).toBeLessThan(0.01);
		expect(planted.filter((i) => top.locations.includes(i)).length).toBeGreaterThanOrEqual(2);
		expect(top.relativeRisk).toBeGreaterThan(2);
	});

	it('on data drawn from population alone, the most likely cluster is significant at 0.05 in about 5 % of seeded runs', () => {
		const RUNS = 300;
		let significant = 0;
		const locs = grid(21);
		for (let run = 0; run < RUNS; run++) {
			const result = spatialScan(nullCases(locs, 100, 1000 + run), { maxRadiusKm: 20, replicates: 99, seed: 5000 + run });
			if ((result.clusters[0]?.pValue ?? 1) <= 0.05) significant++;
		}
		// Binomial(300, 0.05): mean 15, sd 3.8; [4, 28] is beyond 3 sd either way.
		expect(significant).toBeGreaterThanOrEqual(4);
		expect(significant).toBeLessThanOrEqual(28);
	}, 60_000);
});
