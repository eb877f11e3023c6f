/**
 * The importer the app (in a Web Worker) and the `atlas validate` command share. Reads CSV (any
 * delimiter, quotes, BOM, CRLF), GeoJSON and JSON arrays into MemberRecords, and accounts for every
 * row: rowsRead = accepted + rejected, each rejection with its row number, field and reason.
 *
 * Row numbers are what a spreadsheet shows: in a CSV the header is row 1, so the first data row is 2;
 * in JSON and GeoJSON the first object or feature is row 1.
 */
import Papa from 'papaparse';
import { emptyRecordOfRow, type DatasetKind, type MemberRecord } from './member';
import { dateOrderEvidence, parseDate, type DayMonthOrder, type ParsedDate } from './dates';
import { datasetKindOf, fieldAlternates, planColumns, planLocates, type ColumnMapping, type ColumnPlan, type Field } from './columns';
import { dayFromYmd } from '../time/days';
import { dateFromParts } from './date-parts';
import { FirstSeen } from './first-seen';
import { mappingFor, presetFor, headerSignature, type SourcePreset } from './presets';
import {
	isPlaceholder,
	looksLikeFormula,
	looksLikeMarkup,
	readCoordinatePair,
	readCountry,
	readNumber,
	readRole,
	readTriState
} from './values';

export interface RowIssue {
	/** Row number (see above); 0 for the file as a whole. */
	row: number;
	/** The field or column concerned ('' for the whole row). */
	field: string;
	reason: string;
}

export interface ImportReport {
	file: string;
	format: 'csv' | 'json' | 'geojson' | 'xlsx' | 'ods' | 'parquet' | 'arrow' | 'unknown';
	/** Workbooks: the sheet read and every sheet's name (the panel's sheet picker). */
	sheet?: string;
	sheets?: string[];
	/** The source the header was recognised as (GTD, ACLED, a mapping saved for this header), if any. */
	preset?: Omit<SourcePreset, 'mapping'>;
	/** The header's signature: a mapping the user makes for this file is saved under it. */
	headerSignature?: string;
	encoding: string;
	delimiter: string | null;
	rowsRead: number;
	accepted: number;
	rejected: RowIssue[];
	warnings: RowIssue[];
	/** Warnings beyond MAX_WARNINGS are counted here, not listed. */
	warningsOmitted: number;
	/** Accepted rows with a place name but no coordinates: the geocoder places them in the app. */
	needsGeocoding: { row: number; id: string; hometown: string; country: string; region?: string }[];
	columnCount: number;
	/** Each column and the field it feeds (null: not used); at most MAX_LISTED_COLUMNS listed. */
	columns: { header: string; field: Field | null }[];
	/** Why nothing could be read (empty file, binary, not CSV/JSON ...). Empty when the file was read. */
	errors: string[];
	/** Members (people) or other records (incidents ...), from the mapped columns: the UI's wording. */
	kind: DatasetKind;
}

export interface ImportResult {
	records: MemberRecord[];
	report: ImportReport;
	/** With `keepCells`: the header and each accepted record's cells and row number, as read. */
	table?: { headers: string[]; cells: string[][]; rows: number[] };
}

export interface ImportOptions {
	fileName?: string;
	/** The user's column choices (header -> field or 'ignore'). */
	mapping?: ColumnMapping;
	/** Mappings the user saved, by header signature (core/data/presets). */
	presets?: Record<string, ColumnMapping>;
	/** Called with 0..1 while rows are read. */
	onProgress?: (fraction: number) => void;
	/** Keep each accepted row's cells (the command line writes them back out with its own columns). */
	keepCells?: boolean;
	/** Read the latitude column as the longitude and back: the analyst's fix for a file written swapped. */
	swapCoordinates?: boolean;
	/**
	 * Accepted records handed over as they are read, in file order, STREAM_BATCH at a time (CSV and other
	 * text, Parquet, Arrow; not JSON or workbooks, nor with `keepCells`), so that a large file's records
	 * need not all be held until its end. The result's `records` are then only those not handed over: the
	 * last ones, and every one from the first date that reads both ways (day or month first) on, since
	 * such a date is read only once the whole file's convention is known.
	 */
	onRecords?: (records: MemberRecord[]) => void;
	/** The text is read again from its start (it proved not to be UTF-8): the records handed over before are void. */
	onRestart?: () => void;
}

/** Records per batch handed to `onRecords`. */
export const STREAM_BATCH = 2_000;

export const MAX_COLUMNS = 2000;
export const MAX_WARNINGS = 2000;
export const MAX_LISTED_COLUMNS = 200;
export const MAX_TEXT = 500;
/** Dates outside this range are kept but flagged: likely typos (1915 for 2015) or placeholders. */
export const PLAUSIBLE_YEARS: [number, number] = [1970, 2035];
/**
 * Coordinates this close to 0,0 (degrees, about 11 km) are "null island": a missing value written as
 * zeros (0, 0.0001), never a place. The nearest land, Sao Tome, is 300 km away.
 */
export const NULL_ISLAND_DEG = 0.1;
/** How many rows a title or blank line search looks at for the header. */
const HEADER_SEARCH_LINES = 15;

function emptyReport(file: string): ImportReport {
	return {
		file,
		format: 'unknown',
		encoding: 'utf-8',
		delimiter: null,
		rowsRead: 0,
		accepted: 0,
		rejected: [],
		warnings: [],
		warningsOmitted: 0,
		needsGeocoding: [],
		columnCount: 0,
		columns: [],
		errors: [],
		kind: 'members'
	};
}

