/**
 * Kulldorff's spatial scan statistic, Poisson model (Kulldorff 1997, "A spatial scan statistic",
 * Communications in Statistics: Theory and Methods 26:1481-1496; the formulas as in the SaTScan
 * User Guide). Hand-written against the published formulas: no maintained JavaScript library has it.
 *
 * Each location has a population (the expected baseline) and a count. Candidate zones are circles
 * centred on every location, growing through its neighbours by distance up to maxRadiusKm and
 * maxPopulationShare of the total population (SaTScan's default is 50 %). For a zone with c cases
 * and expected E = C * pop(zone) / P, the log likelihood ratio is
 *     LLR = c ln(c/E) + (C - c) ln((C - c)/(C - E))    when c > E, else 0,
 * the most likely cluster is the zone with the largest LLR, and secondary clusters are the best zones
 * of other centres that share no location with a cluster already listed. Significance comes from
 * Monte Carlo: `replicates` datasets with the same C spread over the locations in proportion to
 * population (the null hypothesis), seeded; a cluster's p-value is (1 + replicates whose largest LLR
 * is at least the cluster's) / (replicates + 1). Secondary clusters are compared with the same
 * largest-LLR distribution, which makes their p-values conservative (as SaTScan does by default).
 */
import { haversineKm } from './geo';
import { cumulative, multinomial, seededRandom } from './random';

export interface ScanLocation {
	lon: number;
	lat: number;
	/** Residents: the baseline expected counts are proportional to. Locations with 0 take no part. */
	population: number;
	/** Observed cases (members). */
	count: number;
	/** A label for the UI (the biggest town of a cell, for example). */
	name?: string;
}

export interface ScanOptions {
	maxRadiusKm: number;
	/** Largest share of the total population one circle may hold (0..1). */
	maxPopulationShare: number;
	replicates: number;
	seed: number;
	/** How many clusters to report at most. */
	maxClusters?: number;
}

export const SCAN_DEFAULTS: ScanOptions = { maxRadiusKm: 25, maxPopulationShare: 0.5, replicates: 999, seed: 20151113, maxClusters: 10 };

export interface ScanCluster {
	/** Index of the centre location (into the locations given). */
	centre: number;
	lon: number;
	lat: number;
	/** Distance to the farthest location included (0 for a single location). */
	radiusKm: number;
	/** Indices of the locations inside. */
	locations: number[];
	population: number;
	observed: number;
	expected: number;
	/** Observed over expected inside divided by observed over expected outside (SaTScan's relative risk). */
	relativeRisk: number;
	llr: number;
	pValue: number;
}

export interface ScanResult {
	clusters: ScanCluster[];
	/** Cases and population taking part (locations with a population). */
	cases: number;
	population: number;
	/** Cases at locations without a population: left out of the test. */
	casesWithoutPopulation: number;
	replicates: number;
	seed: number;
	/** The largest LLR of each replicate, sorted ascending (for tests and a histogram). */
	nullMaxima: Float64Array;
}

/** The Poisson log likelihood ratio of a zone with c of C cases where E were expected (0 unless c > E). */
export function poissonLlr(c: number, expected: number, total: number): number {
	if (!(c > expected) || expected <= 0) return 0;
	const inside = c * Math.log(c / expected);
	if (c >= total) return inside;
	return inside + (total - c) * Math.log((total - c) / (total - expected));
}

/** SaTScan's relative risk: (c / E) / ((C - c) / (C - E)); Infinity when every case is inside. */
export function relativeRisk(c: number, expected: number, total: number): number {
	const outside = total - c;
	const outsideExpected = total - expected;
	if (outside <= 0) return Infinity;
	return c / expected / (outside / outsideExpected);
}

interface Zones {
	/** Neighbours of centre i (itself first) are order[start[i] .. start[i + 1]). */
	start: Uint32Array;
	order: Uint32Array;
	distance: Float64Array;
	/** 1 where the circle may stop after this neighbour (the next one is farther, not a tie). */
	closes: Uint8Array;
	/** Residents inside the circle that closes at or after this neighbour (its whole tie group in). */
	closedPop: Float64Array;
	/** centreOf[k]: the centre whose list holds entry k. */
	centreOf: Uint32Array;
	/** Entries naming location j: entriesOf[entryStart[j] .. entryStart[j + 1]), ascending. */
	entryStart: Uint32Array;
	entriesOf: Uint32Array;
}

