import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyRecord, type MemberPoint } from '$lib/core/data/member';
import { buildTimeIndex, visibleRange, type TimeIndex } from '$lib/core/time/time-index';
import {
	buildHeatCells,
	cellLevelFor,
	heatFrame,
	levelWorthDrawing,
	SMALL_PREFIX_ENTRIES,
	type HeatFrame
} from '$lib/core/time/heat-cells';
import type { TimeMode } from '$lib/core/time/membership';

const member = (i: number, lon: number, lat: number, day: number, weight = 1): MemberPoint => ({
	...emptyRecord(`m${i}`),
	lon,
	lat,
	day,
	dayEnd: day,
	weight
});

/** 6,000 members around three towns over 2014-2016, a few km apart; deterministic. */
function clustered(): MemberPoint[] {
	const towns = [
		[4.35, 50.85],
		[2.35, 48.86],
		[-5.8, 35.77]
	] as const;
	let seed = 7;
	const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
	return Array.from({ length: 6000 }, (_, i) => {
		const [lon, lat] = towns[i % 3]!;
		return member(i, lon + (random() - 0.5) * 0.06, lat + (random() - 0.5) * 0.04, Math.floor(random() * 1096), i % 7 === 0 ? 2 : 1);
	});
}

/**
 * bench/large-import.ts's memberCsv: n members on a uniform lattice over lat 36..54, lon -8..32, one
 * date per month of 2015. Packed straight into a time index (members are not needed for the heat).
 */
function scatteredIndex(n: number): TimeIndex {
	const [days, positions, weights] = [new Float64Array(n), new Float32Array(2 * n), new Float32Array(n).fill(1)];
	let k = 0;
	for (let month = 0; month < 12; month++)
		for (let i = month; i < n; i += 12, k++) {
			days[k] = 365 + 14 + 30 * month;
			positions[2 * k] = -8 + ((i * 104729) % 40000) / 1000;
			positions[2 * k + 1] = 36 + ((i * 7919) % 18000) / 1000;
		}
	return {
		order: new Uint32Array(0),
		members: [],
		days,
		positions,
		weights,
		town: new Uint32Array(n),
		byTown: { offsets: new Uint32Array(1), positions: new Uint32Array(0) },
		undated: 0
	};
}

/** The heat a frame gives at a probe point: a Gaussian kernel 20 km wide, as at the start view's zoom. */
function heatAt(frame: HeatFrame, lon: number, lat: number): number {
	let sum = 0;
	for (let i = 0; i < frame.length; i++) {
		const dx = (frame.positions[2 * i]! - lon) * Math.cos((lat * Math.PI) / 180);
		const dy = frame.positions[2 * i + 1]! - lat;
		sum += frame.weights[i]! * Math.exp(-(dx * dx + dy * dy) / (2 * 0.2 * 0.2));
	}
	return sum;
}

const pointsOf = (index: TimeIndex, [start, end]: [number, number]): HeatFrame => ({
	length: end - start,
	positions: index.positions.subarray(2 * start, 2 * end),
	weights: index.weights.subarray(start, end)
});
const total = (f: HeatFrame) => f.weights.reduce((a, b) => a + b, 0);

/** Zoom 5 draws 0.02 x 2^2 degree cells (0.08 deg = 1.8 px), the start view's 3.35 draws 0.16 deg. */
const FRAMES: { title: string; day: number; mode: TimeMode; months: number; zoom: number }[] = [
	{ title: 'cumulative, mid-month', day: 700, mode: 'cumulative', months: 6, zoom: 3.35 },
	{ title: 'cumulative, on a month start', day: 730, mode: 'cumulative', months: 6, zoom: 3.35 },
	{ title: 'cumulative, the last day', day: 1095, mode: 'cumulative', months: 6, zoom: 3.35 },
	{ title: '6-month window', day: 500, mode: 'window', months: 6, zoom: 3.35 },
	{ title: '3-month window, zoom 5', day: 900, mode: 'window', months: 3, zoom: 5 },
	{ title: 'cumulative, zoom 7 (finest cells)', day: 900, mode: 'cumulative', months: 3, zoom: 7 },
	{ title: 'cumulative, zoom 1 (coarsest cells)', day: 900, mode: 'cumulative', months: 3, zoom: 1 },
	{ title: 'early: within the first month', day: 20, mode: 'cumulative', months: 6, zoom: 3.35 }
];

describe('heat cells of clustered members', () => {
	const members = clustered();
	const index = buildTimeIndex(members);
	const cells = buildHeatCells(index);

	it('has far fewer cells than members at the finest level, and fewer at each coarser one', () => {
		expect(cells.levels[0]!.count).toBeLessThan(members.length / 4);
		for (let k = 1; k < cells.levels.length; k++) expect(cells.levels[k]!.count).toBeLessThanOrEqual(cells.levels[k - 1]!.count);
	});

	it.each(FRAMES)('$title: same total weight and the same heat within 0.5% as the points themselves', ({ day, mode, months, zoom }) => {
		const range = visibleRange(index.days, day, mode, months);
		const frame = heatFrame(index, cells, range, cellLevelFor(cells, zoom));
		const points = pointsOf(index, range);
		expect(total(frame)).toBe(total(points));
		for (const [lon, lat] of [
			[4.35, 50.85],
			[4.4, 50.8],
			[2.3, 48.9],
			[-5.8, 35.77],
			[10, 45]
		] as const) {
			const exact = heatAt(points, lon, lat);
			expect(Math.abs(heatAt(frame, lon, lat) - exact)).toBeLessThanOrEqual(0.005 * exact + 1e-9);
		}
	});

	it("draws at most the level's cells, partial months included, once there are more members than cells", () => {
		const level = cellLevelFor(cells, 3.35);
		const range = visibleRange(index.days, 1090, 'cumulative', 6);
		expect(heatFrame(index, cells, range, level).length).toBeLessThanOrEqual(cells.levels[level]!.count);
	});
});

