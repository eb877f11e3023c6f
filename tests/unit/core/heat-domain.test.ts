import { describe, expect, it } from 'vitest';
import { KERNEL_PEAK, heatColorDomain, legendStops, niceCeil, stableTopPeople } from '$lib/core/heat-domain';

describe('stable heat domain', () => {
	it.each([
		{ title: 'zero', input: 0, expected: 1 },
		{ title: 'one', input: 1, expected: 1 },
		{ title: '3 to 5', input: 3, expected: 5 },
		{ title: '17 to 20', input: 17, expected: 20 },
		{ title: '51 to 100', input: 51, expected: 100 },
		{ title: '100 stays', input: 100, expected: 100 }
	])('niceCeil: $title', ({ input, expected }) => {
		expect(niceCeil(input)).toBe(expected);
	});

	it('takes the heaviest town-sized cell, weights included, and skips unplaced points', () => {
		const p = (lon: number, lat: number, weight = 1) => ({ lon, lat, weight });
		// Two Brussels points share a 5 km cell (3 people); Molenbeek (4.32) is a cell of its own; Paris
		// holds 4; NaN is skipped: the top is Paris's 4, rounded up to 5.
		expect(stableTopPeople([p(4.35, 50.85), p(4.36, 50.86, 2), p(4.32, 50.85), p(2.35, 48.86, 4), p(NaN, NaN, 99)])).toBe(5);
		expect(stableTopPeople([p(4.35, 50.85), p(4.36, 50.86, 2), p(4.32, 50.85), p(2.35, 48.86, 1), p(NaN, NaN, 99)])).toBe(5);
		expect(stableTopPeople([p(4.35, 50.85, 7), p(4.36, 50.86, 2), p(4.32, 50.85, 9)])).toBe(10);
	});

	it('divides the intensity out, so N people at a spot reach the top colour at any intensity', () => {
		for (const intensity of [0.5, 1, 1.2, 3]) {
			const [, top] = heatColorDomain(10, intensity);
			// The shader's colour factor: value * intensity / domainMax, with value = people x kernel peak.
			expect((10 * KERNEL_PEAK * intensity) / top).toBeCloseTo(1, 9);
		}
	});
});

describe('legend stops', () => {
	it.each([
		{ top: 1, expected: [0.25, 0.5, 1] },
		{ top: 2, expected: [0.25, 1, 2] },
		{ top: 5, expected: [1, 2.5, 5] },
		{ top: 50, expected: [1, 25, 50] },
		{ top: 0, expected: [0.25, 0.5, 1] }
	])('top $top: $expected, always increasing', ({ top, expected }) => {
		const stops = legendStops(top);
		expect(stops).toEqual(expected);
		expect(stops[0]! < stops[1]! && stops[1]! < stops[2]!).toBe(true);
	});
});
