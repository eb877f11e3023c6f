/**
 * Writes the small test files of tests/fixtures/sources: workbooks and CSVs laid out as the big
 * incident databases are downloaded, with columns from their public codebooks (GTD Codebook, START;
 * ACLED Codebook) and rows INVENTED for the tests: no real incident is in them. Run with
 * `TZ=UTC npx tsx scripts/make-source-fixtures.ts`; the files are committed, so the tests read the
 * same bytes every time (the library stamps the time of writing into a workbook's properties).
 */
import { writeFileSync } from 'node:fs';
import { utils, write, type WorkBook } from '@e965/xlsx';

const OUT = new URL('../tests/fixtures/sources/', import.meta.url);
const save = (name: string, data: Uint8Array | string) => writeFileSync(new URL(name, OUT), data);

function book(sheets: [string, unknown[][], { merges?: string[]; dateFormat?: string; date1904?: boolean }?][]): WorkBook {
	const wb = utils.book_new();
	for (const [name, rows, opts] of sheets) {
		const ws = utils.aoa_to_sheet(rows, { cellDates: false, dateNF: opts?.dateFormat ?? 'yyyy-mm-dd' });
		if (opts?.merges) ws['!merges'] = opts.merges.map((r) => utils.decode_range(r));
		utils.book_append_sheet(wb, ws, name);
	}
	return wb;
}

const xlsx = (wb: WorkBook) => write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Uint8Array;
const ods = (wb: WorkBook) => write(wb, { type: 'buffer', bookType: 'ods', compression: true }) as Uint8Array;

// GTD: the codebook's incident columns, a title row merged over the table above the header (as
// extracts are often saved), iday/imonth 0 for unknown, nkill blank for unknown.
const GTD_HEADER = [
	'eventid',
	'iyear',
	'imonth',
	'iday',
	'approxdate',
	'extended',
	'country',
	'country_txt',
	'region',
	'region_txt',
	'provstate',
	'city',
	'latitude',
	'longitude',
	'specificity',
	'location',
	'summary',
	'attacktype1',
	'attacktype1_txt',
	'gname',
	'nkill',
	'nwound'
];
const GTD_ROWS: unknown[][] = [
	[
		201511130901,
		2015,
		11,
		13,
		'',
		0,
		69,
		'France',
		8,
		'Western Europe',
		'Ile-de-France',
		'Saint-Denis',
		48.9362,
		2.3574,
		1,
		'Test row near a stadium',
		'Invented test incident.',
		3,
		'Bombing/Explosion',
		'Test group A',
		3,
		10
	],
	[
		201506000902,
		2015,
		6,
		0,
		'June 2015',
		0,
		21,
		'Belgium',
		8,
		'Western Europe',
		'Brussels',
		'Brussels',
		50.8466,
		4.3528,
		1,
		'',
		'Invented test incident with an unknown day.',
		7,
		'Facility/Infrastructure Attack',
		'Unknown',
		0,
		0
	],
	[
		201400000903,
		2014,
		0,
		0,
		'2014',
		0,
		209,
		'Turkey',
		10,
		'Middle East & North Africa',
		'Istanbul',
		'Istanbul',
		41.0138,
		28.9497,
		1,
		'',
		'Invented test incident with only a year.',
		2,
		'Armed Assault',
		'Unknown',
		'',
		1
	],
	[
		201603220904,
		2016,
		3,
		22,
		'',
		0,
		21,
		'Belgium',
		8,
		'Western Europe',
		'Flemish Brabant',
		'Zaventem',
		50.8833,
		4.4667,
		1,
		'',
		'Invented test incident.',
		3,
		'Bombing/Explosion',
		'Test group A',
		5,
		20
	],
	[
		201602310905,
		2016,
		2,
		31,
		'',
		0,
		69,
		'France',
		8,
		'Western Europe',
		'Hauts-de-France',
		'Lille',
		50.6292,
		3.0573,
		1,
		'',
		'Invented test incident whose day is not in its month.',
		2,
		'Armed Assault',
		'Unknown',
		1,
		0
	],
	[
		201507010906,
		2015,
		7,
		1,
		'',
		0,
		69,
		'France',
		8,
		'Western Europe',
		'Auvergne-Rhone-Alpes',
		'Unknown',
		'',
		'',
		5,
		'',
		'Invented test incident without coordinates or a city.',
		9,
		'Unknown',
		'Unknown',
		0,
		0
	]
];
save(
	'gtd-extract.xlsx',
	xlsx(book([['Data', [['Global Terrorism Database, test extract (invented rows)'], [], GTD_HEADER, ...GTD_ROWS], { merges: ['A1:V1'] }]]))
);

