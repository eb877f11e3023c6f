import { getContext, setContext } from 'svelte';
import type { MemberDataset, MemberPoint } from '$lib/core/data/member';

export interface MapView {
	longitude: number;
	latitude: number;
	zoom: number;
}

/** Frames Europe, North Africa and Syria/Iraq at 1280x800. */
export type MapLayerId = 'heat' | 'labels';

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
	layers = $state<Record<MapLayerId, boolean>>({ heat: true, labels: true });

	/** The points the heat map draws: later filters and the timeline narrow this. */
	visibleMembers = $derived<MemberPoint[]>(this.dataset.members);

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
