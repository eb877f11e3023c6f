import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { findColumn, formatCandidates } from '$lib/core/geocode/table';

describe('table helpers', () => {
	it.each([
		{ title: 'exact name', input: ['id', 'hometown'], expected: 'hometown' },
		{ title: 'other case and spaces', input: ['id', ' Hometown '], expected: ' Hometown ' },
		{ title: 'missing', input: ['id', 'town'], expected: undefined }
	])('findColumn: $title', ({ input, expected }) => {
		expect(findColumn(input, 'hometown')).toBe(expected);
	});

	it('formats candidates for one spreadsheet cell', () => {
		const c = { place: 'Tripoli', place_country: 'LB', lat: 34.43352, lon: 35.84416, population: 1, match: 'exact' as const };
		expect(formatCandidates([c, { ...c, place: 'Trípoli', place_country: 'GR' }])).toBe(
			'Tripoli (LB) 34.4335 35.8442; Trípoli (GR) 34.4335 35.8442'
		);
	});
});

describe('npm run atlas -- geocode', () => {
	it('adds the output columns, leaves unresolved rows without coordinates and prints a summary', () => {
		const dir = mkdtempSync(join(tmpdir(), 'atlas-geocode-'));
		const input = join(dir, 'in.csv');
		const out = join(dir, 'out.csv');
		writeFileSync(input, 'id,Hometown,country\n1,Bruxelles,\n2,Tripoli,\n3,"Tripoli, Lebanon",\n4,,\n5,12345,\n6,Malmo,SE\n');
		const run = spawnSync('npx', ['tsx', 'src/cli/atlas.ts', 'geocode', input, '--out', out], { encoding: 'utf8' });
		expect(run.status).toBe(0);
		expect(run.stderr).toContain('read 6 rows: 5 written, 1 rejected');
		expect(run.stderr).toContain('given 0, exact 2, alias 1, fuzzy 0, ambiguous 1, unresolved 1');
		expect(run.stderr).toMatch(/row 3: ambiguous: "Tripoli"/);
		expect(run.stderr).toMatch(/row 5: rejected: hometown: no coordinates and no place name/);
		const rows = Papa.parse<Record<string, string>>(readFileSync(out, 'utf8'), { header: true, skipEmptyLines: true }).data;
		expect(rows.map((r) => [r.id, r.status, r.place_country])).toEqual([
			['1', 'alias', 'BE'],
			['2', 'ambiguous', 'LY'],
			['3', 'exact', 'LB'],
			['5', 'unresolved', ''],
			['6', 'exact', 'SE']
		]);
		expect(rows[3]!.lat).toBe('');
		expect(rows[3]!.lon).toBe('');
		expect(rows[1]!.candidates).toContain('(LB)');
	}, 120_000);

	it('exits 1 with a message when the file cannot be read', () => {
		let status = 0;
		let message = '';
		try {
			execFileSync('npx', ['tsx', 'src/cli/atlas.ts', 'geocode', '/no/such/file.csv'], {
				encoding: 'utf8',
				stdio: ['ignore', 'pipe', 'pipe']
			});
		} catch (error) {
			status = (error as { status: number }).status;
			message = String((error as { stderr: string }).stderr);
		}
		expect(status).toBe(1);
		expect(message).toContain('cannot read');
	}, 60_000);
});
