/** Messages between the page and geocode.worker.ts. */
import type { GeocodeResult } from '$lib/core/geocode/geocode';
import type { Summary } from '$lib/core/geocode/table';

export interface GeocodeItem {
	hometown: string;
	country?: string;
}

export interface WorkerRequest {
	id: number;
	items: GeocodeItem[];
	/** Where the gazetteer is: the page knows the app's base path, the worker does not. */
	gazetteerUrl: string;
}

export type GeocodeProgress = { phase: 'loading' | 'geocoding'; done: number; total: number };

export type WorkerResponse =
	| ({ id: number; type: 'progress' } & GeocodeProgress)
	| { id: number; type: 'loaded'; places: number; ms: number }
	| { id: number; type: 'done'; results: GeocodeResult[]; summary: Summary; ms: number }
	| { id: number; type: 'error'; message: string };
