/**
 * Cross-checks of given coordinates against what else the row says, so a wrong place is caught rather
 * than drawn: coordinates that look swapped (lat in the lon column), far from the place the row names,
 * or outside the row's country. Each finding is a warning with the row, the field, the reason (with the
 * distance) and a suggested fix; nothing is changed without the analyst. A file where most rows look
 * swapped gets one whole-file suggestion (swap the two columns).
 *
 * "On land" is judged from the gazetteer: a point with no place within MAX_NEAR_KM is at sea or off
 * the map. The gazetteer holds every place of 1,000 people in the study region and cities elsewhere.
 */
import { distanceKm } from './gazetteer';
import type { GeocodeResult } from './geocode';
import { REGION_COUNTRIES } from './region';
import type { ReverseIndex } from './reverse';

/** Coordinates further than this from the named place (or the row's country) are reported. */
export const FAR_KM = 50;
/** Outside the study region the gazetteer holds only cities, so "in the country" is looser there. */
const FAR_KM_OUTSIDE_REGION = 150;
/** Swapped coordinates must land this close to a place to count as "on land only when swapped". */
const SWAPPED_LAND_KM = 30;
/** When at least this share of a file's rows with coordinates look swapped, swap the whole file. */
export const SWAP_FILE_SHARE = 0.5;

export type PlaceIssueKind = 'swapped' | 'far' | 'outside-country';

export interface PlaceIssue {
	row: number;
	field: string;
	kind: PlaceIssueKind;
	reason: string;
	/** What the analyst can do, in words. */
	fix: string;
	/** Distance from the given point to the named place or the country, when measured. */
	km?: number;
	/** The point the fix would use: the swapped pair, or the named place's. */
	suggested?: { lat: number; lon: number };
}

export interface CheckInput {
	row: number;
	lat: number;
	lon: number;
	hometown: string;
	/** ISO alpha-2 of the row's country, or ''. */
	country: string;
	/** The geocoder's answer for the row's place name (with its country), if it named one. */
	geocoded?: GeocodeResult | null;
}

const km = (n: number) => `${Math.round(n).toLocaleString('en')} km`;
const pt = (lat: number, lon: number) => `${+lat.toFixed(4)}, ${+lon.toFixed(4)}`;

/** Nearest distance from a point to the geocoder's answer or any of its candidates. */
function distanceToNamed(g: GeocodeResult, lat: number, lon: number): { km: number; lat: number; lon: number; place: string } {
	let best = { km: Infinity, lat: NaN, lon: NaN, place: '' };
	const options = g.lat !== null && g.lon !== null ? [{ lat: g.lat, lon: g.lon, place: g.place }, ...g.candidates] : g.candidates;
	for (const o of options) {
		const d = distanceKm(lat, lon, o.lat, o.lon);
		if (d < best.km) best = { km: d, lat: o.lat, lon: o.lon, place: o.place };
	}
	return best;
}