// ACLED: the export's columns; event_date written "13 November 2015", fatalities 0 for none.
const ACLED_HEADER = [
	'event_id_cnty',
	'event_date',
	'year',
	'time_precision',
	'disorder_type',
	'event_type',
	'sub_event_type',
	'actor1',
	'country',
	'iso',
	'region',
	'admin1',
	'admin2',
	'location',
	'latitude',
	'longitude',
	'geo_precision',
	'source',
	'notes',
	'fatalities'
];
const ACLED_ROWS = [
	[
		'FRA9001',
		'13 November 2015',
		'2015',
		'1',
		'Political violence',
		'Explosions/Remote violence',
		'Suicide bomb',
		'Test actor',
		'France',
		'250',
		'Europe',
		'Ile-de-France',
		'Seine-Saint-Denis',
		'Saint-Denis',
		'48.9362',
		'2.3574',
		'1',
		'Test source',
		'Invented test event.',
		'3'
	],
	[
		'BEL9002',
		'22 March 2016',
		'2016',
		'1',
		'Political violence',
		'Explosions/Remote violence',
		'Suicide bomb',
		'Test actor',
		'Belgium',
		'56',
		'Europe',
		'Brussels',
		'Brussels',
		'Brussels',
		'50.8466',
		'4.3528',
		'1',
		'Test source',
		'Invented test event.',
		'16'
	],
	[
		'BEL9003',
		'05 January 2016',
		'2016',
		'2',
		'Demonstrations',
		'Protests',
		'Peaceful protest',
		'Protesters (Belgium)',
		'Belgium',
		'56',
		'Europe',
		'Flanders',
		'Antwerpen',
		'Antwerpen',
		'51.2194',
		'4.4025',
		'1',
		'Test source',
		'Invented test event, no fatalities.',
		'0'
	],
	[
		'FRA9004',
		'1 July 2015',
		'2015',
		'1',
		'Political violence',
		'Riots',
		'Violent demonstration',
		'Rioters (France)',
		'France',
		'250',
		'Europe',
		'Occitanie',
		'Herault',
		'Lunel',
		'',
		'',
		'3',
		'Test source',
		'Invented test event without coordinates.',
		'0'
	]
];
const csv = (rows: string[][]) =>
	rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n') + '\n';
save('acled-export.csv', csv([ACLED_HEADER, ...ACLED_ROWS]));
save(
	'acled-export.xlsx',
	xlsx(
		book([
			[
				'Sheet1',
				[
					ACLED_HEADER,
					...ACLED_ROWS.map((r) =>
						r.map((c, i) =>
							['year', 'latitude', 'longitude', 'fatalities', 'iso', 'geo_precision', 'time_precision'].includes(ACLED_HEADER[i]!) &&
							c !== ''
								? Number(c)
								: c
						)
					)
				]
			]
		])
	)
);

// A member list in a workbook of several sheets: a notes sheet first, the list second, dates stored as
// Excel dates (serial numbers with a date format), a year column beside a month column on the third.
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const NOTES: unknown[][] = [['About this workbook'], ['Invented test list: no real person.']];
const LIST: unknown[][] = [
	['id', 'hometown', 'country', 'lat', 'lon', 'first act'],
	['T1', 'Molenbeek', 'BE', 50.855, 4.33, d('2015-11-13')],
	['T2', 'Lunel', 'FR', 43.6778, 4.1361, d('2014-03-01')],
	['T3', 'Verviers', 'BE', 50.5891, 5.8624, d('2016-01-15')]
];
const PARTS: unknown[][] = [
	['id', 'hometown', 'country', 'lat', 'lon', 'year', 'month'],
	['P1', 'Lille', 'FR', 50.6292, 3.0573, 2015, 11],
	['P2', 'Roubaix', 'FR', 50.6942, 3.1746, 2016, 'March'],
	['P3', 'Tourcoing', 'FR', 50.7239, 3.1612, 2014, 0]
];
const multi = () =>
	book([
		['Notes', NOTES],
		['Members', LIST],
		['By month', PARTS]
	]);
save('members-sheets.xlsx', xlsx(multi()));
save('members-sheets.ods', ods(multi()));
console.log('wrote tests/fixtures/sources');
