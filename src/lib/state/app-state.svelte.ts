import { getContext, setContext } from 'svelte';
import type { MemberDataset, MemberPoint } from '$lib/core/data/member';
import { DEFAULT_DOMAIN, isActiveAt, type TimeMode } from '$lib/core/time/membership';
import type { FilterField } from '$lib/core/url/codec';
import { applyFilters, emptyFilters, toggleFilter } from '$lib/core/filters/filters';
import { namedTowns, type HotspotRow } from '$lib/core/hotspots/hotspots';
import type { Scene } from '$lib/core/project/scenes';

export interface MapView {
	longitude: number;
	latitude: number;
	zoom: number;
}

/** Frames Europe, North Africa and Syria/Iraq at 1280x800. */
export type MapLayerId = 'heat' | 'labels' | 'routes' | 'plots';

export const INITIAL_VIEW: MapView = { longitude: 14, latitude: 43.5, zoom: 3.35 };

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
	heat = $state({ ...HEAT_DEFAULTS });
	layers = $state<Record<MapLayerId, boolean>>({ heat: true, labels: true, routes: true, plots: true });

	// Timeline (issue 5)
	timeDomain = $state<[number, number]>([...DEFAULT_DOMAIN]);
	/** The slider's date, a day number since TIME_ORIGIN. Starts at the end: everyone visible. */
	time = $state(DEFAULT_DOMAIN[1]);
	timeMode = $state<TimeMode>('cumulative');
	windowMonths = $state(6);

	// Routes (issue 6): ids from geodata/routes.geojson; null = every route.
	visibleRoutes = $state<string[] | null>(null);

	// Filters (issue 7): empty list = no filter on that field.
	filters = $state<Record<FilterField, string[]>>(emptyFilters());
	/** Privacy threshold k: towns with fewer members are folded into their region (0 = off). */
	privacyK = $state(0);

	/** Notes about link parameters that were ignored, shown to the user. */
	urlNotes = $state<string[]>([]);

	/** Members that pass the filters, before the timeline: the histogram and table count these. */
	filteredMembers = $derived<MemberPoint[]>(applyFilters(this.dataset.members, this.filters));

	/** The points the heat map draws: filtered, then narrowed to the timeline's date. */
	visibleMembers = $derived<MemberPoint[]>(
		this.filteredMembers.filter((m) => isActiveAt(m, this.time, this.timeMode, this.windowMonths * 30.44))
	);

	setDataset(dataset: MemberDataset, name: string) {
		this.dataset = dataset;
		this.datasetName = name;
		this.loadError = null;
	}

	setLoadError(message: string) {
		this.loadError = message;
	}

	setLayerVisible(id: MapLayerId, visible: boolean) {
		this.layers[id] = visible;
	}

	setView(view: MapView) {
		this.view = view;
	}

	// ---- Workflow (issue 7): filters, hotspot fly-to, privacy, present mode, theme ----

	/** Threshold applied to exports (PNG, CSV, GeoJSON); on by default, independent of the screen's k. */
	exportPrivacyK = $state(3);
	/** A request for the map to fly somewhere (hotspot row, scene); MapView reacts. id makes repeats distinct. */
	flyRequest = $state.raw<{ view: MapView; id: number } | null>(null);
	theme = $state<'light' | 'dark'>('light');
	/** Towns on the map that may be named (tooltips, labels): at least privacyK members at this date. */
	namedTowns = $derived<HotspotRow[]>(namedTowns(this.visibleMembers, this.privacyK));

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

	setTheme(theme: 'light' | 'dark') {
		this.theme = theme;
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