/** Checks one row with coordinates; null when nothing disagrees. */
export function checkPoint(index: ReverseIndex, item: CheckInput): PlaceIssue | null {
	const { row, lat, lon, hometown, country, geocoded } = item;
	if (!Number.isFinite(lat) || !Number.isFinite(lon)) return null;
	const canSwap = Math.abs(lon) <= 90;
	const [sLat, sLon] = [lon, lat];
	const label = (c: string) => index.gaz.countryLabel(c);
	const swapped = (reason: string): PlaceIssue => ({
		row,
		field: 'lat/lon',
		kind: 'swapped',
		reason,
		fix: `swap lat and lon: lat ${+sLat.toFixed(4)}, lon ${+sLon.toFixed(4)}`,
		suggested: { lat: sLat, lon: sLon }
	});

	// 1. The row names a place the gazetteer knows: the point should be near it (or one of its namesakes).
	if (geocoded && geocoded.status !== 'unresolved' && (geocoded.lat !== null || geocoded.candidates.length)) {
		const given = distanceToNamed(geocoded, lat, lon);
		if (given.km <= FAR_KM) return null;
		const other = canSwap ? distanceToNamed(geocoded, sLat, sLon) : null;
		if (other && other.km <= FAR_KM) {
			return swapped(
				`lat ${lat}, lon ${lon} lies ${km(given.km)} from ${other.place}, the place "${hometown.slice(0, 60)}" names; with lat and lon swapped it lies ${km(other.km)} from it`
			);
		}
		return {
			row,
			field: 'lat/lon',
			kind: 'far',
			km: given.km,
			suggested: { lat: given.lat, lon: given.lon },
			reason: `lat ${lat}, lon ${lon} lies ${km(given.km)} from ${given.place}, the place "${hometown.slice(0, 60)}" names`,
			fix: `check the coordinates, or use ${given.place}'s (${pt(given.lat, given.lon)})`
		};
	}

	// 2. The row names a country: the point should lie in it.
	if (country) {
		const tolerance = REGION_COUNTRIES.has(country) ? FAR_KM : FAR_KM_OUTSIDE_REGION;
		if (index.nearest(lat, lon, tolerance, country)) return null;
		const other = canSwap ? index.nearest(sLat, sLon, tolerance, country) : null;
		if (other) {
			return swapped(
				`lat ${lat}, lon ${lon} lies outside ${label(country)}, the row's country; with lat and lon swapped it lies in it (near ${index.gaz.placeName(other.index)})`
			);
		}
		const inside = index.nearest(lat, lon, 3000, country);
		const distance = inside ? inside.km : undefined;
		const here = index.resolve(lat, lon);
		return {
			row,
			field: 'lat/lon',
			kind: 'outside-country',
			km: distance,
			reason: `lat ${lat}, lon ${lon} lies ${distance !== undefined ? `${km(distance)} outside` : 'far outside'} ${label(country)}, the row's country${here ? ` (${here.label}, ${label(here.country)})` : ''}`,
			fix: `check the coordinates or the country`
		};
	}

	// 3. Nothing else to go by: a point at sea that lands on a place when swapped.
	if (canSwap && !index.resolve(lat, lon)) {
		const other = index.resolve(sLat, sLon);
		if (other && other.km <= SWAPPED_LAND_KM) {
			return swapped(
				`lat ${lat}, lon ${lon} lies at sea or far from any known place; with lat and lon swapped it is ${other.label} (${label(other.country)})`
			);
		}
	}
	return null;
}

export interface FileChecks {
	issues: PlaceIssue[];
	/** Rows with coordinates that were checked. */
	checked: number;
	swapped: number;
	/** True when most checked rows look swapped: offer to swap the two columns for the whole file. */
	swapWholeFile: boolean;
}

/** Checks every row with coordinates; memoised by (point, place, country): lists repeat themselves. */
export function checkPoints(index: ReverseIndex, items: readonly CheckInput[]): FileChecks {
	const issues: PlaceIssue[] = [];
	const memo = new Map<string, PlaceIssue | null>();
	let checked = 0;
	for (const item of items) {
		if (!Number.isFinite(item.lat) || !Number.isFinite(item.lon)) continue;
		checked++;
		const key = `${item.lat},${item.lon}\u0000${item.hometown}\u0000${item.country}`;
		let found = memo.get(key);
		if (found === undefined) memo.set(key, (found = checkPoint(index, item)));
		if (found) issues.push({ ...found, row: item.row });
	}
	const swapped = issues.filter((i) => i.kind === 'swapped').length;
	return { issues, checked, swapped, swapWholeFile: checked > 0 && swapped / checked >= SWAP_FILE_SHARE };
}

/** The whole-file suggestion in words, for the report, the review panel and stderr. */
export function swapAdvice(checks: FileChecks): string {
	return `${checks.swapped} of ${checks.checked} rows with coordinates look swapped (latitude in the longitude column): swap the two columns for the whole file`;
}
