import type { MemberPoint } from '../data/member';
import { windowStartExclusive, type TimeMode } from './membership';
import { indexDataset, type DatasetIndex } from '../data/dataset-index';
import { runAtOnce, YIELD_EVERY, type Sliced } from '../slicing/slices';

/**
 * The members sorted by date, with their positions and weights packed into typed arrays in the same
 * order. The sort is done once per dataset (core/data/dataset-index); then every frame of the
 * timeline is two binary searches and a subarray view: the cost of a frame does not grow with the whole dataset.
 */
export interface TimeIndex {
	/** Dated members sorted by `day` (stable), as indices into the dataset's members. */
	order: Uint32Array;
	/** The same members as records: made on first read (an export), never for drawing. */
	readonly members: MemberPoint[];
	days: Float64Array;
	/** lon,lat pairs, float32 (metres of error at these zooms, invisible). */
	positions: Float32Array;
	weights: Float32Array;
	/** Each member's town (DatasetIndex.towns), for counting places over a range of the timeline. */
	town: Uint32Array;
	/** The same members grouped by town, so a town's count over a range is two binary searches. */
	byTown: TownPositions;
	/** Members without a usable date or position (passing the filters), counted for the UI. */
	undated: number;
	/**
	 * Placed members without a date (passing the filters), packed like the dated ones: on the map and
	 * in the counts at every date, so nobody disappears for lack of a date. Empty when they are hidden.
	 */
	always?: UndatedPoints;
}

/**
 * Positions into a time index grouped by town: town c's members are at positions
 * `positions[offsets[c]] < ... < positions[offsets[c + 1] - 1]` (ascending, so in date order).
 * Counting a town's members in [start, end) is then two binary searches in its group, whatever the
 * size of the range: the hotspot table follows playback without a pass over the members shown
 * (core/hotspots/hotspots.ts townsInRange; docs/ARCHITECTURE.md, "Timeline playback at millions").
 */
export interface TownPositions {
	offsets: Uint32Array;
	positions: Uint32Array;
}

export interface UndatedPoints {
	/** Indices into the dataset's members. */
	order: Uint32Array;
	/** The same members as records, made on first read. */
	readonly members: MemberPoint[];
	positions: Float32Array;
	weights: Float32Array;
	town: Uint32Array;
}

export interface TimeIndexOptions {
	/** Show placed members without a date at every date (the default), or leave them off the map. */
	undatedThroughout?: boolean;
}

export function buildTimeIndex(points: readonly MemberPoint[]): TimeIndex {
	return runAtOnce(timeIndexOf(runAtOnce(indexDataset(points)), null));
}

/**
 * The dataset's members in date order, narrowed to those the filters pass (pass[i] for members[i];
 * null = all), packed for the heat layer. O(n) over typed arrays: the sort was done once per dataset.
 */
export function* timeIndexOf(index: DatasetIndex, pass: Uint8Array | null, options: TimeIndexOptions = {}): Sliced<TimeIndex> {
	const order = index.byDate;
	let n = order.length;
	if (pass) {
		n = 0;
		for (let k = 0; k < order.length; k++) n += pass[order[k]!]!;
	}
	const { day, lon, lat, weight } = index.columns;
	const chosen = new Uint32Array(n);
	const days = new Float64Array(n);
	const positions = new Float32Array(n * 2);
	const weights = new Float32Array(n);
	const town = new Uint32Array(n);
	for (let k = 0, j = 0; k < order.length; k++) {
		if ((k & (YIELD_EVERY - 1)) === YIELD_EVERY - 1) yield;
		const i = order[k]!;
		if (pass && !pass[i]) continue;
		chosen[j] = i;
		days[j] = day[i]!;
		positions[2 * j] = lon[i]!;
		positions[2 * j + 1] = lat[i]!;
		const w = weight[i]!;
		weights[j] = Number.isFinite(w) ? w : 1;
		town[j++] = index.town[i]!;
	}
	let passing = index.count;
	if (pass) {
		passing = 0;
		for (let i = 0; i < pass.length; i++) passing += pass[i]!;
	}
	const byTown = yield* townPositionsOf(town, index.towns.length);
	const always =
		options.undatedThroughout === false
			? undatedPointsOf(index, new Uint32Array(0), null)
			: undatedPointsOf(index, index.undatedPlaced ?? new Uint32Array(0), pass);
	return withRecords(index, { order: chosen, days, positions, weights, town, byTown, undated: passing - n, always });
}

/**
 * Groups positions 0..town.length-1 by town code (a counting sort, stable: ascending within a town).
 * Members without a town (NO_TOWN, or any code >= towns) are left out.
 */
export function* townPositionsOf(town: Uint32Array, towns: number): Sliced<TownPositions> {
	const offsets = new Uint32Array(towns + 1);
	for (let k = 0; k < town.length; k++) {
		if ((k & (YIELD_EVERY - 1)) === YIELD_EVERY - 1) yield;
		const c = town[k]!;
		if (c < towns) offsets[c + 1]!++;
	}
	for (let c = 0; c < towns; c++) offsets[c + 1]! += offsets[c]!;
	const next = offsets.slice(0, towns);
	const positions = new Uint32Array(offsets[towns]!);
	for (let k = 0; k < town.length; k++) {
		if ((k & (YIELD_EVERY - 1)) === YIELD_EVERY - 1) yield;
		const c = town[k]!;
		if (c < towns) positions[next[c]!++] = k;
	}
	return { offsets, positions };
}

/** Adds a `members` getter: the chosen members' records, made once, on first read. */
function withRecords<T extends { order: Uint32Array }>(index: DatasetIndex, packed: T): T & { readonly members: MemberPoint[] } {
	let records: MemberPoint[] | undefined;
	return Object.defineProperty(packed, 'members', {
		get: () => (records ??= Array.from(packed.order, (i) => index.members[i]!)),
		enumerable: true
	}) as T & { readonly members: MemberPoint[] };
}

function undatedPointsOf(index: DatasetIndex, which: Uint32Array, pass: Uint8Array | null): UndatedPoints {
	const order = pass ? which.filter((i) => pass[i]) : which.slice();
	const positions = new Float32Array(order.length * 2);
	const weights = new Float32Array(order.length);
	const town = new Uint32Array(order.length);
	const { lon, lat, weight } = index.columns;
	order.forEach((i, j) => {
		positions[2 * j] = lon[i]!;
		positions[2 * j + 1] = lat[i]!;
		const w = weight[i]!;
		weights[j] = Number.isFinite(w) ? w : 1;
		town[j] = index.town[i]!;
	});
	return withRecords(index, { order, positions, weights, town });
}

/** The weight of the members shown throughout (no date): added to every frame's count. */
export function alwaysWeight(index: TimeIndex): number {
	let w = 0;
	const weights = index.always?.weights ?? [];
	for (let i = 0; i < weights.length; i++) w += weights[i]!;
	return w;
}

/** Index of the first element >= value in sorted[from, to). */
export function lowerBound(sorted: ArrayLike<number>, value: number, from = 0, to = sorted.length): number {
	let lo = from;
	let hi = to;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (sorted[mid]! < value) lo = mid + 1;
		else hi = mid;
	}
	return lo;
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