/** What a text file's first bytes say about its encoding (UTF-16 by its BOM or its zero bytes), or that it is binary. */
export function sniffEncoding(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | 'binary' {
	const b0 = bytes[0],
		b1 = bytes[1];
	const head = bytes.subarray(0, Math.min(bytes.length, 8192));
	const zeros = head.reduce((n, b) => n + (b === 0 ? 1 : 0), 0);
	if (
		(b0 === 0xff && b1 === 0xfe) ||
		(b0 === 0xfe && b1 === 0xff) ||
		(zeros > head.length / 4 && zeros < head.length * 0.6 && oddZeros(head))
	)
		return b0 === 0xff || (b0 !== 0xfe && head[1] === 0) ? 'utf-16le' : 'utf-16be';
	if (zeros > Math.max(2, head.length / 200)) return 'binary';
	return 'utf-8';
}

export const BINARY_TEXT = 'This looks like a binary file (it contains zero bytes), not CSV, GeoJSON or JSON text.';
export const NOT_UTF8 = 'The file is not valid UTF-8; it was read as Windows-1252 (Latin-1). Check accented place names.';

/** Decodes bytes (UTF-8 with or without BOM, UTF-16 with BOM or by its zero bytes, else Windows-1252) and imports them. */
export function importBytes(bytes: Uint8Array, options: ImportOptions = {}): ImportResult {
	const report = emptyReport(options.fileName ?? '');
	if (bytes.length === 0) return fail(report, 'The file is empty.');
	const encoding = sniffEncoding(bytes);
	if (encoding === 'binary') return fail(report, BINARY_TEXT);
	let text: string;
	if (encoding !== 'utf-8') {
		report.encoding = encoding;
		text = new TextDecoder(encoding).decode(bytes);
	} else {
		try {
			text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		} catch {
			text = new TextDecoder('windows-1252').decode(bytes);
			report.encoding = 'windows-1252';
			warn(report, 0, '', NOT_UTF8);
		}
	}
	return importInto(report, text, options);
}

function oddZeros(head: Uint8Array): boolean {
	let even = 0,
		odd = 0;
	for (let i = 0; i < head.length; i++) {
		if (head[i] !== 0) continue;
		if (i % 2) odd++;
		else even++;
	}
	return odd > 8 * even || even > 8 * odd;
}

/** Imports text already decoded. */
export function importText(text: string, options: ImportOptions = {}): ImportResult {
	return importInto(emptyReport(options.fileName ?? ''), text, options);
}

function fail(report: ImportReport, message: string): ImportResult {
	report.errors.push(message);
	return { records: [], report };
}

function warn(report: ImportReport, row: number, field: string, reason: string) {
	if (report.warnings.length < MAX_WARNINGS) report.warnings.push({ row, field, reason });
	else report.warningsOmitted++;
}

/** Text held in memory is fed to the same streaming reader as a file, a slice at a time (progress as it goes). */
const TEXT_SLICE = 1 << 20;

function importInto(report: ImportReport, text: string, options: ImportOptions): ImportResult {
	const reader = new TextImport(report, options);
	for (let i = 0; i < text.length && !reader.failed; i += TEXT_SLICE)
		reader.push(text.slice(i, i + TEXT_SLICE), Math.min(1, (i + TEXT_SLICE) / text.length));
	return reader.end();
}

/** An encoding's report before any text: the text stream of a file starts with it (core/data/read-file.ts). */
export function textReport(options: ImportOptions, encoding: string): ImportReport {
	const report = emptyReport(options.fileName ?? '');
	report.encoding = encoding;
	if (encoding === 'windows-1252') warn(report, 0, '', NOT_UTF8);
	return report;
}

// ---- CSV, as a stream -----------------------------------------------------------------------------

/** Text looked at before the first row is read: the header search, the binary check and the format. */
const HEAD_CHARS = 1 << 16;
/** Rows are parsed a segment of about this much text at a time (whole rows: cut at a line end outside quotes). */
const SEGMENT_CHARS = 1 << 18;
/**
 * A quote left open this long is no quoted cell (cells are cut at MAX_TEXT): the text is cut at its
 * last line end anyway and the row with the open quote is reported, so a stray quote cannot make the
 * reader hold the rest of the file.
 */
const OPEN_QUOTE_CHARS = 1 << 22;

/**
 * Reads decoded text as it comes, a chunk at a time, into the same rows, row numbers and report as
 * reading the whole text at once (docs/ARCHITECTURE.md, "Files as they come"): CSV rows are parsed a
 * segment at a time, each segment ending at a line end outside quotes, so no row is split and the text
 * held is one segment and the unfinished row after it. JSON and GeoJSON are kept whole (one value).
 * `segmentChars` is for tests (tiny segments put every row boundary at a segment's edge).
 */
export class TextImport {
	private pending = '';
	private started = false;
	private heldCR = false;
	private mode: 'head' | 'csv' | 'json' = 'head';
	private json: string[] = [];
	private failure: string | null = null;
	private rows: RowReader;
	private rowNumber = 0;
	private headerLine = 1;
	private delimiter = '';
	/** Quote scan of `pending`: how far, whether that point is inside quotes, and the last line end outside them. */
	private scanned = 0;
	private inQuotes = false;
	private boundary = -1;

	constructor(
		private report: ImportReport,
		private options: ImportOptions,
		private segmentChars = SEGMENT_CHARS
	) {
		this.rows = new RowReader(report, options, true);
	}

	/** Nothing more can be read (a fatal problem found): the caller can stop feeding text. */
	get failed(): boolean {
		return this.failure !== null;
	}

	/** Characters read but not parsed yet (an unfinished row, or a segment's worth). */
	get held(): number {
		return this.pending.length;
	}

	/** The next piece of text; `fraction` (0..1) of the file read once it is parsed. */
	push(chunk: string, fraction?: number) {
		if (this.failure !== null) return;
		if (!this.started && chunk.length) {
			this.started = true;
			if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
		}
		// One file saved by several tools can mix CRLF, LF and bare CR line ends; the CSV reader takes the
		// first one it meets as the only one and would merge rows at the others. (Inside quoted cells a
		// line end stays a line end.) A CR at a chunk's end waits: an LF may open the next chunk.
		if (this.heldCR) {
			chunk = '\r' + chunk;
			this.heldCR = false;
		}
		if (chunk.endsWith('\r')) {
			chunk = chunk.slice(0, -1);
			this.heldCR = true;
		}
		if (chunk.includes('\r')) chunk = chunk.replace(/\r\n?/g, '\n');
		if (this.mode === 'json') {
			this.json.push(chunk);
			return;
		}
		this.pending += chunk;
		if (this.mode === 'head') {
			if (this.pending.length < HEAD_CHARS || !this.pending.trim()) return;
			this.begin();
			if ((this.mode as string) !== 'csv') return; // binary, or JSON (kept whole)
		}
		this.scan();
		if (this.pending.length >= this.segmentChars) this.flush(false);
		if (fraction !== undefined) this.options.onProgress?.(fraction);
	}

	/** The file ended: the last rows, then the report. */
	end(): ImportResult {
		if (this.heldCR) {
			this.heldCR = false;
			this.push('\n');
		}
		if (this.mode === 'head' && this.failure === null) {
			if (!this.pending.trim()) return fail(this.report, 'The file is empty.');
			this.begin();
		}
		if (this.failure !== null) return fail(this.report, this.failure);
		if (this.mode === 'json') return importJson(this.report, this.json.join(''), this.options);
		this.flush(true);
		if (this.failure !== null) return fail(this.report, this.failure);
		if (!this.rows.hasHeader) return fail(this.report, 'The file has no header row.');
		if (this.report.rowsRead === 0) return fail(this.report, 'The file has a header but no data rows.');
		return this.rows.finish();
	}

	/** The first HEAD_CHARS of text (or all of it) decide: binary, JSON, or CSV with which header and delimiter. */
	private begin() {
		const text = this.pending;
		const sample = text.slice(0, 8192);
		// eslint-disable-next-line no-control-regex -- counting control characters is the point: they mark a binary file
		const controls = (sample.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g) ?? []).length;
		if (controls > Math.max(2, sample.length / 200)) {
			this.failure = 'This looks like a binary file (many control or undecodable characters), not CSV, GeoJSON or JSON text.';
			return;
		}
		const first = text.trimStart()[0];
		if (first === '{' || first === '[') {
			this.mode = 'json';
			this.json.push(text);
			this.pending = '';
			return;
		}
		this.mode = 'csv';
		this.report.format = 'csv';
		// Title or blank lines above the header ("Members, as of March 2016"): the header is the line among
		// the first few that names the most known columns.
		const header = findHeaderLine(text, this.options.mapping);
		this.headerLine = header.line;
		if (header.line > 1) {
			warn(
				this.report,
				header.line,
				'',
				`header found on row ${header.line}; the ${header.line - 1} line${header.line === 2 ? '' : 's'} above it (${header.skipped.map((l) => `'${l.slice(0, 40)}'`).join(', ') || 'blank'}) were read as a title, not as rows`
			);
		}
		// The header row decides; Papa's guess (over the first rows) is only the tie-breaker.
		this.delimiter = headerDelimiter(header.text) ?? '';
	}

	/** Carries the quote scan over the text added since the last call (a doubled quote flips twice: no change). */
	private scan() {
		const p = this.pending;
		let i = this.scanned;
		let quoted = this.inQuotes;
		let last = this.boundary;
		while (i < p.length) {
			const q = p.indexOf('"', i);
			const stop = q < 0 ? p.length : q;
			if (!quoted) {
				const n = p.lastIndexOf('\n', stop - 1);
				if (n >= i) last = n;
			}
			if (q < 0) break;
			quoted = !quoted;
			i = q + 1;
		}
		this.scanned = p.length;
		this.inQuotes = quoted;
		this.boundary = last;
	}

	/** Parses the text up to the last line end outside quotes (`all`: everything left, at the file's end). */
	private flush(all: boolean) {
		let cut = all ? this.pending.length : this.boundary;
		let forced = false;
		if (!all && cut < 0 && this.pending.length > OPEN_QUOTE_CHARS) {
			cut = this.pending.lastIndexOf('\n');
			forced = cut >= 0;
		}
		if (cut < 0) return;
		const segment = this.pending.slice(0, cut);
		this.pending = this.pending.slice(cut + 1);
		this.boundary = -1;
		if (forced) {
			this.inQuotes = false;
			this.scanned = 0;
			this.scan();
		} else this.scanned = this.pending.length;
		if (segment === '') {
			if (!all) this.rowNumber++; // a blank line
			return;
		}
		this.parse(segment);
	}

	private parse(segment: string) {
		const { report, rows, headerLine } = this;
		const result = Papa.parse<string[]>(segment, {
			header: false,
			skipEmptyLines: false,
			delimiter: this.delimiter,
			delimitersToGuess: [...DELIMITERS]
		});
		if (report.delimiter === null) report.delimiter = result.meta.delimiter;
		// Later segments keep the first one's delimiter, as one parse of the whole text would.
		this.delimiter = report.delimiter;
		// One search of the segment spares one of every cell when it holds no NUL (nearly always).
		const nul = segment.includes('\u0000');
		const quoteErrors = new Map<number, string>();
		for (const e of result.errors) if (e.row !== undefined && e.type === 'Quotes') quoteErrors.set(e.row, e.message);
		const data = result.data;
		for (let i = 0; i < data.length; i++) {
			const cells = data[i]!;
			this.rowNumber++;
			if (cells.length === 1 && cells[0]!.trim() === '') continue; // a blank line, not a row
			if (this.rowNumber < headerLine) continue; // a title line, reported above
			if (!rows.hasHeader) {
				const problem = rows.setHeader(cells);
				if (problem) {
					this.failure = problem;
					return;
				}
				continue;
			}
			const quote = quoteErrors.get(i);
			if (quote) {
				// An open quote runs on to the next quote, maybe the end of the file. The row that opened
				// it is rejected; the lines it swallowed are read again, one row per line, so no row
				// after a stray quote is lost (a multi-line cell among them would be split: rare, and
				// each piece is then checked like any row).
				const delimiter = report.delimiter ?? ',';
				const lines = cells.join(delimiter).split('\n');
				const swallowed = lines.slice(1);
				const again = swallowed.filter((l) => l.trim()).length;
				rows.reject(
					this.rowNumber,
					'',
					`unbalanced quotes (${quote}): this row cannot be read${again ? `; the ${again} line${again === 1 ? '' : 's'} after it ${again === 1 ? 'was' : 'were'} read again as rows of their own` : ''}`
				);
				for (const line of swallowed) {
					this.rowNumber++;
					if (!line.trim()) continue;
					const parsed = Papa.parse<string[]>(line, { delimiter, header: false });
					const lineCells = parsed.data[0] ?? [''];
					if (parsed.errors.some((e) => e.type === 'Quotes')) rows.reject(this.rowNumber, '', 'unbalanced quotes: this row cannot be read');
					else rows.add(lineCells, this.rowNumber);
				}
				continue;
			}
			rows.add(cells, this.rowNumber, nul);
		}
	}
}

