/**
 * Scenes as states: what present mode and the scenes panel apply and record. Apart from the URL sync
 * (which the first view needs) so that it loads with those panels, not before the first heat frame.
 */
import type { UrlState } from '$lib/core/url/codec';
import { HEAT_DEFAULTS, type AppState } from './app-state.svelte';
import { applyUrlState, urlStateOf, LAYER_IDS } from './url-sync.svelte';

/**
 * Shows a scene: everything the scene does not say returns to its default (a scene is a whole view),
 * and the map flies to the scene's view instead of jumping.
 */
export function applySceneState(app: AppState, state: UrlState) {
	app.timeline.pause();
	app.timeline.setPeriod(null);
	app.timeline.setTime(app.timeline.domain[1]);
	app.timeline.setMode('cumulative');
	for (const id of LAYER_IDS) app.view.setLayerVisible(id, true);
	app.routes.setVisibleList(null);
	app.filters.clear();
	app.filters.setPrivacyK(0);
	app.view.setTheme('light');
	app.view.setHeatKernel(HEAT_DEFAULTS.kernelKm);
	app.view.setHeatIntensity(HEAT_DEFAULTS.intensity);
	app.view.setHeatScale(HEAT_DEFAULTS.scale);
	app.view.setShow('heat');
	app.view.setScanOn(false);
	app.network.select(null);
	applyUrlState(app, { ...state, view: undefined });
	if (state.view) app.view.flyTo({ ...state.view });
}

/** The current state as a scene's state. */
export function sceneStateOf(app: AppState): UrlState {
	return { ...urlStateOf(app), view: { ...app.view.view } };
}
