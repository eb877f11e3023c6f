/**
 * Parses an imported file off the main thread so the page stays responsive; posts progress while
 * it reads rows, then the records and the full report. Nothing leaves the browser.
 */
import { importBytes, type ImportResult } from '$lib/core/data/import';
import type { ColumnMapping } from '$lib/core/data/columns';

export interface ImportRequest {
	file: File;
	mapping?: ColumnMapping;
}

export type ImportMessage =
	| { type: 'progress'; stage: 'reading' | 'parsing'; fraction: number }
	| { type: 'done'; result: ImportResult }
	| { type: 'failed'; message: string };

const scope = self as unknown as { postMessage(message: ImportMessage): void; onmessage: ((event: MessageEvent<ImportRequest>) => void) | null };

scope.onmessage = async ({ data: { file, mapping } }) => {
	try {
		scope.postMessage({ type: 'progress', stage: 'reading', fraction: 0 });
		const bytes = new Uint8Array(await file.arrayBuffer());
		let last = 0;
		const result = importBytes(bytes, {
			fileName: file.name,
			mapping,
			onProgress: (fraction) => {
				if (fraction - last < 0.01 && fraction < 1) return;
				last = fraction;
				scope.postMessage({ type: 'progress', stage: 'parsing', fraction });
			}
		});
		scope.postMessage({ type: 'done', result });
	} catch (error) {
		// Out of memory or a file the browser could not read: say so instead of dying silently.
		scope.postMessage({ type: 'failed', message: `The file could not be read: ${(error as Error).message ?? String(error)}` });
	}
};
