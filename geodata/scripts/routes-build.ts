/**
 * Builds the route collection from the hand-curated source: each leg's named waypoints become a
 * smooth line (turf bezierSpline through the points, great circles for two-point legs), with
 * arrowheads along it and cumulative distances for the moving dots. Build-time and test code only:
 * the browser receives the result and never loads turf.
 */
import { along, bearing, bezierSpline, distance, greatCircle, length, lineString, point, simplify } from '@turf/turf';
import type { Position } from 'geojson';
import type {
	ArrowFeature,
	EventFeature,
	LegFeature,
	RouteCollection,
	RoutesSource,
	SourceRoute,
	WaypointFeature
} from '../../src/lib/core/routes/types';

/** One arrowhead every ARROW_SPACING_KM along a leg, at least one per leg. */
const ARROW_SPACING_KM = 220;
const round = (n: number) => Math.round(n * 1e4) / 1e4;

export class RouteSourceError extends Error {}

function coordsOf(route: SourceRoute, key: string): Position {
	const w = route.waypoints[key];
	if (!w) throw new RouteSourceError(`route ${route.id}: unknown waypoint "${key}"`);
	return [w.lon, w.lat];
}

/** A smooth line through the points: great circle between two, an interpolating spline through more. */
export function smoothLine(points: Position[]): Position[] {
	if (points.length < 2) throw new RouteSourceError('a leg needs at least two waypoints');
	let coords: Position[];
	if (points.length === 2) {
		const km = distance(points[0]!, points[1]!);
		coords = greatCircle(points[0]!, points[1]!, { npoints: Math.max(8, Math.ceil(km / 10)) }).geometry.coordinates as Position[];
	} else {
		const spline = bezierSpline(lineString(points), { resolution: 10000, sharpness: 0.6 }).geometry.coordinates;
		// The spline ends one step short of the last point; close it exactly, then drop points that
		// add nothing visible (~200 m tolerance) so the browser draws hundreds, not tens of thousands.
		coords = simplify(lineString([...spline, points[points.length - 1]!]), { tolerance: 0.002 }).geometry.coordinates;
	}
	const out: Position[] = [];
	for (const [lon, lat] of coords) {
		const p: Position = [round(lon!), round(lat!)];
		const last = out[out.length - 1];
		if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
	}
	return out;
}

function cumulativeKm(coords: Position[]): number[] {
	const out = [0];
	for (let i = 1; i < coords.length; i++) out.push(out[i - 1]! + distance(coords[i - 1]!, coords[i]!));
	return out.map((km) => Math.round(km * 10) / 10);
}

function arrowsFor(leg: LegFeature): ArrowFeature[] {
	const km = leg.properties.lengthKm;
	const count = Math.max(1, Math.round(km / ARROW_SPACING_KM));
	const arrows: ArrowFeature[] = [];
	for (let i = 0; i < count; i++) {
		const at = (km * (i + 0.55)) / count;
		const before = along(leg, Math.max(0, at - 2)).geometry.coordinates;
		const after = along(leg, Math.min(km, at + 2)).geometry.coordinates;
		const [lon, lat] = along(leg, at).geometry.coordinates;
		arrows.push({
			type: 'Feature',
			geometry: { type: 'Point', coordinates: [round(lon!), round(lat!)] },
			properties: {
				kind: 'arrow',
				route: leg.properties.route,
				variant: leg.properties.variant,
				bearing: Math.round(bearing(before, after))
			}
		});
	}
	return arrows;
}

export function buildRouteCollection(source: RoutesSource): RouteCollection {
	const legs: LegFeature[] = [];
	const waypoints: WaypointFeature[] = [];
	const events: EventFeature[] = [];
	const arrows: ArrowFeature[] = [];
	const seen = new Set<string>();
	for (const route of source.routes) {
		if (seen.has(route.id)) throw new RouteSourceError(`duplicate route id ${route.id}`);
		seen.add(route.id);
		for (const ref of [
			route.source,
			...route.figures.map((f) => f.source),
			...route.legs.map((l) => l.source),
			...route.events.map((e) => e.source)
		])
			if (!source.sources[ref]) throw new RouteSourceError(`route ${route.id}: unknown source "${ref}"`);
		for (const leg of route.legs) {
			const variant = route.variants.find((v) => v.id === leg.variant);
			if (!variant) throw new RouteSourceError(`route ${route.id}: unknown variant "${leg.variant}"`);
			const coordinates = smoothLine(leg.path.map((key) => coordsOf(route, key)));
			const cumulative = cumulativeKm(coordinates);
			const feature: LegFeature = {
				type: 'Feature',
				geometry: { type: 'LineString', coordinates },
				properties: {
					kind: 'leg',
					route: route.id,
					variant: variant.id,
					mode: leg.mode,
					from: leg.path[0]!,
					to: leg.path[leg.path.length - 1]!,
					source: leg.source,
					validFrom: variant.validFrom,
					validTo: variant.validTo,
					lengthKm: Math.round(length(lineString(coordinates)) * 10) / 10,
					cumulativeKm: cumulative
				}
			};
			legs.push(feature);
			arrows.push(...arrowsFor(feature));
		}
		for (const [key, w] of Object.entries(route.waypoints)) {
			waypoints.push({
				type: 'Feature',
				geometry: point([w.lon, w.lat]).geometry,
				properties: {
					kind: 'waypoint',
					route: route.id,
					key,
					name: w.name,
					type: w.type ?? 'place',
					geonames: w.geonames ?? w.name,
					country: w.country ?? ''
				}
			});
		}
		for (const e of route.events) {
			events.push({
				type: 'Feature',
				geometry: point(coordsOf(route, e.at)).geometry,
				properties: { kind: 'event', route: route.id, date: e.date, label: e.label, source: e.source, place: route.waypoints[e.at]!.name }
			});
		}
	}
	return {
		type: 'FeatureCollection',
		about: source.about,
		sources: source.sources,
		routes: source.routes.map(({ id, name, description, source, figures, variants, events }) => ({
			id,
			name,
			description,
			source,
			figures,
			variants,
			events
		})),
		features: [...legs, ...arrows, ...events, ...waypoints]
	};
}
