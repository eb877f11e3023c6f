/**
 * Property tests of the importer: whatever a file holds (broken CSV, hostile text, binary, odd JSON),
 * it never throws, accounts for every row (rowsRead = accepted + rejected) and never invents a place
 * (no 0,0, no out-of-range coordinates). Small generated files keep CI quick; FUZZ_RUNS hunts longer.
 * Failures found are kept in regressions/importer/*.csv|json and re-run as ordinary cases.
 */
import { readdirSync, readFileSync } from 'node:fs';
import Papa from 'papaparse';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importBytes, importText, MAX_TEXT, type ImportResult } from '$lib/core/data/import';
import { FIELD_NAMES } from '$lib/core/data/columns';
import { FUZZ_TIMEOUT, RUNS, hostileText } from './payloads';

/** Every promise the importer makes about its result, whatever the input. */
function assertAccounted({ records, report }: ImportResult): void {
	expect(report.rowsRead, 'rows read = accepted + rejected').toBe(report.accepted + report.rejected.length);
	expect(records.length).toBe(report.accepted);
	if (report.errors.length) expect(records).toEqual([]);
	for (const issue of [...report.rejected, ...report.warnings]) {
		expect(Number.isInteger(issue.row) && issue.row >= 0).toBe(true);
		expect(typeof issue.field).toBe('string');
		expect(issue.reason.length).toBeGreaterThan(0);
	}
	for (const issue of report.rejected) expect(issue.row, 'a rejected row has its number').toBeGreaterThan(0);
	for (const r of records) {
		const located = Number.isFinite(r.lat) && Number.isFinite(r.lon);
		if (located) {
			expect(Math.abs(r.lat) <= 90 && Math.abs(r.lon) <= 180, `${r.lat},${r.lon}`).toBe(true);
			expect(r.lat === 0 && r.lon === 0, 'never 0,0').toBe(false);
		} else {
			expect(Number.isNaN(r.lat) && Number.isNaN(r.lon), 'both coordinates or neither').toBe(true);
			expect(r.hometown.length, 'an unlocated row has a place name to geocode').toBeGreaterThan(0);
		}
		for (const text of [r.hometown, r.descent, r.recruiter, r.source]) expect(text.length).toBeLessThanOrEqual(MAX_TEXT);
		expect(r.weight >= 0 && Number.isFinite(r.weight), `weight ${r.weight}`).toBe(true);
		expect(r.id.length).toBeGreaterThan(0);
	}
	const unlocated = records.filter((r) => Number.isNaN(r.lat)).length;
	expect(report.needsGeocoding.length, 'every unlocated row is listed for the geocoder').toBe(unlocated);
}

const HEADERS = [...new Set(Object.values(FIELD_NAMES).flatMap((names) => names.slice(0, 2)))];
const cell = fc.oneof(
	{ weight: 3, arbitrary: hostileText() },
	fc.double({ min: -200, max: 200, noNaN: true }).map(String),
	fc.constantFrom(
		'',
		'0',
		'0,0',
		'50.85, 4.35',
		'2015-11-13',
		'Nov 2015',
		'yes',
		'inner',
		'Brussels',
		'Placeholder',
		'NaN',
		'Infinity',
		'1e999',
		'-0'
	)
);
/**
 * A table: some recognised headers and some hostile ones, 0-8 rows of ragged length. Header names hold
 * no delimiter or quote (the importer reads the delimiter off the header row: a header `a;b,c` is
 * ambiguous by nature); the cells hold anything.
 */
