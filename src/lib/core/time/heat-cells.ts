import { runAtOnce, YIELD_EVERY, type Sliced } from '../slicing/slices';
import type { TimeIndex } from './time-index';
import { addMonths, monthStart } from './months';

/**
 * Heat is a sum: sum_i w_i K(x - x_i). Points closer than a couple of pixels are one point to a kernel of
 * 38 px radius, so a frame can draw one weighted point per small cell (at the cell's weighted centroid)
 * instead of one per member, and the heat is the same sum.
 *
 * Cells come in levels, CELL_DEGREES x 2^k: the finest built from the points in one O(n) pass, each
 * coarser one from the level below in O(cells). A frame uses the coarsest level whose cell is at most
 * MAX_CELL_PX wide at the map's zoom. Per level and month we keep prefix sums of each cell's weight, so
 * a frame's cell weights are the whole months (one subtraction per cell) plus the members of the two
 * partial months at the range's ends added into their cells. A frame draws at most the level's
 * non-empty cells, never its members: the work is O(cells + points of two months), not O(visible).
 */
export const CELL_DEGREES = 0.02;
/** Cell sizes 0.02, 0.04, ... 1.28 degrees. */
export const CELL_LEVELS = 7;
/** A cell at most this wide on screen: invisible under a 38 px kernel (and the 512-texel weight map). */
export const MAX_CELL_PX = 2;
/** A level with fewer points per cell than this draws little less than the points: no prefix is kept. */
export const MIN_POINTS_PER_CELL = 4;
/** A level's prefix has at most one entry (4 bytes) per point, or this many for small data. */
export const SMALL_PREFIX_ENTRIES = 2 ** 16;

/** Finest cell grid: rows 0..9000 of latitude, columns 0..18000 of longitude; keys fit an int32. */
const COLS = 18_001;

export interface CellLevel {
	/** Cell width and height in degrees. */
	degrees: number;
	count: number;
	/** Weighted centroid of each cell over all its points, lon,lat pairs. */
	centroids: Float32Array;
	/** Cell of the next coarser level that holds each cell (null on the coarsest). */
	parent: Uint32Array | null;
	/**
	 * prefix[k * count + c] = weight of cell c's points before month boundary k (month-major, so a
	 * frame reads two contiguous rows). Float32: weights are counts, exact below 2^24 per cell. Null
	 * when the level is not worth drawing (see levelWorthDrawing).
	 */
	prefix: Float32Array | null;
}

export interface HeatCells {
	/** Finest first. */
	levels: CellLevel[];
	/** Cell of each point at the finest level, in time-index order. */
	cellOf: Uint32Array;
	/** Index (into the time index) of each month's first member, then the member count: months + 1 entries. */
	boundaries: Int32Array;
}

export function buildHeatCells(index: TimeIndex): HeatCells {
	return runAtOnce(heatCellsOf(index));
}

/** buildHeatCells as sliced work (core/slicing): it yields within and between its passes. */
export function* heatCellsOf(index: TimeIndex): Sliced<HeatCells> {
	const n = index.days.length;
	const { positions, weights } = index;
	const keys = new Int32Array(n);
	for (let i = 0; i < n; i++) {
		if ((i & (YIELD_EVERY - 1)) === YIELD_EVERY - 1) yield;
		const lon = Math.min(180, Math.max(-180, positions[2 * i]!));
		const lat = Math.min(90, Math.max(-90, positions[2 * i + 1]!));
		keys[i] = Math.floor((lat + 90) / CELL_DEGREES) * COLS + Math.floor((lon + 180) / CELL_DEGREES);
	}
	const finest = yield* denseIds(keys);
	yield;
	// Per cell: sum of w*lon, w*lat, w. Coarser levels add up their children's sums.
	let sums = new Float64Array(3 * finest.count);
	for (let i = 0; i < n; i++) {
		if ((i & (YIELD_EVERY - 1)) === YIELD_EVERY - 1) yield;
		const c = 3 * finest.ids[i]!;
		const w = weights[i]!;
		sums[c]! += w * positions[2 * i]!;
		sums[c + 1]! += w * positions[2 * i + 1]!;
		sums[c + 2]! += w;
	}
	yield;
	const boundaries = monthBoundaries(index.days);
	const months = boundaries.length - 1;
	// The levels' cells, centroids and parents: O(cells) each.
	const levels: CellLevel[] = [];
	let cellKeys = finest.keys;
	for (let k = 0; k < CELL_LEVELS; k++) {
		const count = cellKeys.length;
		const level: CellLevel = { degrees: CELL_DEGREES * 2 ** k, count, centroids: centroidsOf(sums, count), parent: null, prefix: null };
		levels.push(level);
		if (k + 1 === CELL_LEVELS) break;
		const parentKeys = new Int32Array(count);
		for (let c = 0; c < count; c++) {
			const row = Math.floor(cellKeys[c]! / COLS);
			parentKeys[c] = (row >> 1) * COLS + ((cellKeys[c]! - row * COLS) >> 1);
		}
		const up = yield* denseIds(parentKeys);
		level.parent = up.ids;
		const parentSums = new Float64Array(3 * up.count);
		for (let c = 0; c < count; c++) {
			const p = 3 * up.ids[c]!;
			parentSums[p]! += sums[3 * c]!;
			parentSums[p + 1]! += sums[3 * c + 1]!;
			parentSums[p + 2]! += sums[3 * c + 2]!;
		}
		sums = parentSums;
		cellKeys = up.keys;
		yield;
	}
	// Prefixes: the finest level worth one from the points (one pass), each coarser from the one below
	// (O(cells x months), within one entry per point). Fewer cells: a coarser level is worth it too.
	const first = levels.findIndex((level) => levelWorthDrawing(level.count, n, months));
	if (first >= 0) {
		// Finest cell -> cell at `first`: the parents composed, O(cells).
		const toFirst = new Uint32Array(levels[0]!.count).map((_, c) => c);
		for (const level of levels.slice(0, first)) for (let c = 0; c < toFirst.length; c++) toFirst[c] = level.parent![toFirst[c]!]!;
		yield;
		levels[first]!.prefix = yield* monthlyPrefix(finest.ids, toFirst, weights, boundaries, levels[first]!.count);
		for (let k = first + 1; k < levels.length; k++) {
			yield;
			levels[k]!.prefix = yield* coarserPrefix(levels[k - 1]!, levels[k]!.count, boundaries.length);
		}
	}
	return { levels, cellOf: finest.ids, boundaries };
}

