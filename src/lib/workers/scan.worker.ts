/// <reference lib="webworker" />
/**
 * The scan statistic's worker: 999 Monte Carlo replicates take seconds in software-rendered, shared
 * CPUs, so they never run on the page's thread. One request at a time; the page ends a run it no longer
 * wants by terminating the worker (scan-client.ts), so no stale result can arrive.
 */
import { spatialScan } from '$lib/core/stats/scan';
import type { ScanRequest, ScanResponse } from './scan-protocol';

const post = (message: ScanResponse) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(message);

self.onmessage = (event: MessageEvent<ScanRequest>) => {
	const { id, locations, options } = event.data;
	const started = performance.now();
	try {
		const result = spatialScan(locations, options, (done, total) => post({ id, type: 'progress', done, total }));
		post({ id, type: 'done', result, ms: performance.now() - started });
	} catch (error) {
		post({ id, type: 'error', message: (error as Error).message });
	}
};
