import { describe, expect, it } from 'vitest';
import { sizeClassOf, sizeClassTable, SIZE_CLASSES } from '../../../../src/lib/core/stats/size-classes';

describe('sizeClassOf', () => {
	const CASES: [number | null, string | null][] = [
		[1_000, 'small'],
		[19_999, 'small'],
		[20_000, 'medium'],
		[26_588, 'medium'],
		[99_999, 'medium'],
		[100_000, 'large'],
		[499_999, 'large'],
		[500_000, 'city'],
		[7_556_900, 'city'],
		[0, null],
		[null, null],
		[NaN, null]
	];
	for (const [population, id] of CASES) {
		it(`${population} -> ${id}`, () => {
			const i = sizeClassOf(population);
			expect(i < 0 ? null : SIZE_CLASSES[i]!.id).toBe(id);
		});
	}
});

describe('sizeClassTable', () => {
	const countries = {
		FR: { byClass: [30, 40, 20, 10], places: 100 },
		BE: { byClass: [5, 3, 1, 1], places: 10 },
		DE: { byClass: [50, 30, 10, 10], places: 80 }
	};
	it('members by class beside the residents of the countries the members come from', () => {
		const t = sizeClassTable(
			[
				{ count: 12, population: 26_588, country: 'FR' },
				{ count: 3, population: 2_138_551, country: 'FR' },
				{ count: 5, population: 8_000, country: 'BE' },
				{ count: 4, population: null, country: 'BE' }
			],
			countries
		);
		expect(t.rows.map((r) => r.members)).toEqual([5, 12, 0, 3]);
		expect(t.unknown).toBe(4);
		expect(t.countries).toEqual(['BE', 'FR']);
		// Residents of FR + BE only (DE has no member): 35, 43, 21, 11 of 110.
		expect(t.rows.map((r) => r.residents)).toEqual([35, 43, 21, 11]);
		expect(t.rows[1]!.memberShare).toBeCloseTo(12 / 20, 12);
		expect(t.rows[1]!.residentShare).toBeCloseTo(43 / 110, 12);
		expect(t.rows[1]!.ratio).toBeCloseTo(12 / 20 / (43 / 110), 12);
	});
	it('a country the table lacks is named, not guessed', () => {
		const t = sizeClassTable([{ count: 2, population: 50_000, country: 'XK' }], countries);
		expect(t.missingCountries).toEqual(['XK']);
		expect(t.rows.every((r) => r.residents === 0)).toBe(true);
	});
	it('no members: zero shares, no division by zero', () => {
		const t = sizeClassTable([], countries);
		expect(t.rows.every((r) => r.memberShare === 0 && r.residentShare === 0)).toBe(true);
	});
});
