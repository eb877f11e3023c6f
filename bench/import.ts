/**
 * Importer throughput in Node: the IOM Missing Migrants table and a generated 20 MB member list,
 * each beside a baseline measured in the same run, papaparse alone on the same text (the floor:
 * validation can only add to it). CPU time of this process, not wall clock, so neighbours' load on a
 * shared machine moves the figures less.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { importText } from '../src/lib/core/data/import';
import { fmt, stats, type BenchContext, type BenchSection } from './context';

const RUNS = 5;

function cpuMs(fn: () => void): number {
	const t0 = process.cpuUsage();
	fn();
	const d = process.cpuUsage(t0);
	return (d.user + d.system) / 1000;
}

function memberList(bytes: number): string {
	const parts = ['id,hometown,country,lat,lon,first_act,role,arrested,died,source\n'];
	let size = parts[0]!.length;
	for (let i = 1; size < bytes; i++) {
		const row = `M-${i},Molenbeek-Saint-Jean,BE,${(50.8 + (i % 97) / 1e3).toFixed(4)},${(4.3 + (i % 89) / 1e3).toFixed(4)},2015-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')},${i % 4 ? 'wider' : 'inner'},yes,no,"a note, quoted"\n`;
		parts.push(row);
		size += row.length;
	}
	return parts.join('');
}

export async function run(ctx: BenchContext): Promise<BenchSection> {
	const inputs = [
		{
			name: 'IOM Missing Migrants (1.8 MB, 6,353 rows, 20 columns)',
			text: readFileSync('../shared/data/missing-migrants-global-2020-01-28.csv', 'utf8')
		},
		{ name: 'generated member list (20 MB)', text: memberList(20 * 1024 * 1024) }
	];
	const rows: string[] = [];
	for (const { name, text } of inputs) {
		const base: number[] = [];
		const full: number[] = [];
		let n = 0;
		for (let i = 0; i < RUNS; i++) {
			base.push(cpuMs(() => Papa.parse(text, { header: false })));
			full.push(cpuMs(() => (n = importText(text).report.rowsRead)));
		}
		const b = stats(base),
			f = stats(full);
		ctx.log(`${name}: papaparse ${fmt(b, 0)} ms, importer ${fmt(f, 0)} ms`);
		rows.push(
			`| ${name} | ${n.toLocaleString('en')} | ${fmt(b, 0)} | ${fmt(f, 0)} | ${(f.median / b.median).toFixed(1)}x | ${Math.round(n / (f.median / 1000)).toLocaleString('en')} |`
		);
	}
	return {
		title: 'Import (Node, CPU time)',
		markdown: `CPU milliseconds to read a file into records with the full validation report, beside papaparse
alone on the same text (the baseline), median of ${RUNS} runs. In the browser the same code runs in a
Web Worker, so this time never blocks the page.

| file | rows | papaparse alone, ms | importer, ms | ratio | rows/s (importer) |
| --- | ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}
`
	};
}
