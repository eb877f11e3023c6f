import type { Map as MapLibreMap } from 'maplibre-gl';
import { BASEMAP_COLORS } from './basemap-style';

export type Theme = 'light' | 'dark';

/** Basemap colours per theme: light for slides and print, dark for dark rooms (heat stays the same ramp). */
export const BASEMAP_THEMES: Record<Theme, { sea: string; land: string; border: string; coast: string }> = {
	light: { ...BASEMAP_COLORS },
	dark: { sea: '#141a22', land: '#2a313b', border: '#5b6573', coast: '#47576a' }
};

/** Recolours the basemap's layers in place (no style reload, so the view and sources stay). */
export function applyBasemapTheme(map: MapLibreMap, theme: Theme) {
	const c = BASEMAP_THEMES[theme];
	const paint: [string, string, string][] = [['sea', 'background-color', c.sea]];
	for (const res of ['110m', '50m']) {
		paint.push([`land-${res}`, 'fill-color', c.land], [`land-${res}`, 'fill-outline-color', c.coast], [`coast-${res}`, 'line-color', c.coast], [`borders-${res}`, 'line-color', c.border]);
	}
	for (const [layer, property, value] of paint) if (map.getLayer(layer)) map.setPaintProperty(layer, property as Parameters<MapLibreMap['setPaintProperty']>[1], value);
}