/**
 * The candidate circles, built once and reused by every replicate. A circle holds every location within
 * its radius, so locations at the same distance enter together. Neighbours are found through a grid of
 * buckets maxRadiusKm tall, so building is about n x (locations near), not n^2.
 */
function buildZones(locs: ScanLocation[], maxRadiusKm: number, maxPopulation: number): Zones {
	const n = locs.length;
	const start = new Uint32Array(n + 1);
	const order: number[] = [];
	const distance: number[] = [];
	const closes: number[] = [];
	const closedPop: number[] = [];
	const latStep = maxRadiusKm / 110.5;
	const buckets = new Map<number, number[]>();
	const row = (lat: number) => Math.floor((lat + 90) / latStep);
	const col = (lon: number, lonStep: number) => Math.floor((lon + 180) / lonStep);
	// Longitude buckets per latitude row, sized for the row's widest (most poleward) edge.
	const lonStepOf = (r: number) =>
		maxRadiusKm /
		(111.32 *
			Math.max(0.01, Math.cos((Math.min(89.9, Math.max(Math.abs(-90 + r * latStep), Math.abs(-90 + (r + 1) * latStep))) * Math.PI) / 180)));
	const bucketKey = (r: number, c: number) => r * 1_000_000 + c;
	for (let j = 0; j < n; j++) {
		const r = row(locs[j]!.lat);
		const k = bucketKey(r, col(locs[j]!.lon, lonStepOf(r)));
		const list = buckets.get(k);
		if (list) list.push(j);
		else buckets.set(k, [j]);
	}
	for (let i = 0; i < n; i++) {
		start[i] = order.length;
		const a = locs[i]!;
		const r0 = row(a.lat);
		const near: [number, number][] = [];
		for (let r = r0 - 1; r <= r0 + 1; r++) {
			const lonStep = lonStepOf(r);
			// The centre's own reach in longitude at this row can span more than one bucket near the poles.
			const reach = Math.ceil(
				maxRadiusKm / (111.32 * Math.max(0.01, Math.cos((Math.min(89.9, Math.abs(a.lat) + latStep) * Math.PI) / 180))) / lonStep
			);
			const c0 = col(a.lon, lonStep);
			for (let c = c0 - reach; c <= c0 + reach; c++) {
				for (const j of buckets.get(bucketKey(r, c)) ?? []) {
					const b = locs[j]!;
					const d = i === j ? 0 : haversineKm(a.lon, a.lat, b.lon, b.lat);
					if (d <= maxRadiusKm) near.push([j, d]);
				}
			}
		}
		near.sort((x, y) => x[1] - y[1] || x[0] - y[0]);
		let pop = 0;
		for (let k = 0; k < near.length; k++) {
			const d = near[k]![1];
			// A tie group must fit whole; stop before the group that would pass the population cap.
			let groupPop = 0;
			let g = k;
			while (g < near.length && near[g]![1] === d) groupPop += locs[near[g++]![0]]!.population;
			if (pop + groupPop > maxPopulation && k > 0) break;
			pop += groupPop;
			for (let h = k; h < g; h++) {
				order.push(near[h]![0]);
				distance.push(near[h]![1]);
				closes.push(h === g - 1 ? 1 : 0);
				closedPop.push(pop);
			}
			k = g - 1;
		}
	}
	start[n] = order.length;
	const centreOf = new Uint32Array(order.length);
	for (let i = 0; i < n; i++) centreOf.fill(i, start[i]!, start[i + 1]!);
	// The reverse index: for each location, the entries (centre, rank) that name it, in entry order.
	const entryStart = new Uint32Array(n + 1);
	for (const j of order) entryStart[j + 1]!++;
	for (let j = 0; j < n; j++) entryStart[j + 1]! += entryStart[j]!;
	const fill = entryStart.slice(0, n);
	const entriesOf = new Uint32Array(order.length);
	for (let k = 0; k < order.length; k++) entriesOf[fill[order[k]!]!++] = k;
	return {
		start,
		order: Uint32Array.from(order),
		distance: Float64Array.from(distance),
		closes: Uint8Array.from(closes),
		closedPop: Float64Array.from(closedPop),
		centreOf,
		entryStart,
		entriesOf
	};
}

