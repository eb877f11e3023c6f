/**
 * What the import workflow remembers between sessions, as plain data: column mappings by header set
 * and geocoding choices by place text and country. Saved work (IndexedDB) and project files carry
 * both; these readers check what comes back from either, entry by entry, and say what they dropped.
 *
 * Keys are chosen so work carries over: a mapping is found again for any file with the same headers
 * (in any order, any case or accents), a choice for the same place text and country in any list (a
 * list that grew by one row keeps them all).
 */
import { FIELDS, foldHeader, type ColumnMapping, type Field } from '../data/columns';
import type { MemberRecord } from '../data/member';
import type { ReviewChoice } from '../geocode/review';

/** Column mappings by header-set key (headerSetKey). */
export type SavedMappings = Record<string, ColumnMapping>;
/** Review choices by place key (core/geocode/review.placeKey). */
export type SavedChoices = Record<string, ReviewChoice>;

/**
 * An import whose place names still wait for the geocoder or the analyst: the rows that had no
 * coordinates (as read from the file) and their row numbers, and how many members at the end of the
 * dataset the geocoder or the review placed (so a new decision replaces them instead of adding).
 */
export interface GeocodeJob {
	rows: MemberRecord[];
	rowNumbers: number[];
	placedCount: number;
}

/** The same key for the same headers in any order, case, accents or punctuation. */
export function headerSetKey(headers: readonly string[]): string {
	return [...new Set(headers.map(foldHeader).filter(Boolean))].sort().join('|');
}

const FIELD_SET = new Set<string>([...FIELDS, 'ignore']);
const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** Mappings as read back: known fields only; a header mapped to something else is dropped and said. */
export function readMappings(raw: unknown, problems: string[] = []): SavedMappings {
	const out: SavedMappings = {};
	if (raw === undefined || raw === null) return out;
	if (!isObject(raw)) {
		problems.push('column mappings: not a set of mappings');
		return out;
	}
	for (const [key, value] of Object.entries(raw)) {
		if (!isObject(value)) {
			problems.push(`column mapping "${key.slice(0, 60)}": not a mapping`);
			continue;
		}
		const mapping: ColumnMapping = {};
		for (const [header, field] of Object.entries(value)) {
			if (typeof field === 'string' && FIELD_SET.has(field)) mapping[header] = field as Field | 'ignore';
			else problems.push(`column mapping "${key.slice(0, 60)}": "${header.slice(0, 60)}" maps to an unknown field`);
		}
		out[key] = mapping;
	}
	return out;
}

/** Choices as read back: each needs its texts and a valid point; a bad one is dropped and said. */
export function readChoices(raw: unknown, problems: string[] = []): SavedChoices {
	const out: SavedChoices = {};
	if (raw === undefined || raw === null) return out;
	if (!isObject(raw)) {
		problems.push('geocoding choices: not a set of choices');
		return out;
	}
	for (const [key, value] of Object.entries(raw)) {
		const c = value as Partial<ReviewChoice> | null;
		const ok =
			isObject(c) &&
			typeof c.placeKey === 'string' &&
			c.placeKey === key &&
			typeof c.hometown === 'string' &&
			typeof c.lat === 'number' &&
			typeof c.lon === 'number' &&
			Number.isFinite(c.lat) &&
			Number.isFinite(c.lon) &&
			Math.abs(c.lat) <= 90 &&
			Math.abs(c.lon) <= 180;
		if (!ok) {
			problems.push(`geocoding choice "${key.slice(0, 60)}": needs place text and a valid point`);
			continue;
		}
		out[key] = {
			fingerprint: typeof c.fingerprint === 'string' ? c.fingerprint : '',
			placeKey: key,
			hometown: c.hometown!,
			country: typeof c.country === 'string' ? c.country : '',
			lat: c.lat!,
			lon: c.lon!,
			place: typeof c.place === 'string' ? c.place : '',
			place_country: typeof c.place_country === 'string' ? c.place_country : '',
			chosenAt: typeof c.chosenAt === 'string' ? c.chosenAt : ''
		};
	}
	return out;
}

/** Choices keyed by place, the later one winning where two lists chose for the same place. */
export function choicesByPlace(list: readonly ReviewChoice[], into: SavedChoices = {}): SavedChoices {
	const out = { ...into };
	for (const c of list) {
		const have = out[c.placeKey];
		if (!have || (c.chosenAt || '') >= (have.chosenAt || '')) out[c.placeKey] = c;
	}
	return out;
}
