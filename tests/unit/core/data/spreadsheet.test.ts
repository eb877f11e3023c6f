/**
 * Workbooks (.xlsx, .ods) and the big databases' files as downloaded: the test files in
 * tests/fixtures/sources are written by scripts/make-source-fixtures.ts from the public codebooks'
 * columns, with invented rows.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { utils, write } from '@e965/xlsx';
import { headerRowOf, importSpreadsheet, serialToIso, spreadsheetFormat } from '../../../../src/lib/core/data/spreadsheet';
import { importFileBytes } from '../../../../src/lib/core/data/read-file';
import { isoFromDay } from '../../../../src/lib/core/time/days';
import type { ImportResult } from '../../../../src/lib/core/data/import';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../../fixtures/sources/${name}`, import.meta.url)));
const balanced = ({ report }: ImportResult) => report.rowsRead === report.accepted + report.rejected.length;
/** id -> [date text, weight, place] of the accepted records. */
const summary = ({ records }: ImportResult) =>
	Object.fromEntries(
		records.map((r) => [
			r.id,
			[
				Number.isNaN(r.day) ? '' : r.datePrecision === 'day' ? isoFromDay(r.day) : `${isoFromDay(r.day)}..${isoFromDay(r.dayEnd)}`,
				r.weight,
				r.hometown
			]
		])
	);

describe('serialToIso: Excel serial days', () => {
	it.each([
		[1, false, '1900-01-01'],
		[59, false, '1900-02-28'],
		[60, false, null], // 29 February 1900, which Excel counts but never was
		[61, false, '1900-03-01'],
		[42321, false, '2015-11-13'],
		[42321.99, false, '2015-11-13'],
		[42451, false, '2016-03-22'],
		[40859, true, '2015-11-13'],
		[0, true, '1904-01-01'],
		[0, false, null],
		[-5, false, null],
		[Number.NaN, false, null]
	])('%s (1904 system: %s) -> %s', (serial, date1904, iso) => expect(serialToIso(serial, date1904)).toBe(iso));
});

describe('headerRowOf: title and note rows above the header', () => {
	it.each([
		{
			rows: [
				['id', 'hometown', 'lat'],
				['A', 'Lille', '50']
			],
			expected: 0
		},
		{ rows: [['Incidents 2015'], [], ['id', 'hometown', 'lat'], ['A', 'Lille', '50']], expected: 2 },
		{
			rows: [
				['Export of 3 May', '', ''],
				['Source: test', '', ''],
				['id', 'hometown', 'lat']
			],
			expected: 2
		},
		{ rows: [['hometown'], ['Lille'], ['Roubaix']], expected: 0 },
		{ rows: [[], [''], ['hometown'], ['Lille']], expected: 2 }
	])('$expected', ({ rows, expected }) => expect(headerRowOf(rows)).toBe(expected));
});

describe('the big databases as downloaded', () => {
	const GTD = {
		'201511130901': ['2015-11-13', 3, 'Saint-Denis'],
		'201506000902': ['2015-06-01..2015-06-30', 0, 'Brussels'],
		'201400000903': ['2014-01-01..2014-12-31', 0, 'Istanbul'], // nkill blank: unknown, adds nothing
		'201603220904': ['2016-03-22', 5, 'Zaventem'],
		'201602310905': ['2016-02-01..2016-02-29', 1, 'Lille'], // iday 31 of February: the month only
		'201507010906': ['2015-07-01', 0, 'Unknown']
	};
	const ACLED = {
		FRA9001: ['2015-11-13', 3, 'Saint-Denis'],
		BEL9002: ['2016-03-22', 16, 'Brussels'],
		BEL9003: ['2016-01-05', 0, 'Antwerpen'],
		FRA9004: ['2015-07-01', 0, 'Lunel']
	};
	it.each([
		{
			file: 'gtd-extract.xlsx',
			preset: 'gtd',
			format: 'xlsx',
			expected: GTD,
			warnings: [/rows 1-2 above the header were skipped as a title/, /not a day of 2016-02/, /1 rows have no people killed/]
		},
		{ file: 'acled-export.csv', preset: 'acled', format: 'csv', expected: ACLED, warnings: [] },
		{ file: 'acled-export.xlsx', preset: 'acled', format: 'xlsx', expected: ACLED, warnings: [] }
	])('$file', async ({ file, preset, format, expected, warnings }) => {
		const result = await importFileBytes(fixture(file), { fileName: file });
		const { report } = result;
		expect(report.errors).toEqual([]);
		expect(report.format).toBe(format);
		expect(report.preset?.key).toBe(preset);
		expect(report.preset?.weightMeaning).toBeTruthy();
		expect(report.kind).toBe('records');
		expect(balanced(result)).toBe(true);
		expect(summary(result)).toEqual(expected);
		expect(report.warnings.map((w) => w.reason)).toHaveLength(warnings.length);
		warnings.forEach((w, i) => expect(report.warnings[i]!.reason).toMatch(w));
		// Ids and places recognised; the GTD's numeric country code is not read as a country.
		const columns = Object.fromEntries(report.columns.map((c) => [c.header, c.field]));
		expect(columns).toMatchObject(
			preset === 'gtd'
				? { eventid: 'id', country_txt: 'country', country: null, city: 'hometown', nkill: 'weight' }
				: { event_id_cnty: 'id', country: 'country', location: 'hometown', fatalities: 'weight' }
		);
		expect(result.records.filter((r) => r.country).every((r) => /^[A-Z]{2}$/.test(r.country))).toBe(true);
	});
});