/**
 * Drawing a level's cells pays when each replaces several points; its cells x months prefix must stay
 * within one entry per point (so all levels together, each about 4x smaller than the one below, take
 * about 5 bytes per point). Uniformly scattered points (each nearly its own cell) skip the fine levels.
 */
export function levelWorthDrawing(count: number, points: number, months: number): boolean {
	return count * MIN_POINTS_PER_CELL <= points && count * (months + 1) <= Math.max(points, SMALL_PREFIX_ENTRIES);
}

/**
 * The level a frame at `zoom` draws: the coarsest one with a prefix whose cell is at most MAX_CELL_PX
 * wide (web mercator: 256 * 2^zoom / 360 px per degree of longitude; at 50 degrees north a cell is
 * 1.6x as tall as wide, still under 4 px), or -1 to draw the points.
 */
export function cellLevelFor(cells: HeatCells, zoom: number): number {
	const pxPerDegree = (256 * 2 ** zoom) / 360;
	for (let k = cells.levels.length - 1; k >= 0; k--) {
		const level = cells.levels[k]!;
		if (level.degrees * pxPerDegree > MAX_CELL_PX) continue;
		// The coarsest level fine enough; if it is not worth drawing, no finer one is (more cells).
		return level.prefix ? k : -1;
	}
	return -1;
}

export interface HeatFrame {
	length: number;
	positions: Float32Array;
	weights: Float32Array;
}

/**
 * The points to draw for the members [start, end) of the time index at cell level `level` (from
 * cellLevelFor; -1 = the members themselves): the non-empty cells, each weighted by its members in the
 * range. The total weight is exactly that of the members (for integer weights; Float32 sums).
 */
export function heatFrame(index: TimeIndex, cells: HeatCells, range: [number, number], level: number): HeatFrame {
	return withAlways(index, datedFrame(index, cells, range, level));
}

/** Members without a date are drawn at every date: their points follow the frame's (few: no cells). */
function withAlways(index: TimeIndex, frame: HeatFrame): HeatFrame {
	const always = index.always;
	if (!always || !always.weights.length) return frame;
	const n = frame.length + always.weights.length;
	const positions = new Float32Array(2 * n);
	const weights = new Float32Array(n);
	positions.set(frame.positions.subarray(0, 2 * frame.length));
	positions.set(always.positions, 2 * frame.length);
	weights.set(frame.weights.subarray(0, frame.length));
	weights.set(always.weights, frame.length);
	return { length: n, positions, weights };
}

function datedFrame(index: TimeIndex, cells: HeatCells, [start, end]: [number, number], level: number): HeatFrame {
	const cellLevel = cells.levels[level];
	// Fewer members than cells: the members themselves are cheaper, and exact.
	if (!cellLevel?.prefix || end - start <= cellLevel.count) return pointsOf(index, start, end);
	const { count, prefix, centroids } = cellLevel;
	const bounds = cells.boundaries;
	// Whole months: from the first month boundary at or after start to the last at or before end.
	let a = 0;
	while (a < bounds.length && bounds[a]! < start) a++;
	let b = bounds.length - 1;
	while (b >= 0 && bounds[b]! > end) b--;
	const sum = new Float32Array(count);
	if (a < b) {
		const [hi, lo] = [prefix.subarray(b * count, (b + 1) * count), prefix.subarray(a * count, (a + 1) * count)];
		for (let c = 0; c < count; c++) sum[c] = hi[c]! - lo[c]!;
		addMembers(index, cells, level, sum, start, bounds[a]!);
		addMembers(index, cells, level, sum, bounds[b]!, end);
	} else addMembers(index, cells, level, sum, start, end);
	const positions = new Float32Array(2 * count);
	const weights = new Float32Array(count);
	let j = 0;
	for (let c = 0; c < count; c++) {
		if (!(sum[c]! > 0)) continue;
		positions[2 * j] = centroids[2 * c]!;
		positions[2 * j + 1] = centroids[2 * c + 1]!;
		weights[j++] = sum[c]!;
	}
	return { length: j, positions: positions.subarray(0, 2 * j), weights: weights.subarray(0, j) };
}

