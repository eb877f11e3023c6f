/**
 * Files as they come: 5,000,000 generated rows imported in the browser as CSV and as Parquet, beside
 * a 1,000-row file of each in the same run (the baseline: the same code path, nothing large). For each:
 * the longest main-thread task and the tasks over 200 ms (PerformanceObserver 'longtask'), the time
 * to the report and to the map, and the page's peak JavaScript heap (sampled through the DevTools
 * protocol every half second). Runs only when named (`npm run bench -- large-files`): generating the
 * files and importing them takes minutes. Goals: no task over 200 ms, on the map within 60 s, heap
 * under 1.5 GB (docs/ARCHITECTURE.md, "Files as they come").
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { fmt, stats, type BenchContext, type BenchSection } from './context';
import { measureImport, type ImportRun } from './import-run';

const BIG = Number(process.env.LARGE_FILES_ROWS ?? 5_000_000);
const BASE = 1_000;
const RUNS = Number(process.env.LARGE_FILES_RUNS ?? 1);
const FORMATS = ['csv', 'parquet'] as const;
type Format = (typeof FORMATS)[number];

/** The large-import bench's member list (towns between Morocco and Sweden, a date and a role per row), as CSV and Parquet. */
async function generate(dir: string, rows: number): Promise<void> {
	const instance = await DuckDBInstance.create(':memory:');
	const db = await instance.connect();
	const select = `SELECT 'm' || i AS id,
			['Brussels', 'Paris', 'Lunel', 'Molenbeek', 'Antwerp', 'Raqqa', 'Tunis', 'Casablanca'][1 + (i % 8)::INTEGER] AS hometown,
			'BE' AS country,
			round(36 + ((i * 7919) % 18000) / 1000, 4) AS lat,
			round(-8 + ((i * 104729) % 40000) / 1000, 4) AS lon,
			DATE '2015-01-15' + (INTERVAL 1 MONTH) * (i % 12)::INTEGER AS date,
			CASE WHEN i % 3 = 0 THEN 'inner' ELSE 'wider' END AS role
		FROM range(${rows}) t(i)`;
	await db.run(`COPY (${select}) TO '${join(dir, `members-${rows}.csv`)}' (HEADER, DELIMITER ',', DATEFORMAT '%Y-%m-%d')`);
	await db.run(
		`COPY (SELECT * REPLACE (date::DATE AS date) FROM (${select})) TO '${join(dir, `members-${rows}.parquet`)}' (FORMAT parquet)`
	);
	db.closeSync();
	instance.closeSync();
}

/** The worker's reading alone: the same importFile in a Node process (no page, no messages). */
function inNode(file: string): { ms: number; cpuMs: number; rows: number } {
	const out = execFileSync(process.execPath, ['--max-old-space-size=8192', '--import', 'tsx', 'bench/large-files-child.ts', file], {
		encoding: 'utf8',
		env: { ...process.env, TZ: 'UTC' }
	});
	return JSON.parse(out.trim().split('\n').pop()!) as { ms: number; cpuMs: number; rows: number };
}

