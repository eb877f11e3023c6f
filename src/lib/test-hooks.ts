/**
 * Handles for the browser tests and the benchmarks, present only in builds made for them
 * (`npm run build:test`, which sets ATLAS_TEST_BUILD; vite.config.ts turns it into
 * __ATLAS_TEST_HOOKS__). The product build has `TEST_HOOKS === false`, so the bundler drops every
 * `if (TEST_HOOKS)` branch and the page exposes nothing.
 *
 * The shapes are declared here once; tests/e2e and bench import this module, so renaming a state
 * field fails at `npm run check`, not in the browser.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Layer } from '@deck.gl/core';
import type { AppState } from '$lib/state/app-state.svelte';
import type { MemberColumns } from '$lib/core/data/member-columns';
import type { ProgramGate } from '$lib/map/program-gate';

export const TEST_HOOKS: boolean = __ATLAS_TEST_HOOKS__;

/** The map's handle (MapView.svelte). */
export interface MapTestHook {
	/** The first frame with heat has been drawn (the 'atlas:heat-drawn' mark); names, routes and plots are MapLibre's. */
	heatDrawn: boolean;
	/** Deck frames drawn so far. */
	frames: number;
	/** Where a place is on the page, in page coordinates (what screenshots clip). */
	project(lngLat: [number, number]): { x: number; y: number };
	map: MapLibreMap;
	/** MapLibre's program links, made outside its frames (map/program-gate.ts); null where the gate could not be set. */
	programGate: ProgramGate | null;
	/** How often deck's lost WebGL context was restored. */
	deckRestores(): number;
	/**
	 * Set by a benchmark to draw other deck layers in place of the app's (bench/timeline.ts draws its
	 * CPU-filter baseline this way); read when the layers are rebuilt, so what it reads is tracked.
	 */
	replaceLayers?: ((layers: Layer[]) => Layer[]) | null;
}

declare global {
	interface Window {
		/** The map's test handle; only in test builds. */
		__atlas?: MapTestHook;
		/** The state owners; only in test builds. */
		__atlasState?: AppState;
		/**
		 * Shows members given as columns (a synthetic dataset, as saved work restores one), without a
		 * record per member: bench/timeline.ts sets millions this way. Throws when the columns do not
		 * check (core/data/member-columns isMemberColumns). Only in test builds.
		 */
		__atlasSetColumns?: (columns: MemberColumns, name: string) => void;
		/** The geocoder review's map (GeocodeReview.svelte); only in test builds. */
		__reviewMap?: MapLibreMap;
		/** A list of places a test hands the test-only review page before it loads. */
		__reviewList?: { hometown: string; country: string }[];
		/** The test-only review page's geocoder and how long its first load took (bench/geocoder.ts). */
		__geocodeRecords?: typeof import('$lib/workers/geocode-client').geocodeRecords;
		__geocodeFirstLoadMs?: number;
		/** The first run's ms from the gazetteer file's arrival to a ready worker. */
		__geocodeReadyMs?: number;
	}
}
