import { getContext, setContext } from 'svelte';
import { partitionByPlacement, UNIT_LABELS, type DatasetKind, type MemberDataset, type MemberPoint, type MemberRecord, type PlacementPartition } from '$lib/core/data/member';
import { DEFAULT_DOMAIN, type TimeMode } from '$lib/core/time/membership';
import { timeIndexOf, visibleRange, type TimeIndex } from '$lib/core/time/time-index';
import type { DatasetIndex } from '$lib/core/data/dataset-index';
import { prepareDataset, type PreparedDataset } from '$lib/core/data/prepare';
import { runAtOnce, runInSlices } from '$lib/core/slicing/slices';
import { filterMask, filterOptionsOf } from '$lib/core/filters/filter-index';
import { addMonths } from '$lib/core/time/months';
import { buildHeatCells, type HeatCells } from '$lib/core/time/heat-cells';
import { advanceClock, clampDay, playStart } from '$lib/core/time/playback';
import { readEvents } from '$lib/core/time/events';
import { heatColorDomain } from '$lib/core/heat-domain';
import { countedBefore, periodDomain, periodLabel, periodShowing, yearsOf, type Years } from '$lib/core/time/period';
import { longDate } from '$lib/core/time/format';
import eventsFile from '../../../geodata/events.json';
import type { FilterField } from '$lib/core/url/codec';
import type { RouteCollection } from '$lib/core/routes/types';
import { routeYearOfDay } from '$lib/core/routes/figures';
import * as routeSelection from '$lib/core/routes/visibility';
import type { RouteHoverInfo } from '$lib/map/routes-layer';

import { emptyFilters, toggleFilter, unknownFilterNotes } from '$lib/core/filters/filters';
import { namedOf, townsInRange, type HotspotRow } from '$lib/core/hotspots/hotspots';
import type { Scene } from '$lib/core/project/scenes';
import { SavedWorkSession } from './saved-work-session.svelte';

export interface MapView {
	longitude: number;
	latitude: number;
	zoom: number;
}

/** Frames Europe, North Africa and Syria/Iraq at 1280x800. */
export type MapLayerId = 'heat' | 'labels' | 'routes' | 'plots';

export const INITIAL_VIEW: MapView = { longitude: 14, latitude: 43.5, zoom: 3.35 };
/** What the first view must frame, whatever the screen: Morocco to Iraq, the Sahel's edge to Scandinavia. */
export const INITIAL_BOUNDS: [[number, number], [number, number]] = [
	[-11, 24],
	[48, 60]
];

/** While playing, the member lists follow the date this often (see AppState.listDay). */
const LIST_REFRESH_MS = 500;

/** Datasets up to this size are indexed in one go (a few ms); larger ones in slices between frames. */
const INDEX_AT_ONCE = 50_000;

/** A macrotask break that is not clamped to 4 ms like nested setTimeout. */
function nextTask(): Promise<void> {
	return new Promise((resolve) => {
		const channel = new MessageChannel();
		channel.port1.onmessage = () => resolve();
		channel.port2.postMessage(null);
	});
}

export const HEAT_DEFAULTS = { radiusPixels: 38, intensity: 1.2 } as const;

/**
 * The one state object. Panels change it only through its methods; the map and the panels read it.
 * Large arrays are $state.raw: they are replaced whole, never mutated, so deep proxies would only cost.
 */
export class AppState {
	dataset = $state.raw<MemberDataset>({ synthetic: true, members: [] });
	datasetName = $state('Synthetic demo network');
	loadError = $state<string | null>(null);
	view = $state<MapView>({ ...INITIAL_VIEW });
	/** True when a link gave the view: the map opens there instead of fitting INITIAL_BOUNDS. */
	viewFromLink = $state(false);
	heat = $state({ ...HEAT_DEFAULTS });
	layers = $state<Record<MapLayerId, boolean>>({ heat: true, labels: true, routes: true, plots: true });

