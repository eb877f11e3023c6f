/** Per-year Frontex figures and what the map derives from them (line width, active stretches). */
import { dayFromIso, isoFromDay } from '../time/days';
import { ROUTE_YEARS, type RouteFigure, type RouteInfo, type RouteYear } from './types';

/** The figures' year for a timeline day, clamped to the years we have figures for. */
export function routeYearOfDay(day: number): RouteYear {
	const year = Number(isoFromDay(day).slice(0, 4));
	const first = ROUTE_YEARS[0];
	const last = ROUTE_YEARS[ROUTE_YEARS.length - 1]!;
	return Math.min(last, Math.max(first, year)) as RouteYear;
}

export function figureFor(route: RouteInfo, year: RouteYear): RouteFigure | undefined {
	return route.figures.find((f) => f.year === year);
}

/** The largest yearly figure of any route: widths are scaled against it so years compare. */
export function maxDetections(routes: RouteInfo[]): number {
	return Math.max(1, ...routes.flatMap((r) => r.figures.map((f) => f.detections)));
}

export const MIN_WIDTH_PX = 2;
export const MAX_WIDTH_PX = 10;

/** Line width in pixels: square-root scaled, so the area of the line, not its width, tracks the figure. */
export function widthForDetections(detections: number | undefined, max: number): number {
	if (!detections || detections <= 0) return MIN_WIDTH_PX;
	return MIN_WIDTH_PX + (MAX_WIDTH_PX - MIN_WIDTH_PX) * Math.sqrt(Math.min(1, detections / max));
}

/** Whether a stretch valid from..to (ISO dates, inclusive) is in use on the timeline's day. */
export function isActiveOn(validFrom: string, validTo: string, day: number): boolean {
	return day >= dayFromIso(validFrom) && day <= dayFromIso(validTo);
}

/** "885,386 detections" with the thousands separator the UI uses everywhere. */
export function formatDetections(n: number): string {
	return `${n.toLocaleString('en-GB')} detections`;
}
