import { dayFromYmd } from './days';
import type { DatePrecision } from '../data/member';

export interface DateRange {
	/** First and last day (inclusive) the written date can mean, as day numbers since TIME_ORIGIN. */
	day: number;
	dayEnd: number;
	precision: DatePrecision;
}

const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$/;

/**
 * Reads "2015", "2015-11", "2015-11-13" or "2015-11-13T23:30+01:00" into the days it can mean.
 * A time of day and its offset are ignored on purpose: the calendar date as written (where the act
 * happened) is the date, whatever the time zone of the machine reading it. Null when not a date.
 */
export function parseDateRange(text: string): DateRange | null {
	const m = PARTIAL.exec(text.trim());
	if (!m) return null;
	const year = Number(m[1]);
	if (m[2] === undefined) return { day: dayFromYmd(year, 1, 1), dayEnd: dayFromYmd(year, 12, 31), precision: 'year' };
	const month = Number(m[2]);
	if (month < 1 || month > 12) return null;
	if (m[3] === undefined) return { day: dayFromYmd(year, month, 1), dayEnd: dayFromYmd(year, month + 1, 0), precision: 'month' };
	const dayOfMonth = Number(m[3]);
	const day = dayFromYmd(year, month, dayOfMonth);
	// Date.UTC rolls 2015-02-30 over into March: reject instead.
	if (dayOfMonth < 1 || dayFromYmd(year, month + 1, 0) - dayFromYmd(year, month, 0) < dayOfMonth) return null;
	return { day, dayEnd: day, precision: 'day' };
}
