/**
 * `atlas geocode` reads through the app's importer and accounts for every row: rows read = rows
 * written + rows rejected; given coordinates are kept (re-geocoding is a flag that keeps the old ones);
 * cells are neutralised like the app's CSV export; cross-checks go to stderr and the `check` column.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'atlas-geocode-'));
const file = (name: string, content: string | Uint8Array) => (writeFileSync(join(dir, name), content), join(dir, name));

function geocode(input: string, ...flags: string[]) {
	const out = `${input}.out.csv`;
	const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/atlas.ts', 'geocode', input, '--out', out, ...flags], {
		encoding: 'utf8',
		env: { ...process.env, TZ: 'UTC' }
	});
	const text = r.status === 0 ? readFileSync(out, 'utf8') : '';
	const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
	const counts = /read (\d+) rows: (\d+) written, (\d+) rejected/.exec(r.stderr);
	return {
		code: r.status,
		stderr: r.stderr,
		text,
		rows,
		read: Number(counts?.[1]),
		written: Number(counts?.[2]),
		rejected: Number(counts?.[3])
	};
}

const latin1 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));

describe('atlas geocode', () => {
	it('reads a Parquet file (tests/fixtures/columnar) into the same rows', () => {
		const r = geocode(file('members.parquet', readFileSync('tests/fixtures/columnar/members.parquet')));
		expect(r.code).toBe(0);
		expect({ read: r.read, written: r.written, rejected: r.rejected }).toEqual({ read: 12, written: 11, rejected: 1 });
		expect(r.rows[0]).toMatchObject({ id: 'p1', status: 'given', lat: '50.8503', lon: '4.3517', place: 'Brussels' });
	}, 60_000);

	it('keeps given coordinates, names them, and geocodes only what is missing', () => {
		const r = geocode(
			file(
				'given.csv',
				'id,hometown,lat,lon\nA,Brussels,50.8467,4.3525\nB,Nowhere-Such-Place-Xq,50.8467,4.3525\nC,Liège,,\nD,,51.2194,4.4025\n'
			)
		);
		expect(r.code).toBe(0);
		expect(r.rows.map((x) => [x.id, x.status, x.lat, x.lon, x.place])).toEqual([
			['A', 'given', '50.8467', '4.3525', 'Brussels'],
			['B', 'given', '50.8467', '4.3525', 'Brussels'],
			['C', 'exact', r.rows[2]!.lat, r.rows[2]!.lon, 'Liège'],
			['D', 'given', '51.2194', '4.4025', 'Antwerpen']
		]);
		expect(r.rows.map((x) => x.place_country)).toEqual(['BE', 'BE', 'BE', 'BE']);
		expect({ read: r.read, written: r.written, rejected: r.rejected }).toEqual({ read: 4, written: 4, rejected: 0 });
	}, 60_000);

	it.each([
		{ title: 'in a place', lat: '50.852', lon: '4.318', place: 'Molenbeek-Saint-Jean', country: 'BE' },
		{ title: 'beyond every radius', lat: '51.59', lon: '6.75', place: 'near Dinslaken', country: 'DE' },
		{ title: 'beyond 150 km of every place', lat: '45.1', lon: '-35.2', place: 'around 45.13° N, 35.13° W', country: '' }
	])(
		'a row without a name $title is named as the app groups it: $place',
		({ lat, lon, place, country }) => {
			const r = geocode(file(`unnamed-${lat}.csv`, `id,lat,lon\nA,${lat},${lon}\n`));
			expect(r.code).toBe(0);
			expect(r.rows.map((x) => [x.lat, x.lon, x.place, x.place_country])).toEqual([[lat, lon, place, country]]);
		},
		60_000
	);

	it('--regeocode replaces them only on request, keeping the old values in their own columns', () => {
		const r = geocode(file('regeo.csv', 'id,hometown,lat,lon\nA,Lyon,48.85,2.35\nB,Nowhere-Such-Place-Xq,50.85,4.35\n'), '--regeocode');
		expect(r.rows.map((x) => [x.status, x.place, x.given_lat, x.given_lon])).toEqual([
			['exact', 'Lyon', '48.85', '2.35'],
			['given', 'Brussels', '50.85', '4.35']
		]);
		expect(r.rows[1]!.lat).toBe('50.85');
		expect(r.rows[1]!.geocode_reason).toMatch(/re-geocoding found nothing/);
	}, 60_000);

	it('reports swapped and far coordinates on stderr and in the check column, and offers the whole-file swap', () => {
		const input = file(
			'swapped.csv',
			'id,hometown,country,lat,lon\nB,Brussels,BE,4.35,50.85\nO,Oslo,,10.75,59.91\nT,Tangier,MA,-5.80,35.77\nL,Lyon,FR,48.85,2.35\n'
		);
		const r = geocode(input);
		expect(r.stderr).toMatch(/row 2: lat\/lon: swapped: .*suggested fix: swap lat and lon: lat 50.85, lon 4.35/);
		expect(r.stderr).toMatch(/row 5: lat\/lon: far: lat 48.85, lon 2.35 lies 39\d km from Lyon/);
		expect(r.stderr).toMatch(/3 of 4 rows with coordinates look swapped .* --swap-coordinates/);
		expect(r.rows.map((x) => x.check!.split(':')[0])).toEqual(['swapped', 'swapped', 'swapped', 'far']);
		const fixed = geocode(input, '--swap-coordinates');
		expect(fixed.rows.map((x) => [x.lat, x.lon, x.check!.split(':')[0]])).toEqual([
			['50.85', '4.35', ''],
			['59.91', '10.75', ''],
			['35.77', '-5.8', ''],
			['2.35', '48.85', 'far']
		]);
	}, 90_000);

	it('reads Latin-1, an unbalanced quote, a NUL and formulas as the app does, and accounts for every row', () => {
		const r = geocode(
			file(
				'hostile.csv',
				latin1(
					'id,hometown,country\n1,Li\xe8ge,BE\n2,T\xe9touan,\n3,"Molenbeek,BE\n4,Paris,FR\n5,Lyon,FR\n6,=HYPERLINK("x"),\n7,Ni\u0000ce,FR\n'
				)
			)
		);
		expect(r.code).toBe(0);
		expect(r.stderr).toMatch(/Windows-1252/);
		expect(r.stderr).toMatch(/row 4: rejected: unbalanced quotes/);
		expect(r.stderr).toMatch(/row 8: NUL \(zero\) bytes removed/);
		const byId = Object.fromEntries(r.rows.map((x) => [x.id, x]));
		expect(byId['1']!.hometown).toBe('Liège');
		expect(byId['2']!.place_country).toBe('MA');
		expect(byId['6']!.hometown).toBe(`'=HYPERLINK("x")`);
		expect(byId['7']!.hometown).toBe('Nice');
		expect(r.text).not.toContain('\u0000');
		expect(r.read).toBe(r.written + r.rejected);
		expect(r.written).toBe(r.rows.length);
	}, 60_000);

	it('rejects an unknown option with the usage', () => {
		const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/atlas.ts', 'geocode', 'x.csv', '--frobnicate'], {
			encoding: 'utf8'
		});
		expect(r.status).toBe(1);
		expect(r.stderr).toMatch(/unknown option --frobnicate\nusage/);
	}, 30_000);
});
