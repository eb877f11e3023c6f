import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { importBytes, importText, MAX_COLUMNS, type ImportResult } from '../../../../src/lib/core/data/import';
import { dayFromIso } from '../../../../src/lib/core/time/days';

const utf8 = (s: string) => new TextEncoder().encode(s);
const balanced = ({ report }: ImportResult) => report.rowsRead === report.accepted + report.rejected.length;

const GOOD = [
	{
		title: 'comma CSV with lat/lon',
		input: 'id,hometown,country,lat,lon,first_act,role\nA,Brussels,BE,50.85,4.35,2015-11-13,inner\n',
		expected: { id: 'A', hometown: 'Brussels', country: 'BE', lat: 50.85, lon: 4.35, day: '2015-11-13', role: 'inner' }
	},
	{
		title: 'semicolon CSV with decimal commas and a BOM',
		input: '\ufeffid;ville;pays;latitude;longitude;date\nA;Lunel;France;43,6778;4,1361;13/11/2015\n',
		expected: { id: 'A', hometown: 'Lunel', country: 'FR', lat: 43.6778, lon: 4.1361, day: '2015-11-13' }
	},
	{
		title: 'tab-separated with CRLF',
		input: 'ID\tTown\tLatitude\tLongitude\tYear\r\nA\tMalmö\t55.6\t13.0\t2015\r\n',
		expected: { id: 'A', hometown: 'Malmö', lat: 55.6, lon: 13, day: '2015-01-01', datePrecision: 'year' }
	},
	{
		title: 'pipe-separated, quoted fields with the delimiter, quotes and newlines inside',
		input: 'id|hometown|lat|lon|source\nA|"Saint-Denis | 93"|48.9|2.35|"He said ""see p. 3""\nsecond line"\n',
		expected: { id: 'A', hometown: 'Saint-Denis | 93', lat: 48.9, lon: 2.35, source: 'He said "see p. 3"\nsecond line' }
	},
	{
		title: 'one "lat, lon" column and a month-name date',
		input:
			'Web ID,Reported Date,Location Coordinates,Total Dead and Missing,Migration Route\n7,"November 13, 2015","36.75, 34.64",5,Eastern Mediterranean\n',
		expected: { id: '7', lat: 36.75, lon: 34.64, day: '2015-11-13', weight: 5, category: 'Eastern Mediterranean' }
	},
	{
		title: 'year-month date written as Nov 2015',
		input: 'id,hometown,first act\nA,Paris,Nov 2015\n',
		expected: { id: 'A', day: '2015-11-01', dayEnd: '2015-11-30', datePrecision: 'month' }
	},
	{
		title: 'yes/no/unknown, plots list and descent',
		input: 'id,hometown,arrested,died,plots,descent,last residence\nA,Riyadh,oui,unknown,plot-a|plot-b,Gulf Arab,Saudi Arabia\n',
		expected: { id: 'A', arrested: 'yes', died: 'unknown', plots: ['plot-a', 'plot-b'], descent: 'Gulf Arab', lastResidence: 'SA' }
	},
	{
		title: 'JSON array of records',
		input: JSON.stringify([{ id: 'A', city: 'Aarhus', lat: 56.15, lng: 10.21, date: '2014' }]),
		expected: { id: 'A', hometown: 'Aarhus', lat: 56.15, lon: 10.21, datePrecision: 'year' }
	},
	{
		title: 'GeoJSON FeatureCollection of points',
		input: JSON.stringify({
			type: 'FeatureCollection',
			features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [4.35, 50.85] }, properties: { id: 'A', name: 'Brussels' } }]
		}),
		expected: { id: 'A', hometown: 'Brussels', lat: 50.85, lon: 4.35 }
	}
];

describe('importText reads', () => {
	it.each(GOOD)('$title', ({ input, expected }) => {
		const result = importText(input);
		expect(result.report.errors).toEqual([]);
		expect(result.report.rejected).toEqual([]);
		expect(result.records).toHaveLength(1);
		const r = result.records[0]!;
		const want: Record<string, unknown> = { ...expected };
		if (typeof want.day === 'string') want.day = dayFromIso(want.day);
		if (typeof want.dayEnd === 'string') want.dayEnd = dayFromIso(want.dayEnd);
		expect(r).toMatchObject(want);
		expect(balanced(result)).toBe(true);
	});
});

