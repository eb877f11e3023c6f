/**
 * Hotspot counts: members by hometown, by metropolitan area (places within a radius merged, named
 * after the place with most members) and by country, with shares; and the privacy threshold that
 * folds any place with fewer than k members into "other places in <country>".
 */
import distance from '@turf/distance';
import { isPlaced, townKey, townName, type MemberRecord } from '../data/member';
import { countryName } from '../filters/filters';
import { NO_TOWN, type Town } from '../data/dataset-index';
import { lowerBound, type TownPositions } from '../time/time-index';

export type HotspotLevel = 'town' | 'metro' | 'country';

export interface HotspotRow {
	key: string;
	/** Place, metro area or country name; for folded rows "Other places in Belgium". */
	name: string;
	/** ISO alpha-2, '' when unknown or for the all-countries fold. */
	country: string;
	/** Where the map flies for this row; NaN for folded rows (they have no single place). */
	lon: number;
	lat: number;
	count: number;
	/** count / all geocoded members counted (0..1). */
	share: number;
	/** Places merged into a metro area (its own name first); folded rows list nothing (privacy). */
	places: string[];
	/** True for rows that gather places under the privacy threshold. */
	folded: boolean;
	/** A metro area's town rows (for its population: core/stats/rates.metroPopulation). */
	parts?: HotspotRow[];
}

export interface HotspotTable {
	rows: HotspotRow[];
	/** Members counted (geocoded ones). */
	total: number;
	/** Members without coordinates: not on the map, not in the table. */
	ungeocoded: number;
	/** Members under the threshold even after folding into "other places": left out entirely. */
	suppressed: number;
}

/**
 * Members grouped by hometown: the resolved gazetteer place when known (so Bruxelles, Brussel and
 * Brussels are one row, the spellings met listed in `places` after the name), else country + name.
 * The first member's coordinates stand for the place.
 */
export function townCounts(members: MemberRecord[]): HotspotRow[] {
	const byKey = new Map<string, HotspotRow>();
	for (const m of members) {
		if (!isPlaced(m)) continue;
		const key = townKey(m);
		const row = byKey.get(key);
		const spelling = m.hometown.trim();
		if (row) {
			row.count++;
			if (spelling && !row.places.includes(spelling)) row.places.push(spelling);
		} else {
			const name = townName(m);
			const places = spelling && spelling !== name ? [name, spelling] : [name];
			byKey.set(key, { key, name, country: m.country, lon: m.lon, lat: m.lat, count: 1, share: 0, places, folded: false });
		}
	}
	return withShares([...byKey.values()]);
}

/**
 * How big a place is (e.g. a population or a label rank; 0 = unknown), so a metro area is named after
 * its largest place (Brussels) even when a commune (Molenbeek) has more members.
 */
export type PlaceSize = (town: HotspotRow) => number;

/** Places within radiusKm of a bigger place merged into it (greedy, biggest place first, then most members). */
export function metroCounts(members: MemberRecord[], radiusKm: number, sizeOf: PlaceSize = () => 0): HotspotRow[] {
	return metrosOf(townCounts(members), radiusKm, sizeOf);
}

/**
 * Each town joins the first metro area (in the order they were made) whose place lies within radiusKm,
 * else starts one. The metros are kept on a grid of cells about radiusKm tall, so a town is compared only
 * with the metros of the cells around it, not with every metro so far: thousands of towns (points
 * grouped by place, core/geocode/place-groups.ts) used to cost towns x metros distances on every update.
 */
function metrosOf(townRows: readonly HotspotRow[], radiusKm: number, sizeOf: PlaceSize): HotspotRow[] {
	const towns = [...townRows].sort((a, b) => sizeOf(b) - sizeOf(a) || b.count - a.count || a.name.localeCompare(b.name));
	const metros: HotspotRow[] = [];
	// Cells of cellDeg degrees: a degree of latitude is more than 110 km, so a metro within radiusKm is at
	// most one row away; columns narrow with latitude, so more of them are searched towards the poles.
	const cellDeg = Math.max(0.01, radiusKm / 110);
	const cols = Math.ceil(360 / cellDeg);
	const grid = new Map<number, number[]>();
	const colOf = (c: number) => ((c % cols) + cols) % cols;
	for (const town of towns) {
		let home: HotspotRow | undefined;
		const row = Math.floor(town.lat / cellDeg);
		const col = Math.floor(town.lon / cellDeg);
		if (Number.isFinite(row) && Number.isFinite(col)) {
			const cos = Math.cos((Math.min(89.9, Math.abs(town.lat) + 2 * cellDeg) * Math.PI) / 180);
			const span = Math.min(Math.ceil(cols / 2), Math.ceil(radiusKm / (110 * Math.max(1e-3, cos) * cellDeg)) + 1);
			let first = Infinity;
			for (let r = row - 1; r <= row + 1; r++)
				for (let c = col - span; c <= col + span; c++)
					for (const m of grid.get(r * cols + colOf(c)) ?? [])
						if (m < first && distance([metros[m]!.lon, metros[m]!.lat], [town.lon, town.lat], { units: 'kilometers' }) <= radiusKm)
							first = m;
			if (first < Infinity) home = metros[first];
			else {
				const key = row * cols + colOf(col);
				const list = grid.get(key);
				if (list) list.push(metros.length);
				else grid.set(key, [metros.length]);
			}
		}
		if (home) {
			home.count += town.count;
			home.places.push(town.name);
			home.parts!.push(town);
		} else metros.push({ ...town, key: `metro:${town.key}`, places: [town.name], parts: [town] });
	}
	return withShares(metros);
}