/**
 * Rows another reader produces (a spreadsheet's cells as text, a Parquet or Arrow file's values as
 * text), given one at a time, with the same checks and report as a CSV's rows: `header` once, then
 * `add` per row with its number, then `finish`. `meta` sets the format; `notes` are the reader's own
 * file-level warnings.
 */
export interface RowSink {
	readonly report: ImportReport;
	/** The column names; a message when they make the file unreadable. */
	header(cells: string[]): string | null;
	add(cells: string[], row: number): void;
	finish(): ImportResult;
	/** Nothing could be read: the report with this message. */
	fail(message: string): ImportResult;
}

export function rowSink(options: ImportOptions, meta: Partial<ImportReport>, notes: readonly RowIssue[] = []): RowSink {
	const report: ImportReport = { ...emptyReport(options.fileName ?? ''), encoding: '', ...meta };
	for (const n of notes) warn(report, n.row, n.field, n.reason);
	const reader = new RowReader(report, options, true);
	return {
		report,
		header: (cells) => reader.setHeader(cells),
		add: (cells, row) => reader.add(cells, row),
		finish: () => (report.rowsRead === 0 ? fail(report, 'The file has a header but no data rows.') : reader.finish()),
		fail: (message) => fail(report, message)
	};
}

/**
 * Imports rows another reader produced (a spreadsheet's cells as text, core/data/spreadsheet), with
 * the same checks and report as a CSV's rows. The first non-blank row is the header; each row carries
 * its number as its program shows it. `meta` sets the format (and errors when nothing could be read);
 * `notes` are the reader's own file-level warnings.
 */
