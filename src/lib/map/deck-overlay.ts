import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Layer } from '@deck.gl/core';
import { WebGLDevice } from '@luma.gl/webgl';
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
export function attachDeckOverlay(
	map: MapLibreMap,
	device: WebGLDevice,
	onAfterRender: () => void = () => {},
	onRestored: () => void = () => {}
) {
	let current = device;
	let overlay = create(device);
	let restores = 0;

	function create(device: WebGLDevice): MapLibreOverlay {
		// deck draws with this device, made before the map (createDeckDevice), whose canvas already draws at
		// one pixel per CSS pixel. No useDevicePixels here: the overlay would hand it to deck with every new
		// set of layers, and luma.gl then reads the canvas's position (getBoundingClientRect), a layout
		// forced at every date of playback (docs/ARCHITECTURE.md, "Timeline playback at millions").
		const fresh = new MapLibreOverlay({ layers: [], device, onAfterRender });
		map.addControl(fresh);
		// deck places only a canvas it made itself; this one goes where it would have put it, in the
		// overlay's box (which the overlay keeps the map's size).
		overlayBox(fresh).append(device.getDefaultCanvasContext().canvas as HTMLCanvasElement);
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
		const { clientWidth, clientHeight } = map.getCanvas();
		const fresh = createDeckDevice(clientWidth, clientHeight);
		if (!fresh) return;
		current = fresh;
		overlay = create(fresh);
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
		/** deck's WebGL context now (a new one after a lost context came back). */
		get gl(): WebGL2RenderingContext {
			return current.gl;
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
 * deck.gl's WebGL device, on a canvas of its own at the given size, or null when the browser gives no
 * WebGL2 context (the page then says that the map needs WebGL2). Made by us rather than by deck, and
 * before the map, because in software WebGL each of the following was a wait for the GPU process at
 * start (docs/ARCHITECTURE.md, "Start-up without a freeze"): luma.gl first asks for a context that
 * refuses a software renderer and, refused, asks again (two context creations where one will do);
 * made later, the context and the device's queries (renderer, extensions, limits) waited behind the
 * map's first frames, where here the GPU process has nothing queued; and a canvas born at the map's
 * size gets its first heat frame at full size, with no resize after it (luma.gl learns the size from a
 * ResizeObserver that has not reported by deck's first frame). It also stands in for a separate WebGL2
 * check, which made and threw away a context of its own.
 */
export function createDeckDevice(width: number, height: number, parent?: HTMLElement): WebGLDevice | null {
	const canvas = document.createElement('canvas');
	canvas.id = 'deckgl-overlay'; // the id deck gives a canvas of its own
	canvas.width = Math.max(1, Math.round(width)) || 300;
	canvas.height = Math.max(1, Math.round(height)) || 150;
	let gl: WebGL2RenderingContext | null = null;
	try {
		// preserveDrawingBuffer, as luma.gl asks: the PNG and video exports read the canvas.
		gl = canvas.getContext('webgl2', { preserveDrawingBuffer: true, failIfMajorPerformanceCaveat: false });
	} catch {
		/* no WebGL2 */
	}
	if (!gl) return null;
	// In the page at once, where the overlay's box will be: luma.gl watches the canvas's size, and a
	// canvas out of the page measures 0x0, which would shrink the drawing buffer and then resize it
	// back once the overlay takes the canvas: a resize is a wait for the GPU process.
	if (parent) {
		canvas.style.position = 'absolute';
		canvas.style.left = canvas.style.top = '0';
		parent.append(canvas);
	}
	// What deck.gl's own device creation asks for (shader and pipeline caches, the overlay's pixel size
	// from CSS and device pixels, resized with its box).
	return new WebGLDevice({
		_handle: gl,
		_cacheShaders: true,
		_cachePipelines: true,
		createCanvasContext: { canvas, useDevicePixels: 1, autoResize: true, pixelSizeSource: 'css-dpr' }
	});
}

/** The overlay's box: MapLibreOverlay keeps it private; it is the element its onAdd gave the map. */
function overlayBox(overlay: MapLibreOverlay): HTMLElement {
	const box = (overlay as unknown as { _container?: HTMLElement })._container;
	if (!box) throw new Error('deck.gl overlay has no box (MapLibreOverlay changed): see map/deck-overlay.ts');
	return box;
}

export type DeckOverlay = ReturnType<typeof attachDeckOverlay>;