export function countryCounts(members: MemberRecord[]): HotspotRow[] {
	return countriesOf(townCounts(members));
}

/** Countries in the order their first town appears; the map flies to the country's biggest town. */
function countriesOf(towns: readonly HotspotRow[]): HotspotRow[] {
	const byCountry = new Map<string, HotspotRow>();
	const biggestTown = new Map<string, HotspotRow>();
	for (const t of towns) {
		const row = byCountry.get(t.country);
		if (row) row.count += t.count;
		else
			byCountry.set(t.country, {
				key: `country:${t.country}`,
				name: t.country ? countryName(t.country) : 'Unknown country',
				country: t.country,
				lon: NaN,
				lat: NaN,
				count: t.count,
				share: 0,
				places: [],
				folded: false
			});
		if ((biggestTown.get(t.country)?.count ?? 0) < t.count) biggestTown.set(t.country, t);
	}
	for (const row of byCountry.values()) {
		const t = biggestTown.get(row.country);
		if (t) [row.lon, row.lat] = [t.lon, t.lat];
	}
	return withShares([...byCountry.values()]);
}

/**
 * townCounts for members [start, end) of a time index, from their town codes (core/data/dataset-index),
 * rows in the order their first member appears, as townCounts gives them. A town's name and point are
 * its first member's in the whole dataset. With the index's members grouped by town (`byTown`) and a
 * range much longer than the list of towns, each town is counted by two binary searches: O(towns x
 * log members) however many members the range holds, so playback at millions of members costs the
 * table no pass over them; otherwise one pass over the range, O(end - start).
 */
export function townsInRange(
	index: { town: Uint32Array; byTown?: TownPositions; always?: { town: Uint32Array } },
	towns: readonly Town[],
	start: number,
	end: number
): HotspotRow[] {
	const counts = new Uint32Array(towns.length);
	let seen: number[] = [];
	const byTown = index.byTown;
	if (byTown && byTown.offsets.length === towns.length + 1 && towns.length * SEARCH_COST < end - start) {
		// Where each town's first member in the range stands, to give the rows in the walk's order.
		const first = new Float64Array(towns.length);
		const { offsets, positions } = byTown;
		for (let c = 0; c < towns.length; c++) {
			const lo = lowerBound(positions, start, offsets[c]!, offsets[c + 1]!);
			const hi = lowerBound(positions, end, lo, offsets[c + 1]!);
			if (hi === lo) continue;
			counts[c] = hi - lo;
			first[c] = positions[lo]!;
			seen.push(c);
		}
		seen.sort((a, b) => first[a]! - first[b]!);
	} else {
		for (let k = start; k < end; k++) {
			const c = index.town[k]!;
			if (c !== NO_TOWN && counts[c]!++ === 0) seen.push(c);
		}
	}
	// Members without a date count at every date (unless the analyst hides them), after the dated ones.
	const always = index.always?.town;
	if (always) {
		const more: number[] = [];
		for (let k = 0; k < always.length; k++) {
			const c = always[k]!;
			if (c !== NO_TOWN && counts[c]!++ === 0) more.push(c);
		}
		if (more.length) seen = seen.concat(more);
	}
	return withShares(
		seen.map((c) => {
			const t = towns[c]!;
			return {
				key: t.key,
				name: t.name,
				country: t.country,
				lon: t.lon,
				lat: t.lat,
				count: counts[c]!,
				share: 0,
				places: [...(t.spellings ?? [t.name])],
				folded: false
			};
		})
	);
}

/**
 * Binary searches count per town against members walked: a town costs two searches of about 20 steps
 * plus the sort of the rows, a walked member one step, so searching wins once the range holds this many
 * times more members than there are towns.
 */
const SEARCH_COST = 64;

function withShares(rows: HotspotRow[]): HotspotRow[] {
	const total = rows.reduce((s, r) => s + r.count, 0);
	for (const r of rows) r.share = total ? r.count / total : 0;
	return rows;
}

/**
 * The privacy threshold k: rows under k are folded into "other places in <country>"; folds still
 * under k go into one "other places" row; if that too is under k its members are counted as
 * suppressed and shown nowhere. k <= 1 changes nothing.
 */
