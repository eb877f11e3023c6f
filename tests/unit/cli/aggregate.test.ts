/**
 * `atlas aggregate`: rows from CSV and Parquet (the Parquet written by DuckDB itself) become heat
 * cells by month, every row accounted for, and the output reads back through the app's importer as
 * an aggregate (its preset, its weight and its months).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { DuckDBInstance } from '@duckdb/node-api';
import { aggregateCommand, aggregateFiles } from '../../../src/cli/aggregate';
import { presetFor } from '$lib/core/data/presets';
import { importBytes } from '$lib/core/data/import';

const dir = mkdtempSync(join(tmpdir(), 'atlas-aggregate-'));
const CSV = join(dir, 'events.csv');
writeFileSync(
	CSV,
	[
		'event_date,latitude,longitude,event_type',
		'2024-03-05,50.8466,4.3528,Protest', // Brussels: cell 1016:87, centre 50.825,4.375
		'2024-03-20,50.8401,4.3601,Protest', // same cell, same month
		'2024-04-01,50.8466,4.3528,Riot', // same cell, next month
		'2024-03-07,48.8534,2.3488,Protest', // Paris
		'2024-03-08,,2.3488,Protest', // no latitude
		'not a date,48.85,2.35,Protest', // no date
		'2024-03-09,0,0,Protest', // 0,0
		'2024-03-10,95,2.35,Protest' // out of range
	].join('\n')
);
const PARQUET = join(dir, 'events.parquet');
{
	const instance = await DuckDBInstance.create(':memory:');
	const db = await instance.connect();
	await db.run(`COPY (SELECT * FROM (VALUES
		(DATE '2024-03-15', 50.85, 4.35, 'Protest'),
		(DATE '2024-05-02', -33.9249, 18.4241, 'Riot')
	) AS t(event_date, latitude, longitude, event_type)) TO '${PARQUET}' (FORMAT parquet)`);
	db.closeSync();
	instance.closeSync();
}

const read = (file: string) => Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true });
const cellKey = (r: Record<string, string>) =>
	`${r['month']} ${r['cell lat']},${r['cell lon']}${r['category'] !== undefined ? ` ${r['category']}` : ''} x${r['rows']}`;

describe('atlas aggregate', () => {
	it.each([
		{
			title: 'a CSV, by month',
			files: [CSV],
			by: undefined,
			cells: ['2024-03 48.875,2.325 x1', '2024-03 50.825,4.375 x2', '2024-04 50.825,4.375 x1'],
			read: 8,
			skipped: { 'no usable coordinates': 1, 'no usable date': 1, 'coordinates 0,0 (no place)': 1, 'coordinates out of range': 1 }
		},
		{
			title: 'a Parquet file written by DuckDB',
			files: [PARQUET],
			by: undefined,
			cells: ['2024-03 50.875,4.375 x1', '2024-05 -33.925,18.425 x1'],
			read: 2,
			skipped: {}
		},
		{
			title: 'both together, by a category column',
			files: [CSV, PARQUET],
			by: 'event_type',
			cells: [
				'2024-03 48.875,2.325 Protest x1',
				'2024-03 50.825,4.375 Protest x2',
				'2024-03 50.875,4.375 Protest x1',
				'2024-04 50.825,4.375 Riot x1',
				'2024-05 -33.925,18.425 Riot x1'
			],
			read: 10,
			skipped: { 'no usable coordinates': 1, 'no usable date': 1, 'coordinates 0,0 (no place)': 1, 'coordinates out of range': 1 }
		}
	])('$title', async ({ files, by, cells, read: rowsRead, skipped }) => {
		const out = join(dir, `cells-${files.length}-${by ?? 'all'}.csv`);
		const s = await aggregateFiles(files, out, { by });
		expect(s.rowsRead).toBe(rowsRead);
		expect(s.skipped).toEqual(skipped);
		expect(s.rowsInCells + Object.values(s.skipped).reduce((a, b) => a + b, 0)).toBe(rowsRead);
		const parsed = read(out);
		expect(parsed.data.map(cellKey).sort()).toEqual([...cells].sort());
		expect(s.cells).toBe(cells.length);
		// The app recognises the file as an aggregate and weights its heat by the rows in each cell.
		const preset = presetFor(parsed.meta.fields!);
		expect(preset?.key).toBe('atlas-aggregate');
		expect(preset?.weightMeaning).toMatch(/aggregate: only the months and its category column can be filtered/);
		// The app's importer reads it like any file: every cell a weighted record dated by its month.
		const imported = importBytes(new Uint8Array(readFileSync(out)), { fileName: 'cells.csv' });
		expect(imported.report.errors).toEqual([]);
		expect(imported.report.preset?.key).toBe('atlas-aggregate');
		expect(imported.report.kind).toBe('records');
		expect(imported.report.accepted).toBe(cells.length);
		expect(imported.records.reduce((sum, r) => sum + r.weight, 0)).toBe(s.rowsInCells);
		expect(imported.records.every((r) => r.datePrecision === 'month' && Number.isFinite(r.lat) && Number.isFinite(r.lon))).toBe(true);
		if (by) expect(new Set(imported.records.map((r) => r.category))).toEqual(new Set(parsed.data.map((r) => r['category'])));
	});

	it.each([
		{ args: [CSV], message: 'usage' },
		{ args: [CSV, '--out'], message: '--out needs a value' },
		{ args: [CSV, '--out', join(dir, 'x.csv'), '--bogus'], message: 'unknown option --bogus' },
		{ args: [join(dir, 'missing.csv'), '--out', join(dir, 'x.csv')], message: 'no such file' },
		{ args: [join(dir, 'events.json'), '--out', join(dir, 'x.csv')], message: 'not a CSV' },
		{ args: [CSV, '--out', join(dir, 'x.csv'), '--by', 'nope'], message: 'no column nope' },
		{ args: [CSV, '--out', join(dir, 'x.csv'), '--lat', 'nope'], message: 'no latitude (--lat) column' }
	])('refuses $args.1 $args.3 with "$message"', async ({ args, message }) => {
		const errors: string[] = [];
		const original = console.error;
		console.error = (m: string) => errors.push(m);
		try {
			expect(await aggregateCommand(args)).toBe(1);
		} finally {
			console.error = original;
		}
		expect(errors.join('\n')).toContain(message);
	});
});
