/**
 * The member record every part of the app shares. Dates are day numbers since TIME_ORIGIN
 * (core/time/days); a partial date ("2015-11", "2015") covers [day, dayEnd].
 */
export type Role = 'inner' | 'wider' | 'unknown';
export type TriState = 'yes' | 'no' | 'unknown';
export type DatePrecision = 'day' | 'month' | 'year';

export interface MemberRecord {
	/** Pseudonymous id, unique within a dataset. */
	id: string;
	/** The place text as written in the source (last-known hometown). */
	hometown: string;
	/** ISO 3166-1 alpha-2 of the hometown when known, else ''. */
	country: string;
	/** WGS84; NaN until geocoded or given. Never 0,0 for "unknown". */
	lon: number;
	lat: number;
	/** First known terrorism-related act: first and last day the written date can mean. NaN if unknown. */
	day: number;
	dayEnd: number;
	datePrecision: DatePrecision | 'unknown';
	role: Role;
	arrested: TriState;
	died: TriState;
	/** Ethno-national origin, free text from a controlled list in the demo. */
	descent: string;
	/** Country of last residence before joining, for members from outside Europe (ISO alpha-2 or ''). */
	lastResidence: string;
	/** Recruitment organisation, or ''. */
	recruiter: string;
	/** Ids from geodata/events.json. */
	plots: string[];
	source: string;
	/** Heat weight (1 for a person; imported incident files may weight by a count column). */
	weight: number;
	/** A free category from imported files (e.g. Missing Migrants' `Migration Route`), or ''. */
	category: string;
	/**
	 * The gazetteer place the record resolves to (core/geocode/reverse placeIdOf), when known: rows that
	 * spell one place differently (Bruxelles, Brussel, Brussels) share it, rows at different places never do.
	 */
	placeId?: string;
	/** The gazetteer's name of that place, or "near <name>" for a point beyond every place's radius. */
	place?: string;
	/** The place's population from the gazetteer (0 or absent when the source has none). */
	population?: number;
	/** An administrative area or postcode given beside the town ("93", "Noord-Holland"): a geocoding hint. */
	region?: string;
	/** The row of the imported file it was read from (as a spreadsheet numbers it), for messages. */
	row?: number;
	/**
	 * The coordinates the file gave, kept when the analyst chose to re-geocode rows that had some
	 * (core/geocode/regeocode.ts); exported as given_lat / given_lon.
	 */
	givenLat?: number;
	givenLon?: number;
}

/** A record the map can draw: geocoded. */
export type MemberPoint = MemberRecord;

/** Whether a record has coordinates (imported ones may wait for the geocoder). */
export const isPlaced = (m: MemberRecord): boolean => Number.isFinite(m.lon) && Number.isFinite(m.lat);

export interface PlacementPartition {
	/** Records with coordinates: on the map at once. */
	placed: MemberRecord[];
	/** Records with only a place name: waiting for the geocoder. */
	pending: MemberRecord[];
}

/** Adds records to a partition by whether they have coordinates (a new one when none is given). */
export function partitionByPlacement(
	records: readonly MemberRecord[],
	into: PlacementPartition = { placed: [], pending: [] }
): PlacementPartition {
	for (const r of records) (isPlaced(r) ? into.placed : into.pending).push(r);
	return into;
}

/** Size of the cells that group points far from every known place (core/geocode/place-groups.ts). */
export const POINT_CELL_DEG = 0.25;

const hemisphere = (v: number, pos: string, neg: string) => `${Math.abs(v).toFixed(2)}° ${v < 0 ? neg : pos}`;

/**
 * The coarse cell (0.25 degrees, about 28 x 18 km in Europe) a point lies in: how points without a place
 * name are grouped where no known place is within reach, or when no gazetteer could name them. Key: the
 * cell's south-west corner; name: its centre, readable ("around 36.13° N, 14.88° E").
 */