const LEVELS: { title: string; zoom: number; expected: number }[] = [
	{ title: 'world view: the coarsest, 1.28 deg (1.3 px)', zoom: 0.5, expected: 6 },
	{ title: 'start view: 0.16 deg (1.2 px); 0.32 deg would be 2.3 px', zoom: 3.35, expected: 3 },
	{ title: 'zoom 5: 0.08 deg (1.8 px)', zoom: 5, expected: 2 },
	{ title: 'zoom 7.1: the finest, 0.02 deg (1.95 px)', zoom: 7.1, expected: 0 },
	{ title: 'zoom 7.2: even the finest is 2.04 px: the points', zoom: 7.2, expected: -1 }
];

describe('cell level for a zoom', () => {
	const cells = buildHeatCells(buildTimeIndex(clustered()));
	it.each(LEVELS)('$title', ({ zoom, expected }) => {
		expect(cellLevelFor(cells, zoom)).toBe(expected);
	});
});

const WORTH: { title: string; count: number; points: number; months: number; expected: boolean }[] = [
	{ title: 'clustered: 4,800 cells for 1M points', count: 4800, points: 1_000_000, months: 36, expected: true },
	{ title: 'scattered: every point nearly its own cell', count: 800_000, points: 1_000_000, months: 12, expected: false },
	{ title: 'exactly 4 points per cell', count: 250, points: 1000, months: 12, expected: true },
	{ title: 'just under 4 points per cell', count: 251, points: 1000, months: 12, expected: false },
	{ title: 'prefix of one entry per point', count: 50_000, points: 1_000_000, months: 19, expected: true },
	{ title: 'prefix over one entry per point', count: 50_000, points: 1_000_000, months: 20, expected: false },
	{ title: 'small data: a small prefix is allowed', count: 100, points: 1000, months: SMALL_PREFIX_ENTRIES / 100 - 1, expected: true },
	{ title: 'small data over decades of months', count: 100, points: 1000, months: SMALL_PREFIX_ENTRIES / 100, expected: false }
];

describe('a level keeps monthly prefix sums only when drawing it pays', () => {
	it.each(WORTH)('$title', ({ count, points, months, expected }) => {
		expect(levelWorthDrawing(count, points, months)).toBe(expected);
	});
});

describe('1M uniformly scattered members (every point nearly its own 2 km cell)', () => {
	const index = scatteredIndex(1_000_000);
	const cells = buildHeatCells(index);
	const n = index.days.length;

	it('keeps no prefix for the finest levels (cells x months over one entry per point), and none over that', () => {
		expect(cells.levels[0]!.count * 13).toBeGreaterThan(n);
		expect(cells.levels[0]!.prefix).toBeNull();
		for (const level of cells.levels) expect(level.prefix?.length ?? 0).toBeLessThanOrEqual(Math.max(n, SMALL_PREFIX_ENTRIES));
		expect(cells.levels.some((level) => level.prefix)).toBe(true);
	});

	it('draws at the start view a bounded frame: no more than a quarter of the members', () => {
		const range = visibleRange(index.days, 365 + 360, 'cumulative', 6);
		const frame = heatFrame(index, cells, range, cellLevelFor(cells, 3.35));
		expect(frame.length).toBeLessThanOrEqual(index.days.length / 4);
		expect(total(frame)).toBe(range[1] - range[0]);
	});
});

describe('property: a frame draws exactly the weight of the visible members', () => {
	const arbMember = fc.record({
		lon: fc.double({ min: -20, max: 40, noNaN: true }),
		lat: fc.double({ min: 30, max: 60, noNaN: true }),
		day: fc.integer({ min: 0, max: 1095 }),
		weight: fc.integer({ min: 1, max: 3 })
	});
	// Points piled in a few towns (so cells hold many) or spread out; any date, mode and zoom.
	const arbMembers = fc.oneof(
		fc.array(arbMember, { maxLength: 300 }),
		fc
			.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 1095 }), fc.integer({ min: 1, max: 3 })), {
				maxLength: 600
			})
			.map((rows) => rows.map(([town, day, weight]) => ({ lon: 2 + town * 0.5 + (day % 7) * 0.003, lat: 48 + town * 0.3, day, weight })))
	);
	it('for any members, date, mode, window and zoom', () => {
		fc.assert(
			fc.property(
				arbMembers,
				fc.integer({ min: -30, max: 1130 }),
				fc.boolean(),
				fc.integer({ min: 1, max: 12 }),
				fc.double({ min: 0, max: 10, noNaN: true }),
				(rows, day, cumulative, months, zoom) => {
					const index = buildTimeIndex(rows.map((r, i) => member(i, r.lon, r.lat, r.day, r.weight)));
					const cells = buildHeatCells(index);
					const range = visibleRange(index.days, day, cumulative ? 'cumulative' : 'window', months);
					const level = cellLevelFor(cells, zoom);
					const frame = heatFrame(index, cells, range, level);
					expect(total(frame)).toBe(total(pointsOf(index, range)));
					expect(frame.weights.every((w) => w > 0)).toBe(true);
					if (level >= 0) expect(frame.length).toBeLessThanOrEqual(Math.max(cells.levels[level]!.count, range[1] - range[0]));
				}
			)
		);
	});
});
