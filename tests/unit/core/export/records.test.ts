import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { emptyRecord, type MemberRecord } from '../../../../src/lib/core/data/member';
import { neutralizeCell, privateRecords, recordsToCsv, recordsToGeoJson, safeFileName } from '../../../../src/lib/core/export/records';

const PLACES: Record<string, [string, number, number]> = {
	Brussels: ['BE', 4.3517, 50.8503],
	Verviers: ['BE', 5.8667, 50.5833],
	Liège: ['BE', 5.5667, 50.6333],
	Antwerp: ['BE', 4.4025, 51.2194],
	Lunel: ['FR', 4.1361, 43.6753],
	Oslo: ['NO', 10.7522, 59.9139]
};
function members(spec: Record<string, number>, extra: Partial<MemberRecord> = {}): MemberRecord[] {
	const out: MemberRecord[] = [];
	for (const [place, n] of Object.entries(spec)) {
		const [country, lon, lat] = PLACES[place]!;
		for (let i = 0; i < n; i++)
			out.push({
				...emptyRecord(`${place}-${i}`),
				hometown: place,
				country,
				lon,
				lat,
				day: 680,
				dayEnd: 680,
				datePrecision: 'day',
				...extra
			});
	}
	return out;
}
const placesOf = (csv: string) => Papa.parse<Record<string, string>>(csv, { header: true }).data.map((r) => r.hometown ?? '');
const counts = (xs: string[]) => xs.reduce<Record<string, number>>((c, x) => ({ ...c, [x]: (c[x] ?? 0) + 1 }), {});

describe('privateRecords (threshold k on exports)', () => {
	const ALL = members({ Brussels: 4, Verviers: 1, Liège: 1, Antwerp: 1, Lunel: 2, Oslo: 1 });
	const TESTS = [
		{
			title: 'k=0 exports every place as is',
			input: 0,
			expected: { places: { Brussels: 4, Verviers: 1, Liège: 1, Antwerp: 1, Lunel: 2, Oslo: 1 }, suppressed: 0 }
		},
		{
			title: 'k=3 folds small Belgian towns; France and Norway go to "Other places"',
			input: 3,
			expected: { places: { Brussels: 4, 'Other places in Belgium': 3, 'Other places': 3 }, suppressed: 0 }
		},
		{
			title: 'k=5 folds even Brussels (4) and leaves out what is still too small',
			input: 5,
			expected: { places: { 'Other places in Belgium': 7 }, suppressed: 3 }
		}
	];
	it.each(TESTS)('$title', ({ input, expected }) => {
		const records = privateRecords(ALL, input);
		expect(counts(records.rows.map((r) => r.place.place))).toEqual(expected.places);
		expect(records.suppressed).toBe(expected.suppressed);
	});
	it.each([2, 3, 4])('with k=%i every place in the CSV holds at least k members', (k) => {
		const c = counts(placesOf(recordsToCsv(privateRecords(ALL, k))));
		expect(Object.values(c).every((n) => n >= k)).toBe(true);
	});
	it('folded members have no coordinates in either format', () => {
		const records = privateRecords(ALL, 3);
		const csv = Papa.parse<Record<string, string>>(recordsToCsv(records), { header: true }).data;
		expect(csv.filter((r) => r.hometown !== 'Brussels').every((r) => r.lat === '' && r.lon === '')).toBe(true);
		const geo = recordsToGeoJson(records);
		expect(geo.features.filter((f) => f.properties.hometown !== 'Brussels').every((f) => f.geometry === null)).toBe(true);
		expect(geo.features.find((f) => f.properties.hometown === 'Brussels')!.geometry).toEqual({
			type: 'Point',
			coordinates: [4.3517, 50.8503]
		});
	});
	it('members without coordinates are counted, not exported', () => {
		const records = privateRecords([...ALL, { ...emptyRecord('x'), hometown: 'Nowhere' }], 0);
		expect(records.ungeocoded).toBe(1);
		expect(records.rows).toHaveLength(ALL.length);
	});
});

describe('CSV cells are safe in spreadsheets', () => {
	const TESTS = [
		{ title: 'formula', input: '=HYPERLINK("x")', expected: `'=HYPERLINK("x")` },
		{ title: 'plus', input: '+1+1', expected: `'+1+1` },
		{ title: 'minus', input: '-2+3', expected: `'-2+3` },
		{ title: 'at', input: '@SUM(A1)', expected: `'@SUM(A1)` },
		{ title: 'tab', input: '\t=1', expected: `'\t=1` },
		{ title: 'carriage return', input: '\r=1', expected: `'\r=1` },
		{ title: 'plain text untouched', input: 'Molenbeek-Saint-Jean', expected: 'Molenbeek-Saint-Jean' },
		{ title: 'a negative number stays a number', input: -5.2, expected: -5.2 }
	];
	it.each(TESTS)('$title', ({ input, expected }) => expect(neutralizeCell(input)).toBe(expected));

	it('a hostile record comes out neutralised and quoted, and parses back to the same cells', () => {
		const hostile = members({ Brussels: 1 }, { recruiter: '=cmd|"/c calc"!A1', descent: '@evil, "quoted"\nline', source: '-1' });
		const csv = recordsToCsv(privateRecords(hostile, 0));
		const [row] = Papa.parse<Record<string, string>>(csv, { header: true }).data;
		expect(row!.recruiter).toBe(`'=cmd|"/c calc"!A1`);
		expect(row!.descent).toBe(`'@evil, "quoted"\nline`);
		expect(row!.source).toBe(`'-1`);
		expect(row!.lon).toBe('4.3517');
		expect(row!.first_act_date).toBe('2015-11-12');
	});
});

describe('safeFileName', () => {
	const TESTS = [
		{ title: 'plain', input: ['hometown-atlas-2015-11-13', 'png'], expected: 'hometown-atlas-2015-11-13.png' },
		{ title: 'accents and spaces', input: ['Réseau Bruxelles 2016', 'csv'], expected: 'Reseau-Bruxelles-2016.csv' },
		{ title: 'path traversal', input: ['../../etc/passwd', 'csv'], expected: 'etc-passwd.csv' },
		{ title: 'reserved characters', input: ['a<b>:c"d|e?*', 'geojson'], expected: 'a-b-c-d-e.geojson' },
		{ title: 'nothing left', input: ['///', 'png'], expected: 'hometown-atlas.png' },
		{ title: 'long names are cut', input: ['x'.repeat(200), 'webm'], expected: `${'x'.repeat(80)}.webm` },
		{ title: 'hostile extension', input: ['a', '.exe/../png'], expected: 'a.exepng' }
	];
	it.each(TESTS)('$title', ({ input, expected }) => expect(safeFileName(input[0]!, input[1]!)).toBe(expected));
});
