/**
 * Puts geocoding results onto imported records. Confident matches (exact, alias, fuzzy) are placed;
 * ambiguous and unresolved ones stay pending until the analyst decides in the review panel, so a
 * guess never reaches the heat map silently. A review choice places a record whatever its status.
 */
import type { MemberRecord } from '../data/member';
import type { GeocodeResult } from './geocode';
import { atGiven, keepsGiven } from './regeocode';

export interface PlacedPoint {
	lat: number;
	lon: number;
	place_country?: string;
	/** The gazetteer place (a candidate picked, or the confident match): its identity, name and size. */
	place_id?: string;
	place?: string;
	population?: number;
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
		const point: PlacedPoint | null =
			choice ??
			(confident
				? { lat: r.lat!, lon: r.lon!, place_country: r.place_country, place_id: r.place_id, place: r.place, population: r.population }
				: null);
		if (!point || !Number.isFinite(point.lat) || !Number.isFinite(point.lon)) {
			// A row re-geocoded at the analyst's request for which no place was found keeps its given point.
			const given = keepsGiven(record.givenLat !== undefined, true, r) ? atGiven(record) : null;
			if (given) placed.push(given);
			else stillPending.push(record);
		} else {
			const out: MemberRecord = { ...record, lat: point.lat, lon: point.lon, country: record.country || point.place_country || '' };
			// Carry the gazetteer identity so spellings of one place group together (a map click has none).
			if (point.place_id) Object.assign(out, { placeId: point.place_id, place: point.place, population: point.population });
			placed.push(out);
		}
	});
	return { placed, stillPending };
}
