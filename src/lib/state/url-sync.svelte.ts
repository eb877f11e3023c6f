/**
 * The one place the URL meets the state owners. The link is read once, before the map mounts (so it opens at
 * the linked view), into the state through its methods; afterwards the state is written back with
 * replaceState, at most every WRITE_MS (playback changes the date 60 times a second and browsers
 * throttle history calls). The pure encoding lives in core/url/codec.ts; present-mode scenes travel in
 * their own `scenes` parameter, handed through untouched.
 * (A .svelte.ts file because writing back is an $effect.)
 */
/* eslint-disable svelte/prefer-svelte-reactivity -- the URLSearchParams here are built and read at once, never state */
import { replaceState } from '$app/navigation';
import { decodeUrlState, encodeUrlState, type UrlState } from '$lib/core/url/codec';
import { dayFromIso, isoFromDay } from '$lib/core/time/days';
import { sanitizeFilters, isFilterActive } from '$lib/core/filters/filters';
import { HEAT_DEFAULTS, type AppState, type MapLayerId } from './app-state.svelte';
import { rememberOwnAddress } from './own-address';

const WRITE_MS = 400;
export const LAYER_IDS: MapLayerId[] = ['heat', 'labels', 'routes', 'plots'];
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
	app.view.setUrlNotes(notes);
	return own;
}

export function applyUrlState(app: AppState, state: UrlState) {
	if (state.view) app.view.openAtLinkedView({ ...state.view });
	// The period first, then the date (which widens the period, with a note, when outside it)
	if (state.period) app.timeline.setPeriod([...state.period]);
	if (state.time) {
		const day = dayFromIso(state.time);
		if (Number.isFinite(day)) app.timeline.openAtLinkedDay(day);
	}
	if (state.mode) app.timeline.setMode(state.mode);
	if (state.windowMonths !== undefined) app.timeline.setWindowMonths(state.windowMonths);
	// Layers and routes: routes absent = all, '-' = none
	if (state.layers) for (const id of LAYER_IDS) app.view.setLayerVisible(id, state.layers.includes(id));
	if (state.routes) app.routes.setVisibleList([...state.routes]);
	if (state.filters) app.filters.set(sanitizeFilters(state.filters));
	if (state.privacyK !== undefined) app.filters.setPrivacyK(state.privacyK);
	if (state.theme) app.view.setTheme(state.theme);
	// Evidence: the heat kernel, the colour scale, the per-resident view and the clusters
	if (state.kernelKm !== undefined) app.view.setHeatKernel(state.kernelKm);
	if (state.intensity !== undefined) app.view.setHeatIntensity(state.intensity);
	if (state.scale) app.view.setHeatScale(state.scale);
	if (state.show) app.view.setShow(state.show);
	if (state.scan !== undefined) app.view.setScanOn(state.scan);
	if (state.network) app.network.setOpen(true);
	if (state.selection) app.network.select(state.selection);
}

/** What the link holds for the current state: everything that differs from a fresh start, and the view. */
export function urlStateOf(app: AppState): UrlState {
	const { timeline, view, filters } = app;
	const layers = LAYER_IDS.filter((id) => view.layers[id]);
	return {
		view: { ...view.view },
		time: timeline.time === timeline.domain[1] ? undefined : isoFromDay(timeline.time),
		mode: timeline.mode === 'cumulative' ? undefined : timeline.mode,
		windowMonths: timeline.mode === 'window' ? timeline.windowMonths : undefined,
		layers: layers.length === LAYER_IDS.length ? undefined : layers,
		routes: app.routes.visible === null ? undefined : [...app.routes.visible],
		filters: isFilterActive(filters.chosen)
			? Object.fromEntries(Object.entries(filters.chosen).map(([field, values]) => [field, [...values]]))
			: undefined,
		privacyK: filters.privacyK > 0 ? filters.privacyK : undefined,
		theme: view.theme === 'light' ? undefined : view.theme,
		period: timeline.periodYears ? [...timeline.periodYears] : undefined,
		kernelKm: view.heat.kernelKm === HEAT_DEFAULTS.kernelKm ? undefined : view.heat.kernelKm,
		intensity: view.heat.intensity === HEAT_DEFAULTS.intensity ? undefined : view.heat.intensity,
		scale: view.heat.scale === HEAT_DEFAULTS.scale ? undefined : view.heat.scale,
		show: view.show === 'heat' ? undefined : view.show,
		scan: view.scanOn || undefined,
		network: app.network.open || undefined,
		selection: app.network.selection ?? undefined
	};
}

/** The full shareable link of the current state (plus any extra parameters, e.g. scenes). */
export function linkOf(app: AppState, extra?: URLSearchParams): string {
	const params = new URLSearchParams(encodeUrlState(urlStateOf(app)));
	for (const [k, v] of extra ?? []) params.set(k, v);
	const q = params.toString();
	return `${location.origin}${location.pathname}${q ? `?${q}` : ''}`;
}

/** Writes the address, and records it as this tab's own (so a reload can tell it from someone else's link). */
function writeUrl(link: string, linkView: boolean) {
	if (link !== location.href) {
		try {
			// eslint-disable-next-line svelte/no-navigation-without-resolve -- the same page's own address, with a new query
			replaceState(link, {});
		} catch {
			// Before the router starts: the next change writes again.
			return;
		}
	}
	rememberOwnAddress({ search: new URL(link).search, linkView });
}

/** Keeps the URL following `app` until the returned stop(). `extras` adds parameters such as scenes. */
export function startUrlSync(app: AppState, extras: () => URLSearchParams | undefined = () => undefined): () => void {
	let timer: ReturnType<typeof setTimeout> | null = null;
	const stop = $effect.root(() => {
		$effect(() => {
			linkOf(app, extras()); // tracks what the link shows; the write reads it fresh
			void app.session.viewingLinkScenes; // and whose scenes they are (recorded with the address)
			timer ??= setTimeout(() => {
				timer = null;
				writeUrl(linkOf(app, extras()), app.session.viewingLinkScenes);
			}, WRITE_MS);
		});
	});
	return () => {
		stop();
		if (timer) clearTimeout(timer);
	};
}