const headerName = fc.oneof(
	fc.constantFrom(...HEADERS),
	hostileText().map((h) => h.replace(/[,;\t|"\r\n]/g, ' '))
);
const table = fc
	// A header of one blank cell is a blank line, which the importer skips on its way to the header.
	.tuple(
		fc.array(headerName, { minLength: 1, maxLength: 7 }).filter((h) => h.length > 1 || h[0]!.trim() !== ''),
		fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 8 })
	)
	.map(([header, rows]) => ({ header, rows }));

/** Rows that are not blank lines: each must be read (accepted or rejected), never dropped. */
function dataRowsOf(rows: string[][]): number {
	return rows.filter((r) => !(r.length === 0 || (r.length === 1 && r[0]!.trim() === ''))).length;
}

const REGRESSIONS = new URL('./regressions/importer/', import.meta.url);

describe('importer under fuzzing', () => {
	it(
		'never throws on arbitrary text and accounts for every row',
		() => {
			fc.assert(
				fc.property(
					fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: 'binary', maxLength: 200 }), fc.json({ maxDepth: 3 })),
					(text) => {
						assertAccounted(importText(text));
					}
				),
				{ numRuns: RUNS }
			);
		},
		FUZZ_TIMEOUT
	);

	it(
		'never throws on arbitrary bytes (binary, UTF-16, broken UTF-8)',
		() => {
			fc.assert(
				fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
					assertAccounted(importBytes(bytes));
				}),
				{ numRuns: RUNS }
			);
		},
		FUZZ_TIMEOUT
	);

	it(
		'reads every row of a well-quoted CSV, whatever the cells hold',
		() => {
			fc.assert(
				fc.property(table, fc.constantFrom(',', ';', '\t'), ({ header, rows }, delimiter) => {
					const csv = Papa.unparse([header, ...rows], { delimiter, newline: '\n' });
					const result = importText(csv);
					assertAccounted(result);
					if (result.report.errors.length) return;
					// A one-column header cannot show the delimiter, so rows with more cells than it are ambiguous
					// (they may split or merge); every other well-quoted file has each of its rows read.
					if (header.length > 1 || rows.every((r) => r.length <= 1)) expect(result.report.rowsRead, csv).toBe(dataRowsOf(rows));
				}),
				{ numRuns: RUNS }
			);
		},
		FUZZ_TIMEOUT
	);

	it(
		'never throws on arbitrary JSON records and GeoJSON features',
		() => {
			const value = fc.oneof(
				hostileText(),
				fc.double(),
				fc.boolean(),
				fc.constant(null),
				fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 })
			);
			const props = fc.dictionary(fc.oneof(fc.constantFrom(...HEADERS), fc.string({ maxLength: 8 })), value, { maxKeys: 6 });
			const geometry = fc.oneof(
				fc.constant(null),
				fc.record({
					type: fc.constant('Point'),
					coordinates: fc.array(fc.oneof(fc.double(), fc.string({ maxLength: 3 })), { maxLength: 3 })
				}),
				fc.record({ type: fc.constantFrom('LineString', 'Polygon', 'Nonsense'), coordinates: fc.constant([]) })
			);
			const feature = fc.record({ type: fc.constant('Feature'), properties: fc.oneof(props, fc.constant(null)), geometry });
			const doc = fc.oneof(
				fc.array(fc.oneof(props, fc.constant(null), fc.integer()), { maxLength: 6 }),
				fc.record({ type: fc.constant('FeatureCollection'), features: fc.array(feature, { maxLength: 6 }) }),
				feature
			);
			fc.assert(
				fc.property(doc, (d) => {
					assertAccounted(importText(JSON.stringify(d)));
				}),
				{ numRuns: RUNS }
			);
		},
		FUZZ_TIMEOUT
	);

	const EXPECTED: Record<string, { rowsRead: number; accepted: number; why: string; reason?: string }> = JSON.parse(
		readFileSync(new URL('expected.json', REGRESSIONS), 'utf8')
	);
	const files = readdirSync(REGRESSIONS).filter((f) => f !== 'expected.json');
	it('every regression file has its expected counts', () => expect(files.sort()).toEqual(Object.keys(EXPECTED).sort()));
	it.each(files)('regression: %s', (file) => {
		const result = importBytes(new Uint8Array(readFileSync(new URL(file, REGRESSIONS))), { fileName: file });
		assertAccounted(result);
		const { rowsRead, accepted } = result.report;
		const expected = EXPECTED[file]!;
		expect({ rowsRead, accepted }, expected.why).toEqual({ rowsRead: expected.rowsRead, accepted: expected.accepted });
		if (expected.reason) expect(result.report.rejected.map((r) => r.reason).join('\n')).toContain(expected.reason);
	});
});
