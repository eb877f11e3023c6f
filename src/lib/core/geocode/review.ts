/**
 * Pure helpers for the review of doubtful matches: which rows need review, a fingerprint of a list
 * (so choices made once apply again when the same list is imported), and the JSON exchange format
 * of the analyst's choices.
 */
import type { GeocodeResult } from './geocode';
import { normalizeName } from './normalize';

export interface ReviewRow {
	/** Row number as the analyst sees it (the line in the file). */
	row: number;
	hometown: string;
	country: string;
	result: GeocodeResult;
}

/** An analyst's decision for one place text of one list. */
export interface ReviewChoice {
	fingerprint: string;
	/** Normalised place text and country: the same text in the list gets the same choice. */
	placeKey: string;
	hometown: string;
	country: string;
	lat: number;
	lon: number;
	/** The gazetteer place picked, or '' when the analyst clicked the map. */
	place: string;
	place_country: string;
	chosenAt: string;
}

export const CHOICES_FORMAT = 'hometown-atlas-geocode-choices';

export function needsReview(r: GeocodeResult): boolean {
	return r.status === 'ambiguous' || r.status === 'unresolved';
}

export function placeKey(hometown: string, country: string): string {
	return `${normalizeName(hometown)}|${normalizeName(country)}`;
}

/**
 * FNV-1a (64-bit as two 32-bit halves) over the list's distinct place texts, sorted: the same list
 * in another row order, or with other columns changed, keeps its fingerprint.
 */
export function listFingerprint(items: readonly { hometown: string; country: string }[]): string {
	const keys = [...new Set(items.map((i) => placeKey(i.hometown, i.country)))].sort();
	let h1 = 0x811c9dc5;
	let h2 = 0x01000193;
	for (const k of keys) {
		for (let i = 0; i < k.length; i++) {
			const c = k.charCodeAt(i);
			h1 = Math.imul(h1 ^ c, 0x01000193);
			h2 = Math.imul(h2 ^ c, 0x5bd1e995);
		}
		h1 = Math.imul(h1 ^ 0x0a, 0x01000193);
	}
	return `${(h1 >>> 0).toString(16).padStart(8, '0')}${(h2 >>> 0).toString(16).padStart(8, '0')}-${keys.length}`;
}

export interface ChoicesFile {
	format: typeof CHOICES_FORMAT;
	version: 1;
	choices: ReviewChoice[];
}

export function exportChoices(choices: readonly ReviewChoice[]): ChoicesFile {
	return { format: CHOICES_FORMAT, version: 1, choices: [...choices] };
}

/** Reads an exported choices file; invalid entries are reported, never silently dropped. */
export function parseChoices(text: string): { choices: ReviewChoice[]; rejected: string[] } {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return { choices: [], rejected: ['not a JSON file'] };
	}
	const file = data as Partial<ChoicesFile>;
	if (!file || file.format !== CHOICES_FORMAT || !Array.isArray(file.choices)) {
		return { choices: [], rejected: [`not a ${CHOICES_FORMAT} file`] };
	}
	const choices: ReviewChoice[] = [];
	const rejected: string[] = [];
	file.choices.forEach((c, i) => {
		const ok =
			c &&
			typeof c.fingerprint === 'string' &&
			typeof c.placeKey === 'string' &&
			typeof c.hometown === 'string' &&
			Number.isFinite(c.lat) &&
			Number.isFinite(c.lon) &&
			Math.abs(c.lat) <= 90 &&
			Math.abs(c.lon) <= 180;
		if (ok)
			choices.push({
				...c,
				country: c.country ?? '',
				place: c.place ?? '',
				place_country: c.place_country ?? '',
				chosenAt: c.chosenAt ?? ''
			});
		else rejected.push(`choice ${i + 1}: needs fingerprint, placeKey, hometown and valid lat/lon`);
	});
	return { choices, rejected };
}