describe('workbooks with several sheets', () => {
	const MEMBERS = { T1: ['2015-11-13', 1, 'Molenbeek'], T2: ['2014-03-01', 1, 'Lunel'], T3: ['2016-01-15', 1, 'Verviers'] };
	const BY_MONTH = {
		P1: ['2015-11-01..2015-11-30', 1, 'Lille'],
		P2: ['2016-03-01..2016-03-31', 1, 'Roubaix'],
		P3: ['2014-01-01..2014-12-31', 1, 'Tourcoing']
	};
	it.each([
		{ file: 'members-sheets.xlsx', sheet: 'Members', expected: MEMBERS },
		{ file: 'members-sheets.ods', sheet: 'Members', expected: MEMBERS },
		{ file: 'members-sheets.xlsx', sheet: 'By month', expected: BY_MONTH },
		{ file: 'members-sheets.ods', sheet: 'By month', expected: BY_MONTH }
	])('$file, sheet $sheet', async ({ file, sheet, expected }) => {
		const result = await importFileBytes(fixture(file), { fileName: file, sheet });
		expect(result.report.sheets).toEqual(['Notes', 'Members', 'By month']);
		expect(result.report.sheet).toBe(sheet);
		expect(result.report.rejected).toEqual([]);
		expect(summary(result)).toEqual(expected);
	});

	it.each(['members-sheets.xlsx', 'members-sheets.ods'])(
		'%s: the first sheet by default, every sheet named for the picker',
		async (file) => {
			const { report } = await importFileBytes(fixture(file), { fileName: file });
			expect(report.sheet).toBe('Notes');
			expect(report.sheets).toEqual(['Notes', 'Members', 'By month']);
			expect(report.accepted).toBe(0);
		}
	);

	it('a sheet name that is not in the workbook reads the first, and says so', async () => {
		const { report } = await importFileBytes(fixture('members-sheets.xlsx'), { sheet: 'Nope' });
		expect(report.sheet).toBe('Notes');
		expect(report.warnings[0]!.reason).toMatch(/no sheet 'Nope'/);
	});
});

/** A one-sheet workbook made here, for cell types the fixtures do not hold. */
function workbook(
	rows: unknown[][],
	options: { merges?: string[]; date1904?: boolean; bookType?: 'xlsx' | 'ods'; formats?: Record<string, string> } = {}
) {
	const ws = utils.aoa_to_sheet(rows);
	for (const [ref, z] of Object.entries(options.formats ?? {})) ws[ref].z = z;
	if (options.merges) ws['!merges'] = options.merges.map((r) => utils.decode_range(r));
	const wb = utils.book_new();
	utils.book_append_sheet(wb, ws, 'S');
	if (options.date1904) wb.Workbook = { WBProps: { date1904: true } };
	return new Uint8Array(write(wb, { type: 'buffer', bookType: options.bookType ?? 'xlsx' }));
}

