/**
 * Route data: the hand-curated source (geodata/routes.source.json) and the built collection
 * (geodata/routes.geojson, served as /generated/routes/routes.json) the map draws.
 */
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';

export type LegMode = 'sea' | 'land';
export const ROUTE_YEARS = [2014, 2015, 2016] as const;
export type RouteYear = (typeof ROUTE_YEARS)[number];

export interface SourceRef {
	title: string;
	url: string;
	doi?: string;
}

/** A named place (checked against GeoNames) or a sea point that keeps a crossing off land. */
export interface SourceWaypoint {
	name: string;
	/** 'sea' points are shaping points at sea, exempt from the gazetteer check. Default: 'place'. */
	type?: 'place' | 'sea';
	/** The GeoNames name when it differs from the display name (accents, island vs town). */
	geonames?: string;
	country?: string;
	lon: number;
	lat: number;
}

/** Frontex detections of illegal border-crossing: detections, not people. */
export interface RouteFigure {
	year: RouteYear;
	detections: number;
	source: string;
	/** How the number was checked against what was published. */
	checked: string;
}

/** A stretch of a route with its own validity dates (the Balkan route moved in September 2015). */
export interface RouteVariant {
	id: string;
	name: string;
	validFrom: string;
	validTo: string;
	source: string;
}

export interface RouteEvent {
	date: string;
	/** A waypoint key of the route. */
	at: string;
	label: string;
	source: string;
}

export interface SourceLeg {
	variant: string;
	mode: LegMode;
	/** Waypoint keys in travel order. */
	path: string[];
	source: string;
}

export interface SourceRoute {
	id: string;
	name: string;
	description: string;
	source: string;
	figures: RouteFigure[];
	variants: RouteVariant[];
	waypoints: Record<string, SourceWaypoint>;
	legs: SourceLeg[];
	events: RouteEvent[];
}

export interface RoutesSource {
	about: string;
	sources: Record<string, SourceRef>;
	routes: SourceRoute[];
}

/** Route metadata as shipped beside the features (a GeoJSON foreign member): the source route without its geometry. */
export type RouteInfo = Omit<SourceRoute, 'waypoints' | 'legs'>;

export interface LegProperties {
	kind: 'leg';
	route: string;
	variant: string;
	mode: LegMode;
	from: string;
	to: string;
	source: string;
	validFrom: string;
	validTo: string;
	/** Length in km, and cumulative km at each vertex: moving dots interpolate without turf. */
	lengthKm: number;
	cumulativeKm: number[];
}

export interface WaypointProperties {
	kind: 'waypoint';
	route: string;
	key: string;
	name: string;
	type: 'place' | 'sea';
	geonames: string;
	country: string;
}

export interface EventProperties {
	kind: 'event';
	route: string;
	date: string;
	label: string;
	source: string;
	place: string;
}

/** An arrowhead placed along a leg; bearing in degrees clockwise from north. */
export interface ArrowProperties {
	kind: 'arrow';
	route: string;
	variant: string;
	bearing: number;
}

export type LegFeature = Feature<LineString, LegProperties>;
export type WaypointFeature = Feature<Point, WaypointProperties>;
export type EventFeature = Feature<Point, EventProperties>;
export type ArrowFeature = Feature<Point, ArrowProperties>;
export type RouteFeature = LegFeature | WaypointFeature | EventFeature | ArrowFeature;

export interface RouteCollection extends FeatureCollection<LineString | Point, RouteFeature['properties']> {
	features: RouteFeature[];
	about: string;
	sources: Record<string, SourceRef>;
	routes: RouteInfo[];
}
