/**
 * What an export says about itself: its file name and the key printed on images and videos, both from
 * what the screen shows (date, mode and window, filters, period, threshold). Pure, so the names and
 * the words are tested in Node.
 */
import { FILTER_FIELDS, type FilterField } from '../url/codec';
import { FILTER_LABELS, optionLabel } from '../filters/filters';
import { isoFromDay } from '../time/days';
import { legendStops } from '../heat-domain';
import { safeFileName } from './records';

export interface ShownState {
	synthetic: boolean;
	/** The slider's date (day number). */
	day: number;
	mode: 'cumulative' | 'window';
	windowMonths: number;
	filters: Record<FilterField, string[]>;
}

/** "13 November 2015" */
export function longDate(day: number): string {
	return new Date(`${isoFromDay(day)}T00:00:00Z`).toLocaleDateString('en-GB', {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC'
	});
}

/** One phrase per filtered field: "Role: Inner circle or Supporter". */
export function filterPhrases(filters: Record<FilterField, string[]>): string[] {
	return FILTER_FIELDS.filter((f) => filters[f].length).map(
		(f) => `${FILTER_LABELS[f]}: ${filters[f].map((v) => optionLabel(f, v)).join(' or ')}`
	);
}

/** "cumulative to 13 November 2015" or "6-month window to 13 November 2015". */
export function modePhrase(s: Pick<ShownState, 'day' | 'mode' | 'windowMonths'>): string {
	return s.mode === 'window' ? `${s.windowMonths}-month window to ${longDate(s.day)}` : `cumulative to ${longDate(s.day)}`;
}

/**
 * The file name (without extension) of a data export: what it holds. `allDates` = every date, not
 * the slider's. E.g. hometown-atlas-synthetic-2015-11-13-window-6m-role-inner, hometown-atlas-all-dates.
 */
export function dataExportBase(s: ShownState, allDates: boolean): string {
	const parts = ['hometown-atlas'];
	if (s.synthetic) parts.push('synthetic');
	if (allDates) parts.push('all-dates');
	else {
		parts.push(isoFromDay(s.day));
		parts.push(s.mode === 'window' ? `window-${s.windowMonths}m` : 'cumulative');
	}
	for (const f of FILTER_FIELDS) if (s.filters[f].length) parts.push(`${f}-${s.filters[f].join('+')}`);
	return nameOf(parts.join('-'));
}

/** The file name (without extension) of an image: the date, the window when there is one, "filtered". */
export function imageExportBase(s: ShownState): string {
	const parts = ['hometown-atlas'];
	if (s.synthetic) parts.push('synthetic');
	parts.push(isoFromDay(s.day));
	if (s.mode === 'window') parts.push(`window-${s.windowMonths}m`);
	if (FILTER_FIELDS.some((f) => s.filters[f].length)) parts.push('filtered');
	return nameOf(parts.join('-'));
}

const nameOf = (base: string) => safeFileName(base, 'x').replace(/\.x$/, '');

export interface ExportKey {
	title: string;
	/** Labels under the colour ramp at 0, 1/2 and 1 of its width (the legend's numbers). */
	ticks: [string, string, string];
	/** Lines under the ramp: what is counted, the mode, the filters, the period, the threshold. */
	lines: string[];
}

export interface KeyInput extends ShownState {
	unit: { many: string };
	shown: number;
	total: number;
	/** People at the top colour (fixed scale), or null when the colours are rescaled to the frame. */
	topPeople: number | null;
	/** Members counted from the period's first day although their first act is earlier (0: none). */
	countedBefore: number;
	periodStart: number;
	/** The screen's privacy threshold: 0 or 1 = nothing is hidden, so nothing is said. */
	privacyK: number;
}

const MAX_FILTER_LINES = 3;

/** The key printed on an exported image or video frame: the legend's numbers and what the picture shows. */
export function exportKey(k: KeyInput): ExportKey {
	const people = k.unit.many === 'members';
	const stops = k.topPeople === null ? null : legendStops(k.topPeople);
	const ticks: [string, string, string] = stops
		? [String(stops[0]), String(stops[1]), `${stops[2]}+${people ? ' people' : ''}`]
		: ['fewer', '', 'densest place in this frame'];
	const lines = [`${k.shown} of ${k.total} ${k.unit.many} \u00b7 ${modePhrase(k)}`];
	const filters = filterPhrases(k.filters);
	if (filters.length > MAX_FILTER_LINES)
		lines.push(...filters.slice(0, MAX_FILTER_LINES - 1), `and ${filters.length - MAX_FILTER_LINES + 1} more filters`);
	else lines.push(...filters.map((f) => `Filter: ${f}`));
	if (k.mode === 'cumulative' && k.countedBefore > 0)
		lines.push(`${k.countedBefore} ${k.unit.many} from before ${longDate(k.periodStart)} counted from that day`);
	if (k.privacyK > 1) lines.push(`Places with fewer than ${k.privacyK} ${k.unit.many} not named`);
	return { title: people ? 'Members\u2019 last-known hometowns' : 'Density of records', ticks, lines };
}
