/**
 * Everything the dashboard asks of a member list again and again, computed once per dataset and
 * kept in typed arrays: each member's value of every filter field as a code, its town as a code, and
 * the order by date. Filters, facet counts, the time index and the hotspot table are then loops over
 * integers (core/filters/filter-index, core/time/time-index, core/hotspots) instead of passes over a
 * million objects with string work in each. Built as sliced work (core/slicing): at once for small
 * lists, in slices for large ones so an import of 1M rows never holds the page for long.
 */
import { pointCell, POINT_CELL_DEG, type MemberPoint } from './member';
import { NOT_STATED } from '../filters/filters';
import { columnsOfRecords, recordsOf, type MemberColumns } from './member-columns';
import { FILTER_FIELDS, type FilterField } from '../url/codec';
import { topPeopleOfColumns } from '../heat-domain';
import { domainFor } from '../time/membership';
import { YIELD_EVERY, type Sliced } from '../slicing/slices';

/** One filter field: codes[i] is members[i]'s option, an index into values. */
export interface FieldColumn {
	codes: Uint32Array;
	values: string[];
	/** counts[c]: how many members have values[c] (the facet counts with no filter set, kept so none is a pass over every member). */
	counts: Float64Array;
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
	/** The members as columns: what the index and the views read. */
	columns: MemberColumns;
	/** How many members. */
	count: number;
	/**
	 * The members as records, for the few places that need objects (exports, the network's list): made on
	 * first read when the index was built from columns, so a restored million stays columns until then.
	 */
	readonly members: readonly MemberPoint[];
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

/** The index of a member list (built through its columns; `members` is the list itself). */
export function* indexDataset(members: readonly MemberPoint[]): Sliced<DatasetIndex> {
	const columns = yield* columnsOfRecords(members);
	return yield* indexColumns(columns, members);
}

/**
 * For each member, a code of its value of the filter field (trimmed, '' as NOT_STATED: filters.ts
 * filterValue), values in the order members first show them. The column's own dictionary is mapped once,
 * then one integer loop.
 */
function* filterColumnOf(columns: MemberColumns, field: FilterField): Sliced<FieldColumn> {
	const column = columns[field === 'residence' ? 'lastResidence' : field];
	const n = columns.length;
	const byText = new Map<string, number>();
	const values: string[] = [];
	// Raw code -> filter code, assigned on first sight so the values keep first-appearance order.
	const mapped = new Uint32Array(column.values.length).fill(NO_TOWN);
	const codes = new Uint32Array(n);
	for (let i = 0; i < n; i++) {
		if ((i & (YIELD_EVERY - 1)) === YIELD_EVERY - 1) yield;
		const raw = column.codes[i]!;
		let id = mapped[raw]!;
		if (id === NO_TOWN) {
			const v = (column.values[raw] ?? '').trim() || NOT_STATED;
			id = byText.get(v) ?? values.push(v) - 1;
			byText.set(v, id);
			mapped[raw] = id;
		}
		codes[i] = id;
	}
	const counts = new Float64Array(values.length);
	for (let i = 0; i < n; i++) {
		if ((i & (YIELD_EVERY - 1)) === YIELD_EVERY - 1) yield;
		counts[codes[i]!]!++;
	}
	return { codes, values, counts };
}

/**
 * The index read from columns (core/data/member-columns) without making a record: filter fields and
 * towns come from the columns' dictionaries (string work once per distinct value, not per member), dates
 * and positions from the number columns. `members`: the records when the caller has them already.
 */
export function* indexColumns(columns: MemberColumns, members?: readonly MemberPoint[]): Sliced<DatasetIndex> {
	const n = columns.length;
	const fields = {} as Record<FilterField, FieldColumn>;
	for (const field of FILTER_FIELDS) fields[field] = yield* filterColumnOf(columns, field);

	const { lon, lat, day, placeId, country, hometown, place } = columns;
	const town = new Uint32Array(n);
	const towns: Town[] = [];
	const townIds = new Map<string, number>();
	// Town keys by (placeId, country, hometown) codes: townKey's string work once per distinct combination.
	const keyOfCodes = new Map<number, string>();
	const spelled = new Set<number>();
	const cellKeys = new Map<number, string>();
	const hometowns = hometown.values.length;
	const countries = country.values.length;
	// The dated, placed members in index order, for the sort by day below.
	const datedMembers = new Uint32Array(n);
	let dated = 0;
	const undatedPlaced: number[] = [];
	let wholeDays = true;
	let lo = Infinity;
	let hi = -Infinity;
	for (let i = 0; i < n; i++) {
		if ((i & (YIELD_EVERY - 1)) === YIELD_EVERY - 1) yield;
		const d = day[i]!;
		if (!Number.isNaN(d)) {
			if (d < lo) lo = d;
			if (d > hi) hi = d;
		}
		const x = lon[i]!;
		const y = lat[i]!;
		if (!Number.isFinite(x) || !Number.isFinite(y)) {
			town[i] = NO_TOWN;
			continue;
		}
		const p = placeId.codes[i]!;
		const c = country.codes[i]!;
		const h = hometown.codes[i]!;
		const pid = placeId.values[p] ?? '';
		const text = hometown.values[h]!;
		// townKey (core/data/member): the place, else country and name, else the point's coarse cell.
		const combo = (p * countries + c) * hometowns + h;
		let key = keyOfCodes.get(combo);
		if (key === undefined) {
			const name = text.trim().toLowerCase();
			key = pid ? pid : name ? `${country.values[c]}|${name}` : '';
			keyOfCodes.set(combo, key);
		}
		if (key === '') {
			// The cell's key made once per (cell, country), not once per point.
			const at = (Math.floor(y / POINT_CELL_DEG) * 1440 + Math.floor(x / POINT_CELL_DEG)) * countries + c;
			key = cellKeys.get(at) ?? `${country.values[c]}|${pointCell(y, x).key}`;
			cellKeys.set(at, key);
		}
		let id = townIds.get(key);
		if (id === undefined) {
			// townName (core/data/member).
			const name = place.values[place.codes[i]!] || text.trim() || pointCell(y, x).name;
			id = towns.push({ key, name, spellings: [name], country: country.values[c]!, lon: x, lat: y }) - 1;
			townIds.set(key, id);
		}
		const spelling = text.trim();
		if (spelling && pid && !spelled.has(id * hometowns + h)) {
			spelled.add(id * hometowns + h);
			if (!towns[id]!.spellings.includes(spelling)) towns[id]!.spellings.push(spelling);
		}
		town[i] = id;
		if (Number.isNaN(d)) {
			undatedPlaced.push(i);
			continue;
		}
		if (!Number.isInteger(d)) wholeDays = false;
		datedMembers[dated++] = i;
	}
	yield;
	const byDate =
		wholeDays && lo <= hi && hi - lo < MAX_COUNTING_DAYS
			? yield* countingSortByDay(day, datedMembers.subarray(0, dated), lo, hi)
			: comparatorSortByDay(day, datedMembers.subarray(0, dated));
	const topPeople = yield* topPeopleOfColumns(lon, lat, columns.weight);
	let records = members;
	return {
		columns,
		count: n,
		get members() {
			return (records ??= recordsOf(columns));
		},
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
function* countingSortByDay(day: Float64Array, order: Uint32Array, lo: number, hi: number): Sliced<Uint32Array> {
	const next = new Uint32Array(hi - lo + 2);
	for (let k = 0; k < order.length; k++) {
		if ((k & (YIELD_EVERY - 1)) === YIELD_EVERY - 1) yield;
		next[day[order[k]!]! - lo + 1]!++;
	}
	for (let d = 1; d < next.length; d++) next[d]! += next[d - 1]!;
	yield;
	const sorted = new Uint32Array(order.length);
	for (let k = 0; k < order.length; k++) {
		if ((k & (YIELD_EVERY - 1)) === YIELD_EVERY - 1) yield;
		const i = order[k]!;
		sorted[next[day[i]! - lo]!++] = i;
	}
	return sorted;
}

/** Fractional or far-apart day numbers (not from our importer): a stable comparator sort. */
function comparatorSortByDay(day: Float64Array, order: Uint32Array): Uint32Array {
	return Uint32Array.from(order).sort((a, b) => day[a]! - day[b]! || a - b);
}
