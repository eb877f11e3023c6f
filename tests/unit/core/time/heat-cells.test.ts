import { describe, expect, it } from 'vitest';
import { emptyRecord, type MemberPoint } from '$lib/core/data/member';
import { buildTimeIndex, visibleRange } from '$lib/core/time/time-index';
import { buildHeatCells, heatFrame, type HeatFrame } from '$lib/core/time/heat-cells';
import type { TimeMode } from '$lib/core/time/membership';

/** 6,000 members around three towns over 2014-2016, a few km apart; deterministic. */
function clustered(): MemberPoint[] {
	const towns = [
		[4.35, 50.85],
		[2.35, 48.86],
		[-5.8, 35.77]
	] as const;
	let seed = 7;
	const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
	return Array.from({ length: 6000 }, (_, i) => {
		const [lon, lat] = towns[i % 3]!;
		const day = Math.floor(random() * 1096);
		return { ...emptyRecord(`m${i}`), lon: lon + (random() - 0.5) * 0.06, lat: lat + (random() - 0.5) * 0.04, day, dayEnd: day, weight: i % 7 === 0 ? 2 : 1 };
	});
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

const TESTS: { title: string; day: number; mode: TimeMode; months: number }[] = [
	{ title: 'cumulative, mid-month', day: 700, mode: 'cumulative', months: 6 },
	{ title: 'cumulative, on a month start', day: 730, mode: 'cumulative', months: 6 },
	{ title: 'cumulative, the last day', day: 1095, mode: 'cumulative', months: 6 },
	{ title: '6-month window', day: 500, mode: 'window', months: 6 },
	{ title: '3-month window', day: 900, mode: 'window', months: 3 },
	{ title: 'early: within the first month', day: 20, mode: 'cumulative', months: 6 }
];

describe('heat cells', () => {
	const members = clustered();
	const index = buildTimeIndex(members);
	const cells = buildHeatCells(index);

	it('has far fewer cells than members', () => {
		expect(cells.count).toBeLessThan(members.length / 4);
	});

	it.each(TESTS)('$title: same total weight and the same heat within 0.5% as the points themselves', ({ day, mode, months }) => {
		const range = visibleRange(index.days, day, mode, months);
		const frame = heatFrame(index, cells, range);
		const points: HeatFrame = {
			length: range[1] - range[0],
			positions: index.positions.subarray(2 * range[0], 2 * range[1]),
			weights: index.weights.subarray(range[0], range[1])
		};
		const total = (f: HeatFrame) => f.weights.reduce((a, b) => a + b, 0);
		expect(total(frame)).toBeCloseTo(total(points), 6);
		for (const [lon, lat] of [[4.35, 50.85], [4.4, 50.8], [2.3, 48.9], [-5.8, 35.77], [10, 45]] as const) {
			const exact = heatAt(points, lon, lat);
			expect(Math.abs(heatAt(frame, lon, lat) - exact)).toBeLessThanOrEqual(0.005 * exact + 1e-9);
		}
	});

	it('draws fewer points than members once whole months are in view', () => {
		const range = visibleRange(index.days, 1095, 'cumulative', 6);
		expect(heatFrame(index, cells, range).length).toBeLessThan((range[1] - range[0]) / 3);
	});
});
