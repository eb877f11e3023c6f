/**
 * The link <-> AppState. Read once at start, written on every change (replaceState: no history
 * entry per click). Each feature reads and writes only its own parameters and leaves the others.
 */
import { decodeUrlState, encodeUrlState } from '$lib/core/url/codec';
import type { AppState } from './app-state.svelte';

// Routes (issue 6): `routes=id,id` (absent = all, '-' = none).
export function readRoutesFromUrl(app: AppState, query: string) {
	const { state, notes } = decodeUrlState(query);
	if (state.routes) app.setVisibleRoutes(state.routes);
	const mine = notes.filter((n) => n.includes('"routes"'));
	if (mine.length) app.urlNotes = [...app.urlNotes, ...mine];
}

/** The query string with the routes parameter replaced by the app's current selection. */
export function queryWithRoutes(app: AppState, query: string): string {
	const params = new URLSearchParams(query);
	params.delete('routes');
	const encoded = new URLSearchParams(encodeUrlState({ routes: app.visibleRoutes ?? undefined }));
	for (const [k, v] of encoded) params.set(k, v);
	const text = params.toString();
	return text ? `?${text}` : '';
}
