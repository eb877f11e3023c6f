/**
 * Members per 100,000 residents, and the smoothed rates of the per-resident map.
 *
 * Order of rules for a table row: the privacy threshold k first (a folded "other places" row has no
 * single place, so no rate), then the minimum count (a rate on 1 or 2 members is noise: one person
 * in a village of 1,500 is 67 per 100,000), then the population (no figure, no rate).
 *
 * Smoothing (the map view): Marshall's global empirical Bayes estimator (Marshall 1991, "Mapping
 * disease and mortality rates using empirical Bayes estimators", Applied Statistics 40:283-294). Each
 * place's raw rate r_i = O_i / n_i is pulled towards the overall rate m by a weight that depends on
 * its population: smoothed_i = m + C_i (r_i - m), C_i = A / (A + m / n_i), where A = s^2 - m / n_bar
 * is the between-place variance estimated by moments (s^2 the population-weighted variance of the raw
 * rates, n_bar the mean population; A < 0 is set to 0, which smooths everything to m). A village's
 * one member hardly moves its rate off m; a city's hundred members keep theirs. Chosen over kernel
 * smoothing because it needs no bandwidth and leaves large places as they are, and over a full
 * Bayesian model because it is exact arithmetic the reader can check.
 *
 * The places with no member count too: every gazetteer place of the countries involved is a place with
 * O = 0. They enter the moments through their total population and number only (baseline), so the
 * overall rate is members / residents of those countries, not of the towns that happen to have members.
 */
import type { PopulationFigure } from './population';

export const PER = 100_000;
/** Rates on fewer members than this are not shown in the table (small numbers). */
export const DEFAULT_MIN_COUNT = 5;

export type RateStatus = 'shown' | 'folded' | 'below-minimum' | 'no-population';

export interface RateCell {
	status: RateStatus;
	population: number | null;
	/** Members per 100,000 residents, null unless status is 'shown'. */
	rate: number | null;
	figure: PopulationFigure | null;
}

/** The table's rate for a row of `count` members (after k) in a place of `figure` residents. */
export function rateCell(count: number, figure: PopulationFigure | null, opts: { folded: boolean; minCount: number }): RateCell {
	if (opts.folded) return { status: 'folded', population: null, rate: null, figure: null };
	const population = figure && figure.population > 0 ? figure.population : null;
	if (count < opts.minCount) return { status: 'below-minimum', population, rate: null, figure };
	if (population === null) return { status: 'no-population', population: null, rate: null, figure };
	return { status: 'shown', population, rate: (count / population) * PER, figure };
}

/**
 * A metro area's residents: the sum over its places, each place counted once (a place that lies inside
 * another place of the same area, like a commune inside its city, is left out of the sum). Null when a
 * place of the area has no figure: a partial sum would inflate the rate.
 */
export function metroPopulation(parts: { name: string; figure: PopulationFigure | null }[]): number | null {
	if (!parts.length || parts.some((p) => !p.figure)) return null;
	const names = new Set(parts.map((p) => p.name.toLowerCase()));
	let sum = 0;
	for (const p of parts) if (!(p.figure!.partOf && names.has(p.figure!.partOf.toLowerCase()))) sum += p.figure!.population;
	return sum;
}

export interface AreaCount {
	count: number;
	population: number;
}

export interface Baseline {
	/** Residents of every place of the countries involved (those with members included). */
	population: number;
	/** Number of such places. */
	places: number;
}

export interface EbResult {
	/** Smoothed members per 100,000, in the order given. */
	smoothed: number[];
	/** Raw members per 100,000. */
	raw: number[];
	/** The overall rate m (per 100,000) and the between-place variance A (per person squared). */
	mean: number;
	variance: number;
	/** Shrinkage weight C_i (0 = all the way to the mean, 1 = raw). */
	weight: number[];
}

/**
 * Marshall's global empirical Bayes rates. `areas` are the places with members; `baseline` adds the
 * places without members (their total residents and number). Without a baseline the areas alone are used.
 */
export function empiricalBayes(areas: readonly AreaCount[], baseline?: Baseline): EbResult {
	const withPop = areas.filter((a) => a.population > 0);
	const areaPop = withPop.reduce((s, a) => s + a.population, 0);
	const cases = withPop.reduce((s, a) => s + a.count, 0);
	const totalPop = Math.max(areaPop, baseline?.population ?? 0);
	const places = Math.max(withPop.length, baseline?.places ?? 0);
	if (!(totalPop > 0) || places === 0)
		return { smoothed: areas.map(() => NaN), raw: areas.map(() => NaN), mean: NaN, variance: NaN, weight: areas.map(() => NaN) };
	const m = cases / totalPop;
	let ss = 0;
	for (const a of withPop) ss += a.population * (a.count / a.population - m) ** 2;
	// Places without members: rate 0, so each adds n_i * m^2; only their total population is needed.
	ss += (totalPop - areaPop) * m * m;
	const s2 = ss / totalPop;
	const nBar = totalPop / places;
	const A = Math.max(0, s2 - m / nBar);
	const weight = areas.map((a) => (a.population > 0 ? (A === 0 ? 0 : A / (A + m / a.population)) : NaN));
	const raw = areas.map((a) => (a.population > 0 ? (a.count / a.population) * PER : NaN));
	const smoothed = areas.map((a, i) => (a.population > 0 ? (m + weight[i]! * (a.count / a.population - m)) * PER : NaN));
	return { smoothed, raw, mean: m * PER, variance: A, weight };
}

/**
 * The per-resident map's classes: smoothed members per 100,000 residents in steps of 1, 3, 10, 30 (the
 * heat scale's steps), so the same colour means the same rate on every dataset and filter. Multiples of
 * an overall rate were tried first: with members from 26 countries the overall rate is so low (0.05 per
 * 100,000) that every town fell in the top class. ColorBrewer Purples, so the rate view never looks
 * like the heat's YlOrRd.
 */
export const RATE_CLASSES = [
	{ upTo: 1, label: 'under 1 per 100,000', color: '#f2f0f7' },
	{ upTo: 3, label: '1-3', color: '#cbc9e2' },
	{ upTo: 10, label: '3-10', color: '#9e9ac8' },
	{ upTo: 30, label: '10-30', color: '#756bb1' },
	{ upTo: Infinity, label: '30 and more', color: '#54278f' }
] as const;

/** Index into RATE_CLASSES of a smoothed rate per 100,000 (-1 when unknown). */
export function rateClass(smoothed: number): number {
	if (!Number.isFinite(smoothed) || smoothed < 0) return -1;
	return RATE_CLASSES.findIndex((c) => smoothed < c.upTo);
}
