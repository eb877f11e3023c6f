/**
 * The page's side of the geocoder: `geocodeRecords(records, onProgress)` runs the list through the
 * geocoding worker (started on first use, kept for the next list so the gazetteer loads once).
 * Import this module with dynamic import(): it is never part of the first view.
 */
import type { GeocodeResult } from '$lib/core/geocode/geocode';
import type { Summary } from '$lib/core/geocode/table';
import { assetUrl } from '$lib/paths';
import type { FileChecks } from '$lib/core/geocode/crosscheck';
import type { ResolvedPlace } from '$lib/core/geocode/reverse';
import type { CheckItem, GeocodeItem, GeocodeProgress, WorkerRequest, WorkerResponse } from './geocode-protocol';

export type { CheckItem, GeocodeItem, GeocodeProgress };

let worker: Worker | null = null;
let nextId = 1;

function getWorker(): Worker {
	worker ??= new Worker(new URL('./geocode.worker.ts', import.meta.url), { type: 'module', name: 'geocoder' });
	return worker;
}

export interface GeocodeRun {
	results: GeocodeResult[];
	summary: Summary;
	/** Gazetteer fetch and load time on the first run (0 afterwards), and geocoding time, in ms. */
	loadMs: number;
	/** On the first run, ms from the gazetteer file's arrival to the worker being ready (0 afterwards). */
	readyMs: number;
	geocodeMs: number;
}

export interface CheckRun {
	/** Each item's gazetteer place (null: nothing within reach), in the items' order. */
	places: (ResolvedPlace | null)[];
	checks: FileChecks;
}

/**
 * Names rows that came with coordinates from the gazetteer and cross-checks them (swapped, far from
 * their named place, outside their country), in the geocoding worker.
 */
export function checkRecords(items: readonly CheckItem[], onProgress?: (progress: GeocodeProgress) => void): Promise<CheckRun> {
	const plain = items.map((r) => ({
		row: r.row,
		lat: r.lat,
		lon: r.lon,
		hometown: String(r.hometown ?? ''),
		country: String(r.country ?? ''),
		...(r.region ? { region: String(r.region) } : {})
	}));
	return request<CheckRun>({ kind: 'check', items: plain }, onProgress, (m) =>
		m.type === 'checked' ? { places: m.places, checks: m.checks } : null
	);
}

/** Geocodes records by their `hometown` and `country`; results come back in the records' order. */
export function geocodeRecords(records: readonly GeocodeItem[], onProgress?: (progress: GeocodeProgress) => void): Promise<GeocodeRun> {
	const items = records.map((r) => ({
		hometown: String(r.hometown ?? ''),
		country: String(r.country ?? ''),
		...(r.region ? { region: String(r.region) } : {})
	}));
	let loadMs = 0;
	let readyMs = 0;
	return request<GeocodeRun>(
		{ items },
		onProgress,
		(m) => (m.type === 'done' ? { results: m.results, summary: m.summary, loadMs, readyMs, geocodeMs: m.ms } : null),
		(ms, ready) => ((loadMs = ms), (readyMs = ready))
	);
}

/** One request to the worker; `finish` turns its final message into the answer (null: not final). */
function request<T>(
	body: Omit<WorkerRequest, 'id' | 'gazetteerUrl'>,
	onProgress: ((progress: GeocodeProgress) => void) | undefined,
	finish: (m: WorkerResponse) => T | null,
	onLoaded?: (ms: number, readyMs: number) => void
): Promise<T> {
	const w = getWorker();
	const id = nextId++;
	return new Promise((resolve, reject) => {
		const onMessage = (event: MessageEvent<WorkerResponse>) => {
			const m = event.data;
			if (m.id !== id) return;
			if (m.type === 'progress') onProgress?.({ phase: m.phase, done: m.done, total: m.total });
			else if (m.type === 'loaded') onLoaded?.(m.ms, m.readyMs);
			else {
				w.removeEventListener('message', onMessage);
				w.removeEventListener('error', onError);
				const answer = m.type === 'error' ? null : finish(m);
				if (answer !== null) resolve(answer);
				else reject(new Error(m.type === 'error' ? m.message : `unexpected answer ${m.type}`));
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
		w.postMessage({ id, ...body, gazetteerUrl: assetUrl('generated/gazetteer/gazetteer.bin') } satisfies WorkerRequest);
	});
}