export function applyPrivacy(rows: HotspotRow[], k: number, level: HotspotLevel): { rows: HotspotRow[]; suppressed: number } {
	if (k <= 1) return { rows, suppressed: 0 };
	const total = rows.reduce((s, r) => s + r.count, 0);
	const kept = rows.filter((r) => r.count >= k);
	const small = rows.filter((r) => r.count < k);
	const fold = (key: string, name: string, country: string, count: number): HotspotRow => ({
		key,
		name,
		country,
		lon: NaN,
		lat: NaN,
		count,
		share: total ? count / total : 0,
		places: [],
		folded: true
	});
	let rest = 0;
	if (level !== 'country') {
		const byCountry = new Map<string, number>();
		for (const r of small) byCountry.set(r.country, (byCountry.get(r.country) ?? 0) + r.count);
		for (const [country, count] of byCountry) {
			if (count >= k && country) kept.push(fold(`other:${country}`, `Other places in ${countryName(country)}`, country, count));
			else rest += count;
		}
	} else rest = small.reduce((s, r) => s + r.count, 0);
	let suppressed = 0;
	if (rest >= k) kept.push(fold('other:*', level === 'country' ? 'Other countries' : 'Other places', '', rest));
	else suppressed = rest;
	return { rows: kept, suppressed };
}

/** The whole table for one level, threshold applied. */
export function hotspotTable(
	members: MemberRecord[],
	level: HotspotLevel,
	opts: { radiusKm: number; k: number; sizeOf?: PlaceSize }
): HotspotTable {
	return hotspotTableOf(townCounts(members), level, opts, members.length);
}

/** hotspotTable from town rows (townCounts or townsInRange); `members` = all counted, geocoded or not. */
export function hotspotTableOf(
	towns: HotspotRow[],
	level: HotspotLevel,
	opts: { radiusKm: number; k: number; sizeOf?: PlaceSize },
	members: number
): HotspotTable {
	const rows = level === 'town' ? towns : level === 'metro' ? metrosOf(towns, opts.radiusKm, opts.sizeOf ?? (() => 0)) : countriesOf(towns);
	const total = rows.reduce((s, r) => s + r.count, 0);
	const { rows: shown, suppressed } = applyPrivacy(rows, opts.k, level);
	return { rows: shown, total, ungeocoded: members - total, suppressed };
}

export type SortKey = 'name' | 'count' | 'country';
export type SortDirection = 'ascending' | 'descending';

/** Sorted copy; folded "other places" rows always last so the named hotspots lead. */
export function sortRows(rows: HotspotRow[], key: SortKey, direction: SortDirection): HotspotRow[] {
	const sign = direction === 'ascending' ? 1 : -1;
	const compare = (a: HotspotRow, b: HotspotRow) => {
		if (a.folded !== b.folded) return a.folded ? 1 : -1;
		// The catch-all "Other places" closes the table.
		if (a.key === 'other:*' || b.key === 'other:*') return a.key === 'other:*' ? 1 : -1;
		const primary =
			key === 'count'
				? a.count - b.count
				: key === 'country'
					? countryName(a.country).localeCompare(countryName(b.country))
					: a.name.localeCompare(b.name);
		return sign * primary || b.count - a.count || a.name.localeCompare(b.name);
	};
	return [...rows].sort(compare);
}

/**
 * Towns a reader may see by name (labels, tooltips): those with at least k members. Below k a town
 * is only part of its country's "other places".
 */
export function namedTowns(members: MemberRecord[], k: number): HotspotRow[] {
	return namedOf(townCounts(members), k);
}

export function namedOf(towns: readonly HotspotRow[], k: number): HotspotRow[] {
	return towns.filter((t) => t.count >= Math.max(1, k));
}

/** Tooltip text for the towns near the pointer, biggest first; plain text (shown as text, never HTML). */
export function tooltipText(towns: HotspotRow[], max = 6): string | null {
	if (!towns.length) return null;
	const sorted = sortRows(towns, 'count', 'descending');
	const lines = sorted
		.slice(0, max)
		.map((t) => `${t.name}${t.country ? ` (${t.country})` : ''}: ${t.count} member${t.count === 1 ? '' : 's'}`);
	if (sorted.length > max) lines.push(`and ${sorted.length - max} more places`);
	return lines.join('\n');
}

/**
 * Place sizes from the basemap's named places (bigger priority = bigger place): a town takes the
 * priority of a same-named place within 30 km; towns the basemap does not name count as 0.
 */
export function sizesFromNamedPlaces(places: { name: string; lon: number; lat: number; priority: number }[]): PlaceSize {
	const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').trim().toLowerCase();
	const byName = new Map<string, typeof places>();
	for (const p of places) byName.set(fold(p.name), [...(byName.get(fold(p.name)) ?? []), p]);
	return (town) => {
		const near = (byName.get(fold(town.name)) ?? []).filter(
			(p) => distance([p.lon, p.lat], [town.lon, town.lat], { units: 'kilometers' }) <= 30
		);
		return Math.max(0, ...near.map((p) => p.priority));
	};
}
