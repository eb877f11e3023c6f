/**
 * Property tests of the exports: whatever text the records carry, no CSV cell reaches a spreadsheet as a
 * formula, the CSV reads back row for row, and file names are safe on Windows, macOS and Linux.
 */
import Papa from 'papaparse';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyRecord, type MemberRecord } from '$lib/core/data/member';
import { CSV_COLUMNS, privateRecords, recordsToCsv, safeFileName } from '$lib/core/export/records';
import { FUZZ_TIMEOUT, RUNS, hostileText } from './payloads';

const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+(\.\d+)?$/;
const WINDOWS_DEVICES = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i;

const member: fc.Arbitrary<MemberRecord> = fc
	.record({
		id: hostileText(),
		hometown: fc.oneof(hostileText(), fc.constantFrom('Brussels', 'Molenbeek')),
		descent: hostileText(),
		recruiter: hostileText(),
		source: hostileText(),
		plots: fc.array(hostileText(), { maxLength: 2 }),
		lat: fc.double({ min: -89, max: 89, noNaN: true }),
		lon: fc.double({ min: -179, max: 179, noNaN: true })
	})
	.map((f) => ({ ...emptyRecord(f.id || 'x'), ...f, id: f.id || 'x', country: 'BE' }));

describe('exports under fuzzing', () => {
	it(
		'no cell starts a formula, and the CSV reads back row for row',
		() => {
			fc.assert(
				fc.property(fc.array(member, { minLength: 1, maxLength: 5 }), fc.constantFrom(0, 2), (members, k) => {
					const records = privateRecords(members, k);
					const csv = recordsToCsv(records);
					const parsed = Papa.parse<string[]>(csv, { skipEmptyLines: false });
					const rows = parsed.data.filter((r) => !(r.length === 1 && r[0] === ''));
					expect(rows[0]).toEqual([...CSV_COLUMNS]);
					expect(rows.length - 1).toBe(records.rows.length);
					for (const row of rows.slice(1)) {
						expect(row.length).toBe(CSV_COLUMNS.length);
						for (const cell of row) if (!NUMBER.test(cell)) expect(cell, 'formula-looking cell').not.toMatch(FORMULA_START);
					}
				}),
				// Records are costly to generate; the formula rule is one regex, so fewer runs find the same.
				{ numRuns: Math.round(RUNS / 5) }
			);
		},
		FUZZ_TIMEOUT
	);

	it(
		'file names are plain, bounded and never a Windows device name',
		() => {
			fc.assert(
				fc.property(
					fc.oneof(
						hostileText(),
						fc.constantFrom('con', 'NUL', 'aux.data', 'com1', 'lpt9', '..', '.', '...csv', '-', ' ', '..\\..\\x', 'a..1')
					),
					fc.oneof(hostileText(), fc.constantFrom('csv', 'png', '')),
					(base, ext) => {
						const name = safeFileName(base, ext);
						expect(name).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}\.[A-Za-z0-9]{1,8}$/);
						expect(name).not.toMatch(/\.\./);
						expect(name).not.toMatch(WINDOWS_DEVICES);
					}
				),
				{ numRuns: RUNS }
			);
		},
		FUZZ_TIMEOUT
	);
});
