/**
 * The page's side of the importer: `importFile(file, mapping, handlers)` parses a file in a Web Worker
 * started for this file (and ended with it), hands over the accepted members a batch of columns at a
 * time and resolves with the report. Failures come back as errors in words. Import this module with dynamic import()
 * (the import dialog does): it is never part of the first view.
 */
import type { ImportReport } from '$lib/core/data/import';
import type { ColumnMapping } from '$lib/core/data/columns';
import type { MemberColumns } from '$lib/core/data/member-columns';
import type { ImportMessage, ImportRequest } from './import-protocol';
import { assetUrl } from '$lib/paths';

export interface ImportHandlers {
	onProgress?(stage: 'reading' | 'parsing' | 'naming', fraction: number): void;
	/**
	 * A batch of the accepted members as columns, in file order, with their buffers transferred (no
	 * copy); `total` is the number of accepted members. Make records only of the members that need
	 * them: a record per member of a file of millions is what the columns avoid. Batches come while the
	 * file is still read, with `total` 0 then.
	 */
	onColumns?(columns: MemberColumns, total: number): void;
	/** The file is read again from its start (it proved not to be UTF-8): forget the batches handed over so far. */
	onRestart?(): void;
}

export interface ImportRun {
	/** The report once every batch was handed over. */
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
			if (data.type === 'columns') return handlers.onColumns?.(data.columns, data.total);
			if (data.type === 'restart') return handlers.onRestart?.();
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
	worker.postMessage({ file, mapping, sheet, gazetteerUrl: assetUrl('generated/gazetteer/gazetteer.bin') } satisfies ImportRequest);
	return { done, cancel: () => worker.terminate() };
}
