/**
 * The link and the app agree: the URL is read once at start into AppState, and AppState is written
 * back with replaceState (debounced, so playback does not flood the history API). The pure
 * encoding lives in core/url/codec.ts; scenes travel in their own `scenes` parameter (core/project).
 */
import { replaceState } from '$app/navigation';
import { decodeUrlState, encodeUrlState, type UrlState } from '$lib/core/url/codec';
import { dayFromIso, isoFromDay } from '$lib/core/time/days';
import { DEFAULT_DOMAIN } from '$lib/core/time/membership';
import { sanitizeFilters, isFilterActive } from '$lib/core/filters/filters';
import type { AppState, MapLayerId } from './app-state.svelte';

const LAYER_IDS: MapLayerId[] = ['heat', 'labels', 'routes', 'plots'];
/** Parameters handled outside the codec. */
const OWN_PARAMS = ['scenes'];

/** Applies a link's query to the state; unreadable parameters become notes, never errors. */
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
	if (state.view) app.setView({ ...state.view });
	if (state.time) {
		const day = dayFromIso(state.time);
		if (Number.isFinite(day)) app.time = day;
	}
	if (state.mode) app.timeMode = state.mode;
	if (state.windowMonths !== undefined) app.windowMonths = state.windowMonths;
	if (state.layers) for (const id of LAYER_IDS) app.setLayerVisible(id, state.layers.includes(id));
	if (state.routes) app.visibleRoutes = [...state.routes];
	if (state.filters) app.setFilters(sanitizeFilters(state.filters));
	if (state.privacyK !== undefined) app.setPrivacyK(state.privacyK);
	if (state.theme) app.setTheme(state.theme);
}

/**
 * Shows a scene: everything the scene does not say returns to its default (a scene is a whole view),
 * and the map flies to the scene's view instead of jumping.
 */
export function applySceneState(app: AppState, state: UrlState) {
	app.time = DEFAULT_DOMAIN[1];
	app.timeMode = 'cumulative';
	for (const id of LAYER_IDS) app.setLayerVisible(id, true);
	app.visibleRoutes = null;
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
		time: app.time === DEFAULT_DOMAIN[1] ? undefined : isoFromDay(app.time),
		mode: app.timeMode === 'cumulative' ? undefined : app.timeMode,
		windowMonths: app.timeMode === 'window' ? app.windowMonths : undefined,
		layers: layers.length === LAYER_IDS.length ? undefined : layers,
		routes: app.visibleRoutes === null ? undefined : [...app.visibleRoutes],
		filters: isFilterActive(app.filters) ? Object.fromEntries(Object.entries(app.filters).map(([field, values]) => [field, [...values]])) : undefined,
		privacyK: app.privacyK > 0 ? app.privacyK : undefined,
		theme: app.theme === 'light' ? undefined : app.theme
	};
}

/** The full shareable link of the current state (plus any extra parameters, e.g. scenes). */
export function linkOf(app: AppState, extra?: URLSearchParams): string {
	const query = encodeUrlState(urlStateOf(app));
	const params = new URLSearchParams(query);
	for (const [k, v] of extra ?? []) params.set(k, v);
	const q = params.toString();
	return `${location.origin}${location.pathname}${q ? `?${q}` : ''}`;
}

/** Writes a link into the address bar without a navigation (call from an effect, debounced by the caller). */
export function writeUrl(link: string) {
	if (link === location.href) return;
	try {
		replaceState(link, {});
	} catch {
		// Before the router starts: the next change writes again.
	}
}
