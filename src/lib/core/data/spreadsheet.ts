/**
 * Excel (.xlsx) and OpenDocument (.ods) workbooks, read into rows of text cells that enter the same
 * row checks and report as a CSV's rows (importRows). Loaded only when such a file is chosen: the
 * reader library is large, so the worker and the CLI import this module dynamically (read-file.ts).
 *
 * What a spreadsheet adds over CSV, and how it is read:
 *  - several sheets: the first by default, another by name (the import panel offers a picker);
 *  - typed cells: a number with a date format is an Excel serial day (1900 or 1904 system) and becomes
 *    an ISO date; other numbers keep their full value, not the rounded text the sheet displays;
 *  - title and note rows above the header (often merged across the columns) are skipped and named in
 *    a warning; a merged range below the header gives its value to every row it covers, as it shows;
 *  - error cells (#N/A, #REF!) are read as blank, and counted in a warning.
 * Row numbers are the sheet's own (row 1 is the sheet's first row), whatever was skipped.
 */
import { read, SSF, type CellObject, type WorkBook, type WorkSheet } from '@e965/xlsx';
import { importRows, MAX_COLUMNS, type ImportOptions, type ImportResult, type RowIssue } from './import';

export type SpreadsheetFormat = 'xlsx' | 'ods';

/** Rows looked at to find the header under title rows. */
const HEADER_SEARCH_ROWS = 30;

/**
 * What kind of workbook the bytes are, from their zip entries' names (an .xlsx holds
 * `xl/workbook.xml`, an .ods a `mimetype` entry naming an OpenDocument spreadsheet), or null for
 * anything else (a Word file is a zip too).
 */
export function spreadsheetFormat(bytes: Uint8Array): SpreadsheetFormat | null {
	if (bytes.length < 30 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) return null;
	// Entry names are plain ASCII in the local headers; the first 64 KB hold the directory's first entries.
	const head = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 1 << 16)));
	// The central directory at the end of a zip names every entry.
	const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - (1 << 16))));
	const names = head + tail;
	if (names.includes('application/vnd.oasis.opendocument.spreadsheet')) return 'ods';
	if (names.includes('xl/workbook.xml')) return 'xlsx';
	// Office programs store `mimetype` first and uncompressed; other writers compress it, so an
	// OpenDocument file without a readable type is tried as a spreadsheet (a text document then has no sheet).
	if (
		names.includes('content.xml') &&
		names.includes('META-INF/manifest.xml') &&
		!/application\/vnd\.oasis\.opendocument\.(text|presentation|graphics)/.test(names)
	)
		return 'ods';
	return null;
}

const MS_PER_DAY = 86_400_000;

/**
 * ISO date of an Excel serial day. In the 1900 system serial 1 is 1900-01-01 and serial 60 is the
 * 29 February 1900 that never was (kept by Excel from Lotus 1-2-3), so serials below 60 are one day
 * later than the 1899-12-30 epoch gives; the 1904 system (old Mac workbooks) counts from 1904-01-01
 * as serial 0. The time of day is dropped: dates here are days.
 */
export function serialToIso(serial: number, date1904 = false): string | null {
	if (!Number.isFinite(serial)) return null;
	let days = Math.floor(serial + 1e-9);
	if (days < (date1904 ? 0 : 1) || days > 2_958_465) return null; // "1900-01-00" and before; after 9999
	if (date1904) days += 1462;
	else if (days === 60) return null;
	else if (days < 60) days += 1;
	return new Date(Date.UTC(1899, 11, 30) + days * MS_PER_DAY).toISOString().slice(0, 10);
}

/** A date format that shows no day ("mmm yyyy") gives a month: the sheet says no more than that. */
function formatPrecision(format: string): 'day' | 'month' {
	const plain = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
	return /d/i.test(plain) || !/y/i.test(plain) ? 'day' : 'month';
}

interface CellCounts {
	errors: number;
}

/** One cell as the text the importer reads. */
function cellText(cell: CellObject | undefined, date1904: boolean, counts: CellCounts): string {
	if (!cell || cell.v === undefined || cell.v === null) return '';
	switch (cell.t) {
		case 's':
			return String(cell.v);
		case 'b':
			return cell.v ? 'TRUE' : 'FALSE';
		case 'e':
			counts.errors++;
			return '';
		case 'd': {
			const d = cell.v instanceof Date ? cell.v : new Date(String(cell.v));
			return Number.isNaN(d.getTime()) ? String(cell.w ?? '') : d.toISOString().slice(0, 10);
		}
		case 'n': {
			const v = cell.v as number;
			const format = typeof cell.z === 'string' ? cell.z : '';
			if (format && SSF.is_date(format)) {
				const iso = serialToIso(v, date1904);
				if (iso) return formatPrecision(format) === 'month' ? iso.slice(0, 7) : iso;
			}
			return String(v);
		}
		default:
			return String(cell.w ?? cell.v ?? '');
	}
}

/**
 * The index of the header row among the first rows: the first with at least two filled cells and at
 * least half as many as the fullest of those rows. A title ("Incidents 2015, export of 3 May") or a
 * note row fills one cell, often merged over the width of the table.
 */