export function pointCell(lat: number, lon: number): { key: string; name: string } {
	const south = Math.floor(lat / POINT_CELL_DEG) * POINT_CELL_DEG;
	const west = Math.floor(lon / POINT_CELL_DEG) * POINT_CELL_DEG;
	const mid = POINT_CELL_DEG / 2;
	return {
		key: `~@${south.toFixed(2)},${west.toFixed(2)}`,
		name: `around ${hemisphere(south + mid, 'N', 'S')}, ${hemisphere(west + mid, 'E', 'W')}`
	};
}

/**
 * A hometown's identity in counts and tables: the resolved gazetteer place when known (points without a
 * name are given one on import: core/geocode/place-groups.ts); else country + place text,
 * case-insensitive; else (no name and no place, e.g. the gazetteer could not be loaded) the coarse cell
 * of the point, so a file of unnamed points never makes a town per point.
 */
export function townKey(m: MemberRecord): string {
	if (m.placeId) return m.placeId;
	const name = m.hometown.trim().toLowerCase();
	return name ? `${m.country}|${name}` : `${m.country}|${pointCell(m.lat, m.lon).key}`;
}

/** What a hometown is called in tables and tooltips: the resolved place's name, the text, or the point's cell. */
export function townName(m: MemberRecord): string {
	return m.place || m.hometown.trim() || (isPlaced(m) ? pointCell(m.lat, m.lon).name : '');
}

/**
 * What one row of a dataset is: a member of the network (a person), or another kind of record such as
 * an incident of an imported table (Missing Migrants). Decides the words the legend, filters and table use.
 */
export type DatasetKind = 'members' | 'records';

/** The word for the rows of a dataset, singular and plural. */
export const UNIT_LABELS: Record<DatasetKind, { one: string; many: string }> = {
	members: { one: 'member', many: 'members' },
	records: { one: 'record', many: 'records' }
};

import type { MemberColumns } from './member-columns';

export interface MemberDataset {
	/** True for the bundled demo: the UI labels it synthetic wherever it appears. */
	synthetic: boolean;
	/** Absent means 'members' (the demo and member lists). */
	kind?: DatasetKind;
	/** What each record's weight counts ('people killed (nkill)'), when a source's casualty column gives it. */
	weightMeaning?: string;
	/**
	 * The members as records. For a dataset held as columns (core/data/member-columns: restored saved work,
	 * an import) they are made on first read: read `columns` and memberCount where you can.
	 */
	readonly members: MemberPoint[];
	/** The same members as columns, when the dataset was made from them. */
	readonly columns?: MemberColumns;
}

/** How many members, without making records of a dataset held as columns. */
export const memberCount = (d: MemberDataset): number => (d.columns ? d.columns.length : d.members.length);

/** A dataset of the user's own (imported or restored), not the bundled demo and not empty. */
export const isUserDataset = (d: MemberDataset): boolean => !d.synthetic && memberCount(d) > 0;

export function emptyRecord(id: string): MemberRecord {
	return {
		id,
		hometown: '',
		country: '',
		lon: NaN,
		lat: NaN,
		day: NaN,
		dayEnd: NaN,
		datePrecision: 'unknown',
		role: 'unknown',
		arrested: 'unknown',
		died: 'unknown',
		descent: '',
		lastResidence: '',
		recruiter: '',
		plots: [],
		source: '',
		weight: 1,
		category: ''
	};
}

/**
 * emptyRecord's fields with the row number after them, in one literal: a record given `row` later
 * changes its shape and gets a second allocation for the extra field, for every row of an import.
 */
export function emptyRecordOfRow(id: string, row: number): MemberRecord {
	return {
		id,
		hometown: '',
		country: '',
		lon: NaN,
		lat: NaN,
		day: NaN,
		dayEnd: NaN,
		datePrecision: 'unknown',
		role: 'unknown',
		arrested: 'unknown',
		died: 'unknown',
		descent: '',
		lastResidence: '',
		recruiter: '',
		plots: [],
		source: '',
		weight: 1,
		category: '',
		row
	};
}
