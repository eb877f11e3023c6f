import type { MemberPoint } from '../data/member';
import { windowStartExclusive, type TimeMode } from './membership';

/**
 * The members sorted by date, with their positions and weights packed into typed arrays in the same
 * order. Built once per member list (O(n log n)); then every frame of the timeline is two binary
 * searches and a subarray view: the cost of a frame does not grow with the whole dataset.
 */
export interface TimeIndex {
	/** Dated members sorted by `day` (stable). */
	members: MemberPoint[];
	days: Float64Array;
	/** lon,lat pairs, float32 (metres of error at these zooms, invisible). */
	positions: Float32Array;
	weights: Float32Array;
	/** Members without a usable date or position: never on the map's timeline, counted for the UI. */
	undated: number;
}

export function buildTimeIndex(points: readonly MemberPoint[]): TimeIndex {
	const dated = points.filter((m) => !Number.isNaN(m.day) && Number.isFinite(m.lon) && Number.isFinite(m.lat));
	const order = sortedOrder(dated);
	const n = order.length;
	const members = new Array<MemberPoint>(n);
	const days = new Float64Array(n);
	const positions = new Float32Array(n * 2);
	const weights = new Float32Array(n);
	for (let k = 0; k < n; k++) {
		const m = dated[order[k]!]!;
		members[k] = m;
		days[k] = m.day;
		positions[2 * k] = m.lon;
		positions[2 * k + 1] = m.lat;
		weights[k] = Number.isFinite(m.weight) ? m.weight : 1;
	}
	return { members, days, positions, weights, undated: points.length - n };
}

const INDEX_BITS = 2 ** 21;

/**
 * Indices of `dated` in (day, input order) order. Whole days pack with the index into one float64
 * key and sort natively (about 10x faster than a comparator at 1M points); otherwise a stable sort.
 */
function sortedOrder(dated: readonly { day: number }[]): ArrayLike<number> {
	const n = dated.length;
	if (n < INDEX_BITS && dated.every((m) => Number.isInteger(m.day) && Math.abs(m.day) < 2 ** 31)) {
		const keys = new Float64Array(n);
		for (let i = 0; i < n; i++) keys[i] = dated[i]!.day * INDEX_BITS + i;
		keys.sort();
		const order = new Uint32Array(n);
		for (let k = 0; k < n; k++) order[k] = keys[k]! - Math.floor(keys[k]! / INDEX_BITS) * INDEX_BITS;
		return order;
	}
	return dated.map((_, i) => i).sort((a, b) => dated[a]!.day - dated[b]!.day || a - b);
}

/** Index of the first element > value in a sorted array. */
export function upperBound(sorted: ArrayLike<number>, value: number): number {
	let lo = 0;
	let hi = sorted.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (sorted[mid]! <= value) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** [start, end) of the members active at `day`: the same rule as isActiveAt, by binary search. */
export function visibleRange(days: ArrayLike<number>, day: number, mode: TimeMode, windowMonths: number): [number, number] {
	const end = upperBound(days, day);
	const start = mode === 'cumulative' ? 0 : Math.min(end, upperBound(days, windowStartExclusive(day, windowMonths)));
	return [start, end];
}
