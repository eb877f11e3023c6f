/**
 * Dates split over year, month and day columns, as the big incident databases ship them: the Global
 * Terrorism Database's iyear/imonth/iday, where 0 means unknown, and lists with a year column beside a
 * numeric or named month column. An unknown or blank part makes a partial date (the whole month or
 * year), never day 0 or month 0.
 */
import { dayFromYmd } from '../time/days';
import { parseDate, type ParsedDate } from './dates';

export interface DateFromParts {
	/** The date the parts give, or null when there is no usable year. */
	date: ParsedDate | null;
	/** Why a part was not used (kept for the row's warning), '' when every given part was used. */
	note: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Blank, 0, "00", "unknown", "NA", "-" and "?" say the part is not known. */
function unknownPart(text: string): boolean {
	return /^(0+(\.0+)?|unknown|unk|n\/?a|-+|\?+)?$/i.test(text.trim());
}

/** A month part: 1-12 (as text or a number like "11.0") or a month name ("Nov", "novembre"). */
function monthOf(text: string): number | null {
	const s = text.trim();
	if (/^\d+(\.0+)?$/.test(s)) {
		const m = Number(s);
		return m >= 1 && m <= 12 ? m : null;
	}
	// parseDate knows the month names in the languages lists are written in: borrow it with a fixed year.
	const p = parseDate(`${s} 2000`);
	return p && p.precision === 'month' ? Number(p.iso.slice(5, 7)) : null;
}

/**
 * Builds a date from separate parts. `year` is required (a blank or 0 year means no date); a blank or
 * unknown month gives the year; a blank or unknown day gives the month. A day without a month is
 * not used (which month?) and said in `note`, as is a day the month does not have (31 April).
 */
export function dateFromParts(yearText: string, monthText = '', dayText = ''): DateFromParts {
	const y = yearText.trim();
	if (unknownPart(y)) return { date: null, note: '' };
	if (!/^\d{4}(\.0+)?$/.test(y)) return { date: null, note: `year '${y.slice(0, 20)}' is not a four-digit year` };
	const year = Math.trunc(Number(y));
	const ofYear = (): ParsedDate => ({
		day: dayFromYmd(year, 1, 1),
		dayEnd: dayFromYmd(year, 12, 31),
		precision: 'year',
		iso: String(year)
	});
	if (unknownPart(monthText)) {
		const note = unknownPart(dayText) ? '' : `day '${dayText.trim().slice(0, 10)}' without a month: only the year is used`;
		return { date: ofYear(), note };
	}
	const month = monthOf(monthText);
	if (month === null) return { date: ofYear(), note: `month '${monthText.trim().slice(0, 20)}' is not a month: only the year is used` };
	const ofMonth = (): ParsedDate => ({
		day: dayFromYmd(year, month, 1),
		dayEnd: dayFromYmd(year, month, daysInMonth(year, month)),
		precision: 'month',
		iso: `${year}-${pad(month)}`
	});
	if (unknownPart(dayText)) return { date: ofMonth(), note: '' };
	const d = dayText.trim();
	const day = /^\d{1,2}(\.0+)?$/.test(d) ? Math.trunc(Number(d)) : NaN;
	if (!(day >= 1 && day <= daysInMonth(year, month))) {
		return { date: ofMonth(), note: `day '${d.slice(0, 10)}' is not a day of ${year}-${pad(month)}: only the month is used` };
	}
	const n = dayFromYmd(year, month, day);
	return { date: { day: n, dayEnd: n, precision: 'day', iso: `${year}-${pad(month)}-${pad(day)}` }, note: '' };
}
