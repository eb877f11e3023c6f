/** Messages between the page (import-client.ts) and the import worker (import.worker.ts). */
import type { ImportResult } from '$lib/core/data/import';
import type { ColumnMapping } from '$lib/core/data/columns';
import type { MemberColumns } from '$lib/core/data/member-columns';

export interface ImportRequest {
	file: File;
	mapping?: ColumnMapping;
	/** Mappings saved per source (header signature -> mapping). */
	presets?: Record<string, ColumnMapping>;
	/** A workbook's sheet to read (the first when absent). */
	sheet?: string;
	/**
	 * Where gazetteer.bin is (the page knows the app's base path, the worker does not): fetched only when
	 * some row has coordinates but no place name, to group such points into places (core/geocode/place-groups.ts).
	 */
	gazetteerUrl?: string;
}

export type ImportMessage =
	| { type: 'progress'; stage: 'reading' | 'parsing' | 'naming'; fraction: number }
	/**
	 * The accepted records, a batch at a time as columns (buffers transferred), in file order, before
	 * 'done'; `total` is every accepted record's count, or 0 while the file is still being read.
	 */
	| { type: 'columns'; columns: MemberColumns; total: number }
	/** The file is read again from its start (it proved not to be UTF-8): the batches before are void. */
	| { type: 'restart' }
	| { type: 'done'; report: ImportResult['report'] }
	| { type: 'failed'; message: string };
