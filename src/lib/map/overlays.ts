/**
 * Routes, plot markers, hometown names and the selected hotspot, drawn by MapLibre as style layers
 * over GeoJSON sources that MapView fills from AppState (setData). They used to be deck.gl layers;
 * in software WebGL each new deck layer type links its shaders on the main thread (0.3 s for a
 * PathLayer, 2-2.7 s for the TextLayer), which froze the page right after the first heat frame.
 * MapLibre's line, circle and symbol programs are small and already linked for the basemap.
 */
import type { Feature, FeatureCollection, Point, Position } from 'geojson';
import type { LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { ArrowFeature, EventFeature, LegFeature, RouteCollection, RouteYear } from '$lib/core/routes/types';
import { figureFor, isActiveOn, maxDetections, widthForDetections, MIN_WIDTH_PX } from '$lib/core/routes/figures';
import { isRouteVisible, type RouteSelection } from '$lib/core/routes/visibility';
import { dotsAlong } from '$lib/core/routes/motion';
import { routeColorRgb } from '$lib/core/routes/palette';
import { dayFromIso, isoFromDay } from '$lib/core/time/days';
import { eventPresence, type DatedEvent } from '$lib/core/time/events';
import type { TimeMode } from '$lib/core/time/membership';
import { arrowSprite } from '$lib/core/sprites/sprites';
import type { HotspotRow } from '$lib/core/hotspots/hotspots';
import { FONT_SEMIBOLD } from './fonts';

/** Marker styles shared with the timeline track: successful plots FILLED dark red, foiled ones an OPEN blue ring. */
export const PLOT_STYLE = {
	successful: { fill: '#b2182b', line: '#ffffff', filled: true, hex: '#b2182b' },
	foiled: { fill: '#2166ac', line: '#2166ac', filled: false, hex: '#2166ac' }
} as const;

/** Text of a plot's tooltip (set as text, never HTML, so data cannot inject markup). */
export function plotTooltip(e: DatedEvent): string {
	if (e.kind !== 'plot') return `${e.date} · ${e.place}\n${e.description}\nSource: ${e.source}`;
	return `${e.date} · ${e.place}\n${e.outcome === 'successful' ? 'Successful attack' : 'Foiled plot'}: ${e.description}\nSource: ${e.source}`;
}

/** What the route tooltip (RouteTooltip.svelte) shows: a route under the pointer, or one of its dated events. */
export interface RouteHoverInfo {
	route: string;
	x: number;
	y: number;
	/** Set when the pointer is on a date marker. */
	event?: { date: string; label: string; source: string };
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
export const OVERLAY_SOURCES = ['routes', 'routes-motion', 'plots'] as const;
export const ROUTE_LAYERS = [
	'routes-casing',
	'routes-land',
	'routes-sea',
	'routes-arrows',
	'routes-events',
	'routes-event-dates',
	'routes-motion'
] as const;
export const PLOT_LAYERS = ['plots'] as const;
/** Layers the pointer can hover for the route tooltip; events first (they sit on the lines). */
export const ROUTE_HOVER_LAYERS = ['routes-events', 'routes-arrows', 'routes-land', 'routes-sea'] as const;

const rgb = (c: readonly number[], alpha = 1) => `rgba(${c[0]},${c[1]},${c[2]},${alpha})`;
const ACTIVE = ['==', ['get', 'active'], 1] as const;

/** The style's overlay layers, bottom to top, with empty sources until MapView fills them. */
export function overlaySources(): Record<string, { type: 'geojson'; data: FeatureCollection }> {
	return Object.fromEntries(OVERLAY_SOURCES.map((id) => [id, { type: 'geojson' as const, data: EMPTY }]));
}

export function overlayLayers(): LayerSpecification[] {
	const legs = ['==', ['get', 'kind'], 'leg'] as const;
	return [
		{
			id: 'routes-casing',
			type: 'line',
			source: 'routes',
			filter: legs as never,
			layout: { 'line-cap': 'round', 'line-join': 'round' },
			paint: { 'line-color': '#ffffff', 'line-opacity': ['case', ACTIVE, 0.78, 0.35] as never, 'line-width': ['+', ['get', 'width'], 3] }
		},
		{
			id: 'routes-land',
			type: 'line',
			source: 'routes',
			filter: ['all', legs, ['!=', ['get', 'mode'], 'sea']] as never,
			layout: { 'line-cap': 'round', 'line-join': 'round' },
			paint: { 'line-color': ['get', 'color'], 'line-width': ['get', 'width'] }
		},
		{
			// Sea crossings dashed; the dash is in line widths.
			id: 'routes-sea',
			type: 'line',
			source: 'routes',
			filter: ['all', legs, ['==', ['get', 'mode'], 'sea']] as never,
			layout: { 'line-join': 'round' },
			paint: { 'line-color': ['get', 'color'], 'line-width': ['get', 'width'], 'line-dasharray': [2, 1.4] }
		},
		{
			id: 'routes-arrows',
			type: 'symbol',
			source: 'routes',
			filter: ['==', ['get', 'kind'], 'arrow'],
			layout: {
				'icon-image': 'route-arrow',
				'icon-size': ['/', ['get', 'size'], 16],
				'icon-rotate': ['get', 'bearing'],
				'icon-rotation-alignment': 'map',
				// Legs a few pixels long at the start view would pile their arrowheads into dark blots: an
				// arrowhead that would cover another (or a place name) is left out until zooming in makes room.
				// Placement must see the arrowheads for that (ignore-placement would hide them from each other
				// too); they are the style's lowest symbols, placed last, so no name gives way to them.
				'icon-allow-overlap': false,
				'icon-padding': 3,
				'icon-ignore-placement': false
			},
			paint: { 'icon-color': ['get', 'color'] }
		},
		{
			id: 'routes-events',
			type: 'circle',
			source: 'routes',
			filter: ['==', ['get', 'kind'], 'event'],
			paint: { 'circle-radius': 6, 'circle-color': ['get', 'fill'], 'circle-stroke-color': ['get', 'color'], 'circle-stroke-width': 2.5 }
		},
		{
			id: 'routes-motion',
			type: 'circle',
			source: 'routes-motion',
			paint: { 'circle-radius': 3, 'circle-color': '#ffffff', 'circle-stroke-color': ['get', 'color'], 'circle-stroke-width': 1 }
		},
		{
			id: 'plots',
			type: 'circle',
			source: 'plots',
			paint: {
				'circle-radius': ['case', ['==', ['get', 'recent'], 1], 9, 7],
				'circle-color': ['get', 'fill'],
				'circle-opacity': ['*', ['get', 'filled'], ['get', 'alpha']],
				'circle-stroke-color': ['get', 'line'],
				'circle-stroke-width': ['case', ['==', ['get', 'filled'], 1], 2, 3.5],
				'circle-stroke-opacity': ['get', 'alpha']
			}
		},
		{
			id: 'routes-event-dates',
			type: 'symbol',
			source: 'routes',
			filter: ['==', ['get', 'kind'], 'event'],
			layout: {
				'text-field': ['get', 'dateText'],
				'text-font': [FONT_SEMIBOLD],
				'text-size': 11,
				'text-anchor': 'left',
				'text-offset': [0.9, 0],
				'text-allow-overlap': true
			},
			paint: { 'text-color': '#282828', 'text-halo-color': 'rgba(255,255,255,0.9)', 'text-halo-width': 1.6 }
		}
	];
}

export interface RoutesFrame {
	data: RouteCollection | null;
	visible: RouteSelection;
	day: number;
	year: RouteYear;
}

/**
 * The routes' features with what their look depends on at this date folded into properties: width
 * by the year's Frontex figure (thin where a variant is not in use), colour, active state, events
 * filled once their date has passed. `key` changes only when one of those does, so MapView re-sends
 * the data at a handful of dates, not on every timeline frame.
 */
export function routesFrame({ data, visible, day, year }: RoutesFrame): { key: string; features: FeatureCollection } {
	if (!data) return { key: 'none', features: EMPTY };
	const shown = (route: string) => isRouteVisible(visible, route);
	const max = maxDetections(data.routes);
	const widths = new Map(data.routes.map((r) => [r.id, widthForDetections(figureFor(r, year)?.detections, max)]));
	const activeVariants = new Map(
		data.routes.flatMap((r) => r.variants.map((v) => [`${r.id}/${v.id}`, isActiveOn(v.validFrom, v.validTo, day)] as const))
	);
	const active = (route: string, variant: string) => activeVariants.get(`${route}/${variant}`) ?? true;
	const features: Feature[] = [];
	const keyParts: string[] = [String(year), JSON.stringify(visible)];
	for (const f of data.features) {
		const p = f.properties;
		if (p.kind === 'waypoint' || !shown(p.route)) continue;
		const color = routeColorRgb(p.route);
		if (p.kind === 'leg') {
			const on = active(p.route, p.variant);
			keyParts.push(on ? '1' : '0');
			features.push({
				...(f as LegFeature),
				properties: {
					kind: 'leg',
					route: p.route,
					mode: p.mode,
					active: on ? 1 : 0,
					width: on ? widths.get(p.route)! : MIN_WIDTH_PX,
					color: rgb(color, on ? 0.92 : 0.27)
				}
			});
		} else if (p.kind === 'arrow') {
			const on = active(p.route, p.variant);
			features.push({
				...(f as ArrowFeature),
				properties: {
					kind: 'arrow',
					route: p.route,
					bearing: p.bearing,
					size: 9 + (on ? widths.get(p.route)! : 0),
					color: rgb(
						color.map((c) => Math.round(c * 0.55)),
						on ? 1 : 0.43
					)
				}
			});
		} else {
			const passed = day >= dayFromIso(p.date);
			keyParts.push(passed ? 'p' : 'f');
			features.push({
				...(f as EventFeature),
				properties: {
					kind: 'event',
					route: p.route,
					date: p.date,
					label: p.label,
					source: p.source,
					dateText: shortDate(p.date),
					color: rgb(color),
					fill: passed ? rgb(color) : '#ffffff'
				}
			});
		}
	}
	return { key: keyParts.join(''), features: { type: 'FeatureCollection', features } };
}

/** The moving dots along the active legs (presenters' option), at phase 0..1; none when the phase is null (off). */
export function motionDots(data: RouteCollection | null, visible: RouteSelection, day: number, phase: number | null): FeatureCollection {
	if (!data || phase === null) return EMPTY;
	const activeVariants = new Map(
		data.routes.flatMap((r) => r.variants.map((v) => [`${r.id}/${v.id}`, isActiveOn(v.validFrom, v.validTo, day)] as const))
	);
	const features: Feature<Point>[] = [];
	for (const f of data.features) {
		if (f.properties.kind !== 'leg' || !isRouteVisible(visible, f.properties.route)) continue;
		if (!(activeVariants.get(`${f.properties.route}/${f.properties.variant}`) ?? true)) continue;
		const leg = f as LegFeature;
		const color = rgb(routeColorRgb(leg.properties.route));
		for (const p of dotsAlong(leg.geometry.coordinates as Position[], leg.properties.cumulativeKm, 60, phase)) {
			features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: p }, properties: { color } });
		}
	}
	return { type: 'FeatureCollection', features };
}

