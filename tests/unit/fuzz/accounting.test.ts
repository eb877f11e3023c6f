/**
 * Every command keeps the promise rows read = rows written + rows rejected, on generated files:
 * the app's importer and `atlas validate` (importText: accepted + rejected) and `atlas geocode`
 * (geocodeFile, the command's whole body: written + rejected, and the output CSV holds exactly the
 * written rows). Files include JSON records with a property nested to any depth and CSVs with stray
 * quotes, NULs, mixed line ends, Excel cells and title lines.
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { importText } from '$lib/core/data/import';
import { geocodeFile } from '$lib/core/geocode/file';
import { ReverseIndex } from '$lib/core/geocode/reverse';
import type { Gazetteer } from '$lib/core/geocode';
import { loadGazetteer } from '../../../src/cli/gazetteer-node';
import { FUZZ_TIMEOUT, RUNS, hostileText } from './payloads';

let gaz: Gazetteer;
let reverse: ReverseIndex;
beforeAll(async () => {
	gaz = await loadGazetteer();
	reverse = new ReverseIndex(gaz);
}, 120_000);

/**
 * JSON text of a value nested `depth` deep in arrays or objects, written as text: a value that deep
 * cannot be built and stringified by a recursive JSON.stringify (the test itself would overflow).
 */
const nested = fc
	.tuple(fc.nat({ max: 20_000 }), fc.boolean(), hostileText())
	.map(([depth, arrays, leaf]) =>
		arrays ? '['.repeat(depth) + JSON.stringify(leaf) + ']'.repeat(depth) : '{"k":'.repeat(depth) + JSON.stringify(leaf) + '}'.repeat(depth)
	);
const plain = fc
	.oneof(
		hostileText(),
		fc.double({ min: -200, max: 200, noNaN: true }),
		fc.constant(null),
		fc.constantFrom('Brussels', 'Molenbeek', 'Tripoli', '50.85', '4.35', '13/11/2015', '11/13/2015')
	)
	.map((v) => JSON.stringify(v));
const key = fc.constantFrom('id', 'hometown', 'City', 'ville', 'Latitude', 'lon', 'lat', 'country', 'date', 'tags', 'x');
const record = fc
	.uniqueArray(fc.tuple(key, fc.oneof({ weight: 4, arbitrary: plain }, nested)), { maxLength: 6, selector: ([k]) => k })
	.map((pairs) => `{${pairs.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`);
const jsonFile = fc.array(record, { minLength: 1, maxLength: 8 }).map((records) => `[${records.join(',')}]`);

const csvCell = fc.oneof(
	{ weight: 3, arbitrary: hostileText() },
	fc.constantFrom(
		'Brussels',
		'Tanger',
		'"Molenbeek',
		'="0123"',
		'50.85',
		'4.35',
		'0',
		'0.0001',
		'13/11/2015',
		'1/7/2015',
		'Par\u0000is',
		''
	)
);
const lineEnd = fc.constantFrom('\n', '\r\n', '\r');
const csvFile = fc
	.tuple(fc.boolean(), fc.array(fc.tuple(fc.array(csvCell, { minLength: 1, maxLength: 5 }), lineEnd), { maxLength: 8 }))
	.map(
		([title, rows]) =>
			`${title ? 'Members, March 2016\n\n' : ''}id,hometown,lat,lon,date\n${rows.map(([cells, end]) => cells.join(',') + end).join('')}`
	);

function assertCommands(text: string) {
	const app = importText(text).report;
	expect(app.rowsRead, 'app/validate: rows read = accepted + rejected').toBe(app.accepted + app.rejected.length);
	const cli = geocodeFile(gaz, reverse, new TextEncoder().encode(text));
	if (cli.errors.length) {
		expect(app.errors.length, 'the command fails only where the app does').toBeGreaterThan(0);
		return;
	}
	expect(cli.rowsRead, 'geocode: rows read = written + rejected').toBe(cli.written + cli.rejected);
	expect(cli.rowsRead, 'geocode reads the rows the app reads').toBe(app.rowsRead);
	const out = Papa.parse<string[]>(cli.csv, { header: false, skipEmptyLines: true });
	expect(out.data.length - 1, 'the output holds every written row').toBe(cli.written);
	expect(cli.csv).not.toContain('\u0000');
}

describe('rows in = rows out + rejected, for every command', () => {
	it(
		'JSON records with differing keys and properties nested to any depth',
		() => {
			fc.assert(fc.property(jsonFile, assertCommands), { numRuns: Math.min(RUNS, 150) });
		},
		FUZZ_TIMEOUT
	);

	it(
		'CSV files with stray quotes, NULs, mixed line ends, Excel cells and title lines',
		() => {
			fc.assert(fc.property(csvFile, assertCommands), { numRuns: Math.min(RUNS, 300) });
		},
		FUZZ_TIMEOUT
	);
});
