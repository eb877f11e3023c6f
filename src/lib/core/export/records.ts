/**
 * Exports of the filtered, geocoded records as CSV and GeoJSON. With a privacy threshold k, a member
 * of a town with fewer than k members is exported under "Other places in <country>" without
 * coordinates (the same folding as the hotspot table), so no exported place holds fewer than k people;
 * members still under k after folding are left out and counted.
 *
 * A folded row keeps only what many people share: the folded place, country, role, outcome, descent,
 * last residence and the YEAR of the first act. Its id, recruiter, plot ids, exact date and source
 * (free text) are blanked: each of them can point back to the one place or person the fold hides
 * (a plot id names a town, a recruiter a cell). docs/SECURITY.md lists the test that tries.
 */
import Papa from 'papaparse';
import { townKey, townName, type MemberRecord } from '../data/member';
import { applyPrivacy, townCounts } from '../hotspots/hotspots';
import { isoFromDay } from '../time/days';

export interface ExportPlace {
	place: string;
	country: string;
	/** NaN when folded: a folded place has no point. */
	lon: number;
	lat: number;
	folded: boolean;
}

export interface PrivateRecords {
	rows: { member: MemberRecord; place: ExportPlace }[];
	/** Members left out: under k even after folding. */
	suppressed: number;
	/** Members without coordinates: not exported (the export is of geocoded records). */
	ungeocoded: number;
}

/** Decides, for every geocoded member, the place it is exported under at threshold k. */
export function privateRecords(members: MemberRecord[], k: number): PrivateRecords {
	const placed = members.filter((m) => Number.isFinite(m.lon) && Number.isFinite(m.lat));
	const towns = townCounts(placed);
	const { rows: shown } = applyPrivacy(towns, k, 'town');
	const keptTowns = new Set(shown.filter((r) => !r.folded).map((r) => r.key));
	const countryFolds = new Map(shown.filter((r) => r.folded && r.key !== 'other:*').map((r) => [r.country, r]));
	const catchAll = shown.find((r) => r.key === 'other:*');
	const rows: PrivateRecords['rows'] = [];
	let suppressed = 0;
	for (const member of placed) {
		if (keptTowns.has(townKey(member))) {
			rows.push({ member, place: { place: townName(member), country: member.country, lon: member.lon, lat: member.lat, folded: false } });
			continue;
		}
		const fold = countryFolds.get(member.country) ?? catchAll;
		if (fold) rows.push({ member, place: { place: fold.name, country: fold.country, lon: NaN, lat: NaN, folded: true } });
		else suppressed++;
	}
	return { rows, suppressed, ungeocoded: members.length - placed.length };
}

const fullDateOf = (m: MemberRecord) =>
	Number.isFinite(m.day)
		? m.datePrecision === 'year'
			? isoFromDay(m.day).slice(0, 4)
			: m.datePrecision === 'month'
				? isoFromDay(m.day).slice(0, 7)
				: isoFromDay(m.day)
		: '';
const round = (n: number) => (Number.isFinite(n) ? Math.round(n * 1e5) / 1e5 : '');

/** The date as exported: the year alone for a folded row (a day or a month can single a person out). */
const dateOf = (m: MemberRecord, folded: boolean) => (folded ? fullDateOf(m).slice(0, 4) : fullDateOf(m));

/** The exported fields of one row, shared by both formats, with a folded row's identifying fields blanked. */
export function exportedFields(m: MemberRecord, place: ExportPlace) {
	const f = place.folded;
	return {
		id: f ? '' : m.id,
		hometown: place.place,
		country: place.country,
		first_act_date: dateOf(m, f),
		role: m.role,
		arrested: m.arrested,
		died: m.died,
		descent: m.descent,
		last_residence: m.lastResidence,
		recruiter: f ? '' : m.recruiter,
		plots: f ? [] : m.plots,
		source: f ? '' : m.source
	};
}

export const CSV_COLUMNS = [
	'id',
	'hometown',
	'country',
	'lat',
	'lon',
	'first_act_date',
	'role',
	'arrested',
	'died',
	'descent',
	'last_residence',
	'recruiter',
	'plots',
	'source'
] as const;

/**
 * A spreadsheet-safe text cell: a cell starting with = + - @, a tab or a carriage return would be
 * run as a formula by Excel/LibreOffice, so it gets a leading apostrophe. Numbers stay numbers.
 */
export function neutralizeCell(value: string | number): string | number {
	if (typeof value === 'number') return value;
	return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Columns added when rows were re-geocoded at the analyst's request: the coordinates the file gave. */
export const GIVEN_COLUMNS = ['given_lat', 'given_lon'] as const;

export function recordsToCsv(records: PrivateRecords): string {
	const given = records.rows.some(({ member: m }) => m.givenLat !== undefined);
	const data = records.rows.map(({ member, place }) => {
		const x = exportedFields(member, place);
		return [
			x.id,
			x.hometown,
			x.country,
			round(place.lat),
			round(place.lon),
			x.first_act_date,
			x.role,
			x.arrested,
			x.died,
			x.descent,
			x.last_residence,
			x.recruiter,
			x.plots.join('|'),
			x.source,
			// A folded member's given point would undo the folding: left out like its coordinates.
			...(given ? [place.folded ? '' : round(member.givenLat ?? NaN), place.folded ? '' : round(member.givenLon ?? NaN)] : [])
		].map(neutralizeCell);
	});
	// Papa quotes cells with commas, quotes and newlines; neutralizeCell has already handled formulas.
	return Papa.unparse({ fields: [...CSV_COLUMNS, ...(given ? GIVEN_COLUMNS : [])], data }, { newline: '\r\n' });
}

export function recordsToGeoJson(records: PrivateRecords) {
	return {
		type: 'FeatureCollection' as const,
		features: records.rows.map(({ member, place }) => ({
			type: 'Feature' as const,
			// A folded member has no point: null geometry is valid GeoJSON (RFC 7946, 3.2).
			geometry: place.folded ? null : { type: 'Point' as const, coordinates: [round(place.lon) as number, round(place.lat) as number] },
			properties: exportedFields(member, place)
		}))
	};
}

/**
 * A file name safe on every system: letters, digits, dot, dash and underscore only, no leading dot,
 * at most 80 characters before the extension.
 */
export function safeFileName(base: string, extension: string): string {
	const cleaned = base
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.replace(/[^A-Za-z0-9._-]+/g, '-')
		.replace(/-{2,}/g, '-')
		// A run of dots reads as a parent folder to some tools ("a..1").
		.replace(/\.{2,}/g, '.')
		.slice(0, 80)
		.replace(/^[-._]+|[-.]+$/g, '');
	const ext = extension.replace(/[^A-Za-z0-9]/g, '').slice(0, 8);
	// Windows refuses device names as files whatever the extension (con.csv, NUL.png, com1.json).
	const device = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i.test(cleaned);
	return `${device ? `atlas-${cleaned}` : cleaned || 'hometown-atlas'}.${ext || 'txt'}`;
}
