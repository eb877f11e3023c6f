/**
 * Rebuilds geodata/admin1.topo.json, the first-level administrative divisions (provinces, regions,
 * Belgium's provinces with Brussels-Capital) of the study region, from Natural Earth's 10m admin-1
 * layer (`states_provinces`, public domain) as Debian's `qgis-common` package ships it in
 * /usr/share/qgis/resources/data/world_map.gpkg.
 *
 * The extract is committed, so neither the build nor CI needs qgis-common or GDAL; run this only to
 * refresh it (`apt-get install -y qgis-common gdal-bin`, then `npx tsx geodata/scripts/extract-admin1.ts`).
 *
 * Steps: ogr2ogr clips the layer to the region and keeps the name and country code; topojson-server
 * turns it into a topology (shared borders stored once, so simplifying keeps neighbours joined) and
 * topojson-simplify drops detail finer than a few hundred metres, which is invisible at the zooms the
 * divisions are drawn (5 to 9).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { topology } from 'topojson-server';
import { presimplify, simplify, quantile } from 'topojson-simplify';
import { quantize } from 'topojson-client';
import type { FeatureCollection } from 'geojson';
import { REGION_BBOX } from './build-basemap.ts';

export const ADMIN1_SOURCE = '/usr/share/qgis/resources/data/world_map.gpkg';
export const ADMIN1_FILE = 'geodata/admin1.topo.json';
/** Share of the topology's points kept (by Visvalingam weight): enough for a province's shape at zoom 9. */
const KEEP = 0.12;

function extract(): void {
	const dir = mkdtempSync(join(tmpdir(), 'admin1-'));
	try {
		const raw = join(dir, 'admin1.geojson');
		const [w, s, e, n] = REGION_BBOX;
		execFileSync('ogr2ogr', [
			'-f',
			'GeoJSON',
			raw,
			ADMIN1_SOURCE,
			'states_provinces',
			'-clipsrc',
			`${w}`,
			`${s}`,
			`${e}`,
			`${n}`,
			'-select',
			'name,iso_a2',
			'-lco',
			'COORDINATE_PRECISION=4',
			'-lco',
			'RFC7946=YES'
		]);
		const geo = JSON.parse(readFileSync(raw, 'utf8')) as FeatureCollection;
		geo.features = geo.features.filter((f) => f.geometry && f.properties?.name);
		const topo = presimplify(topology({ states: geo }));
		const simplified = simplify(topo, quantile(topo, 1 - KEEP));
		// presimplify leaves each point's weight as a third coordinate; the points kept need only x and y.
		simplified.arcs = simplified.arcs.map((arc) => arc.map(([x, y]) => [x!, y!]));
		// Integer, delta-encoded coordinates on a 1e5 grid (about 100 m here): a third of the text.
		const out = {
			...quantize(simplified, 1e5),
			source:
				'Natural Earth 10m admin-1 states_provinces (public domain), via Debian qgis-common world_map.gpkg; clipped to the study region and simplified by geodata/scripts/extract-admin1.ts'
		};
		writeFileSync(ADMIN1_FILE, JSON.stringify(out));
		console.log(`admin-1: ${geo.features.length} divisions, ${(JSON.stringify(out).length / 1024).toFixed(0)} KB -> ${ADMIN1_FILE}`);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

if (import.meta.url === `file://${process.argv[1]}`) extract();
