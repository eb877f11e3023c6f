import type { MemberRecord } from '../data/member';
import { addMonths, monthStart, ymdOfDay } from './months';
import { dayFromYmd } from './days';

export type TimeMode = 'cumulative' | 'window';

/** Default timeline domain: 2014-01-01 .. 2016-12-31 as day numbers. */
export const DEFAULT_DOMAIN: [number, number] = [0, 1095];

export const WINDOW_CHOICES = [3, 6, 12] as const;

/**
 * The first day a moving window of `months` ending on `day` (inclusive) still covers: a 6-month
 * window on 2015-11-13 covers 2015-05-14 .. 2015-11-13, so its exclusive lower bound is 2015-05-13.
 */
export function windowStartExclusive(day: number, months: number): number {
	return addMonths(day, -months);
}

/**
 * Whether a member counts at `day`. Cumulative: the first act is on or before the day. Window: it
 * falls in (day - months, day], calendar months, both edges as in windowStartExclusive.
 * A partial date ("2015-11", "2015") counts from its first possible day (`day`), the same key the
 * time index sorts by, so the map and this function always agree.
 * Members without a date are not placed on the timeline.
 */
export function isActiveAt(m: Pick<MemberRecord, 'day'>, day: number, mode: TimeMode, windowMonths: number): boolean {
	if (Number.isNaN(m.day)) return false;
	if (m.day > day) return false;
	return mode === 'cumulative' || m.day > windowStartExclusive(day, windowMonths);
}

/**
 * The slider's domain: 2014-01-01 .. 2016-12-31, grown to whole years to fit the dataset's dates.
 * Ignores NaN (undated) days.
 */
export function domainFor(days: Iterable<number>): [number, number] {
	let [lo, hi] = DEFAULT_DOMAIN;
	for (const d of days) {
		if (Number.isNaN(d)) continue;
		if (d < lo) lo = d;
		if (d > hi) hi = d;
	}
	const [y0] = ymdOfDay(lo);
	const [y1] = ymdOfDay(hi);
	return [dayFromYmd(y0, 1, 1), dayFromYmd(y1, 12, 31)];
}

export { monthStart };
