/**
 * Parses an imported file off the main thread so the page stays responsive; posts progress while
 * it reads rows, then the records and the full report (messages: import-protocol.ts; the page's side:
 * import-client.ts). Nothing leaves the browser.
 */
import { importFile } from '$lib/core/data/read-file';
import { STREAM_BATCH } from '$lib/core/data/import';
import type { MemberRecord } from '$lib/core/data/member';
import type { ImportMessage, ImportRequest } from './import-protocol';
import { buffersOf, columnsOf } from '$lib/core/data/member-columns';
import { decodeGazetteer } from '$lib/core/geocode/gazetteer-binary';
import { isUnnamedPoint, nameUnnamedPoints, PlaceGrouper, placeSourceOf } from '$lib/core/geocode/place-groups';

const scope = self as unknown as {
	postMessage(message: ImportMessage, transfer?: Transferable[]): void;
	onmessage: ((event: MessageEvent<ImportRequest>) => void) | null;
};

/**
 * The grouping of points without a place name, when the file has any: gazetteer.bin fetched and decoded
 * here (no search index is built), null when it cannot be had (the points then fall back to coarse
 * cells: core/data/member.ts townKey). docs/ARCHITECTURE.md, "Points without a place name".
 */
async function grouperFor(records: readonly MemberRecord[], url: string | undefined): Promise<PlaceGrouper | null> {
	if (!url || !records.some(isUnnamedPoint)) return null;
	try {
		const response = await fetch(url);
		if (!response.ok) return null;
		return new PlaceGrouper(placeSourceOf(decodeGazetteer(await response.arrayBuffer())));
	} catch {
		return null;
	}
}

scope.onmessage = async ({ data: { file, mapping, presets, sheet, gazetteerUrl } }) => {
	try {
		scope.postMessage({ type: 'progress', stage: 'reading', fraction: 0 });
		let last = 0;
		// Batches handed over while the file is read go to the page at once (their total is not known yet),
		// so the worker never holds a large file's records whole. Points without a place name are named
		// from the gazetteer, fetched only at the end: from the first batch holding one, batches are held here.
		let streamed = 0;
		let held: MemberRecord[] | null = null;
		const send = (records: readonly MemberRecord[], total: number) => {
			const columns = columnsOf(records);
			scope.postMessage({ type: 'columns', columns, total }, buffersOf(columns));
		};
		// Read as it comes (CSV a slice at a time, Parquet a row group at a time): never the whole text.
		const result = await importFile(file, {
			fileName: file.name,
			mapping,
			presets,
			sheet,
			onProgress: (fraction) => {
				if (fraction - last < 0.01 && fraction < 1) return;
				last = fraction;
				scope.postMessage({ type: 'progress', stage: 'parsing', fraction });
			},
			onRecords: (records) => {
				if (held || (gazetteerUrl && records.some(isUnnamedPoint))) (held ??= []).push(...records);
				else {
					streamed += records.length;
					send(records, 0);
				}
			},
			onRestart: () => {
				if (streamed) scope.postMessage({ type: 'restart' });
				streamed = 0;
				held = null;
			}
		});
		const kept = held as MemberRecord[] | null; // set in the callbacks above, which TypeScript does not follow
		const records = kept ? kept.concat(result.records) : result.records;
		const total = streamed + records.length;
		const grouper = await grouperFor(records, gazetteerUrl);
		if (grouper) scope.postMessage({ type: 'progress', stage: 'naming', fraction: 0 });
		// One message per batch, as columns whose buffers are transferred, not copied (core/data/member-columns;
		// docs/ARCHITECTURE.md, "Members as columns"): the page handles each in its own short task instead of a
		// million records in one (seconds of a frozen page at 1M rows).
		for (let i = 0; i < records.length; i += STREAM_BATCH) {
			const end = Math.min(records.length, i + STREAM_BATCH);
			if (grouper) nameUnnamedPoints(grouper, records, i, end);
			send(records.slice(i, end), total);
		}
		scope.postMessage({ type: 'done', report: result.report });
	} catch (error) {
		// Out of memory or a file the browser could not read: say so instead of dying silently.
		scope.postMessage({ type: 'failed', message: `The file could not be read: ${(error as Error).message ?? String(error)}` });
	}
};
