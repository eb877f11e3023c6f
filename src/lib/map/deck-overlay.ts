import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Layer, PickingInfo } from '@deck.gl/core';
import type { Map as MapLibreMap } from 'maplibre-gl';

/**
 * The single deck.gl overlay over the map. Non-interleaved: deck draws on its own canvas above
 * MapLibre, which keeps the heat map readable over every basemap layer (and MapboxOverlay with
 * interleaving throws on every frame with MapLibre 6, see DESIGN.md).
 */
export function attachDeckOverlay(map: MapLibreMap, onAfterRender: () => void = () => {}) {
	const overlay = new MapLibreOverlay({ layers: [], useDevicePixels: 1, onAfterRender, getTooltip });
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
/**
 * Hover text for any pickable layer that carries a `tooltipText(object)` prop. Returned as `text`,
 * which deck.gl sets with textContent: data never becomes markup.
 */
function getTooltip(info: PickingInfo) {
	const tooltipText = (info.layer?.props as { tooltipText?: (o: unknown) => string } | undefined)?.tooltipText;
	if (!info.object || !tooltipText) return null;
	return { text: tooltipText(info.object), style: TOOLTIP_STYLE };
}

const TOOLTIP_STYLE = {
	background: 'rgba(255,255,255,0.97)',
	color: '#222',
	font: '13px system-ui, "DejaVu Sans", sans-serif',
	padding: '6px 8px',
	borderRadius: '4px',
	boxShadow: '0 1px 4px rgba(0,0,0,0.25)',
	maxWidth: '22rem',
	whiteSpace: 'pre-line'
};

export type DeckOverlay = ReturnType<typeof attachDeckOverlay>;
