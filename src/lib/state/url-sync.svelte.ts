/**
 * The one place the URL meets AppState. The link is read once, before the map mounts (so it opens at
 * the linked view), into the state through its methods; afterwards the state is written back with
 * replaceState, at most every WRITE_MS (playback changes the date 60 times a second and browsers
 * throttle history calls). The pure encoding lives in core/url/codec.ts; present-mode scenes travel in
 * their own `scenes` parameter, handed through untouched.
 * (A .svelte.ts file because writing back is an $effect.)
 */
import { replaceState } from '$app/navigation';
import { decodeUrlState, encodeUrlState, type UrlState } from '$lib/core/url/codec';
import { dayFromIso, isoFromDay } from '$lib/core/time/days';
import { sanitizeFilters, isFilterActive } from '$lib/core/filters/filters';
import type { AppState, MapLayerId } from './app-state.svelte';

const WRITE_MS = 400;
const LAYER_IDS: MapLayerId[] = ['heat', 'labels', 'routes', 'plots'];
/** Parameters handled outside the codec (present mode's scenes). */
const OWN_PARAMS = ['scenes'];

/** Applies a link's query to the state; unreadable parameters become notes, never errors. Returns the own parameters. */
export function applyUrl(app: AppState, search: string): URLSearchParams {
	const params = new URLSearchParams(search);
	const own = new URLSearchParams();
	for (const key of OWN_PARAMS) {
		const value = params.get(key);
		if (value !== null) own.set(key, value);
		params.delete(key);
	}
	const { state, notes } = decodeUrlState(params.toString());
	applyUrlState(app, state);
	app.urlNotes = notes;
	return own;
}

export function applyUrlState(app: AppState, state: UrlState) {
	if (state.view) app.openAtLinkedView({ ...state.view });
	// Timeline: the period first, then the date (which widens the period when outside it)
	if (state.period) app.setPeriod([...state.period]);
	if (state.time) {
		const day = dayFromIso(state.time);
		if (Number.isFinite(day)) app.openAtLinkedDay(day);
	}
	if (state.mode) app.setTimeMode(state.mode);
	if (state.windowMonths !== undefined) app.setWindowMonths(state.windowMonths);
	// Layers and routes (issue 6): routes absent = all, '-' = none
	if (state.layers) for (const id of LAYER_IDS) app.setLayerVisible(id, state.layers.includes(id));
	if (state.routes) app.setVisibleRoutes([...state.routes]);
	// Workflow (issue 7)
	if (state.filters) app.setFilters(sanitizeFilters(state.filters));
	if (state.privacyK !== undefined) app.setPrivacyK(state.privacyK);
	if (state.theme) app.setTheme(state.theme);
}

/**
 * Shows a scene: everything the scene does not say returns to its default (a scene is a whole view),
 * and the map flies to the scene's view instead of jumping.
 */
export function applySceneState(app: AppState, state: UrlState) {
	app.pause();
	app.setPeriod(null);
	app.setTime(app.timeDomain[1]);
	app.setTimeMode('cumulative');
	for (const id of LAYER_IDS) app.setLayerVisible(id, true);
	app.setVisibleRoutes(null);
	app.clearFilters();
	app.setPrivacyK(0);
	app.setTheme('light');
	applyUrlState(app, { ...state, view: undefined });
	if (state.view) app.flyTo({ ...state.view });
}

/** The current state as a scene's state. */
export function sceneStateOf(app: AppState): UrlState {
	return { ...urlStateOf(app), view: { ...app.view } };
}

/** What the link holds for the current state: everything that differs from a fresh start, and the view. */
export function urlStateOf(app: AppState): UrlState {
	const layers = LAYER_IDS.filter((id) => app.layers[id]);
	return {
		view: { ...app.view },
		time: app.time === app.timeDomain[1] ? undefined : isoFromDay(app.time),
		mode: app.timeMode === 'cumulative' ? undefined : app.timeMode,
		windowMonths: app.timeMode === 'window' ? app.windowMonths : undefined,
		layers: layers.length === LAYER_IDS.length ? undefined : layers,
		routes: app.visibleRoutes === null ? undefined : [...app.visibleRoutes],
		filters: isFilterActive(app.filters) ? Object.fromEntries(Object.entries(app.filters).map(([field, values]) => [field, [...values]])) : undefined,
		privacyK: app.privacyK > 0 ? app.privacyK : undefined,
		theme: app.theme === 'light' ? undefined : app.theme,
		period: app.periodYears ? [...app.periodYears] : undefined
	};
}

/** The full shareable link of the current state (plus any extra parameters, e.g. scenes). */
export function linkOf(app: AppState, extra?: URLSearchParams): string {
	const params = new URLSearchParams(encodeUrlState(urlStateOf(app)));
	for (const [k, v] of extra ?? []) params.set(k, v);
	const q = params.toString();
	return `${location.origin}${location.pathname}${q ? `?${q}` : ''}`;
}

function writeUrl(link: string) {
	if (link === location.href) return;
	try {
		replaceState(link, {});
	} catch {
		// Before the router starts: the next change writes again.
	}
}

/** Keeps the URL following `app` until the returned stop(). `extras` adds parameters such as scenes. */
export function startUrlSync(app: AppState, extras: () => URLSearchParams | undefined = () => undefined): () => void {
	let timer: ReturnType<typeof setTimeout> | null = null;
	const stop = $effect.root(() => {
		$effect(() => {
			linkOf(app, extras()); // tracks what the link shows; the write reads it fresh
			timer ??= setTimeout(() => {
				timer = null;
				writeUrl(linkOf(app, extras()));
			}, WRITE_MS);
		});
	});
	return () => {
		stop();
		if (timer) clearTimeout(timer);
	};
}