/** Bad input: each gets a clear message or a per-row account, never an exception. */
const BAD: {
	title: string;
	input: string | Uint8Array;
	error?: RegExp;
	rejected?: { row: number; field: RegExp; reason: RegExp }[];
	warning?: RegExp;
	accepted?: number;
}[] = [
	{ title: 'an empty file', input: '', error: /empty/ },
	{ title: 'only whitespace', input: ' \n\r\n \n', error: /empty/ },
	{ title: 'a header without rows', input: 'id,hometown,lat,lon\n', error: /header but no data rows/ },
	{ title: 'binary junk', input: Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256), error: /binary/ },
	{
		title: 'a PNG',
		input: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
		error: /binary/
	},
	{
		title: 'Latin-1 bytes (not UTF-8)',
		input: Uint8Array.from([...utf8('id,hometown,lat,lon\nA,Li'), 0xe8, ...utf8('ge,50.6,5.6\n')]),
		warning: /not valid UTF-8.*Windows-1252/,
		accepted: 1
	},
	{
		title: 'ragged rows: one too long, one short',
		input: 'id,hometown,lat,lon\nA,Paris,48.8,2.3,EXTRA,MORE\nB,Lyon,45.7\nC,Nice,43.7,7.2\n',
		rejected: [{ row: 2, field: /^$/, reason: /6 fields where the header has 4/ }],
		warning: /fewer fields than the header/,
		accepted: 2
	},
	{
		title: '100,000 columns in one line',
		input: Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(',') + '\n' + '1,'.repeat(99_999) + '1\n',
		error: new RegExp(`100,000 columns; the importer reads at most ${MAX_COLUMNS}`)
	},
	{
		title: 'a data row of 100,000 fields under a short header',
		input: 'id,hometown,lat,lon\n' + 'A,Paris,48.8,2.3,' + 'x,'.repeat(99_995) + 'x\nB,Lyon,45.7,4.8\n',
		rejected: [{ row: 2, field: /^$/, reason: /100000 fields where the header has 4/ }],
		accepted: 1
	},
	{
		title: 'spreadsheet formulas',
		input: 'id,hometown,lat,lon,source\nA,=HYPERLINK("http://x"),48.8,2.3,+cmd|calc\n',
		warning: /starts with '='/,
		accepted: 1
	},
	{
		title: 'HTML and script in every text field',
		input:
			'id,hometown,lat,lon,descent,recruiter,source\n<b>A</b>,<script>alert(1)</script>,48.8,2.3,<img src=x onerror=alert(1)>,<a href="javascript:x">r</a>,<iframe>\n',
		warning: /HTML or script markup/,
		accepted: 1
	},
	{
		title: 'duplicate headers',
		input: 'id,hometown,lat,lat,lon\nA,Paris,48.8,99,2.3\n',
		warning: /duplicate column name \(columns 3 and 4\)/,
		accepted: 1
	},
	{
		title: 'duplicate ids',
		input: 'id,hometown,lat,lon\nA,Paris,48.8,2.3\nA,Lyon,45.7,4.8\n',
		warning: /duplicate id 'A' \(first in row 2\)/,
		accepted: 2
	},
	{
		title: 'out-of-range coordinates without a place',
		input: 'id,lat,lon\nA,95,4.3\n',
		rejected: [{ row: 2, field: /lat/, reason: /out of range/ }],
		accepted: 0
	},
	{
		title: 'out-of-range coordinates with a place: geocode instead',
		input: 'id,hometown,lat,lon\nA,Paris,120,48\n',
		warning: /out of range.*swapped/,
		accepted: 1
	},
	{
		title: '0,0 is not a place',
		input: 'id,lat,lon\nA,0,0\n',
		rejected: [{ row: 2, field: /lat/, reason: /0,0 is a missing value/ }],
		accepted: 0
	},
	{
		title: 'an implausible date',
		input: 'id,hometown,lat,lon,date\nA,Paris,48.8,2.3,1915-11-13\n',
		warning: /outside 1970-2035/,
		accepted: 1
	},
	{
		title: 'an unreadable date',
		input: 'id,hometown,lat,lon,date\nA,Paris,48.8,2.3,last spring\n',
		warning: /not a date this importer reads/,
		accepted: 1
	},
	{
		title: 'a row with neither place nor coordinates',
		input: 'id,hometown,lat,lon\nA,,,\nB,Paris,48.8,2.3\n',
		rejected: [{ row: 2, field: /hometown/, reason: /no coordinates and no place name/ }],
		accepted: 1
	},
	{
		title: 'a placeholder row',
		input: 'id,hometown,lat,lon,source\nA,Placeholder,48.8,2.3,x\n',
		rejected: [{ row: 2, field: /hometown/, reason: /placeholder row/ }],
		accepted: 0
	},
	{
		title: 'unbalanced quotes',
		input: 'id,hometown,lat,lon\nA,"Paris,48.8,2.3\n',
		rejected: [{ row: 2, field: /^$/, reason: /unbalanced quotes/ }],
		accepted: 0
	},
	{
		title: 'GeoJSON that is a single geometry',
		input: JSON.stringify({ type: 'Polygon', coordinates: [] }),
		error: /is a Polygon, not a FeatureCollection/
	},
	{ title: 'GeoJSON FeatureCollection without features', input: '{"type":"FeatureCollection"}', error: /no "features" array/ },
	{
		title: 'GeoJSON with a polygon feature',
		input: JSON.stringify({
			type: 'FeatureCollection',
			features: [{ type: 'Feature', geometry: { type: 'Polygon', coordinates: [] }, properties: { id: 'A' } }]
		}),
		rejected: [{ row: 1, field: /geometry/, reason: /only Points/ }],
		accepted: 0
	},
	{
		title: 'a single GeoJSON Feature',
		input: JSON.stringify({ type: 'Feature', geometry: { type: 'Point', coordinates: [2.3, 48.8] }, properties: {} }),
		warning: /single Feature/,
		accepted: 1
	},
	{ title: 'broken JSON', input: '[{"id": "A",', error: /Not valid JSON/ },
	{ title: 'JSON that is neither array nor GeoJSON', input: '{"members": 3}', error: /neither an array of records nor a GeoJSON/ },
	{
		title: 'a JSON array of non-objects',
		input: '[1, "two", null]',
		rejected: [
			{ row: 1, field: /^$/, reason: /not an object/ },
			{ row: 2, field: /^$/, reason: /not an object/ },
			{ row: 3, field: /^$/, reason: /not an object/ }
		],
		accepted: 0
	},
	{
		title: 'no usable column',
		input: 'foo,bar\n1,2\n',
		warning: /No column gives coordinates/,
		rejected: [{ row: 2, field: /hometown/, reason: /no coordinates and no place name/ }],
		accepted: 0
	}
];

