/**
 * Glue between an imported file and the geocoder, kept pure: which imported rows the review panel
 * lists, which remembered or fresh review choices apply to which row, and the summary line the
 * import panel shows. The app calls applyGeocodes (apply.ts) with what these return.
 */
import type { MemberRecord } from '../data/member';
import type { PlacedPoint } from './apply';
import type { GeocodeResult } from './geocode';
import { needsReview, placeKey, type ReviewChoice, type ReviewRow } from './review';
import { STATUSES, type Summary } from './table';

/** The rows to review (ambiguous and unresolved), with the row numbers the analyst sees in the file. */
export function reviewRowsOf(
	pending: readonly MemberRecord[],
	rowNumbers: readonly number[],
	results: readonly GeocodeResult[]
): ReviewRow[] {
	const rows: ReviewRow[] = [];
	pending.forEach((record, i) => {
		const result = results[i];
		if (result && needsReview(result))
			rows.push({ row: rowNumbers[i] ?? i + 1, hometown: record.hometown, country: record.country, result });
	});
	return rows;
}

/** Review choices (keyed by place text) as applyGeocodes wants them: by index into pending. */
export function choicesByIndex(pending: readonly MemberRecord[], choices: ReadonlyMap<string, ReviewChoice>): Map<number, PlacedPoint> {
	const byIndex = new Map<number, PlacedPoint>();
	if (!choices.size) return byIndex;
	pending.forEach((record, i) => {
		const c = choices.get(placeKey(record.hometown, record.country));
		if (c) byIndex.set(i, { lat: c.lat, lon: c.lon, place_country: c.place_country });
	});
	return byIndex;
}

/** "3 exact, 2 alias, 0 fuzzy, 2 ambiguous, 1 unresolved". */
export function summaryLine(summary: Summary): string {
	return STATUSES.map((s) => `${summary[s].toLocaleString('en')} ${s}`).join(', ');
}