describe('cells', () => {
	const HEAD = ['id', 'hometown', 'lat', 'lon', 'date'];
	it.each([
		{
			title: 'a date cell',
			rows: [HEAD, ['A', 'Lille', 50.63, 3.06, 42321]],
			formats: { E2: 'dd/mm/yyyy' },
			expected: { A: ['2015-11-13', 1, 'Lille'] }
		},
		{
			title: 'a date cell with a time of day',
			rows: [HEAD, ['A', 'Lille', 50.63, 3.06, 42321.8125]],
			formats: { E2: 'yyyy-mm-dd hh:mm' },
			expected: { A: ['2015-11-13', 1, 'Lille'] }
		},
		{
			title: 'a date shown as a month',
			rows: [HEAD, ['A', 'Lille', 50.63, 3.06, 42309]],
			formats: { E2: 'mmm yyyy' },
			expected: { A: ['2015-11-01..2015-11-30', 1, 'Lille'] }
		},
		{
			title: 'the 1904 date system',
			rows: [HEAD, ['A', 'Lille', 50.63, 3.06, 40859]],
			formats: { E2: 'yyyy-mm-dd' },
			date1904: true,
			expected: { A: ['2015-11-13', 1, 'Lille'] }
		},
		{
			title: 'a number without a date format stays a number (a year)',
			rows: [HEAD, ['A', 'Lille', 50.63, 3.06, 2015]],
			expected: { A: ['2015-01-01..2015-12-31', 1, 'Lille'] }
		},
		{
			title: 'full precision, not the displayed rounding',
			rows: [HEAD, ['A', 'Lille', 50.629249, 3.057256, '']],
			formats: { C2: '0.0', D2: '0.0' },
			expected: { A: ['', 1, 'Lille'] },
			check: (r: ImportResult) => expect([r.records[0]!.lat, r.records[0]!.lon]).toEqual([50.629249, 3.057256])
		},
		{
			title: 'a merged cell below the header fills the rows it covers',
			rows: [
				['id', 'hometown', 'lat', 'lon'],
				['A', 'Lille', 50.63, 3.06],
				['B', '', 50.64, 3.07]
			],
			merges: ['B2:B3'],
			expected: { A: ['', 1, 'Lille'], B: ['', 1, 'Lille'] },
			warning: /merged/
		},
		{
			title: 'a title merged over the header is skipped',
			rows: [
				['Test list', '', '', ''],
				['id', 'hometown', 'lat', 'lon'],
				['A', 'Lille', 50.63, 3.06]
			],
			merges: ['A1:D1'],
			expected: { A: ['', 1, 'Lille'] },
			warning: /row 1 above the header was skipped as a title \('Test list'\)/
		},
		{
			title: 'an .ods file',
			rows: [HEAD, ['A', 'Lille', 50.63, 3.06, '13 November 2015']],
			bookType: 'ods' as const,
			expected: { A: ['2015-11-13', 1, 'Lille'] }
		}
	])('$title', ({ rows, formats, merges, date1904, bookType, expected, warning, check }) => {
		const result = importSpreadsheet(
			workbook(rows, { formats: formats as Record<string, string> | undefined, merges, date1904, bookType })
		);
		expect(result.report.errors).toEqual([]);
		expect(summary(result)).toEqual(expected);
		if (warning) expect(result.report.warnings.map((w) => w.reason).join('\n')).toMatch(warning);
		check?.(result);
	});

	it('row numbers are the sheet’s own, under skipped title rows', () => {
		const { report } = importSpreadsheet(workbook([['Title'], [], ['id', 'hometown', 'lat', 'lon'], ['A', '', 'x', 3]]));
		expect(report.rejected).toEqual([{ row: 4, field: 'lat', reason: "latitude 'x' is not a number" }]);
	});
});

describe('files that are not workbooks', () => {
	it.each([
		{
			title: 'a zip that is not a workbook',
			bytes: Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode('word/document.xml'.padEnd(60, ' '))]),
			error: /zip archive but not an Excel/
		},
		{
			title: 'an old binary .xls',
			bytes: Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]),
			error: /old binary Excel/
		},
		{
			title: 'a broken workbook',
			bytes: Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode('xl/workbook.xml'.padEnd(60, ' '))]),
			error: /could not be read/
		},
		{ title: 'an empty sheet', bytes: workbook([]), error: /is empty/ },
		{ title: 'a header without rows', bytes: workbook([['id', 'hometown']]), error: /header but no data rows/ }
	])('$title', async ({ bytes, error }) => {
		const { report, records } = await importFileBytes(bytes, { fileName: 'x' });
		expect(records).toEqual([]);
		expect(report.errors.join(' ')).toMatch(error);
	});

	it.each([
		['gtd-extract.xlsx', 'xlsx'],
		['members-sheets.ods', 'ods'],
		['acled-export.csv', null]
	])('spreadsheetFormat(%s) = %s', (file, format) => expect(spreadsheetFormat(fixture(file))).toBe(format));
});
