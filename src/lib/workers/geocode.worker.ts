/**
 * The geocoding Web Worker: loads the gazetteer (places and search index in one binary file, built
 * at build time) from our own origin once, on the first request, then geocodes lists off the main
 * thread, reporting progress.
 */
/// <reference lib="webworker" />
import { Gazetteer } from '$lib/core/geocode/gazetteer';
import { geocodeAll } from '$lib/core/geocode/table';
import { checkPoints } from '$lib/core/geocode/crosscheck';
import { resolvePlace, ReverseIndex } from '$lib/core/geocode/reverse';
import type { CheckItem, WorkerRequest, WorkerResponse } from './geocode-protocol';

let gazetteer: Promise<Gazetteer> | null = null;
let reverse: ReverseIndex | null = null;

function post(message: WorkerResponse) {
	(self as unknown as DedicatedWorkerGlobalScope).postMessage(message);
}

async function load(id: number, url: string): Promise<Gazetteer> {
	const t0 = performance.now();
	post({ id, type: 'progress', phase: 'loading', done: 0, total: 1 });
	const response = await fetch(url);
	if (!response.ok) throw new Error(`gazetteer: HTTP ${response.status}`);
	const bytes = await response.arrayBuffer();
	// From the file's arrival to a gazetteer ready to search: views over the buffer and linear decodes.
	const arrived = performance.now();
	const gaz = new Gazetteer(bytes);
	const now = performance.now();
	post({ id, type: 'loaded', places: gaz.size, ms: now - t0, readyMs: now - arrived });
	return gaz;
}

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
	const { id, items, kind, gazetteerUrl } = event.data;
	try {
		gazetteer ??= load(id, gazetteerUrl);
		const gaz = await gazetteer.catch((error) => {
			gazetteer = null; // let the next request try again
			throw error;
		});
		const t0 = performance.now();
		if (kind === 'check') {
			// Rows given with coordinates: named offline (nearest place, or "near X"), and cross-checked
			// against the place they name (geocoded once per distinct name) and their country.
			if (reverse?.gaz !== gaz) reverse = new ReverseIndex(gaz);
			const rows = items as CheckItem[];
			const named = geocodeAll(
				gaz,
				rows.map((r) => ({ hometown: r.hometown, country: r.country, region: r.region }))
			).results;
			const checks = checkPoints(
				reverse,
				rows.map((r, i) => ({
					row: r.row,
					lat: r.lat,
					lon: r.lon,
					hometown: r.hometown,
					country: r.country ?? '',
					geocoded: r.hometown ? named[i] : null
				}))
			);
			const places = rows.map((r) => resolvePlace(reverse!, r.lat, r.lon, r.hometown));
			post({ id, type: 'checked', places, checks, ms: performance.now() - t0 });
			return;
		}
		const { results, summary } = geocodeAll(gaz, items, (done, total) => post({ id, type: 'progress', phase: 'geocoding', done, total }));
		post({ id, type: 'done', results, summary, ms: performance.now() - t0 });
	} catch (error) {
		post({ id, type: 'error', message: (error as Error).message });
	}
};
