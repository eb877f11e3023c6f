/**
 * Re-geocoding rows that came with coordinates: an explicit choice (`atlas geocode --regeocode`, the
 * import dialog's option), never the default, since given coordinates are kept unless asked. The
 * rules are shared by the command line (core/geocode/file.ts) and the app (state/import-session):
 *  - which rows go to the geocoder: those without coordinates, and when re-geocoding those with
 *    coordinates and a place name (a row with only coordinates has nothing to geocode);
 *  - the given coordinates are kept beside the new ones (`given_lat` / `given_lon` in files,
 *    `givenLat` / `givenLon` on a record), and where the geocoder finds no place the given point stays.
 */
import { isPlaced, type MemberRecord, type PlacementPartition } from '../data/member';
import type { MemberColumns } from '../data/member-columns';

/** Whether a row goes to the geocoder. */
export const needsGeocoder = (r: MemberRecord, regeocode: boolean): boolean => !isPlaced(r) || (regeocode && !!r.hometown.trim());

/**
 * Whether a row keeps the coordinates it was given: it has some, and either it was not sent to the
 * geocoder or the geocoder found no point for it.
 */
export const keepsGiven = (given: boolean, sentToGeocoder: boolean, found: { lat: number | null } | undefined): boolean =>
	given && (!sentToGeocoder || !found || found.lat === null);

/** The given-coordinate columns of an output row ('' where none were given). */
export function givenColumns(r: MemberRecord): { given_lat: string; given_lon: string } {
	return isPlaced(r) ? { given_lat: String(r.lat), given_lon: String(r.lon) } : { given_lat: '', given_lon: '' };
}

/** A record sent back to the geocoder: its given point kept in givenLat/givenLon, its coordinates cleared. */
export function asRegeocoded(r: MemberRecord): MemberRecord {
	const { placeId: _id, place: _place, population: _population, ...rest } = r;
	return { ...rest, givenLat: r.lat, givenLon: r.lon, lon: NaN, lat: NaN };
}

/** A re-geocoded record for which no place was found: back at its given point (the givenLat/givenLon note stays). */
export function atGiven(r: MemberRecord): MemberRecord | null {
	return r.givenLat !== undefined && r.givenLon !== undefined && Number.isFinite(r.givenLat) && Number.isFinite(r.givenLon)
		? { ...r, lat: r.givenLat, lon: r.givenLon }
		: null;
}

/**
 * The app's side of the choice: an import's records split again so that rows with coordinates and a
 * place name wait for the geocoder too (after the rows without coordinates, in file order), each
 * with its row number in the file. Without `regeocode` the partition is returned as it is.
 */
export function partitionForGeocoding(
	{ placed, pending }: PlacementPartition,
	pendingRows: readonly number[],
	regeocode: boolean
): { partition: PlacementPartition; rowNumbers: readonly number[]; regeocoded: number } {
	if (!regeocode) return { partition: { placed, pending }, rowNumbers: pendingRows, regeocoded: 0 };
	const kept: MemberRecord[] = [];
	const again: MemberRecord[] = [];
	for (const r of placed) (needsGeocoder(r, true) ? again : kept).push(r);
	return {
		partition: { placed: kept, pending: [...pending, ...again.map(asRegeocoded)] },
		rowNumbers: [...pendingRows, ...again.map((r, i) => r.row ?? pendingRows.length + i + 1)],
		regeocoded: again.length
	};
}

/**
 * A batch of imported columns split the way partitionForGeocoding splits records: `kept` are the
 * members that go on the map as they are (coordinates given, and not sent back to the geocoder), by
 * index, or null when that is all of them (the usual large file); `others` need the geocoder, or the
 * review, and become records.
 */
export function splitForGeocoding(c: MemberColumns, regeocode: boolean): { kept: number[] | null; others: number[] } {
	// A town text with something besides spaces, per code: looked at once per distinct value.
	const named = regeocode ? c.hometown.values.map((v) => !!v?.trim()) : null;
	const codes = c.hometown.codes;
	let kept: number[] | null = null;
	const others: number[] = [];
	for (let i = 0; i < c.length; i++) {
		const stays = Number.isFinite(c.lon[i]!) && Number.isFinite(c.lat[i]!) && !(named && named[codes[i]!]);
		if (stays) kept?.push(i);
		else {
			kept ??= Array.from({ length: i }, (_, k) => k);
			others.push(i);
		}
	}
	return { kept, others };
}
