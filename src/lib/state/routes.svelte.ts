/**
 * The smuggling and migration routes: their built data, which of them are shown, the moving dots for
 * presenters and the route under the pointer. The year of Frontex figures follows the timeline.
 */
import type { RouteCollection, RouteYear } from '$lib/core/routes/types';
import { routeYearOfDay } from '$lib/core/routes/figures';
import * as routeSelection from '$lib/core/routes/visibility';
import type { RouteSelection } from '$lib/core/routes/visibility';
import type { RouteHoverInfo } from '$lib/map/overlays';
import type { Timeline } from './timeline.svelte';

export class Routes {
	/** Ids from geodata/routes.geojson; null = every route. */
	#visible = $state.raw<RouteSelection>(null);
	/** The built routes (static/generated/routes/routes.json); null until loaded or when loading failed. */
	#data = $state.raw<RouteCollection | null>(null);
	/** Moving dots along the routes for presenters; off by default (it redraws continuously). */
	#motion = $state(false);
	/** 0..1 phase of the moving dots, advanced by the animation loop while motion is on. */
	#motionPhase = $state(0);
	/** The route (or date marker) under the pointer, for the tooltip. */
	#hover = $state.raw<RouteHoverInfo | null>(null);

	/** Which year's Frontex figures the routes show: the timeline's year, clamped to 2014-2016. */
	readonly year: RouteYear;
	readonly ids = $derived(this.#data?.routes.map((r) => r.id) ?? []);

	constructor(timeline: Timeline) {
		this.year = $derived(routeYearOfDay(timeline.time));
	}

	get visible(): RouteSelection {
		return this.#visible;
	}
	get data() {
		return this.#data;
	}
	get motion() {
		return this.#motion;
	}
	get motionPhase() {
		return this.#motionPhase;
	}
	get hover() {
		return this.#hover;
	}

	setData(data: RouteCollection) {
		this.#data = data;
	}
	isVisible(id: string): boolean {
		return routeSelection.isRouteVisible(this.#visible, id);
	}
	setVisible(id: string, visible: boolean) {
		this.#visible = routeSelection.setRouteVisible(this.#visible, id, visible, this.ids);
	}
	setAllVisible(visible: boolean) {
		this.#visible = routeSelection.setAllRoutesVisible(visible);
	}
	/** From a link: the list as given (null = all); unknown ids are harmless and stay hidden. */
	setVisibleList(ids: readonly string[] | null) {
		this.#visible = ids === null ? null : routeSelection.normalise([...ids], this.ids);
	}
	setMotion(on: boolean) {
		this.#motion = on;
	}
	advanceMotion(fraction: number) {
		this.#motionPhase = (this.#motionPhase + fraction) % 1;
	}
	setHover(hover: RouteHoverInfo | null) {
		this.#hover = hover;
	}
}