export function importRows(
	rows: readonly { cells: string[]; row: number }[],
	options: ImportOptions,
	meta: Partial<ImportReport>,
	notes: readonly RowIssue[] = []
): ImportResult {
	const report: ImportReport = { ...emptyReport(options.fileName ?? ''), encoding: '', ...meta };
	if (report.errors.length) return { records: [], report };
	for (const n of notes) warn(report, n.row, n.field, n.reason);
	const reader = new RowReader(report, options);
	for (let i = 0; i < rows.length; i++) {
		const { cells, row } = rows[i]!;
		if (cells.every((c) => c.trim() === '')) continue; // a blank row, not a record
		if (!reader.hasHeader) {
			const problem = reader.setHeader(cells);
			if (problem) return fail(report, problem);
			continue;
		}
		reader.add(cells, row);
		if (i % 5000 === 0) options.onProgress?.(i / rows.length);
	}
	if (!reader.hasHeader) return fail(report, 'The sheet is empty.');
	if (report.rowsRead === 0) return fail(report, 'The sheet has a header but no data rows.');
	return reader.finish();
}

const DELIMITERS = [',', ';', '\t', '|'] as const;

/**
 * The header line (1-based) among the first HEADER_SEARCH_LINES lines: the first one naming the most
 * known columns (ties: the earlier). A file whose first line names none and no later line names one
 * keeps line 1 (the column-mapping step then applies). Lines are split naively: a title rarely quotes.
 */
export function findHeaderLine(text: string, mapping?: ColumnMapping): { line: number; text: string; skipped: string[] } {
	const lines = text
		.slice(0, 1 << 16)
		.split('\n', HEADER_SEARCH_LINES + 1)
		.slice(0, HEADER_SEARCH_LINES);
	const scoreOf = (line: string) => {
		const delimiter = headerDelimiter(line) ?? ',';
		const cells = line.split(delimiter).map((c) => c.replace(/^\s*"|"\s*$/g, '').trim());
		const score = Object.keys(planColumns(cells, mapping).fieldColumn).length;
		// A header names most of its columns; a data row whose 'y' or 'n' reads as a column name does not.
		return score * 2 < cells.filter(Boolean).length ? 0 : score;
	};
	const firstText = lines.findIndex((l) => l.trim());
	// The first line stays the header when it names any column (or when nothing better turns up); a
	// later line takes over only when it names two or more, as a real header row does.
	if (firstText < 0 || scoreOf(lines[firstText]!) > 0) return { line: 1, text, skipped: [] };
	let best = -1,
		bestScore = 1;
	lines.forEach((line, i) => {
		if (i <= firstText || !line.trim()) return;
		const score = scoreOf(line);
		if (score > bestScore) {
			best = i;
			bestScore = score;
		}
	});
	if (best < 0) return { line: 1, text, skipped: [] };
	const offset = lines.slice(0, best).reduce((n, l) => n + l.length + 1, 0);
	return { line: best + 1, text: text.slice(offset), skipped: lines.slice(0, best).filter((l) => l.trim()) };
}

/**
 * The delimiter of the header row: the candidate it holds most often outside quotes; ',' when it holds
 * none (a one-column file); undefined on a tie. Guessing from the data instead goes wrong when quoted
 * cells hold another candidate: `hometown` over `"Molenbeek; Brussels"` was read as ';'-separated and
 * the broken quote swallowed the rows after it (found by tests/unit/fuzz/importer.test.ts).
 */