	// ---- Timeline (issue 5) -------------------------------------------------------------------
	timeDomain = $state<[number, number]>([...DEFAULT_DOMAIN]);
	/** The slider's date, a day number since TIME_ORIGIN. Starts at the end: everyone visible. */
	time = $state(DEFAULT_DOMAIN[1]);
	timeMode = $state<TimeMode>('cumulative');
	windowMonths = $state(6);
	playing = $state(false);
	/** Playback speed: 1 = one month per second. */
	speed = $state<number>(1);
	loop = $state(false);
	/** Heat colours: false = fixed in people for the whole dataset (default); true = rescaled to the frame. */
	heatRescale = $state(false);
	/**
	 * How the heat map narrows the members to the date: 'slice' (the app's way, see heatmap-layer.ts) or
	 * 'cpu-filter' (filter the array every frame, kepler.gl's way), kept only as bench/timeline.ts's baseline.
	 */
	heatFilterStrategy = $state<'slice' | 'cpu-filter'>('slice');
	/** Plots and policy dates (geodata/events.json), sorted, with day numbers. */
	readonly events = readEvents(eventsFile).events;
	// ------------------------------------------------------------------------------------------

	// ── Routes (issue 6) ────────────────────────────────────────────────────────────────────
	/** Ids from geodata/routes.geojson; null = every route. Change it through the methods below. */
	visibleRoutes = $state<string[] | null>(null);
	/** The built routes (static/generated/routes/routes.json); null until loaded or when loading failed. */
	routeData = $state.raw<RouteCollection | null>(null);
	/** Moving dots along the routes for presenters; off by default (it redraws continuously). */
	routeMotion = $state(false);
	/** 0..1 phase of the moving dots, advanced by the animation loop while routeMotion is on. */
	routeMotionPhase = $state(0);
	/** The route (or date marker) under the pointer, for the tooltip. */
	routeHover = $state.raw<RouteHoverInfo | null>(null);
	/** Which year's Frontex figures the routes show: the timeline's year, clamped to 2014-2016. */
	routeYear = $derived(routeYearOfDay(this.time));
	routeIds = $derived(this.routeData?.routes.map((r) => r.id) ?? []);

	setRouteData(data: RouteCollection) {
		this.routeData = data;
	}
	isRouteVisible(id: string): boolean {
		return routeSelection.isRouteVisible(this.visibleRoutes, id);
	}
	setRouteVisible(id: string, visible: boolean) {
		this.visibleRoutes = routeSelection.setRouteVisible(this.visibleRoutes, id, visible, this.routeIds);
	}
	setAllRoutesVisible(visible: boolean) {
		this.visibleRoutes = routeSelection.setAllRoutesVisible(visible);
	}
	/** From a link: the list as given (null = all); unknown ids are harmless and stay hidden. */
	setVisibleRoutes(ids: string[] | null) {
		this.visibleRoutes = ids === null ? null : routeSelection.normalise(ids, this.routeIds);
	}
	setRouteMotion(on: boolean) {
		this.routeMotion = on;
	}
	advanceRouteMotion(fraction: number) {
		this.routeMotionPhase = (this.routeMotionPhase + fraction) % 1;
	}
	setRouteHover(hover: RouteHoverInfo | null) {
		this.routeHover = hover;
	}
	// ── end Routes ──────────────────────────────────────────────────────────────────────────

	// Filters (issue 7): empty list = no filter on that field.
	filters = $state<Record<FilterField, string[]>>(emptyFilters());
	/** Privacy threshold k: towns with fewer members are folded into their region (0 = off). */
	privacyK = $state(0);

	/** Notes about link parameters that were ignored, shown to the user. */
	urlNotes = $state<string[]>([]);

	/**
	 * The dataset's index (filter and town codes, date order: core/data/dataset-index), rebuilt whenever
	 * the dataset changes. Everything below is derived from it with integer loops, never a pass of
	 * string work over the members. Small lists are indexed at once; large ones in slices.
	 */
	prepared = $state.raw<PreparedDataset>(runAtOnce(prepareDataset([])));
	datasetIndex = $derived<DatasetIndex>(this.prepared.index);
	/** True while a large dataset is being indexed; until then the map and panels show the previous one. */
	indexing = $state(false);
	#indexJob = 0;
	#indexed: (() => void)[] = [];