/** The best circle of every centre for these counts: its LLR, and how many neighbours it takes. */
function bestPerCentre(
	zones: Zones,
	pops: Float64Array,
	counts: ArrayLike<number>,
	total: number,
	totalPop: number,
	best: Float64Array,
	size: Uint32Array | null
): number {
	let max = 0;
	const n = best.length;
	const perPerson = total / totalPop;
	for (let i = 0; i < n; i++) {
		let c = 0;
		let p = 0;
		let top = 0;
		let topSize = 0;
		for (let k = zones.start[i]!; k < zones.start[i + 1]!; k++) {
			const j = zones.order[k]!;
			c += counts[j]!;
			p += pops[j]!;
			if (!zones.closes[k]) continue;
			const e = p * perPerson;
			if (c > e) {
				const l = poissonLlr(c, e, total);
				if (l > top) {
					top = l;
					topSize = k - zones.start[i]! + 1;
				}
			}
		}
		best[i] = top;
		if (size) size[i] = topSize;
		if (top > max) max = top;
	}
	return max;
}

/**
 * The largest LLR over all circles, visiting only the entries of locations that have cases. A circle's
 * best radius always ends on a location with cases (a location without adds residents, never cases,
 * so it only lowers the LLR), so the other entries need no look. With a few hundred cases among
 * thousands of locations this is tens of times less work than bestPerCentre, and gives the same maximum.
 */
export function maxLlrSparse(
	zones: Zones,
	counts: ArrayLike<number>,
	cased: ArrayLike<number>,
	total: number,
	totalPop: number,
	scratch: SparseScratch
): number {
	const { perCentre, touched } = scratch;
	let m = 0;
	let nTouched = 0;
	// Group the entries of the cased locations by centre (a counting sort over the centres touched):
	// a general sort of tens of thousands of entries per replicate costs more than the rest together.
	for (let q = 0; q < cased.length; q++) {
		const j = cased[q]!;
		for (let e = zones.entryStart[j]!; e < zones.entryStart[j + 1]!; e++) {
			const i = zones.centreOf[zones.entriesOf[e]!]!;
			if (perCentre[i]!++ === 0) touched[nTouched++] = i;
			m++;
		}
	}
	if (scratch.entries.length < m) scratch.entries = new Uint32Array(Math.max(m, scratch.entries.length * 2));
	const entries = scratch.entries;
	let at = 0;
	for (let t = 0; t < nTouched; t++) {
		const i = touched[t]!;
		const size = perCentre[i]!;
		perCentre[i] = at; // from here on: where centre i's next entry goes
		scratch.groupStart[t] = at;
		at += size;
	}
	for (let q = 0; q < cased.length; q++) {
		const j = cased[q]!;
		for (let e = zones.entryStart[j]!; e < zones.entryStart[j + 1]!; e++) {
			const k = zones.entriesOf[e]!;
			entries[perCentre[zones.centreOf[k]!]!++] = k;
		}
	}
	const perPerson = total / totalPop;
	let max = 0;
	for (let t = 0; t < nTouched; t++) {
		const from = scratch.groupStart[t]!;
		const to = perCentre[touched[t]!]!;
		perCentre[touched[t]!] = 0;
		// Entry numbers grow with distance within a centre: a small insertion sort puts them nearest first.
		for (let a = from + 1; a < to; a++) {
			const v = entries[a]!;
			let b = a - 1;
			while (b >= from && entries[b]! > v) {
				entries[b + 1] = entries[b]!;
				b--;
			}
			entries[b + 1] = v;
		}
		let c = 0;
		for (let q = from; q < to; q++) {
			const k = entries[q]!;
			c += counts[zones.order[k]!]!;
			const e = zones.closedPop[k]! * perPerson;
			if (c > e) {
				const l = poissonLlr(c, e, total);
				if (l > max) max = l;
			}
		}
	}
	return max;
}

export interface SparseScratch {
	entries: Uint32Array;
	perCentre: Uint32Array;
	touched: Uint32Array;
	groupStart: Uint32Array;
}

function sparseScratch(n: number): SparseScratch {
	return { entries: new Uint32Array(1024), perCentre: new Uint32Array(n), touched: new Uint32Array(n), groupStart: new Uint32Array(n) };
}

