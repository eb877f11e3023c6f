/**
 * One measured run for bench/aggregate.ts, in its own process so its peak memory is its own:
 * `aggregate <parquet> <out.csv>` runs the CLI's aggregation; `count <parquet>` is the engine's plain
 * COUNT over the same file (Parquet keeps row counts in its footer, so this reads almost nothing);
 * `scan <parquet>` reads the four columns the aggregation reads, with the cheapest aggregates (the
 * floor of any query over them). Prints {ms, rows, maxRssMB} as JSON.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { aggregateFiles } from '../src/cli/aggregate';

const [mode, file, out] = process.argv.slice(2);
const t0 = performance.now();
let rows: number;
if (mode === 'aggregate') rows = (await aggregateFiles([file!], out!, { by: 'event_type' })).rowsRead;
else {
	const instance = await DuckDBInstance.create(':memory:');
	const db = await instance.connect();
	const from = `read_parquet('${file!.replace(/'/g, "''")}')`;
	const sql =
		mode === 'count'
			? `SELECT count(*)::BIGINT AS n FROM ${from}`
			: `SELECT count(*)::BIGINT AS n, sum(latitude), sum(longitude), max(event_date), max(length(event_type)) FROM ${from}`;
	const r = await db.runAndReadAll(sql);
	rows = Number(r.getRowObjects()[0]!['n']);
	db.closeSync();
	instance.closeSync();
}
const ms = performance.now() - t0;
console.log(JSON.stringify({ ms, rows, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
