/**
 * App state <-> URL query. Pure and round-trip tested. Every parameter is optional; a value that
 * does not parse falls back to its default and adds a note the UI shows (never an exception).
 *
 *   v=lon,lat,zoom       map view
 *   t=YYYY-MM-DD         timeline date
 *   mode=cumulative|window, w=months   time mode and window width
 *   layers=heat,labels,routes,plots   visible layers (absent = defaults)
 *   routes=id,id         visible routes ('-' = none)
 *   f.<field>=a|b        filters (role, arrested, died, descent, residence, recruiter); a value's own
 *                        '|' or '\' is escaped with '\', so every value the data can hold comes back
 *   k=N                  privacy threshold (0 = off)
 *   theme=light|dark
 *   period=YYYY-YYYY     the slider's period in whole years (absent = the study's 2014-2016)
 *   kr=km, ki=x         heat kernel radius in km (5-200) and intensity (0.25-4)
 *   scale=log|linear    heat colour scale
 *   show=rate           the per-resident map view instead of the heat
 *   scan=on             the tested clusters drawn and listed
 *   net=1                the network panel open
 *   sel=plot:<id>|town:<key>|node:<id>   the network selection (plot, hometown or graph node)
 */
import { dayFromIso } from '../time/days';

export interface UrlState {
	view?: { longitude: number; latitude: number; zoom: number };
	time?: string;
	mode?: 'cumulative' | 'window';
	windowMonths?: number;
	layers?: string[];
	routes?: string[];
	filters?: Record<string, string[]>;
	privacyK?: number;
	theme?: 'light' | 'dark';
	/** First and last year of the slider's period (absent: the study period). */
	period?: [number, number];
	kernelKm?: number;
	intensity?: number;
	scale?: 'log' | 'linear';
	show?: 'heat' | 'rate';
	scan?: boolean;
	network?: boolean;
	selection?: string;
}

