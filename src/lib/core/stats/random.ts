/**
 * A small seeded PRNG (mulberry32, public domain) so Monte Carlo replicates and test simulations give
 * the same numbers on every machine and run: a p-value the app shows can be reproduced exactly.
 */
export type Random = () => number;

export function seededRandom(seed: number): Random {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Cumulative weights for drawing an index with probability weight[i] / sum (binary search). */
export function cumulative(weights: ArrayLike<number>): Float64Array {
	const c = new Float64Array(weights.length);
	let s = 0;
	for (let i = 0; i < weights.length; i++) c[i] = s += Math.max(0, weights[i]!);
	return c;
}

/** One draw from the categorical distribution given by cumulative weights. */
export function drawIndex(cum: Float64Array, random: Random): number {
	const u = random() * cum[cum.length - 1]!;
	let lo = 0;
	let hi = cum.length - 1;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (cum[mid]! > u) hi = mid;
		else lo = mid + 1;
	}
	return lo;
}

/**
 * `total` cases spread over locations with probability proportional to weight (a multinomial draw):
 * the null model of the Poisson scan conditioned on the total, as SaTScan simulates it.
 */
export function multinomial(total: number, cum: Float64Array, random: Random, into = new Uint32Array(cum.length)): Uint32Array {
	into.fill(0);
	for (let k = 0; k < total; k++) into[drawIndex(cum, random)]!++;
	return into;
}