export function headerDelimiter(text: string): string | undefined {
	const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
	let inQuotes = false;
	let started = false;
	for (let i = 0; i < Math.min(text.length, 1 << 16); i++) {
		const ch = text[i]!;
		if (ch === '"') inQuotes = !inQuotes;
		else if (inQuotes) continue;
		else if (ch === '\n' || ch === '\r') {
			if (started) break;
		} else if (counts.has(ch)) {
			counts.set(ch, counts.get(ch)! + 1);
			started = true;
		} else if (ch.trim()) started = true;
	}
	const [best, second] = [...counts].sort((a, b) => b[1] - a[1]);
	if (best![1] === 0) return ',';
	return best![1] > second![1] ? best![0] : undefined;
}

// ---- JSON / GeoJSON -------------------------------------------------------------------------------

function importJson(report: ImportReport, text: string, options: ImportOptions): ImportResult {
	report.format = 'json';
	report.delimiter = null;
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (e) {
		return fail(report, `Not valid JSON: ${(e as Error).message}`);
	}
	let items: unknown[];
	const obj = value as { type?: unknown; features?: unknown };
	if (Array.isArray(value)) {
		items = value;
		if (items.some((x) => (x as { type?: unknown })?.type === 'Feature')) report.format = 'geojson';
	} else if (obj && typeof obj === 'object' && obj.type === 'FeatureCollection') {
		report.format = 'geojson';
		if (!Array.isArray(obj.features)) return fail(report, 'This FeatureCollection has no "features" array.');
		items = obj.features;
	} else if (obj && typeof obj === 'object' && obj.type === 'Feature') {
		report.format = 'geojson';
		items = [obj];
		warn(report, 0, '', 'The GeoJSON is a single Feature, not a FeatureCollection; it was read as one row.');
	} else if (obj && typeof obj === 'object' && typeof obj.type === 'string') {
		return fail(
			report,
			`This GeoJSON is a ${String(obj.type).slice(0, 40)}, not a FeatureCollection of points: nothing to import. Save the points as a FeatureCollection.`
		);
	} else {
		return fail(report, 'This JSON is neither an array of records nor a GeoJSON FeatureCollection.');
	}
	if (!items.length) return fail(report, 'The file holds no records.');

	// Headers: every property name, in order of first appearance, plus lat/lon from point geometries.
	const headers: string[] = [];
	const seen = new Set<string>();
	const flat = items.map((item) => flatten(item));
	for (const f of flat) {
		if (!f) continue;
		for (const k of Object.keys(f.values)) {
			if (seen.has(k) || headers.length > MAX_COLUMNS) continue;
			seen.add(k);
			headers.push(k);
		}
	}
	const rows = new RowReader(report, options);
	const problem = rows.setHeader(headers);
	if (problem) return fail(report, problem);
	// Records that name one field by different keys (`City` here, `ville` there) are read as one column.
	rows.coalesce();
	flat.forEach((f, i) => {
		if (!f) return rows.reject(i + 1, '', 'not an object');
		if (f.problem) return rows.reject(i + 1, 'geometry', f.problem);
		for (const k of f.nested ?? [])
			warn(
				report,
				i + 1,
				k,
				`'${k.slice(0, 40)}' holds objects or lists nested more than ${MAX_JSON_DEPTH} deep: not read (write it as text or leave it out)`
			);
		rows.add(
			headers.map((h) => f.values[h] ?? ''),
			i + 1
		);
		if (i % 5000 === 0) options.onProgress?.(i / flat.length);
	});
	return rows.finish();
}

/**
 * A JSON record or GeoJSON feature as header -> text; a Point geometry becomes `lat`/`lon`. A list of
 * plain values becomes `a|b|c`; an object or a list holding objects or lists is written as JSON text
 * when small, and otherwise left empty and named in `nested` (the row is then reported, never a crash:
 * a property nested thousands deep overflows the stack of any recursive reader).
 */
function flatten(item: unknown): { values: Record<string, string>; problem?: string; nested?: string[] } | null {
	if (!item || typeof item !== 'object' || Array.isArray(item)) return null;
	const o = item as Record<string, unknown>;
	const isFeature = o.type === 'Feature';
	const source = (isFeature ? (o.properties ?? {}) : o) as Record<string, unknown>;
	// No prototype: a record without "toString" must not read Object.prototype.toString for that column.
	const values: Record<string, string> = Object.create(null);
	let nested: string[] | undefined;
	for (const [k, v] of Object.entries(source && typeof source === 'object' ? source : {})) {
		if (v === null || v === undefined) values[k] = '';
		else if (typeof v !== 'object') values[k] = String(v);
		else if (Array.isArray(v) && v.every((x) => x === null || typeof x !== 'object')) values[k] = v.map(String).join('|');
		else if (depthOver(v, MAX_JSON_DEPTH)) {
			values[k] = '';
			(nested ??= []).push(k);
		} else values[k] = JSON.stringify(v);
	}
	if (!isFeature) return { values, nested };
	const g = o.geometry as { type?: unknown; coordinates?: unknown } | null | undefined;
	if (!g) return { values, nested };
	if (g.type !== 'Point') return { values, nested, problem: `geometry is a ${String(g.type).slice(0, 40)}; only Points can be drawn` };
	const c = g.coordinates;
	if (!Array.isArray(c) || typeof c[0] !== 'number' || typeof c[1] !== 'number')
		return { values, nested, problem: 'Point without two numeric coordinates' };
	values['lat'] = String(c[1]);
	values['lon'] = String(c[0]);
	return { values, nested };
}

/** Objects or lists nested deeper than this in one property are not read (they are no column). */
const MAX_JSON_DEPTH = 8;

/** Whether a value nests deeper than max, found without recursion (any depth is safe to ask about). */
function depthOver(value: unknown, max: number): boolean {
	let level: unknown[] = [value];
	for (let depth = 1; level.length; depth++) {
		if (depth > max) return true;
		const next: unknown[] = [];
		for (const v of level) {
			if (!v || typeof v !== 'object') continue;
			for (const x of Array.isArray(v) ? v : Object.values(v)) if (x && typeof x === 'object') next.push(x);
			if (next.length > 10_000) return true; // wide enough to be no column either
		}
		level = next;
	}
	return false;
}

// ---- Rows -----------------------------------------------------------------------------------------

