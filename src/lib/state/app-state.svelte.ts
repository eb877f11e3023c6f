import { getContext, setContext } from 'svelte';
import type { MemberDataset, MemberPoint } from '$lib/core/data/member';
import { DEFAULT_DOMAIN, isActiveAt, type TimeMode } from '$lib/core/time/membership';
import type { FilterField } from '$lib/core/url/codec';
import type { RouteCollection } from '$lib/core/routes/types';
import { routeYearOfDay } from '$lib/core/routes/figures';
import * as routeSelection from '$lib/core/routes/visibility';
import type { RouteHoverInfo } from '$lib/map/routes-layer';

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