	/** pass[i] for dataset member i, or null when no filter is set. */
	#filterPass = $derived(filterMask(this.datasetIndex, this.filters));
	filteredCount = $derived(this.#filterPass ? this.#filterPass.reduce((sum, p) => sum + p, 0) : this.datasetIndex.members.length);
	/** Members that pass the filters, as objects. Built only when read (exports, the CPU-filter baseline). */
	filteredMembers = $derived<MemberPoint[]>(
		this.#filterPass ? this.datasetIndex.members.filter((_, i) => this.#filterPass![i]) : (this.datasetIndex.members as MemberPoint[])
	);
	/** Facet counts for the filter panel. */
	filterOptions = $derived(filterOptionsOf(this.datasetIndex, this.filters));

	// ---- Timeline views (issue 5): the members in date order, narrowed by the filters; each frame is
	// then two binary searches (see core/time/time-index.ts).
	timeIndex = $derived<TimeIndex>(this.#filterPass ? runAtOnce(timeIndexOf(this.datasetIndex, this.#filterPass)) : this.prepared.all);
	/** [start, end) into timeIndex of the members active at `time`. */
	visibleRange = $derived<[number, number]>(visibleRange(this.timeIndex.days, this.time, this.timeMode, this.windowMonths));
	visibleCount = $derived(this.visibleRange[1] - this.visibleRange[0]);
	/** Per-cell monthly sums the heat layer draws whole months from (core/time/heat-cells.ts). */
	heatCells = $derived<HeatCells>(this.timeIndex === this.prepared.all ? this.prepared.allCells : buildHeatCells(this.timeIndex));
	/**
	 * The date the member lists (hotspot table, town tooltips) follow. While playing it is refreshed
	 * twice a second, so their work does not run on every frame; paused, it is `time`.
	 */
	listDay = $state(DEFAULT_DOMAIN[1]);
	#listRange = $derived<[number, number]>(
		this.playing ? visibleRange(this.timeIndex.days, this.listDay, this.timeMode, this.windowMonths) : this.visibleRange
	);
	/** Every town with its members at the list date (before the privacy threshold): the hotspot table's rows. */
	visibleTowns = $derived<HotspotRow[]>(townsInRange(this.timeIndex, this.datasetIndex.towns, ...this.#listRange));
	/** People at the top heat colour, from the whole dataset so it holds at every date, zoom and filter. */
	heatTopPeople = $derived(this.datasetIndex.topPeople);
	/** The fixed colour domain the heat layer uses, or null when rescaling to the frame. */
	heatColorDomain = $derived<[number, number] | null>(this.heatRescale ? null : heatColorDomain(this.heatTopPeople, this.heat.intensity));

	setDataset(dataset: MemberDataset, name: string) {
		this.dataset = dataset;
		this.datasetName = name;
		this.loadError = null;
		const job = ++this.#indexJob;
		if (dataset.members.length <= INDEX_AT_ONCE) return this.#usePrepared(runAtOnce(prepareDataset(dataset.members)));
		this.indexing = true;
		const cancelled = () => job !== this.#indexJob;
		// From the next task on: the caller's own task (an import's last message) stays short.
		void nextTask()
			.then(() => (cancelled() ? null : runInSlices(prepareDataset(dataset.members), { cancelled, yieldToEventLoop: nextTask })))
			.then((prepared) => {
				if (prepared && !cancelled()) this.#usePrepared(prepared);
			});
	}

	/** Resolves once the dataset set last is indexed and shown (at once for small ones). */
	whenIndexed(): Promise<void> {
		return this.indexing ? new Promise((resolve) => this.#indexed.push(resolve)) : Promise.resolve();
	}

	#usePrepared(prepared: PreparedDataset) {
		this.prepared = prepared;
		this.indexing = false;
		this.#fitTimeDomain();
		this.#applyLinkedDay();
		this.#noteUnknownFilterValues();
		const waiting = this.#indexed;
		this.#indexed = [];
		for (const resolve of waiting) resolve();
	}

	// ---- Import (issue 3) ------------------------------------------------------------------
	/** Imported rows with a place name but no coordinates; the geocoder (issue 4) places them. */
	pendingGeocode = $state.raw<MemberRecord[]>([]);

	/**
	 * Replaces the dataset with an imported file's records (never synthetic). Rows without
	 * coordinates wait in pendingGeocode; setDataset widens the timeline to the file's dates.
	 */
	importDataset(records: MemberRecord[], name: string, kind: DatasetKind = 'members') {
		this.importPartitioned(partitionByPlacement(records), name, kind);
	}

	/** importDataset for records already split (the importer splits each slice as it arrives: no pass over a million at the end). */
	importPartitioned({ placed, pending }: PlacementPartition, name: string, kind: DatasetKind = 'members') {
		this.pendingGeocode = pending;
		this.setDataset({ synthetic: false, kind, members: placed }, name);
	}

	/** Back to a bundled dataset (the demo): the imported file and its rows awaiting the geocoder are dropped. */
	restoreDataset(dataset: MemberDataset, name: string) {
		this.pendingGeocode = [];
		this.setDataset(dataset, name);
	}
	// ---- end import -------------------------------------------------------------------------

	// ---- Geocoding (issue 4) ------------------------------------------------------------------
	/**
	 * Adds records the geocoder (or the analyst in the review panel) has placed to the dataset and
	 * keeps the rest pending. Build both lists with applyGeocodes (core/geocode/apply.ts).
	 */
	placeGeocoded(placed: MemberRecord[], stillPending: MemberRecord[]) {
		this.pendingGeocode = stillPending;
		if (placed.length) this.setDataset({ ...this.dataset, members: [...this.dataset.members, ...placed] }, this.datasetName);
	}
	// ---- end geocoding -----------------------------------------------------------------------

	// ---- Import + geocoding wiring (issues 3 and 4 joined) ---------------------------------------
	/** The records the geocoder or the review placed for the current import (replaced whole each time). */
	#geocoded = new Set<MemberRecord>();

	/**
	 * Like placeGeocoded, but replaces what the geocoder placed before instead of adding to it, so a
	 * review choice that is changed or cleared moves or removes its member at once.
	 * Build both lists with applyGeocodes over ALL the import's rows that needed geocoding.
	 */
	setGeocoded(placed: MemberRecord[], stillPending: MemberRecord[]) {
		const kept = this.dataset.members.filter((m) => !this.#geocoded.has(m));
		this.#geocoded = new Set(placed);
		this.pendingGeocode = stillPending;
		this.setDataset({ ...this.dataset, members: [...kept, ...placed] }, this.datasetName);
	}
	/** What a row is called in the legend, filters and table: 'members', or 'records' for incident tables. */
	unit = $derived(UNIT_LABELS[this.dataset.kind ?? 'members']);
	// ---- end import + geocoding wiring -----------------------------------------------------------

	setLoadError(message: string) {
		this.loadError = message;
	}

	setLayerVisible(id: MapLayerId, visible: boolean) {
		this.layers[id] = visible;
	}

	setView(view: MapView) {
		this.view = view;
	}

	openAtLinkedView(view: MapView) {
		this.view = view;
		this.viewFromLink = true;
	}

	// ---- Timeline methods (issue 5) ------------------------------------------------------------
	setTime(day: number) {
		this.time = clampDay(day, this.timeDomain);
	}

	setTimeMode(mode: TimeMode) {
		this.timeMode = mode;
	}

	setWindowMonths(months: number) {
		this.windowMonths = Math.min(36, Math.max(1, Math.round(months)));
	}

	/** Moves the date by whole calendar months (same day of the month, clamped to its end). */
	stepMonths(months: number) {
		this.setTime(addMonths(this.time, months));
	}

	setSpeed(speed: number) {
		this.speed = Math.min(16, Math.max(0.5, speed));
	}

	setLoop(loop: boolean) {
		this.loop = loop;
	}

	setHeatRescale(rescale: boolean) {
		this.heatRescale = rescale;
	}

	togglePlay() {
		if (this.playing) this.pause();
		else this.play();
	}

	#frame = 0;

	/** Plays from the current date (from the start when at the end), one animation frame at a time. */
	play() {
		if (this.playing || typeof requestAnimationFrame === 'undefined') return;
		this.playing = true;
		let clock = playStart(this.time, this.timeDomain);
		this.time = clock;
		let last = performance.now();
		let lastList = last;
		this.listDay = clock;
		const tick = (now: number) => {
			if (!this.playing) return;
			// A date set meanwhile by the user (a drag, a key) wins over the clock.
			if (Math.floor(clock) !== this.time) clock = this.time;
			const step = advanceClock(clock, now - last, this.speed, this.timeDomain, this.loop);
			last = now;
			clock = step.clock;
			this.time = Math.floor(clock);
			if (now - lastList >= LIST_REFRESH_MS) {
				this.listDay = this.time;
				lastList = now;
			}
			if (step.stopped) this.playing = false;
			else this.#frame = requestAnimationFrame(tick);
		};
		this.#frame = requestAnimationFrame(tick);
	}

	pause() {
		this.playing = false;
		cancelAnimationFrame(this.#frame);
	}

	/**
	 * The slider's domain: the period (the study's 2014-2016 unless widened, core/time/period.ts) over
	 * the data's whole years. A date at the old end follows the end.
	 */
	#fitTimeDomain() {
		const atEnd = this.time >= this.timeDomain[1];
		this.timeDomain = periodDomain(this.periodYears, this.prepared.index.domain);
		this.time = atEnd ? this.timeDomain[1] : clampDay(this.time, this.timeDomain);
	}

	// ---- The period: the study's years first, widened by the analyst (or by a link's date) ----
	/** First and last year of the slider, or null for the study period (2014-2016). */
	periodYears = $state<Years | null>(null);
	/** The data's whole years, for the period menu. */
	dataYears = $derived<Years>(yearsOf(this.prepared.index.domain));
	/** Members counted from the period's first day in cumulative mode although their first act is earlier. */
	countedBeforePeriod = $derived(this.timeMode === 'cumulative' ? countedBefore(this.timeIndex.days, this.timeDomain[0]) : 0);
	/** A date from a link, applied once the data (and so its years) is known. */
	#linkedDay: number | null = null;

	/** Filter values this data does not have are named once each, so 0 members is never unexplained. */
	#notedValues = new Set<string>();
	#noteUnknownFilterValues() {
		const index = this.prepared.index;
		if (!index.members.length) return;
		const known = Object.fromEntries(Object.entries(index.fields).map(([f, column]) => [f, column.values])) as Record<FilterField, string[]>;
		const fresh = unknownFilterNotes(this.filters, known, this.unit.many).filter((n) => !this.#notedValues.has(n.key));
		for (const n of fresh) this.#notedValues.add(n.key);
		if (fresh.length) this.urlNotes = [...this.urlNotes, ...fresh.map((n) => n.note)];
	}

	setPeriod(years: Years | null) {
		this.periodYears = years;
		this.#fitTimeDomain();
	}

	/** A link's date: shown exactly, the period widened when it lies outside (with a note saying so). */
	openAtLinkedDay(day: number) {
		this.#linkedDay = day;
		this.setTime(day);
		if (this.prepared.index.members.length) this.#applyLinkedDay();
	}

	#applyLinkedDay() {
		const day = this.#linkedDay;
		if (day === null) return;
		this.#linkedDay = null;
		const years = periodShowing(day, this.periodYears, this.prepared.index.domain);
		if (years !== this.periodYears) {
			this.setPeriod(years);
			this.urlNotes = [...this.urlNotes, `The link's date, ${longDate(day)}, is outside the study period: the timeline now runs ${periodLabel(years!)}.`];
		}
		this.setTime(day);
	}
	// ------------------------------------------------------------------------------------------

	// ---- Workflow (issue 7): filters, hotspot fly-to, privacy, present mode, theme ----

	/** Threshold applied to exports (PNG, CSV, GeoJSON); on by default, independent of the screen's k. */
	exportPrivacyK = $state(3);
	/** A request for the map to fly somewhere (hotspot row, scene); MapView reacts. id makes repeats distinct. */
	flyRequest = $state.raw<{ view: MapView; id: number } | null>(null);
	theme = $state<'light' | 'dark'>('light');
	/** Towns on the map that may be named (tooltips, labels): at least privacyK members at this date. */
	namedTowns = $derived<HotspotRow[]>(namedOf(this.visibleTowns, this.privacyK));

	// Present mode and scenes
	scenes = $state.raw<Scene[]>([]);
	/** The scene shown last (-1: none yet). */
	sceneIndex = $state(-1);
	presenting = $state(false);

	setScenes(scenes: Scene[]) {
		this.scenes = scenes;
		this.sceneIndex = Math.min(this.sceneIndex, scenes.length - 1);
	}

	addScene(scene: Scene) {
		this.scenes = [...this.scenes, scene];
	}

	removeScene(index: number) {
		this.setScenes(this.scenes.filter((_, i) => i !== index));
	}

	moveScene(index: number, by: -1 | 1) {
		const to = index + by;
		if (to < 0 || to >= this.scenes.length) return;
		const next = [...this.scenes];
		[next[index], next[to]] = [next[to]!, next[index]!];
		this.scenes = next;
	}

	setPresenting(on: boolean) {
		this.presenting = on;
	}

	toggleFilterValue(field: FilterField, value: string) {
		this.filters = toggleFilter(this.filters, field, value);
	}

	setFilters(filters: Record<FilterField, string[]>) {
		this.filters = filters;
	}

	clearFilters() {
		this.filters = emptyFilters();
	}

	setPrivacyK(k: number) {
		this.privacyK = Math.max(0, Math.min(100, Math.round(k)));
	}

	setExportPrivacyK(k: number) {
		this.exportPrivacyK = Math.max(0, Math.min(100, Math.round(k)));
	}

	flyTo(view: MapView) {
		this.flyRequest = { view, id: (this.flyRequest?.id ?? 0) + 1 };
	}

	// Saved work (IndexedDB, project files)
	/** Which tab writes the saved work, unsaved changes here, scenes from a link (saved-work-session). */
	readonly session = new SavedWorkSession();
	/** A dataset that is not the synthetic demo is the user's: saved in the browser and in project files. */
	isUserData = $derived(!this.dataset.synthetic && this.dataset.members.length > 0);
	/** Column mappings of imports by source, and geocoding choices by place text (opaque here). */
	importMappings = $state.raw<Record<string, unknown>>({});
	geocodeChoices = $state.raw<Record<string, unknown>>({});
	/** When the work was last saved in this browser (ISO), and why it could not be. */
	savedAt = $state<string | null>(null);
	storageError = $state<string | null>(null);

	setImportMapping(source: string, mapping: unknown) {
		this.importMappings = { ...this.importMappings, [source]: mapping };
	}

	setGeocodeChoice(placeText: string, choice: unknown) {
		this.geocodeChoices = { ...this.geocodeChoices, [placeText]: choice };
	}

	/** Back to a fresh start (after "delete everything stored"). */
	forgetWork() {
		this.importMappings = {};
		this.geocodeChoices = {};
		this.setScenes([]);
	}

	#frameWaiters: (() => void)[] = [];
	/** Resolves after deck's next drawn frame (exports wait for the heat of a new date). */
	nextDeckFrame(): Promise<void> {
		return new Promise((resolve) => this.#frameWaiters.push(resolve));
	}
	/** Bumped to ask the map for one more frame (MapView repaints and calls redrawDone). */
	redrawRequest = $state(0);
	#redrawWaiters: (() => void)[] = [];
	/**
	 * Asks the map for a frame and resolves once it is drawn: deck draws within the map's frame when it
	 * has something new, so both canvases then hold the current state (exports read them).
	 */
	requestRedraw(): Promise<void> {
		const done = new Promise<void>((resolve) => this.#redrawWaiters.push(resolve));
		this.redrawRequest++;
		return done;
	}
	/** Called by MapView after the frame a requestRedraw asked for. */
	redrawDone() {
		const waiters = this.#redrawWaiters;
		this.#redrawWaiters = [];
		for (const resolve of waiters) resolve();
	}
	/** Called by MapView after every deck frame. */
	deckFrameDrawn() {
		const waiters = this.#frameWaiters;
		this.#frameWaiters = [];
		for (const resolve of waiters) resolve();
	}

	setTheme(theme: 'light' | 'dark') {
		this.theme = theme;
	}

	// Hardening (issue 9): what the link held that could not be used, shown by the Toolbar until dismissed.
	setUrlNotes(notes: string[]) {
		this.urlNotes = notes;
	}

	dismissUrlNotes() {
		this.urlNotes = [];
	}
}

const KEY = Symbol('app-state');

export function provideAppState(state = new AppState()): AppState {
	return setContext(KEY, state);
}

export function useAppState(): AppState {
	const state = getContext<AppState | undefined>(KEY);
	if (!state) throw new Error('useAppState() called outside the dashboard: provideAppState() first');
	return state;
}
