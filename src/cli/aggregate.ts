/**
 * `npm run atlas -- aggregate <files...> --out <cells.csv> [--by <column>] [--lat <column>] [--lon <column>] [--date <column>]`:
 * reduces any number of rows (CSV and Parquet, tens of millions and more) to the app's heat cells by
 * month, outside the browser, with DuckDB (an embedded engine that reads both formats out of core:
 * it streams the files and spills to disk when the groups outgrow memory). The output is a CSV the
 * app opens like any dataset; its header is recognised (core/data/presets.ts), and the import report
 * and the legend say it is an aggregate: only the months and the --by column survive as filters.
 * Rows without usable coordinates or date are counted by reason, never dropped silently. DuckDB is a
 * command-line dependency only: nothing in the app imports this module. docs/ARCHITECTURE.md,
 * "Past one browser", says how the same query runs on a cluster engine.
 */
import { existsSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { FIELD_NAMES, foldHeader } from '../lib/core/data/columns';

/** Cells of a twentieth of a degree (about 5 km): the size the heat scale counts in (core/heat-domain.ts). */
export const AGGREGATE_CELLS_PER_DEGREE = 20;
/** The output's header; presets.ts recognises it. */
export const AGGREGATE_HEADER = ['id', 'atlas cell', 'cell lat', 'cell lon', 'month', 'rows'] as const;

const USAGE =
	'usage: npm run atlas -- aggregate <files...> --out <cells.csv> [--by <column>] [--lat <column>] [--lon <column>] [--date <column>]';
const OPTIONS = ['--out', '--by', '--lat', '--lon', '--date'] as const;
type Option = (typeof OPTIONS)[number];
const CSV_EXT = new Set(['.csv', '.tsv', '.txt']);
const PARQUET_EXT = new Set(['.parquet', '.pq']);

export interface AggregateSummary {
	rowsRead: number;
	rowsInCells: number;
	/** Reason -> rows left out. */
	skipped: Record<string, number>;
	cells: number;
	columns: { lat: string; lon: string; date: string; by: string | null };
}

/** The codes the query gives rows it leaves out. */
const SKIP_REASONS = ['', 'no usable coordinates', 'coordinates out of range', 'coordinates 0,0 (no place)', 'no usable date'];

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
const quoteText = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** The column a field comes from: the option, else the app's recognised names (columns.ts), best first. */
function pick(columns: string[], field: 'lat' | 'lon' | 'date', given: string | undefined): string | null {
	if (given) return columns.find((c) => c === given) ?? columns.find((c) => foldHeader(c) === foldHeader(given)) ?? null;
	for (const name of FIELD_NAMES[field]) {
		const hit = columns.find((c) => foldHeader(c) === name);
		if (hit) return hit;
	}
	return null;
}

export async function aggregateFiles(
	files: string[],
	out: string,
	options: { by?: string; lat?: string; lon?: string; date?: string } = {}
): Promise<AggregateSummary> {
	const csv = files.filter((f) => CSV_EXT.has(extname(f).toLowerCase()));
	const parquet = files.filter((f) => PARQUET_EXT.has(extname(f).toLowerCase()));
	const other = files.filter((f) => !csv.includes(f) && !parquet.includes(f));
	if (other.length) throw new Error(`${other[0]}: not a CSV (.csv, .tsv, .txt) or Parquet (.parquet, .pq) file`);
	for (const f of files) if (!existsSync(f) || !statSync(f).isFile()) throw new Error(`cannot read ${f}: no such file`);
	const { DuckDBInstance } = await import('@duckdb/node-api');
	const instance = await DuckDBInstance.create(':memory:');
	const db = await instance.connect();
	try {
		const list = (fs: string[]) => `[${fs.map(quoteText).join(', ')}]`;
		const sources = [
			...(csv.length ? [`SELECT * FROM read_csv(${list(csv)}, union_by_name = true, all_varchar = true)`] : []),
			...(parquet.length ? [`SELECT * FROM read_parquet(${list(parquet)}, union_by_name = true)`] : [])
		];
		await db.run(`CREATE TEMP VIEW src AS ${sources.join(' UNION ALL BY NAME ')}`);
		const described = await db.runAndReadAll('DESCRIBE src');
		const columns = described.getRowObjects().map((r) => String(r['column_name']));
		const lat = pick(columns, 'lat', options.lat);
		const lon = pick(columns, 'lon', options.lon);
		const date = pick(columns, 'date', options.date);
		const missing = [!lat && 'latitude (--lat)', !lon && 'longitude (--lon)', !date && 'date (--date)'].filter(Boolean);
		if (missing.length) throw new Error(`no ${missing.join(', ')} column among: ${columns.slice(0, 30).join(', ')}`);
		const by = options.by ? (columns.find((c) => c === options.by) ?? null) : null;
		if (options.by && !by) throw new Error(`no column ${options.by} to aggregate by among: ${columns.slice(0, 30).join(', ')}`);
		const n = AGGREGATE_CELLS_PER_DEGREE;
		// One pass: every row lands in a cell or in a reason for leaving it out (a small code: string
		// group keys cost the grouping twice its time). 0,0 is never a place. Left-out rows may split
		// into several groups of one reason; only their sums are read.
		await db.run(`CREATE TEMP TABLE grouped AS
			WITH t AS (
				SELECT TRY_CAST(${quoteIdent(lat!)} AS DOUBLE) AS lat, TRY_CAST(${quoteIdent(lon!)} AS DOUBLE) AS lon,
					TRY_CAST(${quoteIdent(date!)} AS DATE) AS d${by ? `, CAST(${quoteIdent(by)} AS VARCHAR) AS category` : ''}
				FROM src
			)
			SELECT CASE
					WHEN lat IS NULL OR lon IS NULL OR isnan(lat) OR isnan(lon) THEN 1
					WHEN lat < -90 OR lat > 90 OR lon < -180 OR lon > 180 THEN 2
					WHEN lat = 0 AND lon = 0 THEN 3
					WHEN d IS NULL THEN 4
					ELSE 0
				END::TINYINT AS skip,
				floor(lat * ${n}) AS row_, floor(lon * ${n}) AS col_, date_trunc('month', d) AS month_${by ? ', category' : ''},
				count(*) AS rows
			FROM t GROUP BY ALL`);
		// Months are formatted once per cell, not once per row: strftime over every row cost more than the grouping.
		await db.run(`COPY (
			SELECT concat_ws('/', strftime(month_, '%Y-%m'), row_::INTEGER, col_::INTEGER${by ? ", coalesce(category, '')" : ''}) AS "id",
				concat(row_::INTEGER, ':', col_::INTEGER) AS "atlas cell",
				round((row_ + 0.5) / ${n}, 4) AS "cell lat", round((col_ + 0.5) / ${n}, 4) AS "cell lon",
				strftime(month_, '%Y-%m') AS "month", rows AS "rows"${by ? ', category AS "category"' : ''}
			FROM grouped WHERE skip = 0 ORDER BY month_, row_, col_${by ? ', category' : ''}
		) TO ${quoteText(out)} (HEADER, DELIMITER ',')`);
		const totals = (
			await db.runAndReadAll(`SELECT skip, sum(rows)::BIGINT AS rows, count(*)::BIGINT AS groups FROM grouped GROUP BY skip`)
		).getRowObjects();
		const skipped: Record<string, number> = {};
		let rowsRead = 0;
		let rowsInCells = 0;
		let cells = 0;
		for (const t of totals) {
			const rows = Number(t['rows']);
			rowsRead += rows;
			if (Number(t['skip']) === 0) {
				rowsInCells = rows;
				cells = Number(t['groups']);
			} else skipped[SKIP_REASONS[Number(t['skip'])]!] = rows;
		}
		return { rowsRead, rowsInCells, skipped, cells, columns: { lat: lat!, lon: lon!, date: date!, by } };
	} finally {
		db.closeSync();
		instance.closeSync();
	}
}

export async function aggregateCommand(args: string[]): Promise<number> {
	const values: Partial<Record<Option, string>> = {};
	const files: string[] = [];
	for (let i = 0; i < args.length; i++) {
		const a = args[i]!;
		if ((OPTIONS as readonly string[]).includes(a)) {
			const v = args[++i];
			if (!v || v.startsWith('--')) {
				console.error(`${a} needs a value\n${USAGE}`);
				return 1;
			}
			values[a as Option] = v;
		} else if (a.startsWith('--')) {
			console.error(`unknown option ${a}\n${USAGE}`);
			return 1;
		} else files.push(a);
	}
	if (!files.length || !values['--out']) {
		console.error(USAGE);
		return 1;
	}
	const t0 = performance.now();
	let s: AggregateSummary;
	try {
		s = await aggregateFiles(files, values['--out'], {
			by: values['--by'],
			lat: values['--lat'],
			lon: values['--lon'],
			date: values['--date']
		});
	} catch (error) {
		console.error(`aggregate: ${(error as Error).message}`);
		return 1;
	}
	const seconds = (performance.now() - t0) / 1000;
	const left = Object.entries(s.skipped).map(([reason, rows]) => `${rows} ${reason}`);
	console.error(
		`read ${s.rowsRead} rows (${s.columns.lat}, ${s.columns.lon}, ${s.columns.date}${s.columns.by ? `, by ${s.columns.by}` : ''}): ` +
			`${s.rowsInCells} in ${s.cells} cells by month, ${s.rowsRead - s.rowsInCells} left out${left.length ? ` (${left.join('; ')})` : ''}; ` +
			`${(s.rowsRead / Math.max(seconds, 1e-3)).toFixed(0)} rows/s; wrote ${values['--out']}`
	);
	// The accounting is the promise of this command: a mismatch is a defect, never silent.
	if (s.rowsRead !== s.rowsInCells + Object.values(s.skipped).reduce((a, b) => a + b, 0)) {
		console.error('internal error: rows read differ from rows in cells plus rows left out');
		return 2;
	}
	return 0;
}
