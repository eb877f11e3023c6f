import { ymdOfDay } from './months';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "13 November 2015": the same in every browser locale, so screenshots and tests agree. */
export function longDate(day: number): string {
	const [y, m, d] = ymdOfDay(day);
	return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** "Nov" */
export function shortMonth(month: number): string {
	return MONTHS[month - 1]!.slice(0, 3);
}
