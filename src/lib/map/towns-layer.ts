import { ScatterplotLayer } from '@deck.gl/layers';
import type { PickingInfo } from '@deck.gl/core';
import { tooltipText, type HotspotRow } from '$lib/core/hotspots/hotspots';

/** How near the pointer (px) a town must be to be listed in the tooltip. */
const TOOLTIP_RADIUS_PX = 18;

/**
 * Invisible, pickable discs on the towns a reader may see by name (privacy threshold applied): the
 * overlay's tooltip (deck-overlay.ts) lists the towns near the pointer with their counts. Nothing is drawn.
 */
export function createTownsLayer(towns: HotspotRow[]) {
	return new ScatterplotLayer<HotspotRow, { tooltipText: (o: unknown, info: PickingInfo) => string | null }>({
		id: 'hometown-picking',
		data: towns,
		getPosition: (d) => [d.lon, d.lat],
		getRadius: TOOLTIP_RADIUS_PX,
		radiusUnits: 'pixels',
		getFillColor: [0, 0, 0, 0],
		pickable: true,
		tooltipText: (object, info) => townsTooltipText(info, towns, object as HotspotRow)
	});
}

/** Every named town within TOOLTIP_RADIUS_PX of the pointer, biggest first, as plain text. */
export function townsTooltipText(info: PickingInfo, towns: HotspotRow[], picked: HotspotRow): string | null {
	const viewport = info.viewport;
	const near = viewport
		? towns.filter((t) => {
				const [x, y] = viewport.project([t.lon, t.lat]);
				return Math.hypot(x! - info.x, y! - info.y) <= TOOLTIP_RADIUS_PX;
			})
		: [];
	return tooltipText(near.length ? near : [picked]);
}
