import { describe, expect, it } from 'vitest';
import { distanceToLegsKm, legsOf, nearShares } from '../../../../geodata/scripts/routes-proximity';
import { COLLECTION, mmpIncidents } from '../../core/routes/helpers';

describe('distanceToLegsKm', () => {
	const TESTS = [
		{
			title: 'Lampedusa lies on the Central Mediterranean route',
			input: { route: 'central-med', at: [12.6096, 35.5014] as [number, number] },
			expected: [0, 1]
		},
		{
			title: 'Budapest lies on the Western Balkan route',
			input: { route: 'western-balkans', at: [19.0405, 47.4984] as [number, number] },
			expected: [0, 1]
		},
		{
			title: 'Paris is far from the Eastern Mediterranean route',
			input: { route: 'eastern-med', at: [2.35, 48.85] as [number, number] },
			expected: [1500, 3000]
		}
	];
	it.each(TESTS)('$title', ({ input, expected: [min, max] }) => {
		const km = distanceToLegsKm(input.at, legsOf(COLLECTION, input.route));
		expect(km).toBeGreaterThanOrEqual(min!);
		expect(km).toBeLessThanOrEqual(max!);
	});
});

describe('real data: IOM Missing Migrants incidents of 2014-2016 lie near the route they are tagged with', () => {
	const incidents = mmpIncidents();
	const shares = nearShares(COLLECTION, incidents, 150);
	it('reads the incidents the data README counts (2014-2016, our four routes)', () => {
		const count = (route: string) => incidents.filter((i) => i.route === route).length;
		expect([count('central-med'), count('eastern-med'), count('western-med'), count('western-balkans')]).toEqual([
			55 + 62 + 139,
			5 + 131 + 53,
			5 + 18 + 24,
			1 + 15 + 17
		]);
	});
	it.each(shares)('$route: $near of $incidents within 150 km', ({ share, incidents: n }) => {
		expect(n).toBeGreaterThan(0);
		expect(share).toBeGreaterThan(0.5);
	});
	it('most of all incidents lie within 150 km of their route', () => {
		const near = shares.reduce((s, r) => s + r.near, 0);
		expect(near / incidents.length).toBeGreaterThan(0.75);
	});
});
