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

/** The list-level prior applies when at least this many rows are confident ... */
export const PRIOR_MIN_ROWS = 5;
/** ... and at least this share of them lie in one country. */
export const PRIOR_SHARE = 0.6;

/**
 * A list-level prior, as a human analyst would use one: when most confident rows of a list lie in one
 * country, an ambiguous name with a candidate there is ranked toward it (Tripoli in a Lebanese list is
 * Tripoli, Lebanon). The row stays ambiguous, for review; the reason says why its best guess moved.
 */
export function applyListPrior(gaz: Gazetteer, results: readonly GeocodeResult[]): GeocodeResult[] {
	const byCountry = new Map<string, number>();
	let confident = 0;
	for (const r of results) {
		if ((r.status !== 'exact' && r.status !== 'alias') || r.confidence < 0.9 || !r.place_country) continue;
		confident++;
		byCountry.set(r.place_country, (byCountry.get(r.place_country) ?? 0) + 1);
	}
	const [top, count] = [...byCountry].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
	if (confident < PRIOR_MIN_ROWS || count / confident < PRIOR_SHARE) return [...results];
	const share = Math.round((100 * count) / confident);
	const moved = new Map<GeocodeResult, GeocodeResult>();
	return results.map((r) => {
		if (r.status !== 'ambiguous' || r.place_country === top) return r;
		const i = r.candidates.findIndex((c) => c.place_country === top);
		if (i < 0) return r;
		let out = moved.get(r);
		if (!out) {
			const c = r.candidates[i]!;
			const previous: Candidate = {
				place: r.place,
				place_country: r.place_country,
				lat: r.lat!,
				lon: r.lon!,
				population: r.population ?? 0,
				match: 'exact',
				place_id: r.place_id
			};
			out = {
				...r,
				lat: c.lat,
				lon: c.lon,
				place: c.place,
				place_country: c.place_country,
				place_id: c.place_id,
				population: c.population,
				candidates: [previous, ...r.candidates.filter((_, j) => j !== i)],
				reason: `ranked toward ${gaz.countryLabel(top)}, where ${share}% of the list's ${confident} confident rows lie; ${r.reason}`
			};
			moved.set(r, out);
		}
		return out;
	});
}

/** Geocodes each (hometown, country) pair, once per distinct pair, then applies the list-level prior. */
export function geocodeAll(
	gaz: Gazetteer,
	items: readonly { hometown: string; country?: string; region?: string }[],
	onProgress?: (done: number, total: number) => void
): { results: GeocodeResult[]; summary: Summary } {
	const memo = new Map<string, GeocodeResult>();
	const summary: Summary = { rows: items.length, exact: 0, alias: 0, fuzzy: 0, ambiguous: 0, unresolved: 0 };
	const results = items.map((item, i) => {
		const key = `${item.hometown}\u0000${item.country ?? ''}\u0000${item.region ?? ''}`;
		let r = memo.get(key);
		if (!r) memo.set(key, (r = geocode(gaz, item.hometown, item.country, item.region)));
		summary[r.status]++;
		if (onProgress && (i % 500 === 499 || i === items.length - 1)) onProgress(i + 1, items.length);
		return r;
	});
	return { results: applyListPrior(gaz, results), summary };
}
