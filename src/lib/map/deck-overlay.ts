import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { DeckProps, Layer } from '@deck.gl/core';
import type { Map as MapLibreMap } from 'maplibre-gl';

/**
 * The single deck.gl overlay over the map. Non-interleaved: deck draws on its own canvas above
 * MapLibre, which keeps the heat map readable over every basemap layer (and MapboxOverlay with
 * interleaving throws on every frame with MapLibre 6); see docs/ARCHITECTURE.md for what is left to it.
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
		const fresh = new MapLibreOverlay({
			layers: [],
			useDevicePixels: 1,
			onAfterRender,
			onDeviceInitialized: (device) => sizeDrawingBuffer(device, map)
		});
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
/**
 * Gives deck's canvas its real size before the first frame. luma.gl learns the canvas's size from a
 * ResizeObserver that has not reported yet when deck draws its first frame, so that frame (the first
 * heat) went to a 300x150 drawing buffer stretched over the map, and the next frame resized it: a
 * canvas resize waits for everything the GPU process has queued, which in software WebGL was the
 * longest task at start (docs/ARCHITECTURE.md, "Start-up without a freeze"). Here nothing is queued yet.
 */
function sizeDrawingBuffer(device: Parameters<NonNullable<DeckProps['onDeviceInitialized']>>[0], map: MapLibreMap): void {
	const context = device.getDefaultCanvasContext();
	const canvas = context.canvas;
	// deck's canvas covers the map's; its own box may not be laid out yet. useDevicePixels: 1 above,
	// so the drawing buffer is the CSS size.
	const { clientWidth: width, clientHeight: height } = map.getCanvas();
	if (!(canvas instanceof HTMLCanvasElement) || !width || !height) return;
	canvas.width = width;
	canvas.height = height;
	context.setDrawingBufferSize(width, height);
}

export type DeckOverlay = ReturnType<typeof attachDeckOverlay>;
