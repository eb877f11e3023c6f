import { dayFromYmd, isoFromDay } from './days';
import { lowerBound } from './time-index';

/** Year, month (1-12) and day of month of a day number (UTC). */
export function ymdOfDay(day: number): [number, number, number] {
	const iso = isoFromDay(day);
	return [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
}

/**
 * The same day of the month `months` months away; clamped to the month's last day
 * (2016-03-31 minus one month is 2016-02-29), so stepping never skips a month.
 */
export function addMonths(day: number, months: number): number {
	const [y, m, d] = ymdOfDay(day);
	const target = dayFromYmd(y, m + months, 1);
	const [ty, tm] = ymdOfDay(target);
	const lastDay = dayFromYmd(ty, tm + 1, 0) - target + 1;
	return target + Math.min(d, lastDay) - 1;
}

export function monthStart(day: number): number {
	const [y, m] = ymdOfDay(day);
	return dayFromYmd(y, m, 1);
}

export interface MonthBin {
	/** First day of the month and first day of the next. */
	start: number;
	end: number;
	year: number;
	month: number;
}

/** The calendar months that touch [from, to], in order. */
export function monthsIn(from: number, to: number): MonthBin[] {
	const bins: MonthBin[] = [];
	for (let start = monthStart(from); start <= to; start = addMonths(start, 1)) {
		const [year, month] = ymdOfDay(start);
		bins.push({ start, end: addMonths(start, 1), year, month });
	}
	return bins;
}

/** Count of dated items per month bin (days sorted or not); items outside the bins are ignored. */
export function countPerMonth(bins: MonthBin[], days: ArrayLike<number>): number[] {
	const counts = bins.map(() => 0);
	if (!bins.length) return counts;
	const first = bins[0]!.start;
	const last = bins[bins.length - 1]!.end;
	for (let i = 0; i < days.length; i++) {
		const day = days[i]!;
		if (!(day >= first && day < last)) continue;
		// Months are 28-31 days: guess from 30.44 and correct by at most one step.
		let k = Math.min(bins.length - 1, Math.floor((day - first) / 30.44));
		while (k > 0 && day < bins[k]!.start) k--;
		while (k < bins.length - 1 && day >= bins[k]!.end) k++;
		counts[k]!++;
	}
	return counts;
}

/**
 * countPerMonth for days in date order (a time index's: sorted by whole day, no NaN): two binary
 * searches per month instead of a pass over the days, so the timeline's histogram of millions of
 * members costs microseconds when a new dataset is swapped in.
 */
export function countPerSortedMonth(bins: MonthBin[], days: ArrayLike<number>): number[] {
	return bins.map((b) => lowerBound(days, b.end) - lowerBound(days, b.start));
}