class RowReader {
	hasHeader = false;
	private plan!: ColumnPlan;
	private headers: string[] = [];
	private records: MemberRecord[] = [];
	/** Each accepted id's first row: the duplicate check (docs/ARCHITECTURE.md, "Files as they come"). */
	private ids = new FirstSeen();
	/** Whether records are still handed over as they are read (options.onRecords). */
	private streaming: boolean;
	private generatedIds = 0;
	private shortRows = 0;
	private preset: SourcePreset | null = null;
	private unknownWeights = 0;
	private alternates: Partial<Record<Field, number[]>> = {};
	private excelCells = 0;
	private nullIslands: number[] = [];
	/** Date convention evidence: rows whose numeric date can only be day first / month first. */
	private dayFirstRows: number[] = [];
	private monthFirstRows: number[] = [];
	/** Rows whose numeric date reads both ways, kept to re-read once the file's convention is known. */
	private ambiguousDates: { record: MemberRecord; text: string; row: number }[] = [];
	private table: { headers: string[]; cells: string[][]; rows: number[] } | undefined;
	private dates = new Map<string, DateRead>();
	private texts = new Map<string, string>();

	/** `stream`: the reader's rows may be handed over as they come (options.onRecords). */
	constructor(
		private report: ImportReport,
		private options: ImportOptions,
		stream = false
	) {
		this.streaming = stream && !!options.onRecords && !options.keepCells;
	}

	/** Returns a message when the header makes the file unreadable. */
	setHeader(cells: string[]): string | null {
		this.hasHeader = true;
		this.report.columnCount = cells.length;
		if (cells.length > MAX_COLUMNS)
			return `The header has ${cells.length.toLocaleString('en')} columns; the importer reads at most ${MAX_COLUMNS}. Is this the right file?`;
		this.headers = cells.map((c) => c.trim());
		this.preset = presetFor(this.headers, this.options.presets);
		this.plan = planColumns(this.headers, mappingFor(this.headers, this.preset, this.options.mapping));
		this.report.headerSignature = headerSignature(this.headers);
		if (this.preset) {
			const { mapping: _, ...preset } = this.preset;
			this.report.preset = preset;
		}
		this.report.columns = this.plan.columns.slice(0, MAX_LISTED_COLUMNS).map(({ header, field }) => ({ header, field }));
		this.report.kind = datasetKindOf(this.plan);
		if (this.options.keepCells) this.table = { headers: this.headers, cells: [], rows: [] };
		for (const d of this.plan.duplicateHeaders) {
			warn(this.report, 0, d.header, `duplicate column name (columns ${d.firstIndex + 1} and ${d.index + 1}); the second is not used`);
		}
		if (!planLocates(this.plan)) {
			warn(
				this.report,
				0,
				'',
				'No column gives coordinates (lat/lon or "lat, lon") or a place name (hometown); map one in the column-mapping step.'
			);
		}
		return null;
	}

	/** Reads a field's other recognised columns where its chosen one is empty (JSON records). */
	coalesce() {
		this.alternates = fieldAlternates(this.plan, this.options.mapping);
		for (const [field, indices] of Object.entries(this.alternates)) {
			for (const i of indices!) {
				const c = this.report.columns[i];
				if (c) c.field = field as Field;
			}
		}
	}

	/** A field's cell, trimmed; where it is empty, the first of the field's other recognised columns that is not (JSON records). */
	private col(cells: string[], f: Field): string {
		const i = this.plan.fieldColumn[f];
		const v = i === undefined ? '' : (cells[i] ?? '').trim();
		if (v) return v;
		const alternates = this.alternates[f];
		if (!alternates) return v;
		for (const j of alternates) if ((cells[j] ?? '').trim()) return cells[j]!.trim();
		return '';
	}

	/**
	 * A date cell read day first, with what it says about the file's convention. A list repeats its dates
	 * (a few thousand days over millions of rows), so answers are kept by text: the regexes, the
	 * calendar checks and the day numbers ran on every row before. Bounded, like the country memo.
	 */
	private readDate(text: string): DateRead {
		let read = this.dates.get(text);
		if (!read) {
			const parsed = parseDate(text);
			read = { parsed, evidence: parsed ? dateOrderEvidence(text) : null };
			if (this.dates.size < 10_000) this.dates.set(text, read);
		}
		return read;
	}

	/**
	 * One string for each repeated text (a town, a region): each row's cell is a string of its own, and
	 * millions of records holding millions of copies of a few hundred names gave the collector millions of
	 * live objects more to walk. Bounded, so a column of distinct texts keeps its own strings.
	 */
	private intern(text: string): string {
		const known = this.texts.get(text);
		if (known !== undefined) return known;
		if (this.texts.size < 100_000) this.texts.set(text, text);
		return text;
	}

	reject(row: number, field: string, reason: string) {
		this.report.rowsRead++;
		this.report.rejected.push({ row, field, reason });
	}

