/**
 * Everything the dashboard asks of a member list again and again, computed once per dataset and
 * kept in typed arrays: each member's value of every filter field as a code, its town as a code, and
 * the order by date. Filters, facet counts, the time index and the hotspot table are then loops over
 * integers (core/filters/filter-index, core/time/time-index, core/hotspots) instead of passes over a
 * million objects with string work in each. Built as sliced work (core/slicing): at once for small
 * lists, in slices for large ones so an import of 1M rows never holds the page for long.
 */
import type { MemberPoint } from './member';
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

/** A hometown as the hotspot table names it: country + place text (case-insensitive); the first member's point. */
export interface Town {
	key: string;
	name: string;
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
	/** Members without a usable date or position: never on the map's timeline, counted for the UI. */
	undated: number;
	/** People at the top heat colour (core/heat-domain), from every member. */
	topPeople: number;
	/** The timeline's domain: whole years around the dates (core/time/membership.domainFor). */
	domain: [number, number];
}

const isPlaced = (m: MemberPoint) => Number.isFinite(m.lon) && Number.isFinite(m.lat);
const townKey = (m: MemberPoint) => `${m.country}|${m.hometown.trim().toLowerCase()}`;

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
	// Whole days pack with the member's index into one float64 key that sorts natively (10x a comparator).
	const keys = new Float64Array(n);
	let dated = 0;
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
			id = towns.push({ key, name: m.hometown.trim(), country: m.country, lon: m.lon, lat: m.lat }) - 1;
			townIds.set(key, id);
		}
		town[i] = id;
		if (Number.isNaN(m.day)) continue;
		if (!Number.isInteger(m.day) || Math.abs(m.day) >= 2 ** 31) wholeDays = false;
		keys[dated++] = m.day * INDEX_BITS + i;
	}
	yield;
	const byDate = new Uint32Array(dated);
	if (wholeDays && n < INDEX_BITS) {
		const sorted = keys.subarray(0, dated).sort();
		yield;
		for (let k = 0; k < dated; k++) {
			if ((k & (YIELD_EVERY - 1)) === YIELD_EVERY - 1) yield;
			byDate[k] = sorted[k]! - Math.floor(sorted[k]! / INDEX_BITS) * INDEX_BITS;
		}
	} else {
		// Fractional or huge day numbers (not from our importer): a stable comparator sort.
		const order: number[] = [];
		for (let i = 0; i < n; i++) if (town[i] !== NO_TOWN && !Number.isNaN(members[i]!.day)) order.push(i);
		order.sort((a, b) => members[a]!.day - members[b]!.day || a - b);
		byDate.set(order);
	}
	const topPeople = yield* topPeopleOf(members);
	return { members, fields, town, towns, byDate, undated: n - dated, topPeople, domain: domainFor(lo <= hi ? [lo, hi] : []) };
}

const INDEX_BITS = 2 ** 21;