/**
 * Runs the scan. onProgress(done, total) is called every few replicates (the worker forwards it to the
 * page). Deterministic for a given seed.
 */
export function spatialScan(
	all: ScanLocation[],
	options: Partial<ScanOptions> = {},
	onProgress?: (done: number, total: number) => void
): ScanResult {
	const opts = { ...SCAN_DEFAULTS, ...options };
	const locs = all.filter((l) => l.population > 0 && Number.isFinite(l.lon) && Number.isFinite(l.lat));
	const index = all
		.map((l, i) => [l, i] as const)
		.filter(([l]) => l.population > 0 && Number.isFinite(l.lon) && Number.isFinite(l.lat))
		.map(([, i]) => i);
	const casesWithoutPopulation = all.reduce((s, l) => s + (l.population > 0 ? 0 : l.count), 0);
	const n = locs.length;
	const pops = Float64Array.from(locs, (l) => l.population);
	const counts = Uint32Array.from(locs, (l) => l.count);
	const totalPop = pops.reduce((s, p) => s + p, 0);
	const total = counts.reduce((s, c) => s + c, 0);
	const empty: ScanResult = {
		clusters: [],
		cases: total,
		population: totalPop,
		casesWithoutPopulation,
		replicates: opts.replicates,
		seed: opts.seed,
		nullMaxima: new Float64Array(0)
	};
	if (n === 0 || total === 0) return empty;

	const zones = buildZones(locs, opts.maxRadiusKm, opts.maxPopulationShare * totalPop);
	const best = new Float64Array(n);
	const size = new Uint32Array(n);
	bestPerCentre(zones, pops, counts, total, totalPop, best, size);

	// Candidates: every centre's best circle, strongest first; keep those that overlap no earlier one.
	const centres = [...best.keys()].filter((i) => best[i]! > 0).sort((a, b) => best[b]! - best[a]! || a - b);
	const taken = new Uint8Array(n);
	const picked: { centre: number; members: number[]; llr: number }[] = [];
	for (const i of centres) {
		if (picked.length >= (opts.maxClusters ?? 10)) break;
		const members = Array.from(zones.order.subarray(zones.start[i]!, zones.start[i]! + size[i]!));
		if (members.some((j) => taken[j])) continue;
		for (const j of members) taken[j] = 1;
		picked.push({ centre: i, members, llr: best[i]! });
	}

	// Monte Carlo under the null: the same total spread by population.
	const random = seededRandom(opts.seed);
	const cum = cumulative(pops);
	const simulated = new Uint32Array(n);
	const cased = new Uint32Array(total);
	const scratch = sparseScratch(n);
	const nullMaxima = new Float64Array(opts.replicates);
	const every = Math.max(1, Math.floor(opts.replicates / 100));
	for (let r = 0; r < opts.replicates; r++) {
		multinomial(total, cum, random, simulated);
		let nCased = 0;
		for (let j = 0; j < n; j++) if (simulated[j]) cased[nCased++] = j;
		nullMaxima[r] = maxLlrSparse(zones, simulated, cased.subarray(0, nCased), total, totalPop, scratch);
		if (onProgress && (r % every === every - 1 || r === opts.replicates - 1)) onProgress(r + 1, opts.replicates);
	}
	nullMaxima.sort();

	const clusters = picked.map(({ centre, members, llr }): ScanCluster => {
		const observed = members.reduce((s, j) => s + counts[j]!, 0);
		const population = members.reduce((s, j) => s + pops[j]!, 0);
		const expected = (total * population) / totalPop;
		const atLeast = nullMaxima.length - lowerBound(nullMaxima, llr - 1e-9);
		return {
			centre: index[centre]!,
			lon: locs[centre]!.lon,
			lat: locs[centre]!.lat,
			radiusKm: zones.distance[zones.start[centre]! + members.length - 1]!,
			locations: members.map((j) => index[j]!),
			population,
			observed,
			expected,
			relativeRisk: relativeRisk(observed, expected, total),
			llr,
			pValue: (1 + atLeast) / (opts.replicates + 1)
		};
	});
	return { ...empty, clusters, nullMaxima };
}

/** First index whose value is >= x in an ascending array. */
function lowerBound(sorted: Float64Array, x: number): number {
	let lo = 0;
	let hi = sorted.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (sorted[mid]! < x) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}
