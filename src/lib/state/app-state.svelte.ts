/**
 * The composition root: one instance of each state owner, provided to the components by context.
 * It holds no state of its own. Each owner keeps its fields private and changes them only through
 * its methods, so writing another owner's field fails at type-check (docs/ARCHITECTURE.md, "State").
 */
import { getContext, setContext } from 'svelte';
import { Timeline } from './timeline.svelte';
import { Dataset } from './dataset.svelte';
import { Filters } from './filters.svelte';
import { Routes } from './routes.svelte';
import { ViewState } from './view.svelte';
import { Scenes } from './scenes.svelte';
import { ImportSession } from './import-session.svelte';
import { SavedWorkStatus } from './saved-work.svelte';
import { DatasetViews } from './views.svelte';
import { SavedWorkSession } from './saved-work-session.svelte';
import { unknownFilterNotes } from '$lib/core/filters/filters';
import type { FilterField } from '$lib/core/url/codec';
import { NetworkState } from './network.svelte';

export { INITIAL_BOUNDS, INITIAL_VIEW, HEAT_DEFAULTS, type MapView, type MapLayerId, type Theme } from './view.svelte';
export { DEMO_NAME } from './dataset.svelte';

export class AppState {
	readonly timeline = new Timeline();
	readonly dataset = new Dataset(this.timeline);
	readonly filters = new Filters();
	readonly routes = new Routes(this.timeline);
	readonly view = new ViewState();
	readonly scenes = new Scenes();
	readonly importSession = new ImportSession(this.dataset);
	readonly savedWork = new SavedWorkStatus();
	/** Derived only: what the map and panels draw from the dataset, filters, timeline and heat look. */
	readonly views = new DatasetViews(this.dataset, this.filters, this.timeline, this.view);
	/** Which tab writes the saved work, unsaved changes here, scenes from a link. */
	readonly session = new SavedWorkSession();

	constructor() {
		// What the owners have to tell the user (a link's date outside the period, a filter value the data lacks) joins the link notes.
		this.timeline.setNoteSink((note) => this.view.addUrlNotes([note]));
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- the notes already given, never drawn from: not state
		const noted = new Set<string>();
		this.dataset.onPrepared((index) => {
			if (!index.count) return;
			const known = Object.fromEntries(Object.entries(index.fields).map(([f, column]) => [f, column.values])) as Record<
				FilterField,
				string[]
			>;
			const fresh = unknownFilterNotes(this.filters.chosen, known, this.dataset.unit.many).filter((n) => !noted.has(n.key));
			for (const n of fresh) noted.add(n.key);
			this.view.addUrlNotes(fresh.map((n) => n.note));
		});
	}
	/** The network beside the map: panel, selection, imported ties, the map's overlay. */
	readonly network = new NetworkState();
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
