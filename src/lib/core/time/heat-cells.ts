import type { TimeIndex } from './time-index';
import { addMonths, monthStart } from './months';

/**
 * Heat is a sum: sum_i w_i K(x - x_i). Points a kilometre apart are one point to a kernel tens of
 * kilometres wide, so whole months of members can be drawn as one weighted point per small cell
 * (at the cell's weighted centroid) instead of one per member. Per cell and month we keep prefix
 * sums; a frame adds up the full months in O(cells) and draws only the partial months at its two
 * ends point by point. The work per frame is bounded by the cells and two months of points, not by
 * the members visible, which is what lets 1M points play.
 */
export const CELL_DEGREES = 0.02;
/** Above this zoom a cell (about 1.4-2.2 km) spans several pixels: draw the points themselves. */
export const MAX_CELL_ZOOM = 7.5;

export interface HeatCells {
	count: number;
	/** Weighted centroid of each cell, lon,lat pairs. */
	centroids: Float32Array;
	/** Index (into the time index) where each month starts, ascending; months[k] is its first day. */
	monthStarts: Int32Array;
	/** prefix[c * (months + 1) + k] = weight of cell c's points before monthStarts[k]. */
	prefix: Float64Array;
	/** Cell of each point in time-index order. */
	cellOf: Uint32Array;
}

export function buildHeatCells(index: TimeIndex): HeatCells {
	const n = index.days.length;
	const ids = new Map<number, number>();
	const cellOf = new Uint32Array(n);
	const sums: number[] = [];
	for (let i = 0; i < n; i++) {
		const lon = index.positions[2 * i]!;
		const lat = index.positions[2 * i + 1]!;
		const key = Math.floor((lat + 90) / CELL_DEGREES) * 20_000 + Math.floor((lon + 180) / CELL_DEGREES);
		let id = ids.get(key);
		if (id === undefined) {
			id = ids.size;
			ids.set(key, id);
			sums.push(0, 0, 0);
		}
		cellOf[i] = id;
		const w = index.weights[i]!;
		sums[3 * id]! += w * lon;
		sums[3 * id + 1]! += w * lat;
		sums[3 * id + 2]! += w;
	}
	const count = ids.size;
	const centroids = new Float32Array(count * 2);
	for (let c = 0; c < count; c++) {
		const w = sums[3 * c + 2]! || 1;
		centroids[2 * c] = sums[3 * c]! / w;
		centroids[2 * c + 1] = sums[3 * c + 1]! / w;
	}
	// Month boundaries as positions in the sorted days.
	const starts: number[] = [];
	if (n) {
		for (let day = monthStart(index.days[0]!), i = 0; i < n; day = addMonths(day, 1)) {
			while (i < n && index.days[i]! < day) i++;
			starts.push(i);
			if (i >= n) break;
		}
	}
	const months = starts.length;
	const prefix = new Float64Array(count * (months + 1));
	for (let k = 0; k < months; k++) {
		const from = starts[k]!;
		const to = k + 1 < months ? starts[k + 1]! : n;
		for (let c = 0; c < count; c++) prefix[c * (months + 1) + k + 1] = prefix[c * (months + 1) + k]!;
		for (let i = from; i < to; i++) prefix[cellOf[i]! * (months + 1) + k + 1]! += index.weights[i]!;
	}
	return { count, centroids, monthStarts: Int32Array.from(starts), prefix, cellOf };
}

export interface HeatFrame {
	length: number;
	positions: Float32Array;
	weights: Float32Array;
}

/**
 * The points to draw for the members [start, end) of the time index: non-empty cells for the whole
 * months inside the range, plus the points of the partial months at its ends.
 */
export function heatFrame(index: TimeIndex, cells: HeatCells, [start, end]: [number, number]): HeatFrame {
	const starts = cells.monthStarts;
	const months = starts.length;
	// First month boundary at or after start, last at or before end.
	let a = 0;
	while (a < months && starts[a]! < start) a++;
	let b = months - 1;
	while (b >= 0 && starts[b]! > end) b--;
	// With no whole month inside, or fewer points than cells, the points themselves are cheaper.
	if (a >= b || end - start <= cells.count) return pointsOf(index, start, end);
	const [kA, kB] = [a, b];
	const raw: [number, number][] = [
		[start, starts[kA]!],
		[starts[kB]!, end]
	];
	const rawCount = raw.reduce((s, [f, t]) => s + t - f, 0);
	const positions = new Float32Array((cells.count + rawCount) * 2);
	const weights = new Float32Array(cells.count + rawCount);
	let j = 0;
	const stride = months + 1;
	for (let c = 0; c < cells.count; c++) {
		const w = cells.prefix[c * stride + kB]! - cells.prefix[c * stride + kA]!;
		if (w <= 0) continue;
		positions[2 * j] = cells.centroids[2 * c]!;
		positions[2 * j + 1] = cells.centroids[2 * c + 1]!;
		weights[j++] = w;
	}
	for (const [f, t] of raw) {
		positions.set(index.positions.subarray(2 * f, 2 * t), 2 * j);
		weights.set(index.weights.subarray(f, t), j);
		j += t - f;
	}
	return { length: j, positions: positions.subarray(0, 2 * j), weights: weights.subarray(0, j) };
}

function pointsOf(index: TimeIndex, start: number, end: number): HeatFrame {
	return { length: end - start, positions: index.positions.subarray(2 * start, 2 * end), weights: index.weights.subarray(start, end) };
}