describe('bad input gets a clear message and a full report', () => {
	it.each(BAD)('$title', ({ input, error, rejected, warning, accepted }) => {
		let result!: ImportResult;
		expect(() => (result = typeof input === 'string' ? importText(input) : importBytes(input))).not.toThrow();
		const { report } = result;
		expect(balanced(result)).toBe(true);
		if (error) {
			expect(report.errors.join(' ')).toMatch(error);
			expect(result.records).toEqual([]);
		} else expect(report.errors).toEqual([]);
		if (rejected) {
			expect(report.rejected).toHaveLength(rejected.length);
			rejected.forEach((want, i) => {
				expect(report.rejected[i]!.row).toBe(want.row);
				expect(report.rejected[i]!.field).toMatch(want.field);
				expect(report.rejected[i]!.reason).toMatch(want.reason);
			});
		}
		if (warning) expect(report.warnings.map((w) => w.reason).join('\n')).toMatch(warning);
		if (accepted !== undefined) expect(report.accepted).toBe(accepted);
	});

	it('UTF-16 with a BOM is decoded', () => {
		const text = 'id,hometown,lat,lon\nA,Liège,50.6,5.6\n';
		const bytes = new Uint8Array(2 + text.length * 2);
		bytes.set([0xff, 0xfe]);
		for (let i = 0; i < text.length; i++) bytes[2 + i * 2] = text.charCodeAt(i);
		const { records, report } = importBytes(bytes);
		expect(report.encoding).toBe('utf-16le');
		expect(records[0]?.hometown).toBe('Liège');
	});

	it('rows without coordinates but with a hometown are accepted and listed for geocoding, never put at 0,0', () => {
		const { records, report } = importText('id,hometown,country\nA,Molenbeek-Saint-Jean,BE\nB,Lunel,FR\n');
		expect(report.accepted).toBe(2);
		expect(report.needsGeocoding).toEqual([
			{ row: 2, id: 'A', hometown: 'Molenbeek-Saint-Jean', country: 'BE' },
			{ row: 3, id: 'B', hometown: 'Lunel', country: 'FR' }
		]);
		expect(records.every((r) => Number.isNaN(r.lat) && Number.isNaN(r.lon))).toBe(true);
	});

	it('the user mapping wins over recognised names and can ignore a column', () => {
		const text = 'ref,place,a,b\nA,Paris,48.8,2.3\n';
		const { records, report } = importText(text, { mapping: { a: 'lat', b: 'lon', place: 'ignore', ref: 'id' } });
		expect(report.columns).toEqual([
			{ header: 'ref', field: 'id' },
			{ header: 'place', field: null },
			{ header: 'a', field: 'lat' },
			{ header: 'b', field: 'lon' }
		]);
		expect(records[0]).toMatchObject({ id: 'A', hometown: '', lat: 48.8, lon: 2.3 });
	});

	it('a 50 MB file is read row by row with progress, and every row is accounted for', () => {
		const header = 'id,hometown,country,lat,lon,first_act,role,source\n';
		const row = (i: number) =>
			`M-${i},Molenbeek-Saint-Jean,BE,${(50 + (i % 1000) / 1e4).toFixed(4)},${(4 + (i % 997) / 1e4).toFixed(4)},2015-${String((i % 12) + 1).padStart(2, '0')}-13,${i % 4 ? 'wider' : 'inner'},"a source note, with a comma, padding the row to size"\n`;
		const parts: string[] = [header];
		let size = header.length;
		let n = 0;
		while (size < 50 * 1024 * 1024) {
			const r = row(++n);
			parts.push(i7(n) ? r.replace(/,BE,[^,]+,[^,]+,/, ',BE,abc,4.3,').replace('Molenbeek-Saint-Jean', '') : r);
			size += r.length;
		}
		const progress: number[] = [];
		const { report } = importText(parts.join(''), { onProgress: (f) => progress.push(f) });
		expect(report.rowsRead).toBe(n);
		expect(report.accepted + report.rejected.length).toBe(n);
		expect(report.rejected.length).toBe(Math.floor(n / 100_000));
		expect(progress.length).toBeGreaterThan(40);
		expect(progress.at(-1)).toBe(1);
	}, 120_000);
});