export interface PlotsFrame {
	events: readonly DatedEvent[];
	day: number;
	mode: TimeMode;
	/** Exclusive lower bound of the moving window (core/time/membership windowStartExclusive). */
	windowStart: number;
}

/** The network's plots at this date: they appear at their date; in cumulative mode older ones stay, faded. */
export function plotsFrame({ events, day, mode, windowStart }: PlotsFrame): {
	key: string;
	features: FeatureCollection;
	shown: DatedEvent[];
} {
	const features: Feature[] = [];
	const shown: DatedEvent[] = [];
	let key = '';
	events.forEach((e, index) => {
		if (e.kind !== 'plot') return;
		const presence = eventPresence(e.day, day, mode, windowStart);
		key += presence[0];
		if (presence === 'hidden') return;
		const style = PLOT_STYLE[e.outcome ?? 'foiled'];
		shown.push(e);
		features.push({
			type: 'Feature',
			geometry: { type: 'Point', coordinates: [e.lon, e.lat] },
			properties: {
				index,
				recent: presence === 'recent' ? 1 : 0,
				alpha: presence === 'recent' ? 1 : 0.4,
				filled: style.filled ? 1 : 0,
				fill: style.fill,
				line: style.line
			}
		});
	});
	return { key, features: { type: 'FeatureCollection', features }, shown };
}

