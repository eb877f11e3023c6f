/** Messages between the page and geocode.worker.ts. */
import type { GeocodeResult } from '$lib/core/geocode/geocode';
import type { Summary } from '$lib/core/geocode/table';
import type { FileChecks } from '$lib/core/geocode/crosscheck';
import type { ResolvedPlace } from '$lib/core/geocode/reverse';

export interface GeocodeItem {
	hometown: string;
	country?: string;
	/** An administrative area or postcode from its own column: a hint. */
	region?: string;
}

export interface WorkerRequest {
	id: number;
	items: GeocodeItem[];
	/** Where the gazetteer is: the page knows the app's base path, the worker does not. */
	gazetteerUrl: string;
	/**
	 * 'check': the items have coordinates; name each from the gazetteer (reverse geocoding) and
	 * cross-check it against its place name and country instead of geocoding it.
	 */
	kind?: 'geocode' | 'check';
}

/** A row with coordinates to name and cross-check. */
export interface CheckItem extends GeocodeItem {
	row: number;
	lat: number;
	lon: number;
}

export type GeocodeProgress = { phase: 'loading' | 'geocoding'; done: number; total: number };

export type WorkerResponse =
	| ({ id: number; type: 'progress' } & GeocodeProgress)
	/** ms: from the request to a ready gazetteer; readyMs: from the file's arrival to ready. */
	| { id: number; type: 'loaded'; places: number; ms: number; readyMs: number }
	| { id: number; type: 'done'; results: GeocodeResult[]; summary: Summary; ms: number }
	/** For a 'check' request: each item's resolved place (null: nothing within reach) and the findings. */
	| { id: number; type: 'checked'; places: (ResolvedPlace | null)[]; checks: FileChecks; ms: number }
	| { id: number; type: 'error'; message: string };
