/**
 * Files as they come out of real tools: one table of cases per rule the importer applies, each with
 * the rows it keeps, what it says, and the accounting rowsRead = accepted + rejected.
 */
import { describe, expect, it } from 'vitest';
import { importBytes, importText, type ImportResult } from '$lib/core/data/import';
import { isoFromDay } from '$lib/core/time/days';

const balanced = ({ report }: ImportResult) => report.rowsRead === report.accepted + report.rejected.length;
const said = ({ report }: ImportResult) =>
	[...report.warnings, ...report.rejected].map((w) => `${w.row}:${w.field}:${w.reason}`).join('\n');

describe('files as real tools write them', () => {
	it.each([
		{
			title: 'Excel text cells ="0123" keep their rows and leading zeros',
			input: 'id,hometown,lat,lon\n="0123",Paris,48.85,2.35\n="0124",="Lyon",45.7,4.8\n"=""0125""",Nice,43.7,7.2\n',
			ids: ['0123', '0124', '0125'],
			says: /Excel's text cells/
		},
		{
			title: 'CRLF, LF and bare CR line ends in one file are three rows, not merged',
			input: 'id,hometown\r\nA,Paris\nB,Lyon\rC,Nice\r\n',
			ids: ['A', 'B', 'C'],
			says: /^$/
		},
		{
			title: 'title and blank lines above the header: the header row is found and named',
			input: 'Members list, March 2016\n\nid,hometown,date\nA,Paris,2015\n',
			ids: ['A'],
			says: /^3::header found on row 3; .*'Members list, March 2016'/
		},
		{
			title: 'a first line that names its columns stays the header',
			input: 'ref,woonplaats\nA,Gouda\n',
			ids: ['A'],
			says: /^$/
		},
		{
			title: 'data rows holding y/n are not taken for a header',
			input: 'Person,Stad,Gearresteerd,Datum\nA,Delft,y,2015\nB,Gouda,n,2016\n',
			ids: ['row-2', 'row-3'],
			says: /no id/
		},
		{
			title: 'JSON records with differing keys: the union of keys, one field from several names',
			input: JSON.stringify([
				{ id: 'a', City: 'Paris' },
				{ id: 'b', ville: 'Lyon' },
				{ id: 'c', Latitude: 50.85, Longitude: 4.35 }
			]),
			ids: ['a', 'b', 'c'],
			says: /^$/
		},
		{
			title: 'a property nested 100,000 deep is a row-level reason, not a crash',
			input:
				'[{"id":"a","hometown":"Paris","x":' +
				'['.repeat(100_000) +
				']'.repeat(100_000) +
				'},{"id":"b","hometown":"Lyon","tags":["p","q"],"meta":{"a":1}}]',
			ids: ['a', 'b'],
			says: /^1:x:'x' holds objects or lists nested more than 8 deep/
		},
		{
			title: 'coordinates within 0.1 degrees of 0,0 are missing, never a place',
			input: 'id,lat,lon\nA,0,0.0001\nB,50.8,4.3\nC,-0.05,0.02\n',
			ids: ['B'],
			says: /2:lat:0,0.0001 is a missing value \(within 0.1 degrees of 0,0, "null island"\)/
		}
	])('$title', ({ input, ids, says }) => {
		const r = importText(input);
		expect(r.report.errors).toEqual([]);
		expect(r.records.map((m) => m.id)).toEqual(ids);
		expect(said(r)).toMatch(says);
		expect(balanced(r)).toBe(true);
	});

	it.each([
		{
			title: 'a stray NUL byte is removed and the line named',
			bytes: new TextEncoder().encode('id,hometown\nA,Par\u0000is\nB,Lyon\n'),
			hometowns: ['Paris', 'Lyon'],
			says: /^2::NUL \(zero\) bytes removed from this row/
		},
		{
			title: 'Latin-1 bytes read as Windows-1252',
			bytes: Uint8Array.from([
				...new TextEncoder().encode('id,hometown\nA,Li'),
				0xe8,
				...new TextEncoder().encode('ge\nB,T'),
				0xe9,
				...new TextEncoder().encode('touan\n')
			]),
			hometowns: ['Liège', 'Tétouan'],
			says: /Windows-1252/
		}
	])('$title', ({ bytes, hometowns, says }) => {
		const r = importBytes(bytes);
		expect(r.records.map((m) => m.hometown)).toEqual(hometowns);
		expect(said(r)).toMatch(says);
	});
});

