/**
 * The page's side of the importer: `importFile(file, mapping, handlers)` parses a file in a Web Worker
 * started for this file (and ended with it), hands over the records a slice at a time and resolves
 * with the report. Failures come back as errors in words. Import this module with dynamic import()
 * (the import dialog does): it is never part of the first view.
 */
import type { ImportReport } from '$lib/core/data/import';
import type { ColumnMapping } from '$lib/core/data/columns';
import type { MemberRecord } from '$lib/core/data/member';
import { recordsOf, type MemberColumns } from '$lib/core/data/member-columns';
import type { ImportMessage, ImportRequest } from './import-protocol';

export interface ImportHandlers {
	onProgress?(stage: 'reading' | 'parsing', fraction: number): void;
	/** A slice of the accepted records, in file order; `total` is the number of accepted records. */
	onRecords?(records: MemberRecord[], total: number): void;
	/** The same slice as the columns the worker sent (before onRecords). */
	onColumns?(columns: MemberColumns, total: number): void;
}

export interface ImportRun {
	/** The report once every record was handed over. */
	done: Promise<ImportReport>;
	/** Stops the worker; `done` never settles. */
	cancel(): void;
}

/** `sheet`: a workbook's sheet to read (the first when absent). */
export function importFile(file: File, mapping: ColumnMapping, sheet?: string, handlers: ImportHandlers = {}): ImportRun {
	const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
	const done = new Promise<ImportReport>((resolve, reject) => {
		worker.onmessage = ({ data }: MessageEvent<ImportMessage>) => {
			if (data.type === 'progress') return handlers.onProgress?.(data.stage, data.fraction);
			if (data.type === 'columns') {
				handlers.onColumns?.(data.columns, data.total);
				// The import session places, checks and geocodes records: made here, a batch per task.
				return handlers.onRecords?.(recordsOf(data.columns), data.total);
			}
			worker.terminate();
			if (data.type === 'failed') reject(new Error(data.message));
			else resolve(data.report);
		};
		worker.onerror = (event) => {
			event.preventDefault();
			worker.terminate();
			reject(new Error(`The importer stopped: ${event.message || 'the file may be too large for this browser'}.`));
		};
	});
	worker.postMessage({ file, mapping, sheet } satisfies ImportRequest);
	return { done, cancel: () => worker.terminate() };
}
