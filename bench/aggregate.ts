/**
 * `atlas aggregate` on 20,000,000 generated rows (Parquet): rows per second and peak memory, beside
 * the engine reading the same file with a plain COUNT (the floor: no aggregation can beat reading
 * the file). Runs only when named (`npm run bench -- aggregate`): generating and reading the file
 * takes minutes, and the default run must stay within its 10 minutes.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { fmt, stats, type BenchContext, type BenchSection } from './context';

const ROWS = Number(process.env.AGGREGATE_ROWS ?? 20_000_000);
const RUNS = 3;

/** Seeded events around 1,000 towns between Morocco and Sweden over ten years, four event types. */
async function generate(file: string): Promise<number> {
	const t0 = performance.now();
	const instance = await DuckDBInstance.create(':memory:');
	const db = await instance.connect();
	await db.run('SELECT setseed(0.42)');
	await db.run(`COPY (
		SELECT DATE '2015-01-01' + CAST(i % 3650 AS INTEGER) AS event_date,
			30 + ((i * 7919) % 1000) * 0.03 + random() * 0.05 AS latitude,
			-10 + ((i * 104729) % 1000) * 0.04 + random() * 0.05 AS longitude,
			['Protest', 'Riot', 'Battle', 'Violence against civilians'][1 + CAST(i % 4 AS INTEGER)] AS event_type
		FROM range(${ROWS}) t(i)
	) TO '${file}' (FORMAT parquet)`);
	db.closeSync();
	instance.closeSync();
	return performance.now() - t0;
}

interface ChildRun {
	ms: number;
	rows: number;
	maxRssMB: number;
}

function child(args: string[]): ChildRun {
	const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/aggregate-child.ts', ...args], {
		encoding: 'utf8',
		maxBuffer: 1 << 20
	});
	return JSON.parse(out.trim().split('\n').pop()!) as ChildRun;
}

export async function run(ctx: BenchContext): Promise<BenchSection> {
	const dir = join(tmpdir(), 'atlas-bench-aggregate');
	mkdirSync(dir, { recursive: true });
	const file = join(dir, `events-${ROWS}.parquet`);
	let generatedMs = 0;
	if (!existsSync(file)) generatedMs = await generate(file);
	ctx.log(
		`${ROWS} rows in ${file} (${(statSync(file).size / 1e6).toFixed(0)} MB)${generatedMs ? `, generated in ${(generatedMs / 1000).toFixed(0)} s` : ''}`
	);
	const agg: ChildRun[] = [];
	const count: ChildRun[] = [];
	const scan: ChildRun[] = [];
	for (let i = 0; i < RUNS; i++) {
		// Taking turns, so the machine's load falls on all alike.
		count.push(child(['count', file]));
		scan.push(child(['scan', file]));
		agg.push(child(['aggregate', file, join(dir, 'cells.csv')]));
		ctx.log(
			`run ${i + 1}: aggregate ${(agg[i]!.ms / 1000).toFixed(1)} s, ${agg[i]!.maxRssMB.toFixed(0)} MB peak; COUNT ${(count[i]!.ms / 1000).toFixed(1)} s; column scan ${(scan[i]!.ms / 1000).toFixed(1)} s, ${scan[i]!.maxRssMB.toFixed(0)} MB`
		);
	}
	if ([...agg, ...count, ...scan].some((r) => r.rows !== ROWS)) throw new Error('a run did not read every row');
	const rate = (runs: ChildRun[]) => runs.map((r) => ROWS / (r.ms / 1000));
	const cells = (
		await (
			await (await DuckDBInstance.create(':memory:')).connect()
		).runAndReadAll(`SELECT count(*)::BIGINT AS n FROM read_csv('${join(dir, 'cells.csv')}')`)
	).getRowObjects()[0]!['n'];
	const markdown = `
\`npm run atlas -- aggregate <file> --out cells.csv --by event_type\` on ${ROWS.toLocaleString('en-GB')} generated rows in one Parquet file
(${(statSync(file).size / 1e6).toFixed(0)} MB; events around 1,000 towns over ten years, four event types), each run in its own
process (peak memory is the process's maximum resident set, Node and DuckDB together), beside two floors measured in the
same run, taking turns: DuckDB's plain \`COUNT(*)\` over the same file (Parquet keeps row counts in its footer, so it reads
almost nothing) and a scan of the four columns the aggregation reads with the cheapest aggregates (sum, max). Output: ${Number(cells).toLocaleString('en-GB')} cells by month and type.

| | rows per second | wall time, s | peak memory, MB |
| --- | --- | --- | --- |
| **atlas aggregate** (read, bin into 5 km cells by month and type, write CSV) | **${fmt(stats(rate(agg)), 0)}** | ${fmt(stats(agg.map((r) => r.ms / 1000)), 1)} | ${fmt(stats(agg.map((r) => r.maxRssMB)), 0)} |
| floor: DuckDB \`SELECT count(*)\` over the same file | ${fmt(stats(rate(count)), 0)} | ${fmt(stats(count.map((r) => r.ms / 1000)), 1)} | ${fmt(stats(count.map((r) => r.maxRssMB)), 0)} |
| floor: DuckDB scanning the same four columns (sum, max) | ${fmt(stats(rate(scan)), 0)} | ${fmt(stats(scan.map((r) => r.ms / 1000)), 1)} | ${fmt(stats(scan.map((r) => r.maxRssMB)), 0)} |

Aggregation runs at ${((100 * stats(rate(agg)).median) / stats(rate(scan)).median).toFixed(0)}% of the column scan's rate (the cell and month arithmetic, the grouping and the CSV
written are the difference). DuckDB spills to disk when the groups outgrow
its memory limit, so rows beyond memory cost time, not failure; past one machine, see docs/ARCHITECTURE.md ("Past one browser").
`;
	return { title: 'Aggregate outside the browser (atlas aggregate, DuckDB)', markdown };
}
