/**
 * Puts geocoding results onto imported records. Confident matches (exact, alias, fuzzy) are placed;
 * ambiguous and unresolved ones stay pending until the analyst decides in the review panel, so a
 * guess never reaches the heat map silently. A review choice places a record whatever its status.
 */
import type { MemberRecord } from '../data/member';
import type { GeocodeResult } from './geocode';

export interface PlacedPoint {
	lat: number;
	lon: number;
	place_country?: string;
}

export function applyGeocodes(
	pending: readonly MemberRecord[],
	results: readonly GeocodeResult[],
	/** Review choices by index into pending. */
	choices: ReadonlyMap<number, PlacedPoint> = new Map()
): { placed: MemberRecord[]; stillPending: MemberRecord[] } {
	const placed: MemberRecord[] = [];
	const stillPending: MemberRecord[] = [];
	pending.forEach((record, i) => {
		const r = results[i];
		const choice = choices.get(i);
		const confident = r && r.lat !== null && r.lon !== null && (r.status === 'exact' || r.status === 'alias' || r.status === 'fuzzy');
		const point: PlacedPoint | null = choice ?? (confident ? { lat: r.lat!, lon: r.lon!, place_country: r.place_country } : null);
		if (!point || !Number.isFinite(point.lat) || !Number.isFinite(point.lon)) stillPending.push(record);
		else placed.push({ ...record, lat: point.lat, lon: point.lon, country: record.country || point.place_country || '' });
	});
	return { placed, stillPending };
}