/** Adds the weights of members [from, to) into their cells at `level`. */
function addMembers(index: TimeIndex, cells: HeatCells, level: number, sum: Float32Array, from: number, to: number): void {
	const parents = cells.levels.slice(0, level).map((l) => l.parent!);
	for (let i = from; i < to; i++) {
		let c = cells.cellOf[i]!;
		for (const parent of parents) c = parent[c]!;
		sum[c]! += index.weights[i]!;
	}
}

function pointsOf(index: TimeIndex, start: number, end: number): HeatFrame {
	return { length: end - start, positions: index.positions.subarray(2 * start, 2 * end), weights: index.weights.subarray(start, end) };
}

/**
 * Dense ids 0.. for non-negative int keys, in order of first appearance, with an open-addressing hash
 * (key, id interleaved; grown at half full so clustered data stays in cache). Returns the id of each
 * input and the key of each id.
 */
function* denseIds(input: Int32Array): Sliced<{ ids: Uint32Array; keys: Int32Array; count: number }> {
	const n = input.length;
	let bits = 12;
	let table: Int32Array = new Int32Array(2 << bits).fill(-1);
	const ids = new Uint32Array(n);
	const keys = new Int32Array(n);
	let count = 0;
	for (let i = 0; i < n; i++) {
		if ((i & (YIELD_EVERY - 1)) === YIELD_EVERY - 1) yield;
		const key = input[i]!;
		const mask = (1 << bits) - 1;
		let s = Math.imul(key, 0x9e3779b1) >>> (32 - bits);
		while (table[2 * s] !== key && table[2 * s] !== -1) s = (s + 1) & mask;
		if (table[2 * s] === -1) {
			table[2 * s] = key;
			table[2 * s + 1] = count;
			keys[count++] = key;
			if (2 * count > mask) {
				bits++;
				table = rehash(table, bits);
			}
			ids[i] = count - 1;
		} else ids[i] = table[2 * s + 1]!;
	}
	return { ids, keys: keys.slice(0, count), count };
}

function rehash(old: Int32Array, bits: number): Int32Array {
	const table = new Int32Array(2 << bits).fill(-1);
	const mask = (1 << bits) - 1;
	for (let o = 0; o < old.length; o += 2) {
		if (old[o] === -1) continue;
		let s = Math.imul(old[o]!, 0x9e3779b1) >>> (32 - bits);
		while (table[2 * s] !== -1) s = (s + 1) & mask;
		table[2 * s] = old[o]!;
		table[2 * s + 1] = old[o + 1]!;
	}
	return table;
}

function centroidsOf(sums: Float64Array, count: number): Float32Array {
	const centroids = new Float32Array(2 * count);
	for (let c = 0; c < count; c++) {
		const w = sums[3 * c + 2]! || 1;
		centroids[2 * c] = sums[3 * c]! / w;
		centroids[2 * c + 1] = sums[3 * c + 1]! / w;
	}
	return centroids;
}

/** Index of each month's first member in the sorted days, then n. */
function monthBoundaries(days: Float64Array): Int32Array {
	const n = days.length;
	const starts: number[] = [];
	for (let day = n ? monthStart(days[0]!) : 0, i = 0; i < n; day = addMonths(day, 1)) {
		while (i < n && days[i]! < day) i++;
		if (i >= n) break;
		starts.push(i);
	}
	starts.push(n);
	return Int32Array.from(starts);
}

/** Month-major prefix sums of each cell's weight at the month boundaries; point i is in cell toLevel[cellOf[i]]. */
function* monthlyPrefix(
	cellOf: Uint32Array,
	toLevel: Uint32Array,
	weights: Float32Array,
	boundaries: Int32Array,
	count: number
): Sliced<Float32Array> {
	const prefix = new Float32Array(boundaries.length * count);
	let i = 0;
	for (let k = 1; k < boundaries.length; k++) {
		prefix.copyWithin(k * count, (k - 1) * count, k * count);
		for (const to = boundaries[k]!; i < to; i++) {
			if ((i & (YIELD_EVERY - 1)) === YIELD_EVERY - 1) yield;
			prefix[k * count + toLevel[cellOf[i]!]!]! += weights[i]!;
		}
	}
	return prefix;
}

/** The prefix of the level above `finer`: each row's cells added into their parents. */
function* coarserPrefix(finer: CellLevel, count: number, rows: number): Sliced<Float32Array> {
	const prefix = new Float32Array(rows * count);
	const [from, parent] = [finer.prefix!, finer.parent!];
	for (let k = 0; k < rows; k++) {
		yield;
		for (let c = 0; c < finer.count; c++) prefix[k * count + parent[c]!]! += from[k * finer.count + c]!;
	}
	return prefix;
}
