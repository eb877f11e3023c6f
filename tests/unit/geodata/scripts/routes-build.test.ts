import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { along, booleanPointInPolygon, booleanValid, distance } from '@turf/turf';
import { buildRouteCollection, RouteSourceError } from '../../../../geodata/scripts/routes-build';
import type { LegFeature, RoutesSource, WaypointFeature } from '$lib/core/routes/types';
import { readCities } from '../../../../geodata/scripts/gazetteer-source';
import { COLLECTION, SOURCE, landPolygons } from '../../core/routes/helpers';

const legs = COLLECTION.features.filter((f): f is LegFeature => f.properties.kind === 'leg');
const waypoints = COLLECTION.features.filter((f): f is WaypointFeature => f.properties.kind === 'waypoint');
const REQUIRED_ROUTES = ['western-balkans', 'central-med', 'eastern-med', 'western-med'];

describe('routes.geojson is valid GeoJSON', () => {
	it('is a FeatureCollection of valid Point and LineString features within WGS84 bounds', () => {
		expect(COLLECTION.type).toBe('FeatureCollection');
		for (const f of COLLECTION.features) {
			expect(f.type).toBe('Feature');
			expect(['Point', 'LineString']).toContain(f.geometry.type);
			expect(booleanValid(f), JSON.stringify(f.properties)).toBe(true);
			const positions = f.geometry.type === 'Point' ? [f.geometry.coordinates] : f.geometry.coordinates;
			for (const [lon, lat] of positions) {
				expect(Math.abs(lon!)).toBeLessThanOrEqual(180);
				expect(Math.abs(lat!)).toBeLessThanOrEqual(90);
			}
		}
	});

	it('the committed geodata/routes.geojson is what the source builds to (not stale)', () => {
		const committed = JSON.parse(readFileSync('geodata/routes.geojson', 'utf8'));
		expect(committed).toEqual(JSON.parse(JSON.stringify(COLLECTION)));
	});

	it.each(REQUIRED_ROUTES)('%s has sea or land legs and named waypoints', (id) => {
		expect(COLLECTION.routes.map((r) => r.id)).toContain(id);
		expect(legs.filter((l) => l.properties.route === id).length).toBeGreaterThan(0);
	});

	it('draws smooth lines: every multi-point leg longer than 50 km has more vertices than waypoints', () => {
		for (const route of SOURCE.routes)
			for (const leg of route.legs.filter((l) => l.path.length > 2)) {
				const built = legs.find(
					(l) => l.properties.route === route.id && l.properties.from === leg.path[0] && l.properties.to === leg.path.at(-1)
				);
				if (built!.properties.lengthKm < 50) continue;
				expect(built!.geometry.coordinates.length, `${route.id} ${leg.path.join('>')}`).toBeGreaterThan(leg.path.length);
			}
	});

	it('Western Balkans has a Hungary stretch ending 2015-09-15 and a Croatia stretch from 2015-09-16', () => {
		const wb = COLLECTION.routes.find((r) => r.id === 'western-balkans')!;
		expect(wb.variants.find((v) => v.id === 'via-hungary')).toMatchObject({ validTo: '2015-09-15' });
		expect(wb.variants.find((v) => v.id === 'via-croatia')).toMatchObject({ validFrom: '2015-09-16' });
	});
});