/** Every 100,000th row of the big file is broken. */
const i7 = (n: number) => n % 100_000 === 0;

describe('the IOM Missing Migrants table (real data) imports as it is', () => {
	const bytes = readFileSync('../shared/data/missing-migrants-global-2020-01-28.csv');
	const { records, report } = importBytes(new Uint8Array(bytes), { fileName: 'missing-migrants-global-2020-01-28.csv' });
	const year = (day: number) => Number(new Date(Date.UTC(2014, 0, 1 + day)).toISOString().slice(0, 4));

	it('reads every row and reports the placeholder row instead of keeping or dropping it', () => {
		expect(report.errors).toEqual([]);
		expect(report.rowsRead).toBe(6353);
		expect(report.rejected).toEqual([
			{ row: 31, field: 'Location Description', reason: "placeholder row ('Placeholder' in Location Description)" }
		]);
		expect(report.accepted).toBe(6352);
		expect(report.needsGeocoding).toEqual([]);
	});

	it('maps its columns: coordinates, date, weight, route', () => {
		const field = (h: string) => report.columns.find((c) => c.header === h)?.field;
		expect(field('Location Coordinates')).toBe('coordinates');
		expect(field('Reported Date')).toBe('date');
		expect(field('Total Dead and Missing')).toBe('weight');
		expect(field('Migration Route')).toBe('category');
		expect(field('Web ID')).toBe('id');
		expect(report.kind, 'incidents, not members: the UI says records').toBe('records');
		const first = records[0]!;
		expect(first).toMatchObject({
			id: '52798',
			lat: 17.5420646,
			lon: -91.9893762,
			weight: 1,
			day: dayFromIso('2020-01-25'),
			datePrecision: 'day'
		});
	});

	const ROUTE_YEARS = [
		{ year: 2014, route: 'Central Mediterranean', expected: 55 },
		{ year: 2014, route: 'Eastern Mediterranean', expected: 5 },
		{ year: 2014, route: 'Western Mediterranean', expected: 5 },
		{ year: 2014, route: 'Western Balkans', expected: 1 },
		{ year: 2015, route: 'Central Mediterranean', expected: 62 },
		{ year: 2015, route: 'Eastern Mediterranean', expected: 131 },
		{ year: 2015, route: 'Western Mediterranean', expected: 18 },
		{ year: 2015, route: 'Western Balkans', expected: 15 },
		{ year: 2016, route: 'Central Mediterranean', expected: 139 },
		{ year: 2016, route: 'Eastern Mediterranean', expected: 53 },
		{ year: 2016, route: 'Western Mediterranean', expected: 24 },
		{ year: 2016, route: 'Western Balkans', expected: 17 }
	];
	it.each(ROUTE_YEARS)('$year $route: $expected incidents', ({ year: y, route, expected }) => {
		expect(records.filter((r) => r.category === route && year(r.day) === y)).toHaveLength(expected);
	});

	// The README counts all rows by Reported Year; the placeholder (reported 2 January 2020) is rejected, so 2020 has one fewer accepted.
	const YEARS = [
		{ year: 2014, expected: 247, rejected: 0 },
		{ year: 2015, expected: 808, rejected: 0 },
		{ year: 2016, expected: 1275, rejected: 0 },
		{ year: 2017, expected: 1356, rejected: 0 },
		{ year: 2018, expected: 1625, rejected: 0 },
		{ year: 2019, expected: 1010, rejected: 0 },
		{ year: 2020, expected: 32, rejected: 1 }
	];
	it.each(YEARS)('$year: $expected rows ($rejected rejected)', ({ year: y, expected, rejected }) => {
		expect(records.filter((r) => year(r.day) === y)).toHaveLength(expected - rejected);
	});
});

