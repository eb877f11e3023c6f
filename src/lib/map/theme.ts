import type { Map as MapLibreMap } from 'maplibre-gl';
import { addPlaceDot, allBasemapLayers, BASEMAP_COLORS, setPalette, type BasemapPalette } from './basemap-style';

export type Theme = 'light' | 'dark';

/** Basemap colours per theme: light for slides and print, dark for dark rooms (heat stays the same ramp). */
export const BASEMAP_THEMES: Record<Theme, BasemapPalette> = {
	light: { ...BASEMAP_COLORS },
	dark: {
		sea: '#141a22',
		land: '#2a313b',
		border: '#5b6573',
		coast: '#47576a',
		admin1: '#444e5b',
		place: '#e3e7ed',
		country: '#9aa3b0',
		division: '#8791a0',
		halo: '#141a22',
		hometown: '#ffffff',
		highlight: '#7fb0ff'
	}
};

/**
 * Recolours the basemap's layers in place (no style reload, so the view and sources stay); layers
 * added later (finer geometry, divisions) are created in the same palette.
 */
export function applyBasemapTheme(map: MapLibreMap, theme: Theme) {
	setPalette(BASEMAP_THEMES[theme]);
	for (const layer of allBasemapLayers()) {
		if (!map.getLayer(layer.id) || !('paint' in layer) || !layer.paint) continue;
		for (const [property, value] of Object.entries(layer.paint)) {
			map.setPaintProperty(layer.id, property as Parameters<MapLibreMap['setPaintProperty']>[1], value);
		}
	}
	map.setPaintProperty('sea', 'background-color', BASEMAP_THEMES[theme].sea);
	if (map.hasImage('place-dot')) addPlaceDot(map);
}
