/**
 * The page's side of the scan worker. A new run ends the one before (the worker is terminated and a
 * fresh one started), so filters or the date changing mid-run never shows an old answer.
 * Import with dynamic import(): never part of the first view.
 */
import type { ScanLocation, ScanOptions, ScanResult } from '$lib/core/stats/scan';
import type { ScanRequest, ScanResponse } from './scan-protocol';

let worker: Worker | null = null;
let nextId = 1;
let cancelRunning: (() => void) | null = null;

export class ScanCancelled extends Error {
	constructor() {
		super('scan cancelled');
	}
}

export function runScan(
	locations: ScanLocation[],
	options: Partial<ScanOptions>,
	onProgress?: (done: number, total: number) => void
): Promise<{ result: ScanResult; ms: number }> {
	cancelScan();
	const w = (worker = new Worker(new URL('./scan.worker.ts', import.meta.url), { type: 'module', name: 'scan-statistic' }));
	const id = nextId++;
	return new Promise((resolve, reject) => {
		const finish = () => {
			cancelRunning = null;
			w.onmessage = null;
			w.onerror = null;
		};
		cancelRunning = () => {
			finish();
			reject(new ScanCancelled());
		};
		w.onmessage = (event: MessageEvent<ScanResponse>) => {
			const m = event.data;
			if (m.id !== id) return;
			if (m.type === 'progress') onProgress?.(m.done, m.total);
			else {
				finish();
				if (m.type === 'done') resolve({ result: m.result, ms: m.ms });
				else reject(new Error(m.message));
			}
		};
		w.onerror = (event) => {
			finish();
			reject(new Error(`scan worker failed: ${event.message}`));
		};
		w.postMessage({ id, locations, options } satisfies ScanRequest);
	});
}

/** Stops the run in progress, if any (its promise rejects with ScanCancelled). */
export function cancelScan() {
	cancelRunning?.();
	worker?.terminate();
	worker = null;
}