export function headerRowOf(rows: readonly (readonly string[])[]): number {
	const filled = rows.slice(0, HEADER_SEARCH_ROWS).map((cells) => cells.filter((c) => c.trim() !== '').length);
	const widest = Math.max(0, ...filled);
	const i = filled.findIndex((n) => n >= 2 && n * 2 >= widest);
	return i < 0 ? filled.findIndex((n) => n > 0) : i;
}

export interface SpreadsheetOptions extends ImportOptions {
	/** The sheet to read, by name; the first sheet when absent. */
	sheet?: string;
}

function sheetRows(ws: WorkSheet, date1904: boolean, counts: CellCounts): string[][] {
	const data = (ws['!data'] ?? []) as (CellObject[] | undefined)[];
	let width = 0;
	for (const row of data) if (row && row.length > width) width = row.length;
	width = Math.min(width, MAX_COLUMNS + 1);
	const rows: string[][] = [];
	for (let r = 0; r < data.length; r++) {
		const row = data[r];
		const cells: string[] = new Array(width).fill('');
		if (row) for (let c = 0; c < Math.min(row.length, width); c++) cells[c] = cellText(row[c], date1904, counts);
		rows.push(cells);
	}
	// Trailing blank cells are not columns (a formatted but empty column would add a nameless one).
	let used = 0;
	for (const cells of rows) for (let c = cells.length - 1; c >= used; c--) if (cells[c]!.trim() !== '') used = c + 1;
	for (const cells of rows) cells.length = used;
	return rows;
}

/**
 * Gives a merged range's value to every cell it covers, for ranges that start below `headerRow`:
 * a title merged over the table's width must stay one cell, or it would look like a header.
 */
function fillMerges(ws: WorkSheet, rows: string[][], headerRow: number): number {
	let filled = 0;
	for (const m of ws['!merges'] ?? []) {
		if (m.s.r <= headerRow) continue;
		const value = rows[m.s.r]?.[m.s.c] ?? '';
		if (!value) continue;
		for (let r = m.s.r; r <= m.e.r && r < rows.length; r++)
			for (let c = m.s.c; c <= m.e.c && c < rows[r]!.length; c++)
				if (r !== m.s.r || c !== m.s.c) {
					rows[r]![c] = value;
					filled++;
				}
	}
	return filled;
}

/** Reads a workbook's sheet and imports its rows; the report names the sheet and lists the others. */
export function importSpreadsheet(bytes: Uint8Array, options: SpreadsheetOptions = {}): ImportResult {
	const format = spreadsheetFormat(bytes) ?? 'xlsx';
	let wb: WorkBook;
	try {
		// Values only: no formulas, styles, macros or HTML; dense rows (far less memory on big sheets).
		wb = read(bytes, {
			type: 'array',
			dense: true,
			cellDates: false,
			cellNF: true,
			cellFormula: false,
			cellHTML: false,
			cellStyles: false,
			bookVBA: false,
			sheetStubs: false
		});
	} catch (error) {
		return importRows([], options, {
			format,
			errors: [`This ${format === 'ods' ? 'OpenDocument' : 'Excel'} file could not be read: ${(error as Error).message}`]
		});
	}
	const names = wb.SheetNames.slice();
	if (!names.length) return importRows([], options, { format, sheets: [], errors: ['The workbook has no sheets.'] });
	const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
	const notes: RowIssue[] = [];
	let name = names[0]!;
	if (options.sheet !== undefined) {
		if (names.includes(options.sheet)) name = options.sheet;
		else
			notes.push({ row: 0, field: '', reason: `there is no sheet '${options.sheet.slice(0, 60)}': the first sheet, '${name}', was read` });
	}
	const counts: CellCounts = { errors: 0 };
	const ws = wb.Sheets[name]!;
	const rows = sheetRows(ws, date1904, counts);
	if (rows.every((cells) => cells.every((c) => !c.trim()))) {
		const other = names.find(
			(n) => n !== name && wb.Sheets[n]?.['!data']?.some((row) => row?.some((c) => c && c.v !== undefined && c.v !== ''))
		);
		const hint = other ? ` The sheet '${other}' has data: choose it.` : '';
		return importRows([], options, { format, sheet: name, sheets: names, errors: [`The sheet '${name}' is empty.${hint}`] });
	}
	const header = headerRowOf(rows);
	const merged = fillMerges(ws, rows, header);
	if (header > 0) {
		const skipped = rows
			.slice(0, header)
			.map((cells) =>
				cells
					.filter((c) => c.trim())
					.join(' ')
					.trim()
			)
			.filter(Boolean);
		const which = header === 1 ? 'row 1 above the header was' : `rows 1-${header} above the header were`;
		if (skipped.length)
			notes.push({ row: 0, field: '', reason: `${which} skipped as a title (${skipped.map((t) => `'${t.slice(0, 60)}'`).join(', ')})` });
	}
	if (merged)
		notes.push({
			row: 0,
			field: '',
			reason: `${merged} cells are covered by merged cells: each was given the merged cell's value, as the sheet shows it`
		});
	if (counts.errors)
		notes.push({ row: 0, field: '', reason: `${counts.errors} cells hold spreadsheet errors (#N/A, #REF! ...): read as blank` });
	const numbered = rows.slice(header).map((cells, i) => ({ cells, row: header + i + 1 }));
	return importRows(numbered, options, { format, sheet: name, sheets: names }, notes);
}