describe('the date convention is decided per file', () => {
	const dates = (r: ImportResult) => r.records.map((m) => isoFromDay(m.day));
	it.each([
		{ title: 'a 13/11/2015 anywhere: day first', input: ['13/11/2015', '1/7/2015'], expected: ['2015-11-13', '2015-07-01'], says: /^$/ },
		{
			title: 'a 11/13/2015 anywhere: month first, 1/7/2015 is 7 January',
			input: ['11/13/2015', '1/7/2015'],
			expected: ['2015-11-13', '2015-01-07'],
			says: /read month first .*rows 3/
		},
		{
			title: 'both conventions in one file: warned, the more common assumed',
			input: ['11/13/2015', '12/25/2015', '13/11/2015', '2/3/2015'],
			expected: ['2015-11-13', '2015-12-25', '2015-11-13', '2015-02-03'],
			says: /mix two conventions: rows 4 can only be day first, rows 2, 3 only month first. Assumed month first.*rows 5/
		},
		{
			title: 'every date ambiguous: day first assumed, said with the rows',
			input: ['1/7/2015', '2/3/2016'],
			expected: ['2015-07-01', '2016-03-02'],
			says: /every numeric date .* reads both ways.*day first.*Rows 2, 3/
		},
		{
			title: 'ISO dates and same-both-ways dates say nothing',
			input: ['2015-11-13', '5/5/2015'],
			expected: ['2015-11-13', '2015-05-05'],
			says: /^$/
		}
	])('$title', ({ input, expected, says }) => {
		const r = importText(`id,hometown,date\n${input.map((d, i) => `m${i},Paris,${d}`).join('\n')}\n`);
		expect(dates(r)).toEqual(expected);
		expect(said(r)).toMatch(says);
	});
});

describe('headers as analysts write them', () => {
	it.each([
		{
			lang: 'French',
			header: 'Identifiant;Ville;Pays;Date du premier acte;Arrêté;Décédé;Origine;Recruteur',
			row: '1;Lunel;France;2014;oui;non;marocaine;Zerkani'
		},
		{
			lang: 'Dutch',
			header: 'Nummer;Woonplaats;Land;Datum eerste feit;Gearresteerd;Overleden;Afkomst;Ronselaar',
			row: '1;Lunel;France;2014;ja;nee;marocaine;Zerkani'
		},
		{
			lang: 'German',
			header: 'Kennung;Wohnort;Staat;Erste Tat;Verhaftet;Gestorben;Herkunft;Anwerber',
			row: '1;Lunel;France;2014;ja;nein;marocaine;Zerkani'
		},
		{
			lang: 'Arabic transliteration',
			header: 'raqm;madina;balad;tarikh;mutaqal;mayyit;asl;tajnid',
			row: '1;Lunel;France;2014;yes;no;marocaine;Zerkani'
		}
	])('$lang', ({ header, row }) => {
		const r = importText(`${header}\n${row}\n`);
		const m = r.records[0]!;
		expect({
			id: m.id,
			hometown: m.hometown,
			country: m.country,
			year: isoFromDay(m.day).slice(0, 4),
			arrested: m.arrested,
			died: m.died,
			descent: m.descent,
			recruiter: m.recruiter
		}).toEqual({
			id: '1',
			hometown: 'Lunel',
			country: 'FR',
			year: '2014',
			arrested: 'yes',
			died: 'no',
			descent: 'marocaine',
			recruiter: 'Zerkani'
		});
	});
});

describe('a region or postcode column', () => {
	it.each([
		{ header: 'ville;departement', row: 'Torcy;77', region: '77' },
		{ header: 'woonplaats,provincie', row: 'Bergen,Noord-Holland', region: 'Noord-Holland' },
		{ header: 'Ort,PLZ', row: 'Essen,45127', region: '45127' }
	])('$header', ({ header, row, region }) => {
		const r = importText(`${header}\n${row}\n`);
		expect(r.records[0]!.region).toBe(region);
		expect(r.report.needsGeocoding[0]!.region).toBe(region);
	});
});
