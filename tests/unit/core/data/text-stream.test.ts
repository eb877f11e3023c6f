/**
 * CSV read as it comes (core/data/import.ts TextImport, core/data/read-file.ts importFile): fed in
 * chunks of any size, and parsed in segments as small as one row, it gives the same records, row
 * numbers and report as one read of the whole text.
 */
import { describe, it, expect } from 'vitest';
import {
	importBytes,
	importText,
	textReport,
	TextImport,
	STREAM_BATCH,
	type ImportOptions,
	type ImportResult
} from '../../../../src/lib/core/data/import';
import type { MemberRecord } from '../../../../src/lib/core/data/member';
import { readFileSync } from 'node:fs';
import { fileKind, importFile, tooLarge, MAX_STREAMED_BYTES, MAX_WHOLE_BYTES } from '../../../../src/lib/core/data/read-file';

/** Feeds `text` in chunks of `size` characters to a reader that parses as soon as a row is whole. */
function streamed(text: string, size: number, options: ImportOptions = {}, segment = 1): ImportResult {
	const reader = new TextImport(textReport(options, 'utf-8'), options, segment);
	for (let i = 0; i < text.length && !reader.failed; i += size) reader.push(text.slice(i, i + size));
	return reader.end();
}

const HEADER = 'id,hometown,country,lat,lon,date,role,source\n';
const CASES: { title: string; text: string }[] = [
	{ title: 'plain rows', text: `${HEADER}a,Brussels,BE,50.85,4.35,2015-11-13,inner,x\nb,Paris,FR,48.85,2.35,2015-01-07,wider,y\n` },
	{ title: 'a BOM before the header', text: `\ufeff${HEADER}a,Brussels,BE,50.85,4.35,2015-11-13,inner,x\n` },
	{
		title: 'quoted cells holding line ends, delimiters and doubled quotes',
		text: `${HEADER}a,"Saint-Denis, 93",FR,48.9,2.35,2015-11-13,inner,"first line\nsecond ""quoted"" line\n\nafter a blank"\nb,Lunel,FR,43.67,4.13,2014-06-30,wider,""\n`
	},
	{
		title: 'CRLF line ends (a CR and its LF may fall in different chunks)',
		text: `${HEADER}a,Brussels,BE,50.85,4.35,2015-11-13,inner,x\r\nb,Paris,FR,48.85,2.35,,,\r\n`
			.replace(/\n/g, '\r\n')
			.replace(/\r\r/g, '\r')
	},
	{
		title: 'mixed CRLF, LF and bare CR',
		text: `${HEADER.trim()}\r\na,Brussels,BE,50.85,4.35,2015-11-13,inner,x\rb,Paris,FR,48.85,2.35,,,\nc,Lunel,FR,43.67,4.13,,,`
	},
	{
		title: 'blank lines between rows and at the end',
		text: `${HEADER}\na,Brussels,BE,50.85,4.35,2015-11-13,inner,x\n\n\nb,Paris,FR,48.85,2.35,,,\n\n`
	},
	{ title: 'no line end after the last row', text: `${HEADER}a,Brussels,BE,50.85,4.35,2015-11-13,inner,x\nb,Paris,FR,48.85,2.35,,,` },
	{
		title: 'title lines above the header',
		text: `Members, as of March 2016\n\n${HEADER}a,Brussels,BE,50.85,4.35,2015-11-13,inner,x\n`
	},
	{
		title: 'semicolons and decimal commas',
		text: 'id;ville;pays;latitude;longitude;date\nA;Lunel;France;43,6778;4,1361;13/11/2015\nB;Nice;France;43,7;7,26;14/07/2016\n'
	},
	{
		title: 'a stray quote: the row is rejected and the lines it swallowed are read again',
		text: `${HEADER}a,"Brussels,BE,50.85,4.35,2015-11-13,inner,x\nb,Paris,FR,48.85,2.35,,,\nc,Lunel,FR,43.67,4.13,,,\n`
	},
	{ title: 'rejected rows keep their row numbers', text: `${HEADER}a,,BE,,,2015-11-13,inner,x\n\nb,Paris,FR,48.85,2.35,,,\nc,,,95,4,,,\n` },
	{ title: 'multi-byte characters', text: `${HEADER}a,Liège,BE,50.63,5.57,2015-11-13,inner,"Ça va — 😀"\nb,Malmö,SE,55.6,13.0,,,\n` },
	{ title: 'a header only', text: HEADER },
	{ title: 'white space only', text: '  \n\n ' },
	{ title: 'JSON records', text: '[{"id":"a","hometown":"Paris","lat":48.85,"lon":2.35}]' }
];

