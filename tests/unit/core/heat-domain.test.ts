import { describe, expect, it } from 'vitest';
import { KERNEL_PEAK, heatColorDomain, niceCeil, stableTopPeople } from '$lib/core/heat-domain';

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

	it('takes the heaviest quarter-degree cell, weights included, and skips unplaced points', () => {
		const p = (lon: number, lat: number, weight = 1) => ({ lon, lat, weight });
		// Brussels and Molenbeek share a cell; Paris is alone; NaN is skipped.
		expect(stableTopPeople([p(4.35, 50.85), p(4.32, 50.85), p(4.37, 50.87, 2), p(2.35, 48.86, 3), p(NaN, NaN, 99)])).toBe(5);
	});

	it('divides the intensity out, so N people at a spot reach the top colour at any intensity', () => {
		for (const intensity of [0.5, 1, 1.2, 3]) {
			const [, top] = heatColorDomain(10, intensity);
			// The shader's colour factor: value * intensity / domainMax, with value = people x kernel peak.
			expect((10 * KERNEL_PEAK * intensity) / top).toBeCloseTo(1, 9);
		}
	});
});
