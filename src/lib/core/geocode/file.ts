/**
 * Geocoding a whole file, as `atlas geocode` does it, kept pure so it can be tested in-process: the
 * file is read by the app's importer (same encodings, separators, quotes, header search and row
 * checks), so every row is accounted for: rows read = rows written + rows rejected.
 *
 * Given coordinates are kept: only rows without them are geocoded. Rows with coordinates are named
 * from the gazetteer (nearest place, or "near X") and cross-checked against their place name and
 * country (swapped, far, outside the country), the findings in the log and the `check` column.
 * `regeocode` geocodes rows that have coordinates too, keeping the given ones in `given_lat` and
 * `given_lon`; `swapCoordinates` reads the two coordinate columns the other way round.
 *
 * Output: the input's columns, then the geocoder's; every text cell neutralised like the app's CSV
 * export (a cell starting with = + - @ gets a leading apostrophe).
 */
import Papa from 'papaparse';
import { importBytes, type ImportResult } from '../data/import';
import { isPlaced, pointCell } from '../data/member';
import { neutralizeCell } from '../export/records';
import { checkPoints, swapAdvice, type PlaceIssue } from './crosscheck';
import type { Gazetteer } from './gazetteer';
import type { ReverseIndex } from './reverse';
import { geocodeAll, OUTPUT_COLUMNS, resultColumns, STATUSES } from './table';
import { givenColumns, keepsGiven, needsGeocoder } from './regeocode';

export interface GeocodeFileOptions {
	fileName?: string;
	regeocode?: boolean;
	swapCoordinates?: boolean;
	/**
	 * The file as another reader read it (a Parquet or Arrow file: core/data/read-file.ts, with
	 * `keepCells` and the same `swapCoordinates`); `bytes` are then not read again.
	 */
	imported?: ImportResult;
}

export interface GeocodeFileResult {
	/** Why nothing could be read; empty when the file was read. */
	errors: string[];
	/** The output CSV (CRLF line ends), '' when the file could not be read. */
	csv: string;
	rowsRead: number;
	written: number;
	rejected: number;
	/** Rows by status, 'given' for kept coordinates. */
	counts: Record<string, number>;
	/** One line per warning, rejection, doubtful match and coordinate check, with its row number. */
	log: string[];
	checks: number;
}

/** A cell as the app's CSV export writes it: a plain number stays a number, a formula is defused. */
const safeCell = (v: string): string => (/^-?\d+(\.\d+)?$/.test(v) ? v : String(neutralizeCell(v)));

export function geocodeFile(gaz: Gazetteer, reverse: ReverseIndex, bytes: Uint8Array, options: GeocodeFileOptions = {}): GeocodeFileResult {
	const { regeocode = false, swapCoordinates = false } = options;
	const { records, report, table } =
		options.imported ?? importBytes(bytes, { fileName: options.fileName, keepCells: true, swapCoordinates });
	if (report.errors.length || !table) {
		return {
			errors: report.errors.length ? report.errors : ['nothing to read'],
			csv: '',
			rowsRead: report.rowsRead,
			written: 0,
			rejected: report.rejected.length,
			counts: {},
			log: [],
			checks: 0
		};
	}
	const log: string[] = [];
	for (const w of report.warnings) log.push(`${w.row ? `row ${w.row}` : 'file'}: ${w.field ? `${w.field}: ` : ''}${w.reason}`);
	if (report.warningsOmitted) log.push(`file: ${report.warningsOmitted} more warnings not listed`);
	for (const r of report.rejected) log.push(`row ${r.row}: rejected: ${r.field ? `${r.field}: ` : ''}${r.reason}`);

	// Rows to geocode: those without coordinates, and with --regeocode those with them and a name.
	const toGeocode = records.map((r) => needsGeocoder(r, regeocode));
	// Rows with coordinates and a name are geocoded too, but only to cross-check the given point.
	const named = records.map((r, i) => toGeocode[i] || (isPlaced(r) && !!r.hometown));
	const { results } = geocodeAll(
		gaz,
		records.map((r, i) => (named[i] ? { hometown: r.hometown, country: r.country, region: r.region } : { hometown: '', country: '' }))
	);
	const checks = checkPoints(
		reverse,
		records.map((r, i) => ({
			row: table.rows[i]!,
			lat: r.lat,
			lon: r.lon,
			hometown: r.hometown,
			country: r.country,
			geocoded: named[i] ? results[i] : null
		}))
	);
	const issueOf = new Map<number, PlaceIssue>(checks.issues.map((c) => [c.row, c]));

	const counts: Record<string, number> = { given: 0, ...Object.fromEntries(STATUSES.map((s) => [s, 0])) };
	const headers = table.headers;
	const extra = [...OUTPUT_COLUMNS, 'check', ...(regeocode ? ['given_lat', 'given_lon'] : [])].filter((c) => !headers.includes(c));
	const fields = [...headers, ...extra];
	const data = records.map((r, i) => {
		const row = table.rows[i]!;
		const cells: Record<string, string> = Object.create(null);
		headers.forEach((h, j) => (cells[h] = table.cells[i]![j] ?? ''));
		let columns: Record<string, string>;
		const result = results[i]!;
		const keepGiven = keepsGiven(isPlaced(r), toGeocode[i]!, result);
		if (keepGiven) {
			const place = reverse.resolve(r.lat, r.lon);
			const note = toGeocode[i]
				? `re-geocoding found nothing (${result.reason}); the given coordinates kept`
				: 'coordinates given in the file, kept';
			columns = {
				lat: String(r.lat),
				lon: String(r.lon),
				// A row without a name beyond reach of every place is named as the app groups it: its coarse cell
				// (core/geocode/place-groups.ts); within reach, the app's group has this same name.
				place: place?.label ?? (r.hometown.trim() ? '' : pointCell(r.lat, r.lon).name),
				place_country: r.country || place?.country || '',
				status: 'given',
				confidence: '',
				candidates: '',
				geocode_reason: place ? note : `${note}; no known place within reach (at sea or off the map?)`
			};
			counts.given!++;
		} else {
			columns = resultColumns(result);
			counts[result.status]!++;
			if (result.status === 'ambiguous' || result.status === 'unresolved') {
				log.push(
					`row ${row}: ${result.status}: "${r.hometown.slice(0, 60)}" ${result.place ? `-> ${result.place} (${result.place_country}) ` : ''}${result.reason}`
				);
			}
		}
		const issue = issueOf.get(row);
		columns.check = issue ? `${issue.kind}: ${issue.reason}; fix: ${issue.fix}` : '';
		if (issue) log.push(`row ${row}: ${issue.field}: ${issue.kind}: ${issue.reason}; suggested fix: ${issue.fix}`);
		if (regeocode) Object.assign(columns, givenColumns(r));
		return fields.map((f) => safeCell(f in columns ? columns[f]! : (cells[f] ?? '')));
	});
	if (checks.swapWholeFile && !swapCoordinates) log.push(`file: lat/lon: ${swapAdvice(checks)}: run again with --swap-coordinates`);

	const csv = Papa.unparse({ fields: fields.map(safeCell), data }, { newline: '\r\n' }) + '\r\n';
	return {
		errors: [],
		csv,
		rowsRead: report.rowsRead,
		written: data.length,
		rejected: report.rejected.length,
		counts,
		log,
		checks: checks.issues.length
	};
}