// Megabytes of text per case: seconds on a loaded machine, hence the longer limit (not a speed check).
describe('CSV read as it comes equals one read of the whole text', { timeout: 60_000 }, () => {
	for (const { title, text } of CASES)
		it(title, () => {
			const whole = importText(text);
			for (const size of [1, 2, 3, 7, 64, 100_000]) expect(streamed(text, size), `chunks of ${size}`).toEqual(whole);
			// Segments of the default size too (the whole text in one segment when it is this small).
			expect(streamed(text, 5, {}, 1 << 18)).toEqual(whole);
		});

	it('a long file: rows split across chunks and segments, row numbers and rejections unchanged', () => {
		const rows = [HEADER.trim()];
		for (let i = 0; i < 20_000; i++)
			rows.push(
				i % 997 === 0
					? `m${i},,,,,2015-01-01,,"a ""quoted""\nnote"`
					: `m${i},Town ${i % 50},BE,${(50 + (i % 100) / 100).toFixed(2)},4.3,2015-0${1 + (i % 9)}-15,inner,s`
			);
		const text = rows.join('\n') + '\n';
		const whole = importText(text);
		expect(whole.report.rejected.length).toBeGreaterThan(10);
		expect(whole.report.rejected[1]!.row).toBe(997 + 2); // a quoted line end stays inside its row, as a spreadsheet shows it
		for (const [size, segment] of [
			[1000, 1],
			[4093, 5000],
			[65_537, 1 << 18]
		] as const)
			expect(streamed(text, size, {}, segment)).toEqual(whole);
	});

	it('a quote left open for megabytes: the reader cuts at a line end anyway, reports the row and reads every row after it', () => {
		const rows = [HEADER.trim(), 'bad,"Brussels,BE,50.85,4.35,2015-11-13,inner,x'];
		for (let i = 0; i < 200_000; i++) rows.push(`m${i},Paris,FR,48.85,2.35,2015-01-07,wider,note ${i}`);
		const text = rows.join('\n') + '\n';
		expect(text.length).toBeGreaterThan(5 << 20);
		const reader = new TextImport(textReport({}, 'utf-8'), {});
		let held = 0;
		for (let i = 0; i < text.length; i += 1 << 20) {
			reader.push(text.slice(i, i + (1 << 20)));
			held = Math.max(held, reader.held);
		}
		const { report } = reader.end();
		// Never the rest of the file: at most the open-quote limit (4 M characters) and one chunk.
		expect(held).toBeLessThanOrEqual((4 << 20) + (1 << 20));
		expect(report.rowsRead).toBe(report.accepted + report.rejected.length);
		expect(report.rejected).toHaveLength(1);
		expect(report.rejected[0]).toMatchObject({ row: 2, reason: expect.stringMatching(/^unbalanced quotes/) });
		expect(report.accepted).toBe(200_000);
	});

	it('a column mapping and presets apply as in one read', () => {
		const text = 'ref,ville,y,x\n1,Lunel,43.67,4.13\n2,Nice,43.7,7.26\n';
		const options: ImportOptions = { mapping: { ref: 'id', y: 'lat', x: 'lon' } };
		expect(streamed(text, 3, options)).toEqual(importText(text, options));
		expect(streamed(text, 3, options).report.accepted).toBe(2);
	});
});

