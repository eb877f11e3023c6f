/**
 * Dates as people write them in member lists and incident tables, read into day numbers with the
 * precision the text carries: "2015" covers the whole year, "Nov 2015" the month.
 */
import { dayFromYmd } from '../time/days';
import type { DatePrecision } from './member';

export interface ParsedDate {
	day: number;
	dayEnd: number;
	precision: DatePrecision;
	/** Normalised text: YYYY-MM-DD, YYYY-MM or YYYY. */
	iso: string;
}

const MONTHS: Record<string, number> = {};
[
	['january', 'jan', 'janvier', 'janv', 'januari', 'januar', 'enero'],
	['february', 'feb', 'fevrier', 'février', 'fev', 'févr', 'februari', 'februar', 'febrero'],
	['march', 'mar', 'mars', 'maart', 'märz', 'marzo'],
	['april', 'apr', 'avril', 'avr', 'abril'],
	['may', 'mai', 'mei', 'mayo'],
	['june', 'jun', 'juin', 'juni', 'junio'],
	['july', 'jul', 'juillet', 'juil', 'juli', 'julio'],
	['august', 'aug', 'août', 'aout', 'augustus', 'agosto'],
	['september', 'sep', 'sept', 'septembre', 'septiembre'],
	['october', 'oct', 'octobre', 'oktober', 'okt', 'octubre'],
	['november', 'nov', 'novembre', 'noviembre'],
	['december', 'dec', 'décembre', 'decembre', 'déc', 'dezember', 'diciembre']
].forEach((names, i) => names.forEach((n) => (MONTHS[n] = i + 1)));

function monthOf(word: string): number | undefined {
	return MONTHS[word.toLowerCase().replace(/\.$/, '')];
}

function daysInMonth(y: number, m: number): number {
	return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function valid(y: number, m: number, d: number): boolean {
	return y >= 1000 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

const pad = (n: number) => String(n).padStart(2, '0');

function ofDay(y: number, m: number, d: number): ParsedDate | null {
	if (!valid(y, m, d)) return null;
	const day = dayFromYmd(y, m, d);
	return { day, dayEnd: day, precision: 'day', iso: `${y}-${pad(m)}-${pad(d)}` };
}

function ofMonth(y: number, m: number): ParsedDate | null {
	if (!valid(y, m, 1)) return null;
	return { day: dayFromYmd(y, m, 1), dayEnd: dayFromYmd(y, m, daysInMonth(y, m)), precision: 'month', iso: `${y}-${pad(m)}` };
}

function ofYear(y: number): ParsedDate | null {
	if (!valid(y, 1, 1)) return null;
	return { day: dayFromYmd(y, 1, 1), dayEnd: dayFromYmd(y, 12, 31), precision: 'year', iso: String(y) };
}

export type DayMonthOrder = 'day-first' | 'month-first';
const NUMERIC_DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/**
 * What a numeric date says about its file's convention: `13/11/2015` can only be day first,
 * `11/13/2015` only month first, `1/7/2015` either ('ambiguous'); null for other texts and for dates
 * that read the same both ways (`5/5/2015`).
 */
export function dateOrderEvidence(text: string): DayMonthOrder | 'ambiguous' | null {
	const m = NUMERIC_DMY.exec(text.trim());
	if (!m) return null;
	const a = +m[1]!,
		b = +m[2]!;
	if (a === b || (a > 12 && b > 12) || a === 0 || b === 0) return null;
	if (a > 12) return 'day-first';
	if (b > 12) return 'month-first';
	return 'ambiguous';
}

/**
 * Reads `2015-11-13`, `2015-11-13T20:00Z`, `2015/11/13`, `13/11/2015`, `13.11.2015`, `13-11-2015`,
 * `November 13, 2015`, `13 November 2015`, `13-Nov-2015`, `Nov 2015`, `2015-11`, `11/2015`, `2015`.
 * Numeric D/M/Y is read day first (European lists); when the first number cannot be a day-first
 * reading (second number > 12) it is read month first. Returns null for anything else.
 */
export function parseDate(text: string, order: DayMonthOrder = 'day-first'): ParsedDate | null {
	const s = text.trim().replace(/\s+/g, ' ');
	if (!s || s.length > 40) return null;
	let m: RegExpExecArray | null;
	if ((m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s)))
		return ofDay(+m[1]!, +m[2]!, +m[3]!);
	if ((m = NUMERIC_DMY.exec(s))) {
		const [a, b, y] = [+m[1]!, +m[2]!, +m[3]!];
		// The file's convention decides; a reading impossible in it (a 13th month) takes the other.
		if (order === 'month-first') return a > 12 ? ofDay(y, b, a) : ofDay(y, a, b);
		return b > 12 ? ofDay(y, a, b) : ofDay(y, b, a);
	}
	if ((m = /^(\d{4})[-/.](\d{1,2})$/.exec(s))) return ofMonth(+m[1]!, +m[2]!);
	if ((m = /^(\d{1,2})[/.-](\d{4})$/.exec(s))) return ofMonth(+m[2]!, +m[1]!);
	if ((m = /^(\d{4})$/.exec(s))) return ofYear(+m[1]!);
	// Month names: "November 13, 2015", "Nov. 13 2015", "13 November 2015", "13. Nov 2015", "Nov 2015".
	if ((m = /^([A-Za-zÀ-ÿ]+\.?) (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/.exec(s))) {
		const month = monthOf(m[1]!);
		return month ? ofDay(+m[3]!, month, +m[2]!) : null;
	}
	// ACLED writes "13 November 2015"; spreadsheets exported as text "13-Nov-2015".
	if ((m = /^(\d{1,2})(?:st|nd|rd|th|\.)?[ -]([A-Za-zÀ-ÿ]+\.?),?[ -](\d{4})$/.exec(s))) {
		const month = monthOf(m[2]!);
		return month ? ofDay(+m[3]!, month, +m[1]!) : null;
	}
	if ((m = /^([A-Za-zÀ-ÿ]+\.?),? (\d{4})$/.exec(s))) {
		const month = monthOf(m[1]!);
		return month ? ofMonth(+m[2]!, month) : null;
	}
	return null;
}