describe('random bytes of any length are refused as binary', () => {
	const SIZES = [{ n: 60 }, { n: 200 }, { n: 1000 }, { n: 10_000 }];
	it.each(SIZES)('$n bytes', ({ n }) => {
		let seed = n;
		const bytes = Uint8Array.from({ length: n }, () => ((seed = (seed * 1103515245 + 12345) >>> 0), (seed >>> 16) & 0xff));
		const { report } = importBytes(bytes);
		expect(report.errors.join(' ')).toMatch(/binary/);
		expect(report.rowsRead).toBe(0);
	});
});

/**
 * Rows read = accepted + rejected, checked against what the file holds (counted here, not by the
 * importer's own counters): each case knows its data rows, which are kept and which are rejected, so a
 * row dropped, merged or counted twice breaks the equality.
 */
const ACCOUNTING = [
	{
		title: 'CSV: good rows, a row with no place, a shifted row',
		input: 'id,hometown,lat,lon\nA,Lunel,43.68,4.14\nB,,,\nC,Brussels,50.85,4.35\nD,Oslo,59.9,10.7,extra\nE,Raqqa,35.95,39.01\n',
		rows: 5,
		kept: ['A', 'C', 'E'],
		rejectedRows: [3, 5]
	},
	{
		title: 'CSV: a quoted line break is one row, blank lines are no rows',
		input: 'id,hometown,note\nA,Lunel,"two\nlines"\n\nB,Brussels,x\n\n',
		rows: 2,
		kept: ['A', 'B'],
		rejectedRows: []
	},
	{
		title: 'CSV: a placeholder row among good ones',
		input: 'id,hometown,lat,lon\nA,Lunel,43.68,4.14\nB,dummy row,,\nC,Brussels,50.85,4.35\n',
		rows: 3,
		kept: ['A', 'C'],
		rejectedRows: [3]
	},
	{
		title: 'JSON: a record that is not an object, one with no place',
		input: '[{"id":"A","hometown":"Lunel"},5,{"id":"C","hometown":""},{"id":"D","city":"Oslo"}]',
		rows: 4,
		kept: ['A', 'D'],
		rejectedRows: [2, 3]
	},
	{
		title: 'GeoJSON: a feature with a broken geometry',
		input: JSON.stringify({
			type: 'FeatureCollection',
			features: [
				{ type: 'Feature', properties: { id: 'A' }, geometry: { type: 'Point', coordinates: [4.14, 43.68] } },
				{ type: 'Feature', properties: { id: 'B' }, geometry: { type: 'Point', coordinates: ['x'] } },
				{ type: 'Feature', properties: { id: 'C', hometown: 'Brussels' }, geometry: null }
			]
		}),
		rows: 3,
		kept: ['A', 'C'],
		rejectedRows: [2]
	}
];

describe('every row of the file is read, and accepted or rejected', () => {
	it.each(ACCOUNTING)('$title', ({ input, rows, kept, rejectedRows }) => {
		const { records, report } = importText(input);
		expect(report.rowsRead, 'rows read = the data rows the file holds').toBe(rows);
		expect(records.map((r) => r.id)).toEqual(kept);
		expect(report.accepted, 'accepted = the records returned').toBe(records.length);
		expect(report.rejected.map((r) => r.row)).toEqual(rejectedRows);
		expect(report.rowsRead).toBe(report.accepted + report.rejected.length);
	});
});
