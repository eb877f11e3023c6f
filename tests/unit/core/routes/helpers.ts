/** Shared fixtures for the route tests: the source, the built collection, land polygons, MMP incidents. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Papa from 'papaparse';
import { feature } from 'topojson-client';
import { bbox } from '@turf/turf';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Topology, GeometryCollection } from 'topojson-specification';
import { buildRouteCollection } from '../../../../geodata/scripts/routes-build';
import { MMP_ROUTE_IDS } from '../../../../geodata/scripts/routes-proximity';
import type { RoutesSource } from '$lib/core/routes/types';

const require = createRequire(import.meta.url);

export const SOURCE = JSON.parse(readFileSync('geodata/routes.source.json', 'utf8')) as RoutesSource;
export const COLLECTION = buildRouteCollection(SOURCE);

export interface LandPolygon {
	name: string;
	geometry: Polygon | MultiPolygon;
	bbox: [number, number, number, number];
}

/** The basemap's land: world-atlas countries-50m (Natural Earth), as the basemap build uses it. */
export function landPolygons(): LandPolygon[] {
	const topo = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as Topology<{
		countries: GeometryCollection<{ name: string }>;
	}>;
	const countries = feature(topo, topo.objects.countries) as FeatureCollection<Polygon | MultiPolygon, { name: string }>;
	return countries.features
		.filter((c) => c.geometry)
		.map((c) => ({ name: c.properties.name, geometry: c.geometry, bbox: bbox(c) as [number, number, number, number] }));
}

export const MMP_CSV = '../shared/data/missing-migrants-global-2020-01-28.csv';

/** Missing Migrants incidents of 2014-2016 tagged with one of our routes, with their coordinates. */
export function mmpIncidents(): { route: string; year: number; lonLat: [number, number] }[] {
	const parsed = Papa.parse<Record<string, string>>(readFileSync(MMP_CSV, 'utf8'), { header: true, skipEmptyLines: true });
	const out: { route: string; year: number; lonLat: [number, number] }[] = [];
	for (const row of parsed.data) {
		const route = MMP_ROUTE_IDS[row['Migration Route']?.trim() ?? ''];
		const year = Number(row['Reported Year']);
		if (!route || year < 2014 || year > 2016) continue;
		const [lat, lon] = (row['Location Coordinates'] ?? '').split(',').map((s) => Number(s.trim()));
		if (!Number.isFinite(lat) || !Number.isFinite(lon)) throw new Error(`MMP row ${row['Web ID']}: no coordinates`);
		out.push({ route, year, lonLat: [lon!, lat!] });
	}
	return out;
}
