/**
 * Parquet and Arrow IPC files, read into rows of text cells that enter the same row checks, column
 * mapping and report as a CSV's rows (rowSink in core/data/import.ts). Loaded only when such a file
 * is chosen (core/data/read-file.ts imports it dynamically), with its readers: hyparquet (pure
 * JavaScript; snappy, gzip, zstd, brotli and LZ4 pages through hyparquet-compressors) and flechette
 * for Arrow (docs/ARCHITECTURE.md, "Files as they come").
 *
 * The header is the columns' names; row 1 is the first record (as in JSON: there is no header row).
 * Typed values become the text the importer reads: numbers in full, dates and timestamps as their ISO
 * day (UTC), booleans as true/false, lists as a|b|c, nested values as JSON, nulls as empty cells.
 * Parquet is read a row group at a time, from slices of the file: the file is never held whole.
 */
import { rowSink, type ImportOptions, type ImportResult } from './import';

/** One typed value as the text the importer reads. */
export function cellText(value: unknown): string {
	if (value === null || value === undefined) return '';
	switch (typeof value) {
		case 'string':
			return value;
		case 'number':
			return Number.isFinite(value) ? String(value) : '';
		case 'bigint':
		case 'boolean':
			return String(value);
		case 'object':
			if (value instanceof Date) return isoDay(value.getTime());
			if (value instanceof Uint8Array) return ''; // raw bytes are no text
			if (ArrayBuffer.isView(value) && !(value instanceof DataView))
				return Array.from(value as unknown as ArrayLike<number>, String).join('|');
			if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object')) return value.map(cellText).join('|');
			try {
				return JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v)) ?? '';
			} catch {
				return '';
			}
		default:
			return '';
	}
}

/**
 * A time's UTC ISO day ('' for an invalid date). A column of dates repeats its days, so each day's text
 * is kept: `toISOString` and the slice ran on every cell before. Bounded.
 */
export function isoDay(time: number): string {
	if (Number.isNaN(time)) return '';
	let text = isoDays.get(time);
	if (text === undefined) {
		text = new Date(time).toISOString().slice(0, 10);
		if (isoDays.size < 100_000) isoDays.set(time, text);
	}
	return text;
}
const isoDays = new Map<number, string>();

export async function importParquet(file: Blob, options: ImportOptions = {}): Promise<ImportResult> {
	const sink = rowSink(options, { format: 'parquet', delimiter: null });
	const [{ parquetMetadataAsync, parquetRead, parquetSchema }, { compressors }] = await Promise.all([
		import('hyparquet'),
		import('hyparquet-compressors')
	]);
	const source = { byteLength: file.size, slice: (start: number, end?: number) => file.slice(start, end).arrayBuffer() };
	let metadata: Awaited<ReturnType<typeof parquetMetadataAsync>>;
	try {
		metadata = await parquetMetadataAsync(source);
	} catch (error) {
		return sink.fail(`This Parquet file could not be read: ${(error as Error).message}`);
	}
	const names = parquetSchema(metadata).children.map((c) => c.element.name);
	const problem = sink.header(names);
	if (problem) return sink.fail(problem);
	const total = Number(metadata.num_rows);
	let start = 0;
	for (const group of metadata.row_groups) {
		const count = Number(group.num_rows);
		let rows: unknown[][] = [];
		try {
			await parquetRead({
				file: source,
				metadata,
				compressors,
				rowStart: start,
				rowEnd: start + count,
				onComplete: (read: unknown[][]) => (rows = read)
			});
		} catch (error) {
			return sink.fail(`This Parquet file could not be read past row ${start.toLocaleString('en')}: ${(error as Error).message}`);
		}
		for (let i = 0; i < rows.length; i++) {
			const values = rows[i]!;
			const cells = new Array<string>(values.length);
			for (let c = 0; c < values.length; c++) cells[c] = cellText(values[c]);
			sink.add(cells, start + i + 1);
		}
		start += count;
		options.onProgress?.(total ? start / total : 1);
	}
	return sink.finish();
}

export async function importArrow(bytes: Uint8Array, options: ImportOptions = {}): Promise<ImportResult> {
	const sink = rowSink(options, { format: 'arrow', delimiter: null });
	const { tableFromIPC } = await import('@uwdata/flechette');
	let table: ReturnType<typeof tableFromIPC>;
	try {
		table = tableFromIPC(bytes, { useDate: true });
	} catch (error) {
		return sink.fail(`This Arrow file could not be read: ${(error as Error).message}`);
	}
	const names = table.schema.fields.map((f) => f.name);
	const problem = sink.header(names);
	if (problem) return sink.fail(problem);
	const columns = names.map((_, i) => table.getChildAt(i));
	const total = table.numRows;
	for (let r = 0; r < total; r++) {
		const cells = new Array<string>(columns.length);
		for (let c = 0; c < columns.length; c++) cells[c] = cellText(columns[c]!.at(r));
		sink.add(cells, r + 1);
		if (r % 50_000 === 0) options.onProgress?.(r / total);
	}
	return sink.finish();
}
