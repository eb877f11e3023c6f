/**
 * One measured run for bench/aggregate.ts, in its own process so its peak memory is its own:
 * `aggregate <parquet> <out.csv>` runs the CLI's aggregation; `count <parquet>` is the floor, the
 * engine reading the same file with a plain COUNT. Prints {ms, rows, maxRssMB} as JSON.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { aggregateFiles } from '../src/cli/aggregate';

const [mode, file, out] = process.argv.slice(2);
const t0 = performance.now();
let rows = 0;
if (mode === 'aggregate') rows = (await aggregateFiles([file!], out!, { by: 'event_type' })).rowsRead;
else {
	const instance = await DuckDBInstance.create(':memory:');
	const db = await instance.connect();
	const r = await db.runAndReadAll(`SELECT count(*)::BIGINT AS n FROM read_parquet('${file!.replace(/'/g, "''")}')`);
	rows = Number(r.getRowObjects()[0]!['n']);
	db.closeSync();
	instance.closeSync();
}
const ms = performance.now() - t0;
console.log(JSON.stringify({ ms, rows, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
