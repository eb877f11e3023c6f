/** `npm run atlas -- validate <file>`: the JSON report on stdout, exit 1 when the file cannot be read. */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'atlas-cli-'));
const file = (name: string, content: string | Uint8Array) => (writeFileSync(join(dir, name), content), join(dir, name));

function atlas(...args: string[]) {
	const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/atlas.ts', ...args], {
		encoding: 'utf8',
		env: { ...process.env, TZ: 'UTC' }
	});
	return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const TESTS = [
	{
		title: 'the Missing Migrants table',
		input: '../shared/data/missing-migrants-global-2020-01-28.csv',
		expected: { code: 0, rowsRead: 6353, accepted: 6352, rejected: 1 }
	},
	{
		title: 'a list with a bad row',
		input: file('list.csv', 'id,hometown,lat,lon\nA,Paris,48.8,2.3\nB,,,\n'),
		expected: { code: 0, rowsRead: 2, accepted: 1, rejected: 1 }
	},
	{
		title: 'a Parquet file (read as it comes, as in the browser)',
		input: 'tests/fixtures/columnar/members-zstd.parquet',
		expected: { code: 0, rowsRead: 12, accepted: 11, rejected: 1 }
	},
	{ title: 'a missing file', input: join(dir, 'nope.csv'), expected: { code: 1, error: /cannot read the file/ } },
	{ title: 'a directory', input: dir, expected: { code: 1, error: /cannot read the file/ } },
	{
		title: 'binary junk',
		input: file(
			'junk.bin',
			Uint8Array.from({ length: 300 }, (_, i) => (i * 31) % 256)
		),
		expected: { code: 1, error: /binary/ }
	},
	{ title: 'an empty file', input: file('empty.csv', ''), expected: { code: 1, error: /empty/ } },
	{
		title: 'a GTD-format workbook',
		input: 'tests/fixtures/sources/gtd-extract.xlsx',
		expected: { code: 0, rowsRead: 6, accepted: 6, rejected: 0 }
	},
	{
		title: 'an ACLED-format CSV',
		input: 'tests/fixtures/sources/acled-export.csv',
		expected: { code: 0, rowsRead: 4, accepted: 4, rejected: 0 }
	},
	{
		title: 'an OpenDocument sheet chosen by name',
		input: 'tests/fixtures/sources/members-sheets.ods',
		args: ['--sheet', 'Members'],
		expected: { code: 0, rowsRead: 3, accepted: 3, rejected: 0 }
	}
];

describe('atlas validate', () => {
	it.each(TESTS)(
		'$title',
		({ input, expected, ...rest }) => {
			const { code, stdout } = atlas('validate', input, ...('args' in rest ? (rest.args as string[]) : []));
			expect(code).toBe(expected.code);
			const report = JSON.parse(stdout);
			if ('rowsRead' in expected) {
				expect({ rowsRead: report.rowsRead, accepted: report.accepted, rejected: report.rejected.length }).toEqual({
					rowsRead: expected.rowsRead,
					accepted: expected.accepted,
					rejected: expected.rejected
				});
				expect(
					report.rejected.every((r: { row: number; field: string; reason: string }) => r.row > 0 && typeof r.field === 'string' && r.reason)
				).toBe(true);
			} else expect(report.errors.join(' ')).toMatch(expected.error!);
		},
		30_000
	);

	it('without a file prints usage and fails', () => {
		const { code, stderr } = atlas('validate');
		expect(code).toBe(1);
		expect(stderr).toMatch(/atlas -- validate <file>/);
	}, 30_000);
});
