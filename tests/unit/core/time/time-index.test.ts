import { describe, expect, it } from 'vitest';
import { emptyRecord, type MemberPoint } from '$lib/core/data/member';
import { isActiveAt, type TimeMode } from '$lib/core/time/membership';
import { buildTimeIndex, lowerBound, timeIndexOf, townPositionsOf, upperBound, visibleRange } from '$lib/core/time/time-index';
import { indexDataset } from '$lib/core/data/dataset-index';
import { buildHeatCells, heatFrame } from '$lib/core/time/heat-cells';
import { townsInRange } from '$lib/core/hotspots/hotspots';
import { runAtOnce } from '$lib/core/slicing/slices';

const member = (id: string, day: number, lon = 4, lat = 50, weight = 1): MemberPoint => ({
	...emptyRecord(id),
	day,
	dayEnd: day,
	lon,
	lat,
	weight
});

describe('time index', () => {
	it('sorts by day, keeps ties in input order, packs positions and weights', () => {
		const index = buildTimeIndex([member('c', 30, 3, 33, 2), member('a', 10, 1, 11), member('b', 30, 2, 22)]);
		expect(index.members.map((m) => m.id)).toEqual(['a', 'c', 'b']);
		expect([...index.days]).toEqual([10, 30, 30]);
		expect([...index.positions]).toEqual([1, 11, 3, 33, 2, 22]);
		expect([...index.weights]).toEqual([1, 2, 1]);
	});

	it('leaves out members without a date or a position and counts them', () => {
		const index = buildTimeIndex([member('a', NaN), member('b', 5, NaN, NaN), member('c', 5)]);
		expect(index.members.map((m) => m.id)).toEqual(['c']);
		expect(index.undated).toBe(2);
	});

	const UPPER = [
		{ title: 'empty', input: { sorted: [], value: 3 }, expected: 0 },
		{ title: 'before all', input: { sorted: [1, 2, 3], value: 0 }, expected: 0 },
		{ title: 'on a run of ties', input: { sorted: [1, 2, 2, 2, 3], value: 2 }, expected: 4 },
		{ title: 'after all', input: { sorted: [1, 2, 3], value: 9 }, expected: 3 }
	];
	it.each(UPPER)('upperBound: $title', ({ input, expected }) => {
		expect(upperBound(input.sorted, input.value)).toBe(expected);
	});

	it('selects exactly the members isActiveAt selects, for every day, mode and window', () => {
		// A deterministic spread of days with ties, across the domain and a little outside it.
		const points = Array.from({ length: 400 }, (_, i) => member(`m${i}`, ((i * 7919) % 1200) - 50));
		const index = buildTimeIndex(points);
		for (const mode of ['cumulative', 'window'] as TimeMode[]) {
			for (const months of [3, 6, 12]) {
				for (let day = -60; day <= 1200; day += 13) {
					const [start, end] = visibleRange(index.days, day, mode, months);
					const expected = points
						.filter((m) => isActiveAt(m, day, mode, months))
						.map((m) => m.id)
						.sort();
					expect(
						index.members
							.slice(start, end)
							.map((m) => m.id)
							.sort()
					).toEqual(expected);
				}
			}
		}
	});
});

describe('time index sort', () => {
	it('orders negative, fractional and tied days the same way as a comparator sort', () => {
		const whole = [5, -3, 5, 0, -3, 1000].map((day, i) => member(`w${i}`, day));
		expect(buildTimeIndex(whole).members.map((m) => m.id)).toEqual(['w1', 'w4', 'w3', 'w0', 'w2', 'w5']);
		const fractional = [5.5, -3, 5.25].map((day, i) => member(`f${i}`, day));
		expect(buildTimeIndex(fractional).members.map((m) => m.id)).toEqual(['f1', 'f2', 'f0']);
	});
});

describe('members without a date', () => {
	const at = (id: string, day: number, lon: number) => ({
		...emptyRecord(id),
		hometown: id,
		country: 'BE',
		lon,
		lat: 50,
		day,
		dayEnd: day
	});
	const members = [
		at('dated-early', 100, 4),
		at('dated-late', 900, 5),
		at('undated', NaN, 6),
		{ ...emptyRecord('unplaced'), hometown: 'x', day: NaN }
	];
	const index = runAtOnce(indexDataset(members));

	it.each([
		{ title: 'are drawn and counted at every date by default', options: {}, day: 50, points: [6], towns: ['undated'] },
		{ title: 'join the dated ones in range', options: {}, day: 1000, points: [4, 5, 6], towns: ['dated-early', 'dated-late', 'undated'] },
		{ title: 'can be hidden', options: { undatedThroughout: false }, day: 1000, points: [4, 5], towns: ['dated-early', 'dated-late'] }
	])('$title', ({ options, day, points, towns }) => {
		const t = runAtOnce(timeIndexOf(index, null, options));
		const range = visibleRange(t.days, day, 'cumulative', 12);
		const frame = heatFrame(t, buildHeatCells(t), range, 0);
		expect([...frame.positions].filter((_, i) => i % 2 === 0)).toEqual(points);
		expect(townsInRange(t, index.towns, ...range).map((r) => r.name)).toEqual(towns);
		expect(t.undated).toBe(2);
	});
});