describe('every figure, leg and route has a source', () => {
	const figures = SOURCE.routes.flatMap((r) => r.figures.map((f) => ({ route: r.id, ...f })));
	it.each(figures)('$route $year: $detections detections from $source', (f) => {
		const ref = SOURCE.sources[f.source];
		expect(ref?.title).toMatch(/Frontex/);
		expect(ref?.url).toMatch(/^https:\/\//);
		expect(Number.isInteger(f.detections) && f.detections > 0).toBe(true);
		expect(f.checked.length).toBeGreaterThan(10);
	});

	it.each(REQUIRED_ROUTES)('%s has a figure for each of 2014, 2015, 2016', (id) => {
		const route = SOURCE.routes.find((r) => r.id === id)!;
		expect(route.figures.map((f) => f.year).sort()).toEqual([2014, 2015, 2016]);
	});

	it('uses the published 2015 figures', () => {
		const get = (id: string) => SOURCE.routes.find((r) => r.id === id)!.figures.find((f) => f.year === 2015)!.detections;
		expect([get('eastern-med'), get('western-balkans'), get('central-med'), get('western-med')]).toEqual([885386, 764038, 153946, 7164]);
	});

	it('every route, leg and event names a known source', () => {
		for (const f of COLLECTION.features)
			if ('source' in f.properties) expect(COLLECTION.sources[f.properties.source], f.properties.kind).toBeDefined();
		for (const r of COLLECTION.routes) expect(COLLECTION.sources[r.source]).toBeDefined();
	});
});

describe('buildRouteCollection rejects a broken source', () => {
	const base = (): RoutesSource => JSON.parse(JSON.stringify(SOURCE));
	const TESTS: { title: string; input: (s: RoutesSource) => void; expected: RegExp }[] = [
		{ title: 'unknown waypoint', input: (s) => s.routes[0]!.legs[0]!.path.push('atlantis'), expected: /unknown waypoint "atlantis"/ },
		{ title: 'unknown figure source', input: (s) => (s.routes[1]!.figures[0]!.source = 'rumour'), expected: /unknown source "rumour"/ },
		{ title: 'unknown variant', input: (s) => (s.routes[2]!.legs[0]!.variant = 'nowhere'), expected: /unknown variant "nowhere"/ },
		{ title: 'duplicate route id', input: (s) => (s.routes[1]!.id = s.routes[0]!.id), expected: /duplicate route id/ },
		{ title: 'one-point leg', input: (s) => (s.routes[0]!.legs[0]!.path = ['athens']), expected: /at least two waypoints/ }
	];
	it.each(TESTS)('$title', ({ input, expected }) => {
		const source = base();
		input(source);
		expect(() => buildRouteCollection(source)).toThrow(RouteSourceError);
		expect(() => buildRouteCollection(source)).toThrow(expected);
	});
});

describe('every named waypoint lies within 25 km of its place in GeoNames', () => {
	const cities = readCities();
	const places = waypoints.filter((w) => w.properties.type === 'place');
	it('checks every place waypoint (sea points are exempt by type)', () => {
		expect(places.length).toBeGreaterThan(50);
		expect(waypoints.filter((w) => w.properties.type === 'sea').every((w) => !w.properties.country)).toBe(true);
	});
	it.each(
		places.map((w) => ({ name: w.properties.geonames, country: w.properties.country, at: w.geometry.coordinates as [number, number] }))
	)('$name ($country)', ({ name, country, at }) => {
		const matches = cities.filter(
			(c) => c.country === country && (c.name === name || c.asciiName === name || c.alternateNames.includes(name))
		);
		expect(matches.length, `no GeoNames place called ${name} in ${country}`).toBeGreaterThan(0);
		const nearest = Math.min(...matches.map((c) => distance(at, [c.lon, c.lat])));
		expect(nearest).toBeLessThanOrEqual(25);
	});
});

describe('sea legs stay at sea (Natural Earth 1:50m land, as the basemap draws it)', () => {
	const land = landPolygons();
	/** Ports sit on generalised coastlines: the first and last km of a crossing may touch land. */
	const HARBOUR_KM = 10;
	const STEP_KM = 0.5;
	const TOLERANCE_KM = 1;
	const onLandKm = (leg: LegFeature) => {
		let km = 0;
		for (let d = HARBOUR_KM; d <= leg.properties.lengthKm - HARBOUR_KM; d += STEP_KM) {
			const p = along(leg, d).geometry.coordinates as [number, number];
			if (
				land.some(
					(l) => p[0] >= l.bbox[0] && p[0] <= l.bbox[2] && p[1] >= l.bbox[1] && p[1] <= l.bbox[3] && booleanPointInPolygon(p, l.geometry)
				)
			)
				km += STEP_KM;
		}
		return km;
	};
	const seaLegs = legs.filter((l) => l.properties.mode === 'sea');
	it.each(seaLegs.map((l) => ({ leg: l, name: `${l.properties.route} ${l.properties.from} > ${l.properties.to}` })))('$name', ({ leg }) => {
		expect(onLandKm(leg)).toBeLessThanOrEqual(TOLERANCE_KM);
	});
	it('the check can fail: a straight line from Izmir to Piraeus crosses land', () => {
		const straight = {
			...seaLegs[0]!,
			geometry: {
				type: 'LineString' as const,
				coordinates: [
					[27.14, 38.41],
					[23.65, 37.94]
				]
			},
			properties: { ...seaLegs[0]!.properties, lengthKm: 310 }
		};
		expect(onLandKm(straight)).toBeGreaterThan(TOLERANCE_KM);
	});
});
