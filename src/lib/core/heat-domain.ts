import { runAtOnce, YIELD_EVERY, type Sliced } from './slicing/slices';

/**
 * A heat colour scale fixed in people, so a colour means the same at every date and zoom.
 *
 * deck.gl's HeatmapLayer sums, per texel, weight x a Gaussian kernel whose peak is KERNEL_PEAK
 * (weights-fs.glsl in @deck.gl/aggregation-layers 9.4). So N people at one spot peak at N x KERNEL_PEAK,
 * and a colour domain in those units reads directly as "people close together (within a few pixels)".
 */
export const KERNEL_PEAK = 1 / (1.77245385 * 0.166666);

/** Below this many people's worth of heat the colour fades out (alpha ramps from 0). */
const FADE_BELOW_PEOPLE = 0.25;

/** 1, 2, 5, 10, 20, 50 ... : the smallest such number >= x (and >= 1). */
export function niceCeil(x: number): number {
	if (!(x > 1)) return 1;
	const p = 10 ** Math.floor(Math.log10(x));
	for (const f of [1, 2, 5, 10]) if (f * p >= x) return f * p;
	return 10 * p;
}

/**
 * Cell size for the densest place: a twentieth of a degree, about one town or commune (5 km). A
 * city-with-suburbs cell (25 km) put the top colour at twice Brussels' whole count, so no place on
 * the demo ever reached it and every hotspot read as pale yellow.
 */
const CELLS_PER_DEGREE = 20;

/**
 * People at the top colour for a dataset: the heaviest town-sized cell, rounded up to a nice number.
 * Zoomed out, neighbouring towns add up past it and the core saturates,
 * which the legend says ("N+ people"). Computed from the whole dataset, not a frame, so it stays fixed
 * while the timeline plays. O(n), once per dataset.
 */
export function stableTopPeople(points: ArrayLike<{ lon: number; lat: number; weight: number }>): number {
	return runAtOnce(topPeopleOf(points));
}

/** stableTopPeople as sliced work (core/slicing), for datasets too large to count in one task. */
export function* topPeopleOf(points: ArrayLike<{ lon: number; lat: number; weight: number }>): Sliced<number> {
	const n = points.length;
	const lon = new Float64Array(n);
	const lat = new Float64Array(n);
	const weight = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		const p = points[i]!;
		lon[i] = p.lon;
		lat[i] = p.lat;
		weight[i] = p.weight;
	}
	return yield* topPeopleOfColumns(lon, lat, weight);
}

/** topPeopleOf over columns (core/data/member-columns): the same count, no objects. */
export function* topPeopleOfColumns(lon: ArrayLike<number>, lat: ArrayLike<number>, weight: ArrayLike<number>): Sliced<number> {
	const cells = new Map<number, number>();
	let top = 0;
	for (let i = 0; i < lon.length; i++) {
		if ((i & (YIELD_EVERY - 1)) === YIELD_EVERY - 1) yield;
		const x = lon[i]!;
		const y = lat[i]!;
		if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
		const key = Math.floor((y + 90) * CELLS_PER_DEGREE) * 8000 + Math.floor((x + 180) * CELLS_PER_DEGREE);
		const w = weight[i]!;
		const sum = (cells.get(key) ?? 0) + (Number.isFinite(w) ? w : 1);
		cells.set(key, sum);
		if (sum > top) top = sum;
	}
	return niceCeil(top);
}

/**
 * The HeatmapLayer colour domain (texel units) that puts the top colour at `topPeople` and fades out
 * below a quarter person. `intensity` multiplies texel values in the shader, so it is divided out
 * here: the legend's numbers stay true whatever the intensity.
 */
export function heatColorDomain(topPeople: number, intensity: number): [number, number] {
	return [FADE_BELOW_PEOPLE * KERNEL_PEAK * intensity, topPeople * KERNEL_PEAK * intensity];
}

/**
 * People at the legend's stops: the ramp's start, middle and top, always increasing. The ramp starts
 * where the colour fades in (a quarter person's worth of heat); it reads as 1 once the top is large
 * enough for that to be the start in effect. For a top of 1 or 2 ("1, 1, 2+" said nothing) the stops
 * are 0.25, 0.5, 1+ and 0.25, 1, 2+.
 */
export function legendStops(topPeople: number): number[] {
	const top = Math.max(1, topPeople);
	const start = top <= 2 ? FADE_BELOW_PEOPLE : 1;
	return [start, top / 2, top].map((p) => Math.round(p * 100) / 100);
}