export const FILTER_FIELDS = ['role', 'arrested', 'died', 'descent', 'residence', 'recruiter'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

const MAX_VALUE_LENGTH = 200;
/** Filters hold data values (up to 80 characters each, several per field): a longer limit. */
const MAX_FILTER_LENGTH = 4000;
const YEARS = /^(\d{4})-(\d{4})$/;
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;
/** Starts with a letter or digit, so no id can be the '-' that means "none". */
const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const DECIMAL = /^-?\d{1,4}(\.\d{1,8})?$/;
const WHOLE = /^\d{1,4}$/;
/** Filter values come from data (descent, country ...), so most text is fine, but never markup or control characters. */
// eslint-disable-next-line no-control-regex -- rejecting control characters is the point of this pattern
const FILTER_VALUE = /^[^<>\u0000-\u001f\u007f]{1,80}$/;
const MAX_NOTES = 5;

export interface DecodeResult {
	state: UrlState;
	/** One line per parameter that was ignored, for a visible note. */
	notes: string[];
}

export function encodeUrlState(state: UrlState): string {
	const p = new URLSearchParams();
	if (state.view) {
		const { longitude, latitude, zoom } = state.view;
		p.set('v', `${longitude.toFixed(4)},${latitude.toFixed(4)},${zoom.toFixed(2)}`);
	}
	if (state.time) p.set('t', state.time);
	if (state.mode) p.set('mode', state.mode);
	if (state.windowMonths !== undefined) p.set('w', String(state.windowMonths));
	if (state.layers) p.set('layers', state.layers.join(','));
	if (state.routes) p.set('routes', state.routes.length ? state.routes.join(',') : '-');
	for (const [field, values] of Object.entries(state.filters ?? {})) {
		if (values.length) p.set(`f.${field}`, joinFilterValues(values));
	}
	if (state.privacyK !== undefined) p.set('k', String(state.privacyK));
	if (state.theme) p.set('theme', state.theme);
	if (state.period) p.set('period', `${state.period[0]}-${state.period[1]}`);
	if (state.kernelKm !== undefined) p.set('kr', String(state.kernelKm));
	if (state.intensity !== undefined) p.set('ki', String(state.intensity));
	if (state.scale) p.set('scale', state.scale);
	if (state.show) p.set('show', state.show);
	if (state.scan) p.set('scan', 'on');
	if (state.network) p.set('net', '1');
	if (state.selection) p.set('sel', state.selection);
	return p.toString();
}

/** Joins filter values with '|', escaping a value's own '\\' and '|' so any value survives. */
export function joinFilterValues(values: readonly string[]): string {
	return values.map((v) => v.replace(/[\\|]/g, (c) => `\\${c}`)).join('|');
}

/** The inverse of joinFilterValues; a link written before escaping (no backslashes) reads the same. */
export function splitFilterValues(text: string): string[] {
	const values: string[] = [];
	let current = '';
	for (let i = 0; i < text.length; i++) {
		const c = text[i]!;
		if (c === '\\' && i + 1 < text.length) current += text[++i];
		else if (c === '|') {
			values.push(current);
			current = '';
		} else current += c;
	}
	values.push(current);
	return values;
}

export function decodeUrlState(query: string): DecodeResult {
	const state: UrlState = {};
	const notes: string[] = [];
	let params: URLSearchParams;
	try {
		params = new URLSearchParams(query);
	} catch {
		return { state, notes: ['The link could not be read; defaults are shown.'] };
	}
	let unnoted = 0;
	const ignore = (key: string, why: string) => {
		// The key is text from whoever wrote the link: quote it only when it is plainly a parameter name.
		const name = /^[A-Za-z0-9_.-]{1,40}$/.test(key) ? `"${key}"` : 'a parameter with unusual characters';
		const note = `Ignored ${name} in the link: ${why}.`;
		if (notes.includes(note)) return; // a repeated parameter is named once
		if (notes.length < MAX_NOTES) notes.push(note);
		else unnoted++;
	};
	for (const [key, raw] of params) {
		const limit = key.startsWith('f.') ? MAX_FILTER_LENGTH : MAX_VALUE_LENGTH;
		const value = raw.slice(0, limit + 1);
		if (value.length > limit) {
			ignore(key, 'value too long');
			continue;
		}
		switch (key) {
			case 'v': {
				const texts = value.split(',');
				const parts = texts.map(Number);
				const [lon, lat, zoom] = parts;
				if (
					parts.length === 3 &&
					texts.every((t) => DECIMAL.test(t)) &&
					Math.abs(lon!) <= 180 &&
					Math.abs(lat!) <= 85 &&
					zoom! >= 0 &&
					zoom! <= 20
				)
					state.view = { longitude: lon!, latitude: lat!, zoom: zoom! };
				else ignore(key, 'not a map view lon,lat,zoom');
				break;
			}
			case 't':
				if (Number.isFinite(dayFromIso(value)) && value.trim() === value) state.time = value;
				else ignore(key, 'not a date YYYY-MM-DD');
				break;
			case 'mode':
				if (value === 'cumulative' || value === 'window') state.mode = value;
				else ignore(key, 'mode is cumulative or window');
				break;
			case 'w': {
				const months = Number(value);
				if (WHOLE.test(value) && months >= 1 && months <= 36) state.windowMonths = months;
				else ignore(key, 'window is 1 to 36 months');
				break;
			}
			case 'layers':
			case 'routes': {
				const ids = value === '-' || value === '' ? [] : value.split(',');
				if (ids.every((id) => ID.test(id))) state[key] = ids;
				else ignore(key, 'unknown characters in a list of ids');
				break;
			}
			case 'k': {
				const k = Number(value);
				if (WHOLE.test(value) && k >= 0 && k <= 100) state.privacyK = k;
				else ignore(key, 'threshold is a whole number 0 to 100');
				break;
			}
			case 'kr': {
				const km = Number(value);
				if (WHOLE.test(value) && km >= 5 && km <= 200) state.kernelKm = km;
				else ignore(key, 'kernel radius is a whole number of km, 5 to 200');
				break;
			}
			case 'ki': {
				const x = Number(value);
				if (DECIMAL.test(value) && x >= 0.25 && x <= 4) state.intensity = x;
				else ignore(key, 'intensity is 0.25 to 4');
				break;
			}
			case 'scale':
				if (value === 'log' || value === 'linear') state.scale = value;
				else ignore(key, 'scale is log or linear');
				break;
			case 'show':
				if (value === 'heat' || value === 'rate') state.show = value;
				else ignore(key, 'show is heat or rate');
				break;
			case 'scan':
				if (value === 'on' || value === 'off') state.scan = value === 'on';
				else ignore(key, 'scan is on or off');
				break;
			case 'theme':
				if (value === 'light' || value === 'dark') state.theme = value;
				else ignore(key, 'theme is light or dark');
				break;
			case 'period': {
				const m = YEARS.exec(value);
				const [from, to] = m ? [Number(m[1]), Number(m[2])] : [NaN, NaN];
				if (from >= MIN_YEAR && to <= MAX_YEAR && from <= to) state.period = [from, to];
				else ignore(key, `period is first-last year, ${MIN_YEAR} to ${MAX_YEAR}`);
				break;
			}
			case 'net':
				if (value === '1') state.network = true;
				else ignore(key, 'net is 1');
				break;
			case 'sel':
				// The same rule as core/network/graph selectionFromText, inline: the graph code loads on demand.
				// eslint-disable-next-line no-control-regex -- rejecting control characters is the point of this pattern
				if (/^(plot|town|node):[^<>\u0000-\u001f]{1,160}$/.test(value)) state.selection = value;
				else ignore(key, 'not a plot, town or node');
				break;
			default:
				if (key.startsWith('f.') && (FILTER_FIELDS as readonly string[]).includes(key.slice(2))) {
					const given = splitFilterValues(value).filter((v) => v.length > 0);
					const values = given.filter((v) => FILTER_VALUE.test(v));
					if (values.length < given.length) ignore(key, 'a value is too long or holds markup');
					state.filters = { ...state.filters, [key.slice(2)]: values };
				} else ignore(key, 'unknown parameter');
		}
	}
	if (unnoted) notes.push(`Ignored ${unnoted} more parameter${unnoted === 1 ? '' : 's'} in the link.`);
	return { state, notes };
}
