import { ScatterplotLayer } from '@deck.gl/layers';
import type { PickingInfo } from '@deck.gl/core';
import { tooltipText, type HotspotRow } from '$lib/core/hotspots/hotspots';

/** How near the pointer (px) a town must be to be listed in the tooltip. */
const TOOLTIP_RADIUS_PX = 18;

/**
 * Invisible, pickable discs on the towns a reader may see by name (privacy threshold applied): they
 * let the overlay's tooltip know a town is under the pointer. Nothing is drawn.
 */
export function createTownsLayer(towns: HotspotRow[]) {
	return new ScatterplotLayer<HotspotRow>({
		id: 'hometown-picking',
		data: towns,
		getPosition: (d) => [d.lon, d.lat],
		getRadius: TOOLTIP_RADIUS_PX,
		radiusUnits: 'pixels',
		getFillColor: [0, 0, 0, 0],
		pickable: true
	});
}

/** Tooltip for the deck overlay: every named town within TOOLTIP_RADIUS_PX of the pointer, as text. */
export function townsTooltip(info: PickingInfo, towns: HotspotRow[], theme: 'light' | 'dark') {
	if (!info.object || !info.viewport) return null;
	// Routes have their own tooltip (RouteTooltip.svelte); their features are not towns.
	if (info.layer?.id.startsWith('routes-')) return null;
	const near = towns.filter((t) => {
		const [x, y] = info.viewport!.project([t.lon, t.lat]);
		return Math.hypot(x! - info.x, y! - info.y) <= TOOLTIP_RADIUS_PX;
	});
	const text = tooltipText(near.length ? near : [info.object as HotspotRow]);
	if (!text) return null;
	// `text` is set as innerText by deck: names from an imported file cannot inject markup.
	return {
		text,
		className: 'deck-tooltip atlas-tooltip',
		style: {
			backgroundColor: theme === 'dark' ? '#1d2430' : '#ffffff',
			color: theme === 'dark' ? '#e8ecf2' : '#222222',
			border: '1px solid #999',
			borderRadius: '4px',
			padding: '4px 8px',
			fontSize: '12px',
			fontFamily: 'system-ui, "DejaVu Sans", sans-serif',
			whiteSpace: 'pre',
			transform: `translate(${info.x + 12}px, ${info.y + 12}px)`
		}
	};
}
