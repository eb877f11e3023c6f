/**
 * Route colours: Okabe & Ito's colour-blind-safe palette, leaving out its oranges and yellow,
 * which the heat map's YlOrRd ramp uses.
 */
export const ROUTE_COLORS: Record<string, string> = {
	'western-balkans': '#CC79A7',
	'central-med': '#0072B2',
	'eastern-med': '#009E73',
	'western-med': '#56B4E9'
};
const FALLBACK = '#555555';

export function routeColorHex(id: string): string {
	return ROUTE_COLORS[id] ?? FALLBACK;
}

export function routeColorRgb(id: string): [number, number, number] {
	const n = Number.parseInt(routeColorHex(id).slice(1), 16);
	return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
