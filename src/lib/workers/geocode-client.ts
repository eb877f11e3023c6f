/**
 * The page's side of the geocoder: `geocodeRecords(records, onProgress)` runs the list through the
 * geocoding worker (started on first use, kept for the next list so the gazetteer loads once).
 * Import this module with dynamic import(): it is never part of the first view.
 */
import type { GeocodeResult } from '$lib/core/geocode/geocode';
import type { Summary } from '$lib/core/geocode/table';
import { assetUrl } from '$lib/paths';
import type { GeocodeItem, GeocodeProgress, WorkerRequest, WorkerResponse } from './geocode-protocol';

export type { GeocodeItem, GeocodeProgress };

let worker: Worker | null = null;
let nextId = 1;

function getWorker(): Worker {
	worker ??= new Worker(new URL('./geocode.worker.ts', import.meta.url), { type: 'module', name: 'geocoder' });
	return worker;
}

export interface GeocodeRun {
	results: GeocodeResult[];
	summary: Summary;
	/** Gazetteer load and index time on the first run (0 afterwards), and geocoding time, in ms. */
	loadMs: number;
	geocodeMs: number;
}

/** Geocodes records by their `hometown` and `country`; results come back in the records' order. */
export function geocodeRecords(
	records: readonly GeocodeItem[],
	onProgress?: (progress: GeocodeProgress) => void
): Promise<GeocodeRun> {
	const w = getWorker();
	const id = nextId++;
	const items = records.map((r) => ({ hometown: String(r.hometown ?? ''), country: String(r.country ?? '') }));
	return new Promise((resolve, reject) => {
		let loadMs = 0;
		const onMessage = (event: MessageEvent<WorkerResponse>) => {
			const m = event.data;
			if (m.id !== id) return;
			if (m.type === 'progress') onProgress?.({ phase: m.phase, done: m.done, total: m.total });
			else if (m.type === 'loaded') loadMs = m.ms;
			else {
				w.removeEventListener('message', onMessage);
				w.removeEventListener('error', onError);
				if (m.type === 'done') resolve({ results: m.results, summary: m.summary, loadMs, geocodeMs: m.ms });
				else reject(new Error(m.message));
			}
		};
		const onError = (event: ErrorEvent) => {
			w.removeEventListener('message', onMessage);
			w.removeEventListener('error', onError);
			worker = null;
			reject(new Error(`geocoding worker failed: ${event.message}`));
		};
		w.addEventListener('message', onMessage);
		w.addEventListener('error', onError);
		w.postMessage({ id, items, gazetteerUrl: assetUrl('generated/gazetteer/gazetteer.json') } satisfies WorkerRequest);
	});
}