/** Hometowns that may be named (privacy threshold applied by AppState.namedTowns), as label points. */
export function hometownFeatures(towns: readonly HotspotRow[]): FeatureCollection {
	return {
		type: 'FeatureCollection',
		features: towns
			.filter((t) => !t.folded && Number.isFinite(t.lon) && Number.isFinite(t.lat))
			.map((t) => ({
				type: 'Feature',
				geometry: { type: 'Point', coordinates: [t.lon, t.lat] },
				properties: { name: t.name, count: t.count, country: t.country }
			}))
	};
}

/**
 * The named hometowns with a key that changes only when what the labels show changes (a name, a count,
 * a point), so the map is sent new label data only then (see MapView).
 */
export function hometownsFrame(towns: readonly HotspotRow[]): { key: string; features: FeatureCollection } {
	const features = hometownFeatures(towns);
	const key = features.features
		.map((f) => `${f.properties!.name}|${f.properties!.count}|${(f.geometry as Point).coordinates.join(',')}`)
		.join('\n');
	return { key, features };
}

/** The arrowhead, drawn once on a canvas (no image file) as an SDF icon, so each route tints it. */
export function addRouteArrow(map: MapLibreMap): void {
	if (map.hasImage('route-arrow')) return;
	// Drawn in plain JavaScript: a 2D canvas would wait for the GPU process (core/sprites/sprites.ts).
	map.addImage('route-arrow', arrowSprite(32), { sdf: true, pixelRatio: 2 });
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function shortDate(iso: string): string {
	const [y, m, d] = isoFromDay(dayFromIso(iso)).split('-');
	return `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
}
