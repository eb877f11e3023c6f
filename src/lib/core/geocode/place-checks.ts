/**
 * The import's side of the coordinate cross-checks, kept pure: putting the geocoding worker's
 * resolved places on the records that came with coordinates, and settling a finding the way the
 * analyst chose in the review panel (swap the pair, move to the named place, or keep it as given),
 * one row or the whole file at once.
 */
import type { MemberRecord } from '../data/member';
import type { PlaceIssue } from './crosscheck';
import type { ResolvedPlace } from './reverse';

export type CheckChoice = 'swap' | 'use-named' | 'keep';

/** Each record (same order as `places`) with its gazetteer identity and, when it had none, country. */
export function withResolvedPlaces(records: readonly MemberRecord[], places: readonly (ResolvedPlace | null)[]): MemberRecord[] {
	return records.map((m, i) => {
		const p = places[i];
		if (!p || m.placeId) return m;
		const place = p.placeId.startsWith('~') ? m.hometown.trim() || p.place : p.place;
		return { ...m, placeId: p.placeId, place, population: p.population, country: m.country || p.country };
	});
}

/** A record with its coordinates swapped; its resolved place is dropped (it was the wrong point's). */
export function swapped(m: MemberRecord): MemberRecord {
	if (!(Math.abs(m.lon) <= 90)) return m;
	const { placeId: _id, place: _place, population: _pop, ...rest } = m;
	return { ...rest, lat: m.lon, lon: m.lat };
}

/** The record as the analyst settled its finding. 'keep' changes nothing: the given point stands. */
export function settleCheck(m: MemberRecord, issue: PlaceIssue, choice: CheckChoice): MemberRecord {
	if (choice === 'swap') return swapped(m);
	if (choice === 'use-named' && issue.suggested) {
		const { placeId: _id, place: _place, population: _pop, ...rest } = m;
		return { ...rest, lat: issue.suggested.lat, lon: issue.suggested.lon };
	}
	return m;
}

/** Every record with coordinates swapped: the whole-file fix when most rows look swapped. */
export function swapAll(records: readonly MemberRecord[]): MemberRecord[] {
	return records.map((m) => (Number.isFinite(m.lat) && Number.isFinite(m.lon) ? swapped(m) : m));
}

/** What each choice does, in words, for the review panel's buttons. */
export function choiceLabel(issue: PlaceIssue, choice: CheckChoice): string {
	if (choice === 'swap')
		return issue.suggested && issue.kind === 'swapped'
			? `Swap: lat ${+issue.suggested.lat.toFixed(4)}, lon ${+issue.suggested.lon.toFixed(4)}`
			: 'Swap lat and lon';
	if (choice === 'use-named')
		return issue.suggested
			? `Use the named place (${+issue.suggested.lat.toFixed(4)}, ${+issue.suggested.lon.toFixed(4)})`
			: 'Use the named place';
	return 'Keep as given';
}

/** The choices that make sense for a finding, the suggested one first. */
export function choicesFor(issue: PlaceIssue): CheckChoice[] {
	if (issue.kind === 'swapped') return ['swap', 'keep'];
	if (issue.kind === 'far' && issue.suggested) return ['use-named', 'swap', 'keep'];
	return ['keep', 'swap'];
}
