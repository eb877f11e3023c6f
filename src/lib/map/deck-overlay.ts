import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Layer } from '@deck.gl/core';
import type { Map as MapLibreMap } from 'maplibre-gl';

/**
 * The single deck.gl overlay over the map. Non-interleaved: deck draws on its own canvas above
 * MapLibre, which keeps the heat map readable over every basemap layer (and MapboxOverlay with
 * interleaving throws on every frame with MapLibre 6, see DESIGN.md).
 */
export function attachDeckOverlay(map: MapLibreMap, onAfterRender: () => void = () => {}) {
	const overlay = new MapLibreOverlay({ layers: [], useDevicePixels: 1, onAfterRender });
	map.addControl(overlay);
	return {
		setLayers(layers: Layer[]) {
			overlay.setProps({ layers });
		},
		overlay,
		detach() {
			map.removeControl(overlay);
		}
	};
}
export type DeckOverlay = ReturnType<typeof attachDeckOverlay>;
