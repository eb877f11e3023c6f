/**
 * Parquet and Arrow IPC files (core/data/columnar.ts through core/data/read-file.ts importFile): typed
 * columns enter the same column mapping, checks and report as a CSV with the same values. The Parquet
 * files are tests/fixtures/columnar (scripts/make-columnar-fixtures.ts, written by DuckDB).
 */
import { describe, it, expect } from 'vitest';
import { openAsBlob, readFileSync } from 'node:fs';
import { bool, dateDay, float32, float64, int64, list, tableFromArrays, tableToIPC, timestamp, TimeUnit, utf8 } from '@uwdata/flechette';
import { parquetMetadata } from 'hyparquet';
import { importText, type ImportResult } from '../../../../src/lib/core/data/import';
import { importFile, importFileBytes } from '../../../../src/lib/core/data/read-file';
import { cellText } from '../../../../src/lib/core/data/columnar';
import { dayFromIso } from '../../../../src/lib/core/time/days';

const FIXTURES = 'tests/fixtures/columnar';
const COMPRESSIONS = ['uncompressed', 'snappy', 'gzip', 'zstd', 'brotli', 'lz4_raw'];

/** The fixture's rows as CSV text: what the Parquet file must import as (row numbers aside: CSV's header is row 1). */
const SAME_AS_CSV = `id,hometown,country,lat,lon,date,seen,role,arrested,weight,plots
p1,Brussels,BE,50.8503,4.3517,2015-03-02,2015-03-02,inner,true,3,a|b
p2,Molenbeek,BE,50.8548,4.3229,2015-04-11,2015-04-11,wider,false,1,
p3,Paris,FR,48.8566,2.3522,2015-11-13,,inner,,2,
p4,Lunel,FR,43.6756,4.1358,2014-06-30,2014-06-30,wider,true,1,c
p5,Antwerp,BE,51.2194,4.4025,2016-01-20,,,false,1,
p6,Tunis,TN,36.8065,10.1815,2015-07-01,,wider,,5,
p7,Casablanca,MA,33.5731,-7.5898,,,inner,true,1,
p8,,BE,95,4,2015-05-05,,wider,,1,
p9,Vilvoorde,BE,50.9281,4.4245,2015-08-08,,wider,false,1,
p10,Verviers,BE,50.5891,5.8624,2015-01-15,,inner,true,4,
p11,Nice,FR,43.7102,7.262,2016-07-14,,wider,,1,
p12,Toulouse,FR,43.6047,1.4442,2012-03-19,,inner,true,1,
`;

/** A CSV's result with its row numbers shifted down by one (Parquet and Arrow have no header row). */
function asRecordsFile({ records, report }: ImportResult, format: string): ImportResult {
	const shift = <T extends { row?: number }>(x: T) => ({ ...x, row: x.row! - 1 });
	return {
		records: records.map(shift),
		report: {
			...report,
			format: format as ImportResult['report']['format'],
			encoding: '',
			delimiter: null,
			rejected: report.rejected.map(shift),
			warnings: report.warnings.map((w) => (w.row ? shift(w) : w)),
			needsGeocoding: report.needsGeocoding.map(shift)
		},
		table: undefined
	};
}

