import { IconLayer, PathLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import { PathStyleExtension, type PathStyleExtensionProps } from '@deck.gl/extensions';
import type { Layer, PickingInfo } from '@deck.gl/core';
import type { Texture } from '@luma.gl/core';
import type { Position } from 'geojson';
import type { ArrowFeature, EventFeature, LegFeature, RouteCollection } from '$lib/core/routes/types';
import { figureFor, isActiveOn, maxDetections, widthForDetections, MIN_WIDTH_PX } from '$lib/core/routes/figures';
import { isRouteVisible, type RouteSelection } from '$lib/core/routes/visibility';
import { dotsAlong } from '$lib/core/routes/motion';
import { routeColorRgb } from '$lib/core/routes/palette';
import { dayFromIso, isoFromDay } from '$lib/core/time/days';
import type { RouteYear } from '$lib/core/routes/types';

export interface RouteHoverInfo {
	route: string;
	x: number;
	y: number;
	/** Set when the pointer is on a date marker. */
	event?: { date: string; label: string; source: string };
}

export interface RoutesLayerOptions {
	data: RouteCollection | null;
	visible: RouteSelection;
	day: number;
	year: RouteYear;
	/** 0..1 phase of the moving dots, or null when they are off. */
	motionPhase: number | null;
	onHover: (hover: RouteHoverInfo | null) => void;
}

/** Stretches not in use on the timeline's day stay faintly visible, so the reroute is readable. */
const INACTIVE_ALPHA = 70;
/** Sea crossings dashed, in screen pixels along the whole path (per-segment dashes vanish on smoothed lines). */
const SEA_DASH: [number, number] = [3, 2.5];
const DASHES = new PathStyleExtension({ dash: true, dashMode: 'path' });
const SOLID: [number, number] = [0, 0];
const DOT_SPACING_KM = 60;

let arrowAtlas: HTMLCanvasElement | null = null;
/** An arrowhead drawn once on a canvas (no image file, nothing fetched), tinted per route as a mask. */
function arrowIcon(): HTMLCanvasElement {
	if (arrowAtlas) return arrowAtlas;
	const canvas = document.createElement('canvas');
	canvas.width = canvas.height = 64;
	const ctx = canvas.getContext('2d')!;
	ctx.fillStyle = '#fff';
	ctx.beginPath();
	ctx.moveTo(32, 4);
	ctx.lineTo(58, 58);
	ctx.lineTo(32, 44);
	ctx.lineTo(6, 58);
	ctx.closePath();
	ctx.fill();
	return (arrowAtlas = canvas);
}

/**
 * The route overlay, bottom to top: a white casing, the lines (sea legs dashed, width by the year's
 * Frontex figure), arrowheads, date markers with labels, and the optional moving dots.
 */
export function createRoutesLayers({ data, visible, day, year, motionPhase, onHover }: RoutesLayerOptions): Layer[] {
	if (!data) return [];
	const shown = (route: string) => isRouteVisible(visible, route);
	const legs = data.features.filter((f): f is LegFeature => f.properties.kind === 'leg' && shown(f.properties.route));
	const arrows = data.features.filter((f): f is ArrowFeature => f.properties.kind === 'arrow' && shown(f.properties.route));
	const events = data.features.filter((f): f is EventFeature => f.properties.kind === 'event' && shown(f.properties.route));
	const max = maxDetections(data.routes);
	const widths = new Map(data.routes.map((r) => [r.id, widthForDetections(figureFor(r, year)?.detections, max)]));
	const variantActive = new Map(
		data.routes.flatMap((r) => r.variants.map((v) => [`${r.id}/${v.id}`, isActiveOn(v.validFrom, v.validTo, day)] as const))
	);
	const active = (route: string, variant: string) => variantActive.get(`${route}/${variant}`) ?? true;
	const width = (leg: LegFeature) => (active(leg.properties.route, leg.properties.variant) ? widths.get(leg.properties.route)! : MIN_WIDTH_PX);
	const triggers = { year, day, visible: JSON.stringify(visible) };

	const hoverLeg = (info: PickingInfo<LegFeature | ArrowFeature>) =>
		onHover(info.object ? { route: info.object.properties.route, x: info.x, y: info.y } : null);
	const hoverEvent = (info: PickingInfo<EventFeature>) =>
		onHover(
			info.object
				? { route: info.object.properties.route, x: info.x, y: info.y, event: { date: info.object.properties.date, label: info.object.properties.label, source: info.object.properties.source } }
				: null
		);

	const pathProps = {
		data: legs,
		getPath: (d: LegFeature) => d.geometry.coordinates as [number, number][],
		widthUnits: 'pixels' as const,
		capRounded: true,
		jointRounded: true,
		updateTriggers: { getWidth: triggers, getColor: triggers }
	};
	const layers: Layer[] = [
		new PathLayer<LegFeature>({
			...pathProps,
			id: 'routes-casing',
			getColor: (d) => [255, 255, 255, active(d.properties.route, d.properties.variant) ? 200 : 90],
			getWidth: (d) => width(d) + 3
		}),
		new PathLayer<LegFeature, PathStyleExtensionProps<LegFeature>>({
			...pathProps,
			id: 'routes-lines',
			// Square caps keep the dash gaps open (round caps fill them in).
			capRounded: false,
			getColor: (d) => [...routeColorRgb(d.properties.route), active(d.properties.route, d.properties.variant) ? 235 : INACTIVE_ALPHA],
			getWidth: width,
			getDashArray: (d) => (d.properties.mode === 'sea' ? SEA_DASH : SOLID),
			dashGapPickable: true,
			extensions: [DASHES],
			pickable: true,
			onHover: hoverLeg
		}),
		new IconLayer<ArrowFeature>({
			id: 'routes-arrows',
			data: arrows,
			iconAtlas: arrowIcon() as unknown as Texture,
			iconMapping: { arrow: { x: 0, y: 0, width: 64, height: 64, mask: true } },
			getIcon: () => 'arrow',
			getPosition: (d) => d.geometry.coordinates as [number, number],
			// Icon angles turn counter-clockwise; bearings clockwise from north.
			getAngle: (d) => -d.properties.bearing,
			getSize: (d) => 9 + (active(d.properties.route, d.properties.variant) ? widths.get(d.properties.route)! : 0),
			// Darker than the line, so the arrowhead reads on top of it.
			getColor: (d) => {
				const [r, g, b] = routeColorRgb(d.properties.route).map((c) => Math.round(c * 0.55));
				return [r!, g!, b!, active(d.properties.route, d.properties.variant) ? 255 : INACTIVE_ALPHA + 40];
			},
			sizeUnits: 'pixels',
			pickable: true,
			onHover: hoverLeg,
			updateTriggers: { getSize: triggers, getColor: triggers }
		}),
		new ScatterplotLayer<EventFeature>({
			id: 'routes-events',
			data: events,
			getPosition: (d) => d.geometry.coordinates as [number, number],
			radiusUnits: 'pixels',
			getRadius: 6,
			stroked: true,
			lineWidthUnits: 'pixels',
			getLineWidth: 2.5,
			// Filled once the date has passed on the timeline, hollow before.
			getFillColor: (d) => (day >= dayFromIso(d.properties.date) ? [...routeColorRgb(d.properties.route), 255] : [255, 255, 255, 255]),
			getLineColor: (d) => [...routeColorRgb(d.properties.route), 255],
			pickable: true,
			onHover: hoverEvent,
			updateTriggers: { getFillColor: triggers }
		}),
		new TextLayer<EventFeature>({
			id: 'routes-event-dates',
			data: events,
			getPosition: (d) => d.geometry.coordinates as [number, number],
			getText: (d) => shortDate(d.properties.date),
			getSize: 11,
			getColor: [40, 40, 40, 255],
			getPixelOffset: [9, 0],
			getTextAnchor: 'start',
			getAlignmentBaseline: 'center',
			fontFamily: 'system-ui, "DejaVu Sans", sans-serif',
			fontWeight: 600,
			outlineWidth: 3,
			outlineColor: [255, 255, 255, 230],
			fontSettings: { sdf: true, fontSize: 48, buffer: 6 }
		})
	];
	if (motionPhase !== null) {
		const dots = legs
			.filter((l) => active(l.properties.route, l.properties.variant))
			.flatMap((l) => dotsAlong(l.geometry.coordinates as Position[], l.properties.cumulativeKm, DOT_SPACING_KM, motionPhase).map((p) => ({ p, route: l.properties.route })));
		layers.push(
			new ScatterplotLayer<{ p: Position; route: string }>({
				id: 'routes-motion',
				data: dots,
				getPosition: (d) => d.p as [number, number],
				radiusUnits: 'pixels',
				getRadius: 3,
				stroked: true,
				lineWidthUnits: 'pixels',
				getLineWidth: 1,
				getFillColor: [255, 255, 255, 255],
				getLineColor: (d) => [...routeColorRgb(d.route), 255]
			})
		);
	}
	return layers;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function shortDate(iso: string): string {
	const [y, m, d] = isoFromDay(dayFromIso(iso)).split('-');
	return `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
}