	/** `nul`: false when the cells' text is known to hold no NUL (a CSV segment checked as a whole). */
	add(rawCells: string[], row: number, nul = true) {
		const { report, headers } = this;
		// Excel's way of keeping text as text: ="0123" (a formula that yields the string) is the string.
		let cells = rawCells;
		// A stray NUL byte (a truncated export, a hostile file) is removed, and the row named.
		if (nul && anyHasNul(rawCells)) {
			cells = rawCells.map((c) => c.replaceAll('\u0000', ''));
			warn(report, row, '', 'NUL (zero) bytes removed from this row: check it');
		}
		if (anyExcelText(cells)) {
			cells = cells.map((c) => {
				const m = EXCEL_TEXT.exec(c);
				return m ? m[1]!.replace(/""/g, '"') : c;
			});
			this.excelCells++;
		}
		if (cells.length > headers.length) {
			const extra = cells.slice(headers.length);
			if (extra.some((c) => c.trim() !== '')) {
				return this.reject(
					row,
					'',
					`${cells.length} fields where the header has ${headers.length}: the values are probably shifted (an unquoted delimiter?)`
				);
			}
		} else if (cells.length < headers.length) this.shortRows++;
		// A stand-in row is reported, never kept or silently dropped.
		for (let i = 0; i < Math.min(cells.length, headers.length); i++) {
			if (isPlaceholder(cells[i] ?? ''))
				return this.reject(
					row,
					headers[i] || `column ${i + 1}`,
					`placeholder row ('${cells[i]!.trim().slice(0, 40)}' in ${headers[i] || `column ${i + 1}`})`
				);
		}
		const r = emptyRecordOfRow(this.col(cells, 'id'), row);
		if (!r.id) {
			r.id = `row-${row}`;
			this.generatedIds++;
		}
		const region = this.col(cells, 'region');
		if (region) r.region = this.intern(region.slice(0, 80));

		for (const f of TEXT_FIELDS) {
			let v = this.col(cells, f);
			if (!v) continue;
			if (looksLikeFormula(v))
				warn(report, row, f, `starts with '${v[0]}': kept as text, never evaluated (beware when exporting to a spreadsheet)`);
			if (looksLikeMarkup(v)) warn(report, row, f, 'contains HTML or script markup: kept as plain text, never rendered');
			if (v.length > MAX_TEXT) {
				warn(report, row, f, `${v.length} characters: cut to ${MAX_TEXT}`);
				v = v.slice(0, MAX_TEXT);
			}
			r[f] = this.intern(v);
		}

		for (const f of COUNTRY_FIELDS) {
			const v = this.col(cells, f);
			const code = readCountry(v);
			if (code === null) warn(report, row, f, `'${v.slice(0, 60)}' is not a country name or ISO code: left blank`);
			else r[f] = code;
		}

		// Where: lat/lon columns, else one "lat, lon" column, else a place name for the geocoder.
		let located = false;
		let coordProblem = '';
		const latText = this.col(cells, 'lat'),
			lonText = this.col(cells, 'lon'),
			pairText = this.col(cells, 'coordinates');
		if (latText || lonText || pairText) {
			let lat: number | null = null,
				lon: number | null = null;
			let field: Field = 'lat';
			if (latText || lonText) {
				lat = readNumber(latText);
				lon = readNumber(lonText);
				if (lat === null) coordProblem = `latitude '${latText.slice(0, 40)}' is not a number`;
				else if (lon === null) {
					coordProblem = `longitude '${lonText.slice(0, 40)}' is not a number`;
					field = 'lon';
				}
			} else {
				field = 'coordinates';
				const pair = readCoordinatePair(pairText);
				if (pair) ({ lat, lon } = pair);
				else coordProblem = `'${pairText.slice(0, 40)}' is not a "lat, lon" pair`;
			}
			if (lat !== null && lon !== null && this.options.swapCoordinates) [lat, lon] = [lon, lat];
			if (lat !== null && lon !== null) {
				if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
					coordProblem = `coordinate out of range (lat ${lat}, lon ${lon}; lat must be -90..90, lon -180..180)${Math.abs(lat) <= 180 && Math.abs(lon) <= 90 ? '; lat and lon may be swapped' : ''}`;
				} else if (Math.abs(lat) < NULL_ISLAND_DEG && Math.abs(lon) < NULL_ISLAND_DEG) {
					coordProblem = `${lat},${lon} is a missing value (within ${NULL_ISLAND_DEG} degrees of 0,0, "null island"), not a place`;
					this.nullIslands.push(row);
				} else {
					r.lat = lat;
					r.lon = lon;
					located = true;
				}
			}
			if (coordProblem) {
				if (!r.hometown) return this.reject(row, field, coordProblem);
				warn(report, row, field, `${coordProblem}: the place name will be geocoded instead`);
			}
		}
		if (!located) {
			if (!r.hometown) return this.reject(row, 'hometown', 'no coordinates and no place name');
			report.needsGeocoding.push({ row, id: r.id, hometown: r.hometown, country: r.country, ...(r.region ? { region: r.region } : {}) });
		}

		// When: a date column, else year (+ month (+ day)) columns, where 0 or blank is an unknown part.
		const dateText = this.col(cells, 'date');
		const yearText = this.col(cells, 'year'),
			monthText = this.col(cells, 'month');
		const parts = !dateText && yearText ? dateFromParts(yearText, monthText, this.col(cells, 'day')) : null;
		if (parts?.note) warn(report, row, 'date', parts.note);
		const read = dateText ? this.readDate(dateText) : null;
		const parsed = read ? read.parsed : parts ? parts.date : null;
		if (read?.parsed) {
			const evidence = read.evidence;
			if (evidence === 'day-first') this.dayFirstRows.push(row);
			else if (evidence === 'month-first') this.monthFirstRows.push(row);
			else if (evidence === 'ambiguous') {
				this.ambiguousDates.push({ record: r, text: dateText, row });
				// Read again at the end if the file proves month first: this record and those after it stay here.
				this.streaming = false;
			}
		}
		if (parsed) {
			r.day = parsed.day;
			r.dayEnd = parsed.dayEnd;
			r.datePrecision = parsed.precision;
			if (!plausibleYear(parsed))
				warn(report, row, 'date', `${parsed.iso} is outside ${PLAUSIBLE_YEARS[0]}-${PLAUSIBLE_YEARS[1]}: a typo?`);
		} else if (dateText) {
			// (Date parts say what was wrong in their note; a 0 or blank year is simply no date.)
			warn(
				report,
				row,
				'date',
				`'${dateText.slice(0, 40)}' is not a date this importer reads (e.g. 2015-11-13, 13/11/2015, November 13, 2015, Nov 2015, 2015): no date, not on the timeline`
			);
		}

