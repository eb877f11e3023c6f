/**
 * How near points lie to a route's lines: used by the real-data check (Missing Migrants incidents
 * against the routes they are tagged with). Build/test code: uses turf, never loaded by the browser.
 */
import { pointToLineDistance } from '@turf/turf';
import type { LegFeature, RouteCollection } from '../../src/lib/core/routes/types';

/** The Missing Migrants Project / Frontex route names, mapped to our route ids. */
export const MMP_ROUTE_IDS: Record<string, string> = {
	'Western Balkans': 'western-balkans',
	'Central Mediterranean': 'central-med',
	'Eastern Mediterranean': 'eastern-med',
	'Western Mediterranean': 'western-med'
};

export function legsOf(collection: RouteCollection, routeId: string): LegFeature[] {
	return collection.features.filter((f): f is LegFeature => f.properties.kind === 'leg' && f.properties.route === routeId);
}

/** Distance in km from [lon, lat] to the nearest leg of the given legs. */
export function distanceToLegsKm(lonLat: [number, number], legs: LegFeature[]): number {
	let best = Infinity;
	for (const leg of legs) best = Math.min(best, pointToLineDistance(lonLat, leg, { units: 'kilometers' }));
	return best;
}

export interface ProximityShare {
	route: string;
	incidents: number;
	near: number;
	share: number;
}

/** Per route: how many of the points lie within `radiusKm` of that route's lines. */
export function nearShares(
	collection: RouteCollection,
	points: { route: string; lonLat: [number, number] }[],
	radiusKm: number
): ProximityShare[] {
	return collection.routes.map(({ id }) => {
		const legs = legsOf(collection, id);
		const mine = points.filter((p) => p.route === id);
		const near = mine.filter((p) => distanceToLegsKm(p.lonLat, legs) <= radiusKm).length;
		return { route: id, incidents: mine.length, near, share: mine.length ? near / mine.length : 0 };
	});
}
