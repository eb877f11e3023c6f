/**
 * The slider's period. The study covers 2014-2016, so that is what the slider opens on, whatever
 * earlier or later dates the data holds; the analyst can widen it to whole years (the link keeps it as
 * `period=YYYY-YYYY`). Members whose first act is before the period are not lost: in cumulative mode
 * they count from its first day (the legend says how many).
 */
import { dayFromYmd, isoFromDay } from './days';
import { DEFAULT_DOMAIN } from './membership';

/** 2014-01-01 .. 2016-12-31 as day numbers. */
export const STUDY_PERIOD: [number, number] = [...DEFAULT_DOMAIN];
export const STUDY_YEARS: [number, number] = [2014, 2016];

export type Years = [number, number];

/** First and last whole year of a domain of day numbers. */
export function yearsOf(domain: [number, number]): Years {
	return [Number(isoFromDay(domain[0]).slice(0, 4)), Number(isoFromDay(domain[1]).slice(0, 4))];
}

/** 1 January of the first year .. 31 December of the last, as day numbers. */
export function domainOfYears([from, to]: Years): [number, number] {
	return [dayFromYmd(from, 1, 1), dayFromYmd(to, 12, 31)];
}

/**
 * The slider's domain. `years` null = the study period, except for data that has no date in it at all
 * (an imported list of other years), which gets its own years instead of an empty slider.
 */
export function periodDomain(years: Years | null, dataDomain: [number, number]): [number, number] {
	if (years) return domainOfYears(years);
	const overlaps = dataDomain[0] <= STUDY_PERIOD[1] && dataDomain[1] >= STUDY_PERIOD[0];
	return overlaps ? [...STUDY_PERIOD] : [...dataDomain];
}

/** The period that shows `day`: the current one when it does, else widened to the day's year (and the data's years). */
export function periodShowing(day: number, years: Years | null, dataDomain: [number, number]): Years | null {
	const domain = periodDomain(years, dataDomain);
	if (day >= domain[0] && day <= domain[1]) return years;
	const [y] = yearsOf([day, day]);
	const [d0, d1] = yearsOf(dataDomain);
	const [p0, p1] = yearsOf(domain);
	return [Math.min(y, d0, p0), Math.max(y, d1, p1)];
}

/** Members counted at the period's first day although their first act is earlier (cumulative mode). */
export function countedBefore(days: ArrayLike<number>, periodStart: number): number {
	// days is sorted (the time index): a binary search for the first day on or after the start.
	let lo = 0;
	let hi = days.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (days[mid]! < periodStart) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** How the period reads in the UI: "2014–2016", "2015". */
export function periodLabel([from, to]: Years): string {
	return from === to ? String(from) : `${from}\u2013${to}`;
}
