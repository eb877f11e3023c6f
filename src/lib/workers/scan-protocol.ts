import type { ScanLocation, ScanOptions, ScanResult } from '$lib/core/stats/scan';

export type ScanRequest = { id: number; locations: ScanLocation[]; options: Partial<ScanOptions> };
export type ScanResponse =
	| { id: number; type: 'progress'; done: number; total: number }
	| { id: number; type: 'done'; result: ScanResult; ms: number }
	| { id: number; type: 'error'; message: string };