describe('a file read a slice at a time (importFile)', { timeout: 60_000 }, () => {
	/** Over one read slice (4 MB), with multi-byte characters on every line so some fall across a slice's edge. */
	function bigCsv(accents = true): string {
		const parts = [HEADER];
		const [town, note] = accents ? ['Liège', 'Ça —'] : ['Liege', 'Ca -'];
		for (let i = 0; i < 70_000; i++) parts.push(`m${i},${town}-${i % 7},BE,50.6${i % 10},5.5,2015-11-13,inner,"${note} ${i}"\n`);
		return parts.join('');
	}

	it('equals reading its bytes whole, across slice edges that split characters', async () => {
		const bytes = new TextEncoder().encode(bigCsv());
		expect(bytes.length).toBeGreaterThan(4 << 20);
		const fromFile = await importFile(new Blob([bytes]), { fileName: 'big.csv' });
		expect(fromFile).toEqual(importBytes(bytes, { fileName: 'big.csv' }));
		expect(fromFile.report.accepted).toBe(70_000);
	});

	it('a file that proves not to be UTF-8 past the first slice is read again as Windows-1252, as when read whole', async () => {
		// ASCII before the Latin-1 byte: Node decodes a whole buffer's bytes 0x80-0x9f as Latin-1 control
		// characters, not Windows-1252's letters, while its streaming decoder (and browsers) give the letters.
		const text = bigCsv(false) + 'z,Li\u00e8ge,BE,50.6,5.5,,,\n';
		const utf8 = new TextEncoder().encode(text);
		const bytes = new Uint8Array(utf8.length - 1);
		bytes.set(utf8.subarray(0, utf8.length - 12));
		bytes.set(new Uint8Array([0x65, 0xe8, 0x67, 0x65]), utf8.length - 13); // "e\xe8ge": Latin-1 è, no UTF-8
		const fromFile = await importFile(new Blob([bytes]), { fileName: 'latin.csv' });
		const whole = importBytes(bytes, { fileName: 'latin.csv' });
		expect(whole.report.encoding).toBe('windows-1252');
		expect(fromFile).toEqual(whole);
	});

	it('UTF-16 with a BOM, an empty file, a binary file', async () => {
		const text = `${HEADER}a,Malmö,SE,55.6,13.0,,,\n`;
		const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...text].map((c) => c.charCodeAt(0))).buffer)]);
		for (const bytes of [utf16, new Uint8Array(0), new Uint8Array([1, 0, 0, 0, 0, 2, 0, 0, 0, 0, 3])])
			expect(await importFile(new Blob([bytes]))).toEqual(importBytes(bytes));
		expect((await importFile(new Blob([utf16]))).report.accepted).toBe(1);
	});
});

describe('file kinds and size limits', () => {
	const ascii = (s: string) => new TextEncoder().encode(s);
	it.each([
		['PAR1....', 'parquet'],
		['ARROW1\0\0', 'arrow'],
		['\xff\xff\xff\xff', 'arrow'],
		['PK\x03\x04', 'zip'],
		['\ufeff  [{"a":1}]', 'json'],
		['\n{"type":"FeatureCollection"}', 'json'],
		['id,hometown\n', 'text']
	] as const)('%j is %s', (head, kind) => {
		const bytes = head.startsWith('\xff') ? new Uint8Array([0xff, 0xff, 0xff, 0xff]) : ascii(head);
		expect(fileKind(bytes)).toBe(kind);
	});

	it.each([
		[MAX_STREAMED_BYTES, 'text', null],
		[MAX_STREAMED_BYTES + 1, 'text', /CSV and Parquet files are read up to 1,024 MB here/],
		[MAX_STREAMED_BYTES + 1, 'parquet', /aggregate/],
		[MAX_WHOLE_BYTES, 'json', null],
		[MAX_WHOLE_BYTES + 1, 'json', /JSON and GeoJSON files are read whole, up to 256 MB/],
		[MAX_WHOLE_BYTES + 1, 'zip', /Workbooks are read whole/],
		[MAX_WHOLE_BYTES + 1, 'arrow', /Arrow files are read whole/]
	] as const)('%d bytes of %s', (size, kind, message) => {
		const said = tooLarge(size, kind);
		if (message === null) expect(said).toBeNull();
		else expect(said).toMatch(message);
	});

	it('a file past its limit is reported in words, without being read', async () => {
		const head = new Blob([HEADER]);
		const huge = { size: MAX_STREAMED_BYTES + 1, slice: (a?: number, b?: number) => head.slice(a, b) } as Blob;
		const { report, records } = await importFile(huge, { fileName: 'huge.csv' });
		expect(records).toEqual([]);
		expect(report.errors[0]).toMatch(/^This file is 1,024 MB; CSV and Parquet files are read up to 1,024 MB here/);
		// The command line has no such limit: it reads what slice() gives.
		expect((await importFile(huge, {}, false)).report.errors[0]).toMatch(/header but no data rows/);
	});
});

