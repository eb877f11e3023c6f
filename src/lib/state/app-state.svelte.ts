import { getContext, setContext } from 'svelte';
import type { MemberDataset, MemberPoint, MemberRecord } from '$lib/core/data/member';
import { DEFAULT_DOMAIN, isActiveAt, type TimeMode } from '$lib/core/time/membership';
import type { FilterField } from '$lib/core/url/codec';

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
	filters = $state<Record<FilterField, string[]>>({ role: [], arrested: [], died: [], descent: [], residence: [], recruiter: [] });
	/** Privacy threshold k: towns with fewer members are folded into their region (0 = off). */
	privacyK = $state(0);

	/** Notes about link parameters that were ignored, shown to the user. */
	urlNotes = $state<string[]>([]);

	/** Members that pass the filters, before the timeline: the histogram and table count these. */
	filteredMembers = $derived<MemberPoint[]>(this.dataset.members);

	/** The points the heat map draws: filtered, then narrowed to the timeline's date. */
	visibleMembers = $derived<MemberPoint[]>(
		this.filteredMembers.filter((m) => isActiveAt(m, this.time, this.timeMode, this.windowMonths * 30.44))
	);

	setDataset(dataset: MemberDataset, name: string) {
		this.dataset = dataset;
		this.datasetName = name;
		this.loadError = null;
	}

	// ---- Import (issue 3) ------------------------------------------------------------------
	/** Imported rows with a place name but no coordinates; the geocoder (issue 4) places them. */
	pendingGeocode = $state.raw<MemberRecord[]>([]);

	/**
	 * Replaces the dataset with an imported file's records (never synthetic). Rows without
	 * coordinates wait in pendingGeocode; the timeline widens to cover the file's dates.
	 */
	importDataset(records: MemberRecord[], name: string) {
		const located = records.filter((r) => Number.isFinite(r.lat) && Number.isFinite(r.lon));
		this.pendingGeocode = records.filter((r) => !(Number.isFinite(r.lat) && Number.isFinite(r.lon)));
		let [start, end] = DEFAULT_DOMAIN;
		for (const r of located) {
			if (r.day < start) start = r.day;
			if (r.dayEnd > end) end = r.dayEnd;
		}
		this.timeDomain = [start, end];
		this.time = end;
		this.setDataset({ synthetic: false, members: located }, name);
	}
	// ---- end import -------------------------------------------------------------------------

	setLoadError(message: string) {
		this.loadError = message;
	}

	setLayerVisible(id: MapLayerId, visible: boolean) {
		this.layers[id] = visible;
	}

	setView(view: MapView) {
		this.view = view;
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