		const role = this.col(cells, 'role');
		if (role) {
			const v = readRole(role);
			if (v) r.role = v;
			else warn(report, row, 'role', `'${role.slice(0, 40)}' is neither inner nor wider: unknown`);
		}
		for (const f of ['arrested', 'died'] as const) {
			const text = this.col(cells, f);
			if (!text) continue;
			const v = readTriState(text);
			if (v) r[f] = v;
			else warn(report, row, f, `'${text.slice(0, 40)}' is not yes/no: unknown`);
		}
		const plots = this.col(cells, 'plots');
		if (plots)
			r.plots = plots
				.split(/\s*[|;,]\s*/)
				.filter(Boolean)
				.slice(0, 50);
		const weight = this.col(cells, 'weight');
		if (!weight && this.preset?.weightMeaning) {
			// A blank casualty count is unknown, not one: nothing added when weighting by it.
			r.weight = 0;
			this.unknownWeights++;
		} else if (weight) {
			const w = readNumber(weight);
			if (w === null || w < 0) warn(report, row, 'weight', `'${weight.slice(0, 40)}' is not a count: weight 1`);
			else r.weight = w;
		}

		const earlier = this.ids.first(r.id, row);
		if (earlier >= 0) warn(report, row, 'id', `duplicate id '${r.id.slice(0, 40)}' (first in row ${earlier})`);

		report.rowsRead++;
		report.accepted++;
		this.records.push(r);
		if (this.table) {
			this.table.cells.push(cells);
			this.table.rows.push(row);
		}
		if (this.streaming && this.records.length >= STREAM_BATCH) {
			const batch = this.records;
			this.records = [];
			this.options.onRecords!(batch);
		}
	}

	/**
	 * The file's date convention: day first unless some date can only be month first (11/13/2015) and
	 * none only day first. Dates that read both ways are read by it; a file that mixes both, or whose
	 * every numeric date reads both ways, gets a warning naming the convention and the rows.
	 */
	private settleDateOrder() {
		const day = this.dayFirstRows,
			month = this.monthFirstRows,
			amb = this.ambiguousDates;
		const rowsText = (rows: number[]) => `${rows.slice(0, 8).join(', ')}${rows.length > 8 ? ` and ${rows.length - 8} more` : ''}`;
		const order: DayMonthOrder = month.length > day.length ? 'month-first' : 'day-first';
		const name = order === 'day-first' ? 'day first (13/11/2015 = 13 November)' : 'month first (11/13/2015 = 13 November)';
		if (order === 'month-first') {
			for (const a of amb) {
				const p = parseDate(a.text, 'month-first');
				if (p) Object.assign(a.record, { day: p.day, dayEnd: p.dayEnd, datePrecision: p.precision });
			}
		}
		if (day.length && month.length) {
			const ambiguous = amb.length
				? `; the ${amb.length} that read both ways (rows ${rowsText(amb.map((a) => a.row))}) were read ${name}`
				: '';
			warn(
				this.report,
				0,
				'date',
				`the dates mix two conventions: rows ${rowsText(day)} can only be day first, rows ${rowsText(month)} only month first. Assumed ${name}, the more common${ambiguous}; check the rows of the other convention`
			);
		} else if (amb.length && !day.length && !month.length) {
			warn(
				this.report,
				0,
				'date',
				`every numeric date in the file reads both ways (day and month both 12 or less): read ${name}. Rows ${rowsText(amb.map((a) => a.row))}; if the file is month first (US), fix the dates or write them as 2015-11-13`
			);
		} else if (amb.length && order === 'month-first') {
			warn(
				this.report,
				0,
				'date',
				`dates read month first (US): rows ${rowsText(month)} can only be month first; the ${amb.length} that read both ways (rows ${rowsText(amb.map((a) => a.row))}) were read the same way`
			);
		}
	}

	finish(): ImportResult {
		this.settleDateOrder();
		if (this.options.swapCoordinates) warn(this.report, 0, 'lat/lon', 'latitude and longitude read swapped for the whole file, as asked');
		if (this.excelCells)
			warn(
				this.report,
				0,
				'',
				`${this.excelCells} row${this.excelCells === 1 ? '' : 's'} had cells written as ="..." (Excel's text cells): read as the text inside`
			);
		if (this.generatedIds) warn(this.report, 0, 'id', `${this.generatedIds} rows had no id: named row-N after their row number`);
		if (this.unknownWeights)
			warn(
				this.report,
				0,
				'weight',
				`${this.unknownWeights} rows have no ${this.preset!.weightMeaning}: they add nothing to the heat weighted by it, and count as one each when counting ${this.report.kind === 'members' ? 'members' : 'events'}`
			);
		if (this.shortRows)
			warn(this.report, 0, '', `${this.shortRows} rows had fewer fields than the header: the missing fields were read as empty`);
		this.options.onProgress?.(1);
		return { records: this.records, report: this.report, table: this.table };
	}
}

/** `="0123"`: Excel's formula that yields a text, so leading zeros and long digit strings survive. */
const EXCEL_TEXT = /^="((?:[^"]|"")*)"$/;

/** Free-text fields, checked for formulas, markup and length; and the fields holding a country. */
const TEXT_FIELDS = ['hometown', 'descent', 'recruiter', 'source', 'category'] as const;
const COUNTRY_FIELDS = ['country', 'lastResidence'] as const;

interface DateRead {
	parsed: ParsedDate | null;
	evidence: DayMonthOrder | 'ambiguous' | null;
}

/** Whether a parsed date's year is in PLAUSIBLE_YEARS (its ISO text starts with the year). */
export function plausibleYear(date: ParsedDate): boolean {
	const year = Number(date.iso.slice(0, 4));
	return !(year < PLAUSIBLE_YEARS[0] || year > PLAUSIBLE_YEARS[1]);
}

/** Whether any cell holds a NUL character (loops instead of a callback per cell: this runs on every row). */
export function anyHasNul(cells: readonly string[]): boolean {
	for (let i = 0; i < cells.length; i++) if (cells[i]!.includes('\u0000')) return true;
	return false;
}

/** Whether any cell is Excel's ="..." text. */
export function anyExcelText(cells: readonly string[]): boolean {
	for (let i = 0; i < cells.length; i++) {
		const c = cells[i]!;
		if (c.charCodeAt(0) === 61 /* = */ && EXCEL_TEXT.test(c)) return true;
	}
	return false;
}

/** Day-number helper for callers that only have a year and month (kept here for the CLI and tests). */
export const dayOfMonthStart = (year: number, month: number) => dayFromYmd(year, month, 1);