describe('members grouped by town', () => {
	const NO = 0xffffffff;
	it.each([
		{ title: 'empty', input: { town: [], towns: 0 }, expected: { offsets: [0], positions: [] } },
		{ title: 'one town', input: { town: [0, 0, 0], towns: 1 }, expected: { offsets: [0, 3], positions: [0, 1, 2] } },
		{
			title: 'interleaved towns, ascending within each',
			input: { town: [1, 0, 1, 2, 0], towns: 3 },
			expected: { offsets: [0, 2, 4, 5], positions: [1, 4, 0, 2, 3] }
		},
		{ title: 'a town with nobody', input: { town: [2, 0], towns: 3 }, expected: { offsets: [0, 1, 1, 2], positions: [1, 0] } },
		{ title: 'members without a town left out', input: { town: [NO, 0, NO], towns: 1 }, expected: { offsets: [0, 1], positions: [1] } }
	])('townPositionsOf: $title', ({ input, expected }) => {
		const { offsets, positions } = runAtOnce(townPositionsOf(Uint32Array.from(input.town), input.towns));
		expect({ offsets: [...offsets], positions: [...positions] }).toEqual(expected);
	});

	it.each([
		{ title: 'empty', input: { sorted: [], value: 3, from: 0, to: 0 }, expected: 0 },
		{ title: 'on a run of ties: its first', input: { sorted: [1, 2, 2, 2, 3], value: 2, from: 0, to: 5 }, expected: 1 },
		{ title: 'within a slice only', input: { sorted: [9, 1, 5, 7, 0], value: 6, from: 1, to: 4 }, expected: 3 },
		{ title: 'past a slice', input: { sorted: [9, 1, 5, 7, 0], value: 8, from: 1, to: 4 }, expected: 4 }
	])('lowerBound: $title', ({ input, expected }) => {
		expect(lowerBound(input.sorted, input.value, input.from, input.to)).toBe(expected);
	});

	// Towns with very different sizes and dates, some undated members shown throughout, so both ways of
	// counting (binary searches per town, a pass over the range) meet long and short ranges.
	const many: MemberPoint[] = [];
	for (let i = 0; i < 3000; i++) {
		const town = i % 7 === 0 ? 'big' : i % 11 === 0 ? 'late' : `t${i % 5}`;
		const day = town === 'late' ? 900 + (i % 50) : (i * 37) % 1000;
		many.push({ ...emptyRecord(`m${i}`), hometown: town, country: 'BE', lon: 4 + (i % 5), lat: 50, day, dayEnd: day });
	}
	many.push({ ...emptyRecord('u1'), hometown: 'late', country: 'BE', lon: 4, lat: 50, day: NaN, dayEnd: NaN });
	many.push({ ...emptyRecord('u2'), hometown: 'undated only', country: 'BE', lon: 9, lat: 50, day: NaN, dayEnd: NaN });
	const manyIndex = runAtOnce(indexDataset(many));
	const t = runAtOnce(timeIndexOf(manyIndex, null));
	const walked = (start: number, end: number) => townsInRange({ town: t.town, always: t.always }, manyIndex.towns, start, end);
	it.each([
		{ title: 'cumulative, early', range: visibleRange(t.days, 100, 'cumulative', 6) },
		{ title: 'cumulative, all', range: visibleRange(t.days, 2000, 'cumulative', 6) },
		{ title: 'a window', range: visibleRange(t.days, 950, 'window', 3) },
		{ title: 'a window before a town appears', range: visibleRange(t.days, 500, 'window', 6) },
		{ title: 'nothing dated yet', range: [0, 0] as [number, number] },
		{ title: 'one member', range: [5, 6] as [number, number] }
	])('townsInRange counts as a pass over the range would: $title', ({ range }) => {
		const rows = townsInRange(t, manyIndex.towns, ...range);
		expect(rows).toEqual(walked(...range));
		expect(rows.reduce((s, r) => s + r.count, 0)).toBe(range[1] - range[0] + 2);
	});

	it('counts long ranges by searching, short ones by walking', () => {
		// A grouping that disagrees with the members shows which way was taken.
		const towns = [{ key: 'a', name: 'A', spellings: ['A'], country: 'BE', lon: 0, lat: 0 }];
		const town = new Uint32Array(1000);
		const byTown = { offsets: Uint32Array.from([0, 10]), positions: Uint32Array.from({ length: 10 }, (_, k) => k * 100) };
		expect(townsInRange({ town, byTown }, towns, 0, 1000)[0]!.count).toBe(10);
		expect(townsInRange({ town, byTown }, towns, 0, 50)[0]!.count).toBe(50);
	});
});
