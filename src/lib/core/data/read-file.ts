/**
 * The one entry for a file, in the import worker and the CLI (docs/ARCHITECTURE.md, "Files as they
 * come"). The first bytes say what it is:
 *  - CSV and other text: decoded and parsed as it is read, a slice at a time (core/data/import.ts
 *    TextImport), so the text of a large file is never held whole;
 *  - Parquet: read a row group at a time, Arrow IPC (file or stream) from its bytes; both with readers
 *    loaded only then (core/data/columnar.ts);
 *  - a workbook: the spreadsheet reader, loaded only then (it is large), over the whole file;
 *  - JSON and GeoJSON: one value, so read whole.
 * Formats read whole have a lower size limit than those read as they come; past either, the report
 * says so in words.
 */
import { importBytes, sniffEncoding, textReport, TextImport, BINARY_TEXT, type ImportOptions, type ImportResult } from './import';
import type { SpreadsheetOptions } from './spreadsheet';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const PARQUET = [0x50, 0x41, 0x52, 0x31]; // "PAR1", at the start and at the end
const ARROW_FILE = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31]; // "ARROW1"
const ARROW_STREAM = [0xff, 0xff, 0xff, 0xff]; // a stream's first message starts with this continuation marker

/** CSV and Parquet are read as they come: the limit is the memory of the rows, not of the file. */
export const MAX_STREAMED_BYTES = 1024 * 1024 * 1024;
/** JSON, GeoJSON, workbooks and Arrow IPC are read whole (the text, the workbook or the buffers at once). */
export const MAX_WHOLE_BYTES = 256 * 1024 * 1024;
/** Bytes read and decoded at a time. */
const READ_BYTES = 4 << 20;

export type FileKind = 'text' | 'json' | 'parquet' | 'arrow' | 'zip' | 'xls';

const startsWith = (bytes: Uint8Array, magic: number[], at = 0) => magic.every((b, i) => bytes[at + i] === b);

/** What a file is, from its first bytes (a BOM and white space skipped for JSON). */
export function fileKind(head: Uint8Array): FileKind {
	if (startsWith(head, ZIP)) return 'zip';
	if (head.length > 8 && startsWith(head, [0xd0, 0xcf, 0x11, 0xe0])) return 'xls';
	if (startsWith(head, PARQUET)) return 'parquet';
	if (startsWith(head, ARROW_FILE) || startsWith(head, ARROW_STREAM)) return 'arrow';
	let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
	while (i < head.length && (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0a || head[i] === 0x0d)) i++;
	return head[i] === 0x7b || head[i] === 0x5b ? 'json' : 'text';
}

const mb = (bytes: number) => `${Math.round(bytes / 1048576).toLocaleString('en')} MB`;

/** The message for a file past its format's limit. */
export function tooLarge(size: number, kind: FileKind): string | null {
	const whole = kind === 'json' || kind === 'zip' || kind === 'arrow' || kind === 'xls';
	const limit = whole ? MAX_WHOLE_BYTES : MAX_STREAMED_BYTES;
	if (size <= limit) return null;
	const what = { json: 'JSON and GeoJSON files', zip: 'Workbooks', arrow: 'Arrow files', xls: 'Files like this' }[kind as string];
	return whole
		? `This file is ${mb(size)}. ${what} are read whole, up to ${mb(limit)}; CSV and Parquet are read as they come, up to ${mb(MAX_STREAMED_BYTES)}. Save it as CSV or Parquet, or reduce it with "npm run atlas -- aggregate".`
		: `This file is ${mb(size)}; CSV and Parquet files are read up to ${mb(limit)} here. Reduce it to heat cells with "npm run atlas -- aggregate" and import the result, or split it.`;
}

/**
 * Imports a file (a browser File, or a Node Blob from fs.openAsBlob) by its kind. `limits`: false on the
 * command line, whose memory is the machine's rather than a tab's.
 */
export async function importFile(file: Blob, options: SpreadsheetOptions = {}, limits = true): Promise<ImportResult> {
	const head = new Uint8Array(await file.slice(0, 8192).arrayBuffer());
	const kind = fileKind(head);
	const limit = limits ? tooLarge(file.size, kind) : null;
	if (limit) return failed(options, limit);
	if (kind === 'parquet') return (await import('./columnar')).importParquet(file, options);
	if (kind === 'arrow') return (await import('./columnar')).importArrow(new Uint8Array(await file.arrayBuffer()), options);
	if (kind === 'text') return importTextFile(file, head, options);
	return importFileBytes(new Uint8Array(await file.arrayBuffer()), options);
}

/** Decodes and parses a text file a slice at a time; read again as Windows-1252 if it proves not to be UTF-8. */
async function importTextFile(file: Blob, head: Uint8Array, options: ImportOptions): Promise<ImportResult> {
	if (file.size === 0) return failed(options, 'The file is empty.');
	const sniffed = sniffEncoding(head);
	if (sniffed === 'binary') return failed(options, BINARY_TEXT);
	for (const encoding of sniffed === 'utf-8' ? ['utf-8', 'windows-1252'] : [sniffed]) {
		if (encoding === 'windows-1252') options.onRestart?.();
		const reader = new TextImport(textReport(options, encoding), options);
		const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
		let broken = false;
		for (let at = 0; at < file.size && !reader.failed; at += READ_BYTES) {
			const bytes = new Uint8Array(await file.slice(at, at + READ_BYTES).arrayBuffer());
			let text: string;
			try {
				text = decoder.decode(bytes, { stream: true });
			} catch {
				broken = true; // not UTF-8 after all: start again as Windows-1252
				break;
			}
			reader.push(text, Math.min(1, (at + READ_BYTES) / file.size));
		}
		if (broken) continue;
		try {
			reader.push(decoder.decode());
		} catch {
			continue;
		}
		return reader.end();
	}
	return failed(options, 'The file could not be decoded.'); // not reached: Windows-1252 decodes any byte
}

/** A file's bytes in memory: a workbook goes to the spreadsheet reader, loaded only then (it is large); text to the text importer. */
export async function importFileBytes(bytes: Uint8Array, options: SpreadsheetOptions = {}): Promise<ImportResult> {
	const kind = fileKind(bytes.subarray(0, 8192));
	if (kind === 'zip') {
		const { importSpreadsheet, spreadsheetFormat } = await import('./spreadsheet');
		if (spreadsheetFormat(bytes)) return importSpreadsheet(bytes, options);
		return failed(options, 'This is a zip archive but not an Excel (.xlsx) or OpenDocument (.ods) workbook: nothing to import.');
	}
	if (kind === 'xls') {
		return failed(
			options,
			'This is an old binary Excel (.xls) or Office file; it is not read here. Save it as .xlsx (Excel Workbook) or CSV and import that.'
		);
	}
	if (kind === 'parquet') return (await import('./columnar')).importParquet(new Blob([bytes as Uint8Array<ArrayBuffer>]), options);
	if (kind === 'arrow') return (await import('./columnar')).importArrow(bytes, options);
	return importBytes(bytes, options);
}

function failed(options: ImportOptions, message: string): ImportResult {
	const { report } = importBytes(new Uint8Array(0), options);
	report.errors = [message];
	return { records: [], report };
}
