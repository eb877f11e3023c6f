/**
 * Time is stored as whole days since TIME_ORIGIN (UTC). deck.gl filters in 32-bit floats on the GPU,
 * where epoch milliseconds lose precision; day numbers stay exact.
 */
export const TIME_ORIGIN_ISO = '2014-01-01';
const ORIGIN_MS = Date.UTC(2014, 0, 1);
const MS_PER_DAY = 86_400_000;

/** Day number of an ISO date `YYYY-MM-DD` (UTC), or NaN when the text is not such a date. */
export function dayFromIso(iso: string): number {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
	if (!m) return NaN;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const ms = Date.UTC(y, mo - 1, d);
	const back = new Date(ms);
	if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return NaN;
	return Math.round((ms - ORIGIN_MS) / MS_PER_DAY);
}

/** ISO date `YYYY-MM-DD` of a day number. */
export function isoFromDay(day: number): string {
	return new Date(ORIGIN_MS + Math.round(day) * MS_PER_DAY).toISOString().slice(0, 10);
}

export function dayFromYmd(year: number, month: number, dayOfMonth: number): number {
	return Math.round((Date.UTC(year, month - 1, dayOfMonth) - ORIGIN_MS) / MS_PER_DAY);
}
