/**
 * Everything the dashboard asks of a member list again and again, computed once per dataset and
 * kept in typed arrays: each member's value of every filter field as a code, its town as a code, and
 * the order by date. Filters, facet counts, the time index and the hotspot table are then loops over
 * integers (core/filters/filter-index, core/time/time-index, core/hotspots) instead of passes over a
 * million objects with string work in each. Built as sliced work (core/slicing): at once for small
 * lists, in slices for large ones so an import of 1M rows never holds the page for long.
 */
import { isPlaced, townKey, townName, type MemberPoint } from './member';
import { FILTER_FIELDS, type FilterField } from '../url/codec';
import { filterValue } from '../filters/filters';
import { topPeopleOf } from '../heat-domain';
import { domainFor } from '../time/membership';
import { YIELD_EVERY, type Sliced } from '../slicing/slices';

/** One filter field: codes[i] is members[i]'s option, an index into values. */
export interface FieldColumn {
	codes: Uint32Array;
	values: string[];
}

/**
 * A hometown as the hotspot table names it: the resolved gazetteer place, else country + place text
 * (case-insensitive); the first member's point.
 */
export interface Town {
	key: string;
	name: string;
	/** The name first, then every other spelling the rows used for this place. */
	spellings: string[];
	country: string;
	lon: number;
	lat: number;
}

/** Town code of a member without coordinates: counted nowhere. */
export const NO_TOWN = 0xffffffff;

export interface DatasetIndex {
	members: readonly MemberPoint[];
	fields: Record<FilterField, FieldColumn>;
	/** town[i] is members[i]'s index into towns, or NO_TOWN. */
	town: Uint32Array;
	towns: Town[];
	/** Members with a usable date and position, as indices into members, by day (stable). */
	byDate: Uint32Array;
	/** Placed members without a date (member indices): on the map at every date unless hidden. */
	undatedPlaced: Uint32Array;
	/** Members without a usable date or position: never on the map's timeline, counted for the UI. */
	undated: number;
	/** People at the top heat colour (core/heat-domain), from every member. */
	topPeople: number;
	/** The timeline's domain: whole years around the dates (core/time/membership.domainFor). */
	domain: [number, number];
}

export function* indexDataset(members: readonly MemberPoint[]): Sliced<DatasetIndex> {
	const n = members.length;
	const fields = {} as Record<FilterField, FieldColumn>;
	for (const field of FILTER_FIELDS) {
		const codes = new Uint32Array(n);
		const ids = new Map<string, number>();
		const values: string[] = [];
		for (let i = 0; i < n; i++) {
			if ((i & (YIELD_EVERY - 1)) === YIELD_EVERY - 1) yield;
			const v = filterValue(members[i]!, field);
			let id = ids.get(v);
			if (id === undefined) {
				id = values.push(v) - 1;
				ids.set(v, id);
			}
			codes[i] = id;
		}
		fields[field] = { codes, values };
	}

	const town = new Uint32Array(n);
	const towns: Town[] = [];
	const townIds = new Map<string, number>();
	// The dated, placed members in index order, for the sort by day below.
	const datedMembers = new Uint32Array(n);
	let dated = 0;
	const undatedPlaced: number[] = [];
	let wholeDays = true;
	let lo = Infinity;
	let hi = -Infinity;
	for (let i = 0; i < n; i++) {
		if ((i & (YIELD_EVERY - 1)) === YIELD_EVERY - 1) yield;
		const m = members[i]!;
		if (!Number.isNaN(m.day)) {
			if (m.day < lo) lo = m.day;
			if (m.day > hi) hi = m.day;
		}
		if (!isPlaced(m)) {
			town[i] = NO_TOWN;
			continue;
		}
		const key = townKey(m);
		let id = townIds.get(key);
		if (id === undefined) {
			const name = townName(m);
			id = towns.push({ key, name, spellings: [name], country: m.country, lon: m.lon, lat: m.lat }) - 1;
			townIds.set(key, id);
		}
		const spelling = m.hometown.trim();
		if (spelling && m.placeId && !towns[id]!.spellings.includes(spelling)) towns[id]!.spellings.push(spelling);
		town[i] = id;
		if (Number.isNaN(m.day)) {
			undatedPlaced.push(i);
			continue;
		}
		if (!Number.isInteger(m.day)) wholeDays = false;
		datedMembers[dated++] = i;
	}
	yield;
	const byDate =
		wholeDays && lo <= hi && hi - lo < MAX_COUNTING_DAYS
			? yield* countingSortByDay(members, datedMembers.subarray(0, dated), lo, hi)
			: comparatorSortByDay(members, datedMembers.subarray(0, dated));
	const topPeople = yield* topPeopleOf(members);
	return {
		members,
		fields,
		town,
		towns,
		byDate,
		undatedPlaced: Uint32Array.from(undatedPlaced),
		undated: n - dated,
		topPeople,
		domain: domainFor(lo <= hi ? [lo, hi] : [])
	};
}

/** Whole-day spans up to this long (about 11,000 years) are sorted by counting; longer ones by comparison. */
const MAX_COUNTING_DAYS = 2 ** 22;

/**
 * Stable sort of members (given in index order) by whole day: counts per day, then places each member
 * after the earlier days'. O(members + days) in typed arrays and sliceable, where a sort call is one
 * unsplittable step (about 100 ms for a million in the browser).
 */
function* countingSortByDay(members: readonly MemberPoint[], order: Uint32Array, lo: number, hi: number): Sliced<Uint32Array> {
	const next = new Uint32Array(hi - lo + 2);
	for (let k = 0; k < order.length; k++) {
		if ((k & (YIELD_EVERY - 1)) === YIELD_EVERY - 1) yield;
		next[members[order[k]!]!.day - lo + 1]!++;
	}
	for (let d = 1; d < next.length; d++) next[d]! += next[d - 1]!;
	yield;
	const sorted = new Uint32Array(order.length);
	for (let k = 0; k < order.length; k++) {
		if ((k & (YIELD_EVERY - 1)) === YIELD_EVERY - 1) yield;
		const i = order[k]!;
		sorted[next[members[i]!.day - lo]!++] = i;
	}
	return sorted;
}

/** Fractional or far-apart day numbers (not from our importer): a stable comparator sort. */
function comparatorSortByDay(members: readonly MemberPoint[], order: Uint32Array): Uint32Array {
	return Uint32Array.from(order).sort((a, b) => members[a]!.day - members[b]!.day || a - b);
}
