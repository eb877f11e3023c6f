import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Layer } from '@deck.gl/core';
import type { Map as MapLibreMap } from 'maplibre-gl';

/**
 * The single deck.gl overlay over the map. Non-interleaved: deck draws on its own canvas above
 * MapLibre, which keeps the heat map readable over every basemap layer (and MapboxOverlay with
 * interleaving throws on every frame with MapLibre 6, see docs/ARCHITECTURE.md).
 *
 * A lost WebGL context (GPU reset, driver update, too many tabs, a laptop waking up) is survived
 * without a reload. MapLibre restores its own canvas. deck.gl 9.4 does not: luma.gl neither calls
 * preventDefault() on `webglcontextlost` (so the browser never restores) nor rebuilds its resources.
 * So we ask for the restore, and when it comes we replace the overlay with a fresh one (new canvas,
 * new device) and call `onRestored`, which hands it freshly built layers (layer instances hold GPU
 * state of the old device, so they are not reused); the view comes from the map, the data from the state owners.
 */
export function attachDeckOverlay(map: MapLibreMap, onAfterRender: () => void = () => {}, onRestored: () => void = () => {}) {
	let overlay = create();
	let restores = 0;

	function create(): MapLibreOverlay {
		const fresh = new MapLibreOverlay({ layers: [], useDevicePixels: 1, onAfterRender });
		map.addControl(fresh);
		return fresh;
	}

	const isDeckCanvas = (target: EventTarget | null) => target instanceof HTMLCanvasElement && target !== map.getCanvas();
	// Context events do not bubble, but capture listeners on an ancestor still see them.
	const onLost = (event: Event) => {
		if (isDeckCanvas(event.target)) event.preventDefault();
	};
	const onContextRestored = (event: Event) => {
		if (!isDeckCanvas(event.target)) return;
		map.removeControl(overlay);
		overlay = create();
		restores++;
		onRestored();
		map.triggerRepaint();
	};
	const container = map.getContainer();
	container.addEventListener('webglcontextlost', onLost, true);
	container.addEventListener('webglcontextrestored', onContextRestored, true);

	return {
		setLayers(layers: Layer[]) {
			overlay.setProps({ layers });
		},
		get overlay() {
			return overlay;
		},
		/** How many times the overlay was rebuilt after a lost context (for tests). */
		get restores() {
			return restores;
		},
		detach() {
			container.removeEventListener('webglcontextlost', onLost, true);
			container.removeEventListener('webglcontextrestored', onContextRestored, true);
			map.removeControl(overlay);
		}
	};
}
export type DeckOverlay = ReturnType<typeof attachDeckOverlay>;