export async function run(ctx: BenchContext): Promise<BenchSection> {
	const loadBefore = os.loadavg();
	const dir = join(tmpdir(), 'atlas-bench-large-files');
	mkdirSync(dir, { recursive: true });
	for (const rows of [BASE, BIG]) {
		if (FORMATS.every((f) => existsSync(join(dir, `members-${rows}.${f}`)))) continue;
		const t0 = performance.now();
		await generate(dir, rows);
		ctx.log(`${rows} rows generated in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
	}
	const size = (rows: number, f: Format) => statSync(join(dir, `members-${rows}.${f}`)).size / 1e6;
	const results = new Map<string, ImportRun[]>();
	// Taking turns, so a neighbour's burst of load falls on every file alike.
	for (let i = 0; i < RUNS; i++)
		for (const format of FORMATS)
			for (const rows of [BASE, BIG]) {
				const key = `${format} ${rows}`;
				try {
					const r = await measureImport(ctx, join(dir, `members-${rows}.${format}`), rows, {
						timeoutMs: 600_000,
						sampleHeap: true,
						settle: true
					});
					ctx.log(
						`${key}: longest task ${r.longest.toFixed(0)} ms, ${r.over200} over 200 ms, report ${(r.reportMs / 1000).toFixed(1)} s, map ${(r.drawnMs / 1000).toFixed(1)} s, heap ${r.heapMB.toFixed(0)} MB`
					);
					results.set(key, [...(results.get(key) ?? []), r]);
				} catch (error) {
					ctx.log(`${key}: failed (${String(error).split('\n')[0]})`);
					results.set(key, results.get(key) ?? []);
				}
			}
	const node = new Map<Format, { ms: number; cpuMs: number; rows: number }>();
	for (const format of FORMATS) {
		const r = inNode(join(dir, `members-${BIG}.${format}`));
		if (r.rows !== BIG) throw new Error(`Node read ${r.rows} of ${BIG} rows of the ${format} file`);
		ctx.log(`${format} ${BIG} in Node: ${(r.ms / 1000).toFixed(1)} s wall, ${(r.cpuMs / 1000).toFixed(1)} s CPU`);
		node.set(format, r);
	}
	const loadAfter = os.loadavg();
	const load = (l: number[]) => l.map((n) => n.toFixed(1)).join(' / ');
	const line = (format: Format, rows: number) => {
		const rs = results.get(`${format} ${rows}`)!;
		const cell = (f: (r: ImportRun) => number, digits: number) => (rs.length ? fmt(stats(rs.map(f)), digits) : 'failed');
		return `| ${format === 'csv' ? 'CSV' : 'Parquet'} | ${rows.toLocaleString('en')} | ${size(rows, format).toFixed(rows === BASE ? 2 : 0)} | ${cell((r) => r.longest, 0)} | ${cell((r) => r.over200, 0)} | ${cell((r) => r.reportMs / 1000, 1)} | ${cell((r) => r.drawnMs / 1000, 1)} | ${cell((r) => r.heapMB, 0)} |`;
	};
	const ratio = (format: Format, f: (r: ImportRun) => number) => {
		const big = results.get(`${format} ${BIG}`)!,
			base = results.get(`${format} ${BASE}`)!;
		if (!big.length || !base.length) return 'n/a';
		return `${(stats(big.map(f)).median / Math.max(1e-9, stats(base.map(f)).median)).toFixed(1)}x`;
	};
	return {
		title: 'Large files as they come (browser, 5,000,000 rows)',
		markdown: `From its own run (\`npm run bench -- large-files\`, ${new Date().toISOString().slice(0, 10)}, on the shared 2 cores; a full run keeps this section).

A generated member list (the large-import bench's rows: id, town, country, lat, lon, date, role) imported
through the panel as CSV and as Parquet (DuckDB's default snappy pages), ${RUNS === 1 ? 'one run each' : `median of ${RUNS} runs (min, max)`}, taking turns; the
1,000-row file of the same format is the baseline, measured in the same run. The file is chosen once the page
has drawn its first heat and settled (no long task for 3 s, 30 s at most), so the page's own start is not counted.
Longest task: the longest main-thread task from choosing the file to 2 s after the new data is on the map (0: none over 50 ms).
Heap: the page's peak JavaScript heap (DevTools protocol, sampled every 0.5 s; the import worker's own
heap is not in it). Goals: no task over 200 ms, on the map within 60 s, page heap under 1,536 MB.

| format | rows | file, MB | longest task, ms | tasks over 200 ms | report after, s | on the map after, s | page heap peak, MB |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${FORMATS.flatMap((f) => [line(f, BASE), line(f, BIG)]).join('\n')}

${BIG.toLocaleString('en')} rows against ${BASE.toLocaleString('en')}: on the map after ${ratio('csv', (r) => r.drawnMs)} (CSV) and ${ratio('parquet', (r) => r.drawnMs)} (Parquet) the
baseline's time; page heap ${ratio('csv', (r) => r.heapMB)} and ${ratio('parquet', (r) => r.heapMB)}.

The worker's reading alone, the same \`importFile\` in a Node process over the same ${BIG.toLocaleString('en')}-row files (no page, no
messages; records handed over as they are read and dropped): CSV ${(node.get('csv')!.ms / 1000).toFixed(1)} s (${(node.get('csv')!.cpuMs / 1000).toFixed(1)} s CPU), Parquet ${(node.get('parquet')!.ms / 1000).toFixed(1)} s (${(node.get('parquet')!.cpuMs / 1000).toFixed(1)} s CPU).
In the browser the worker posts each batch of 2,000 records to the page as columns while it reads (their buffers
transferred), so "report after" holds the reading, making the columns, the page keeping each batch as it is (only rows
for the geocoder become records: none here), and the machine's load. After the report the batches are joined into one set of columns a column per task and the index,
date order and heat cells are built in slices (docs/ARCHITECTURE.md, "Members as columns"); no member becomes an object.

Machine load average (1 / 5 / 15 min) ${load(loadBefore)} at this module's start, ${load(loadAfter)} at its end (2 cores, shared):
wall-clock figures stretch with it.
`
	};
}
