/**
 * The one place the URL meets AppState. At start the query is read once into the state (through its
 * methods); afterwards the state is written back with history.replaceState, at most every WRITE_MS
 * (playback changes the date 60 times a second; browsers throttle replaceState).
 *
 * To add parameters: read them in `applyUrlToState`, write them in `urlStateOf`, and list their keys
 * in OWNED_KEYS. Keys not owned here are left in the URL untouched.
 * (A .svelte.ts file because writing back is an $effect.)
 */
import { decodeUrlState, encodeUrlState, type UrlState } from '$lib/core/url/codec';
import { dayFromIso, isoFromDay } from '$lib/core/time/days';
import type { AppState } from './app-state.svelte';

const WRITE_MS = 400;

/** Parameters this module reads and writes; any other key in the URL is preserved as it is. */
const OWNED_KEYS = ['t', 'mode', 'w', 'routes'];

export function applyUrlToState(app: AppState, query: string): void {
	const { state, notes } = decodeUrlState(query);
	// Timeline (issue 5)
	if (state.time) app.setTime(dayFromIso(state.time));
	if (state.mode) app.setTimeMode(state.mode);
	if (state.windowMonths !== undefined) app.setWindowMonths(state.windowMonths);
	// Routes (issue 6): absent = all, '-' = none
	if (state.routes) app.setVisibleRoutes(state.routes);
	// Only notes about parameters someone reads; unknown keys owned by nobody yet stay quiet.
	app.urlNotes = notes;
}

export function urlStateOf(app: AppState): UrlState {
	return {
		// Timeline (issue 5)
		time: isoFromDay(app.time),
		mode: app.timeMode,
		windowMonths: app.timeMode === 'window' ? app.windowMonths : undefined,
		// Routes (issue 6)
		routes: app.visibleRoutes ?? undefined
	};
}

/** The query with our keys replaced by `state`'s and every other key kept. */
export function mergeQuery(current: string, state: UrlState): string {
	const params = new URLSearchParams(current);
	for (const key of [...params.keys()]) if (OWNED_KEYS.includes(key)) params.delete(key);
	for (const [key, value] of new URLSearchParams(encodeUrlState(state))) params.set(key, value);
	return params.toString();
}

/** Reads the URL into `app` now, then keeps the URL following `app` until the returned stop(). */
export function startUrlSync(app: AppState): () => void {
	applyUrlToState(app, location.search);
	let timer: ReturnType<typeof setTimeout> | null = null;
	const write = () => {
		timer = null;
		const query = mergeQuery(location.search, urlStateOf(app));
		// history.state is SvelteKit's (its history index): kept as it is.
		if (query !== location.search.replace(/^\?/, '')) history.replaceState(history.state, '', `${location.pathname}?${query}${location.hash}`);
	};
	const stop = $effect.root(() => {
		$effect(() => {
			urlStateOf(app); // tracks what the URL shows; the write itself reads it fresh
			timer ??= setTimeout(write, WRITE_MS);
		});
	});
	return () => {
		stop();
		if (timer) clearTimeout(timer);
	};
}