describe('records handed over as they are read (onRecords)', { timeout: 60_000 }, () => {
	/** The batches handed over, and the result; with the restarts seen. */
	async function handedOver(read: (options: ImportOptions) => ImportResult | Promise<ImportResult>, options: ImportOptions = {}) {
		let batches: MemberRecord[][] = [];
		let restarts = 0;
		const result = await read({
			...options,
			onRecords: (records) => batches.push(records),
			onRestart: () => {
				restarts++;
				batches = [];
			}
		});
		return { batches, result, restarts, all: [...batches.flat(), ...result.records] };
	}
	const rows = (count: number, date: (i: number) => string = () => '2015-11-13', from = 0) =>
		Array.from({ length: count }, (_, k) => `m${from + k},Liege,BE,50.6${k % 10},5.5,${date(from + k)},inner,x\n`).join('');

	it('in batches of STREAM_BATCH in file order; with the rest, the same records and report as one read', async () => {
		const text = HEADER + rows(5_500) + 'm3,Liege,BE,50.6,5.5,2015-11-13,inner,duplicate\nbad,,BE,,,,,\n';
		const { batches, result, all } = await handedOver((o) => importText(text, o));
		const once = importText(text);
		expect(batches.map((b) => b.length)).toEqual([STREAM_BATCH, STREAM_BATCH]);
		expect(all).toEqual(once.records);
		expect(result.report).toEqual(once.report);
		expect(result.report.warnings.some((w) => w.reason.includes("duplicate id 'm3' (first in row 5)"))).toBe(true);
	});

	it('from a date that reads both ways on, records wait for the end, where the file proves month first', async () => {
		// Day-month-ambiguous dates from row 2,500 on; a later 11/13/2015 settles the file as month first.
		const date = (i: number) => (i < 2_499 ? '2015-11-13' : i < 5_000 ? '03/04/2015' : '11/13/2015');
		const text = HEADER + rows(5_010, date);
		const { batches, result, all } = await handedOver((o) => importText(text, o));
		const once = importText(text);
		expect(batches.map((b) => b.length)).toEqual([STREAM_BATCH]);
		expect(all).toEqual(once.records);
		expect(result.report).toEqual(once.report);
		// 03/04/2015 read month first: 4 March, in the records held back and re-read at the end.
		expect(all[3_000]!.day).toBe(once.records[3_000]!.day);
		expect(result.records.length).toBe(5_010 - STREAM_BATCH);
	});

	it('Parquet row groups too; not JSON, workbooks read whole, nor a read that keeps the cells', async () => {
		const parquet = new Blob([readFileSync('tests/fixtures/columnar/row-groups.parquet')]);
		const fromParquet = await handedOver((o) => importFile(parquet, o));
		expect(fromParquet.batches.length).toBe(2);
		expect(fromParquet.all).toEqual((await importFile(parquet)).records);

		const json = JSON.stringify(Array.from({ length: 4_100 }, (_, i) => ({ id: `m${i}`, lat: 50.6, lon: 5.5 })));
		const fromJson = await handedOver((o) => importText(json, o));
		expect(fromJson.batches).toEqual([]);
		expect(fromJson.result.records.length).toBe(4_100);

		const kept = await handedOver((o) => importText(HEADER + rows(4_100), o), { keepCells: true });
		expect(kept.batches).toEqual([]);
		expect(kept.result.table!.cells.length).toBe(4_100);
	});

	it('a file read again as Windows-1252 voids what was handed over before, and is handed over once', async () => {
		const text = HEADER + rows(100_000) + 'z,Li\u00e8ge,BE,50.6,5.5,,,\n';
		const utf8 = new TextEncoder().encode(text);
		const bytes = new Uint8Array(utf8.length - 1);
		bytes.set(utf8.subarray(0, utf8.length - 12));
		bytes.set(new Uint8Array([0x65, 0xe8, 0x67, 0x65]), utf8.length - 13); // "e\xe8ge": Latin-1 è
		expect(bytes.length).toBeGreaterThan(4 << 20);
		const { restarts, all, result } = await handedOver((o) => importFile(new Blob([bytes]), o));
		expect(restarts).toBe(1);
		expect(result.report.encoding).toBe('windows-1252');
		expect(all).toEqual((await importFile(new Blob([bytes]))).records);
		expect(all.length).toBe(100_001);
	});
});