describe('Parquet', () => {
	const csv = asRecordsFile(importText(SAME_AS_CSV), 'parquet');

	it.each(COMPRESSIONS)('%s pages: the same records and report as the CSV', async (codec) => {
		const path = `${FIXTURES}/members-${codec}.parquet`;
		const metadata = parquetMetadata(new Uint8Array(readFileSync(path)).buffer);
		expect(metadata.row_groups[0]!.columns[0]!.meta_data!.codec).toBe(codec === 'lz4_raw' ? 'LZ4_RAW' : codec.toUpperCase());
		const result = await importFile(await openAsBlob(path), {});
		expect(result).toEqual(csv);
		expect(result.report).toMatchObject({ rowsRead: 12, accepted: 11, rejected: [{ row: 8, field: 'lat' }] });
		const p1 = result.records[0]!;
		expect(p1).toMatchObject({
			id: 'p1',
			lat: 50.8503,
			lon: 4.3517,
			day: dayFromIso('2015-03-02'),
			role: 'inner',
			arrested: 'yes',
			weight: 3
		});
		expect(p1.plots).toEqual(['a', 'b']);
	});

	it('several row groups: every row, numbered through the groups', async () => {
		const path = `${FIXTURES}/row-groups.parquet`;
		expect(parquetMetadata(new Uint8Array(readFileSync(path)).buffer).row_groups.length).toBeGreaterThan(1);
		let progress = 0;
		const { records, report } = await importFile(await openAsBlob(path), { onProgress: (f) => (progress = f) });
		expect(report).toMatchObject({ rowsRead: 5000, accepted: 4995 });
		expect(report.rejected.map((r) => r.row)).toEqual([1000, 2000, 3000, 4000, 5000]);
		expect(records.every((r) => r.id === `r${r.row}`)).toBe(true);
		expect(records[4000]!.row).toBe(4005); // four rejected rows before it
		expect(records[4000]!.lat).toBe(40.05);
		expect(progress).toBe(1);
	});

	it('the file the browser test imports, read from bytes in memory too', async () => {
		const bytes = new Uint8Array(readFileSync(`${FIXTURES}/members.parquet`));
		expect(await importFileBytes(bytes, {})).toEqual(csv);
	});

	it('a column mapping applies to its columns', async () => {
		const result = await importFile(await openAsBlob(`${FIXTURES}/members.parquet`), { mapping: { seen: 'date', date: 'ignore' } });
		expect(result.report.columns.find((c) => c.header === 'seen')!.field).toBe('date');
		expect(result.records[0]!.day).toBe(dayFromIso('2015-03-02')); // 23:30 UTC stays that day
		expect(Number.isNaN(result.records[2]!.day)).toBe(true);
	});

	it('a damaged file is reported in words', async () => {
		const bytes = new Uint8Array(readFileSync(`${FIXTURES}/members.parquet`));
		const cut = await importFileBytes(bytes.subarray(0, bytes.length - 100), { fileName: 'cut.parquet' });
		expect(cut.records).toEqual([]);
		expect(cut.report.errors[0]).toMatch(/^This Parquet file could not be read/);
	});
});

describe('Arrow IPC', () => {
	const table = () =>
		tableFromArrays(
			{
				id: ['a', 'b', 'c', 'd'],
				hometown: ['Brussels', 'Paris', null, 'Lunel'],
				lat: new Float64Array([50.8503, 48.8566, 95, 43.6756]),
				lon: new Float32Array([4.25, 2.5, 4, 4.125]),
				date: [new Date('2015-03-02'), new Date('2015-11-13'), null, new Date('2014-06-30')],
				seen: [Date.UTC(2015, 2, 2, 23, 30), null, null, null],
				arrested: [true, false, null, true],
				weight: [3n, 1n, 1n, 2n],
				plots: [['x', 'y'], [], null, ['z']]
			},
			{
				types: {
					id: utf8(),
					hometown: utf8(),
					lat: float64(),
					lon: float32(),
					date: dateDay(),
					seen: timestamp(TimeUnit.MILLISECOND),
					arrested: bool(),
					weight: int64(),
					plots: list(utf8())
				}
			}
		);
	const CSV = `id,hometown,lat,lon,date,seen,arrested,weight,plots
a,Brussels,50.8503,4.25,2015-03-02,2015-03-02,true,3,x|y
b,Paris,48.8566,2.5,2015-11-13,,false,1,
c,,95,4,,,,1,
d,Lunel,43.6756,4.125,2014-06-30,,true,2,z
`;

	it.each(['file', 'stream'] as const)('an IPC %s: the same records and report as the CSV', async (format) => {
		const bytes = tableToIPC(table(), { format })!;
		const result = await importFile(new Blob([bytes as Uint8Array<ArrayBuffer>]), {});
		expect(result).toEqual(asRecordsFile(importText(CSV), 'arrow'));
		expect(result.report).toMatchObject({ format: 'arrow', rowsRead: 4, accepted: 3, rejected: [{ row: 3 }] });
	});

	it('damaged bytes are reported in words', async () => {
		const bytes = tableToIPC(table(), { format: 'file' })!;
		const result = await importFileBytes(bytes.subarray(0, 60), {});
		expect(result.report.errors[0]).toMatch(/^This Arrow file could not be read/);
	});
});

describe('typed values as the importer reads them', () => {
	it.each([
		[null, ''],
		[undefined, ''],
		['Liège', 'Liège'],
		[50.8503, '50.8503'],
		[-0.000001, '-0.000001'],
		[Number.NaN, ''],
		[12345678901234567890n, '12345678901234567890'],
		[true, 'true'],
		[new Date('2015-11-13T23:59:00Z'), '2015-11-13'],
		[new Date(Number.NaN), ''],
		[['a', 'b', null], 'a|b|'],
		[new Float64Array([1.5, 2]), '1.5|2'],
		[new Uint8Array([104, 105]), ''],
		[{ a: 1n, b: [1, 2] }, '{"a":"1","b":[1,2]}']
	])('%o -> %j', (value, text) => expect(cellText(value)).toBe(text));
});
