/**
 * Geocoding a whole list: the `hometown` and optional `country` columns of parsed CSV rows in, the
 * CLI's output columns out (lat, lon, place, place_country, status, confidence, candidates).
 * Repeated place texts are geocoded once: member lists name the same towns again and again.
 */
import type { Gazetteer } from './gazetteer';
import { geocode, type Candidate, type GeocodeResult, type GeocodeStatus } from './geocode';

export const OUTPUT_COLUMNS = ['lat', 'lon', 'place', 'place_country', 'status', 'confidence', 'candidates', 'geocode_reason'] as const;
export const STATUSES: GeocodeStatus[] = ['exact', 'alias', 'fuzzy', 'ambiguous', 'unresolved'];

export type Summary = Record<GeocodeStatus, number> & { rows: number };

/** Finds a column by name, ignoring case and surrounding spaces ("Hometown", " country "). */
export function findColumn(fields: readonly string[], name: string): string | undefined {
	return fields.find((f) => f.trim().toLowerCase() === name);
}

/** "Tripoli (LB) 34.4335 35.8442; Trípoli (GR) 37.5089 22.3794": readable in a spreadsheet cell. */
export function formatCandidates(candidates: readonly Candidate[]): string {
	return candidates.map((c) => `${c.place} (${c.place_country}) ${c.lat.toFixed(4)} ${c.lon.toFixed(4)}`).join('; ');
}

export function resultColumns(r: GeocodeResult): Record<(typeof OUTPUT_COLUMNS)[number], string> {
	return {
		lat: r.lat === null ? '' : r.lat.toFixed(5),
		lon: r.lon === null ? '' : r.lon.toFixed(5),
		place: r.place,
		place_country: r.place_country,
		status: r.status,
		confidence: r.confidence.toFixed(2),
		candidates: formatCandidates(r.candidates),
		geocode_reason: r.reason
	};
}

/** Geocodes each (hometown, country) pair, once per distinct pair. */
export function geocodeAll(
	gaz: Gazetteer,
	items: readonly { hometown: string; country?: string }[],
	onProgress?: (done: number, total: number) => void
): { results: GeocodeResult[]; summary: Summary } {
	const memo = new Map<string, GeocodeResult>();
	const summary: Summary = { rows: items.length, exact: 0, alias: 0, fuzzy: 0, ambiguous: 0, unresolved: 0 };
	const results = items.map((item, i) => {
		const key = `${item.hometown}\u0000${item.country ?? ''}`;
		let r = memo.get(key);
		if (!r) memo.set(key, (r = geocode(gaz, item.hometown, item.country)));
		summary[r.status]++;
		if (onProgress && (i % 500 === 499 || i === items.length - 1)) onProgress(i + 1, items.length);
		return r;
	});
	return { results, summary };
}
