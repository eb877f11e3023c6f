/**
 * What the map shows and how: the camera, the layers switched on, the heat's look, the theme, fly-to
 * requests, and the notes about link parameters that could not be used. MapView is the one writer of
 * the camera after the map exists (setView from its moveend); everyone else asks it to fly (flyTo).
 */
export interface MapView {
	longitude: number;
	latitude: number;
	zoom: number;
}

export type MapLayerId = 'heat' | 'labels' | 'routes' | 'plots';
export type Theme = 'light' | 'dark';

/** Frames Europe, North Africa and Syria/Iraq at 1280x800. */
export const INITIAL_VIEW: MapView = { longitude: 14, latitude: 43.5, zoom: 3.35 };
/** What the first view must frame, whatever the screen: Morocco to Iraq, the Sahel's edge to Scandinavia. */
export const INITIAL_BOUNDS: [[number, number], [number, number]] = [
	[-11, 24],
	[48, 60]
];

import { clampIntensity, clampKm, INTENSITY, KERNEL_KM, type HeatScale } from '$lib/core/heat-kernel';

/** The heat kernel: radius in km (same ground distance at every zoom), intensity, colour scale (core/heat-kernel). */
export const HEAT_DEFAULTS: { readonly kernelKm: number; readonly intensity: number; readonly scale: HeatScale } = {
	kernelKm: KERNEL_KM.default,
	intensity: INTENSITY.default,
	scale: 'log'
};

/** What the map draws: the heat of members, or their smoothed rate per resident (loaded on demand). */
export type MapShow = 'heat' | 'rate';

/** A place to ring on the map where a fly-to lands (a hotspot row's town). */
export interface FlyHighlight {
	name: string;
	lon: number;
	lat: number;
}

export class ViewState {
	#view = $state.raw<Readonly<MapView>>({ ...INITIAL_VIEW });
	/** True when a link gave the view: the map opens there instead of fitting INITIAL_BOUNDS. */
	#fromLink = $state(false);
	#heat = $state.raw<typeof HEAT_DEFAULTS>({ ...HEAT_DEFAULTS });
	#show = $state<MapShow>('heat');
	/** The scan statistic's clusters drawn and listed (run in a worker, loaded on demand). */
	#scanOn = $state(false);
	#layers = $state.raw<Readonly<Record<MapLayerId, boolean>>>({ heat: true, labels: true, routes: true, plots: true });
	#theme = $state<Theme>('light');
	/**
	 * A request for the map to fly somewhere (hotspot row, scene); MapView reacts. id makes repeats
	 * distinct; `highlight` is the place a hotspot row names, ringed on the map until the next request.
	 */
	#flyRequest = $state.raw<{ readonly view: Readonly<MapView>; readonly id: number; readonly highlight?: Readonly<FlyHighlight> } | null>(
		null
	);
	/** Notes about link parameters that were ignored, shown by the Toolbar until dismissed. */
	#urlNotes = $state.raw<readonly string[]>([]);
	#frameWaiters: (() => void)[] = [];

	get view(): Readonly<MapView> {
		return this.#view;
	}
	get fromLink() {
		return this.#fromLink;
	}
	get heat() {
		return this.#heat;
	}
	get show() {
		return this.#show;
	}
	get scanOn() {
		return this.#scanOn;
	}
	get layers(): Readonly<Record<MapLayerId, boolean>> {
		return this.#layers;
	}
	get theme() {
		return this.#theme;
	}
	get flyRequest() {
		return this.#flyRequest;
	}
	get urlNotes() {
		return this.#urlNotes;
	}

	/** The camera as the map reports it (MapView, after a move). */
	setView(view: MapView) {
		this.#view = { ...view };
	}
	/** A link gave the view: the map opens there. */
	openAtLinkedView(view: MapView) {
		this.#view = { ...view };
		this.#fromLink = true;
	}
	flyTo(view: MapView, highlight?: FlyHighlight) {
		this.#flyRequest = { view: { ...view }, id: (this.#flyRequest?.id ?? 0) + 1, ...(highlight ? { highlight: { ...highlight } } : {}) };
	}
	setLayerVisible(id: MapLayerId, visible: boolean) {
		this.#layers = { ...this.#layers, [id]: visible };
	}
	setHeatKernel(km: number) {
		this.#heat = { ...this.#heat, kernelKm: clampKm(km) };
	}
	setHeatIntensity(intensity: number) {
		this.#heat = { ...this.#heat, intensity: clampIntensity(intensity) };
	}
	setHeatScale(scale: HeatScale) {
		this.#heat = { ...this.#heat, scale };
	}
	setShow(show: MapShow) {
		this.#show = show;
	}
	setScanOn(on: boolean) {
		this.#scanOn = on;
	}
	setTheme(theme: Theme) {
		this.#theme = theme;
	}
	setUrlNotes(notes: readonly string[]) {
		this.#urlNotes = [...notes];
	}
	addUrlNotes(notes: readonly string[]) {
		if (notes.length) this.#urlNotes = [...this.#urlNotes, ...notes];
	}
	dismissUrlNotes() {
		this.#urlNotes = [];
	}

	/** Bumped to ask the map for one more frame (MapView repaints and calls redrawDone). */
	#redrawRequest = $state(0);
	#redrawWaiters: (() => void)[] = [];
	get redrawRequest() {
		return this.#redrawRequest;
	}
	/**
	 * Asks the map for a frame and resolves once it is drawn: deck draws within the map's frame when it
	 * has something new, so both canvases then hold the current state (exports read them).
	 */
	requestRedraw(): Promise<void> {
		const done = new Promise<void>((resolve) => this.#redrawWaiters.push(resolve));
		this.#redrawRequest++;
		return done;
	}
	/** Called by MapView after the frame a requestRedraw asked for. */
	redrawDone() {
		const waiters = this.#redrawWaiters;
		this.#redrawWaiters = [];
		for (const resolve of waiters) resolve();
	}

	/** Resolves after deck's next drawn frame (exports wait for the heat of a new date). */
	nextDeckFrame(): Promise<void> {
		return new Promise((resolve) => this.#frameWaiters.push(resolve));
	}
	/** Called by MapView after every deck frame. */
	deckFrameDrawn() {
		const waiters = this.#frameWaiters;
		this.#frameWaiters = [];
		for (const resolve of waiters) resolve();
	}
}
