/**
 * The layout of saved work in IndexedDB, and the pure steps between it and the app's work.
 *
 * Database version 2: store `work` holds one small metadata record under `current` (name, kind,
 * counts, mappings, choices, scenes); store `members` holds the dataset's members in chunks under keys
 * 0, 1, 2, ... The metadata's `schema` says what a chunk is:
 * - schema 3 (written now): a chunk is COLUMN_CHUNK_SIZE members as columns (core/data/member-columns):
 *   typed arrays and short string lists, which IndexedDB stores and reads back as memory copies. A
 *   restored million is a few dozen arrays, not a million objects for the garbage collector to walk
 *   (docs/ARCHITECTURE.md, "Members as columns").
 * - schema 2 (read, still written by the version 1 migration): a chunk is an array of CHUNK_SIZE member
 *   records; each chunk is one put, so the structured clone of a million members is split into short tasks.
 * Version 1: store `work`, one record under `current` holding everything ({datasetName, dataset,
 * mappings, geocodeChoices, scenes, savedAt}); migrated to version 2 on open, never dropped.
 */
import { memberCount, type DatasetKind, type MemberDataset, type MemberRecord } from '../data/member';
import { ColumnsDataset, columnsOf, concatColumnsOf, isMemberColumns, sliceColumns, type MemberColumns } from '../data/member-columns';
import { runAtOnce, type Sliced } from '../slicing/slices';
import type { Project } from '../project/project-file';
import { readChoices, readMappings, type GeocodeJob, type SavedChoices, type SavedMappings } from '../project/import-memory';
import { FIELDS, type ColumnMapping, type Field } from '../data/columns';
import { placeKey } from '../geocode/review';

export { WORK_DB } from './work-db';
export const WORK_DB_VERSION = 2;
export const META_STORE = 'work';
export const CHUNK_STORE = 'members';
export const META_KEY = 'current';
/** Members per stored record: cloning one chunk takes a few tens of milliseconds (10,000 gave tasks over 200 ms at 1M). */
export const CHUNK_SIZE = 5_000;
/**
 * Members per column chunk: building one from records (an import's dataset) takes a few tens of
 * milliseconds; storing or reading one is a copy of a few megabytes.
 */
export const COLUMN_CHUNK_SIZE = 32_768;

/**
 * The app's saved work: a project without the view (the link keeps that), plus an unfinished
 * geocoding review (the rows still waiting, so the "Review N places" button comes back).
 */
export type SavedWork = Omit<Project, 'view'> & { geocodeJob?: GeocodeJob | null; savedAt: string };
export type WorkToSave = Omit<SavedWork, 'savedAt'>;

/** The metadata record: the work without its members, which are in `chunkCount` chunks (of records or columns by schema). */
export type SavedMeta = Omit<SavedWork, 'dataset'> & {
	schema: 2 | 3;
	synthetic: boolean;
	kind?: DatasetKind;
	weightMeaning?: string;
	memberCount: number;
	chunkCount: number;
};

/** The version 1 record (everything in one). */
export type SavedWorkV1 = SavedWork;

export function chunkCountOf(memberCount: number, size = CHUNK_SIZE): number {
	return Math.ceil(memberCount / size);
}

export function chunkOf<T>(members: readonly T[], index: number, size = CHUNK_SIZE): T[] {
	return members.slice(index * size, (index + 1) * size);
}

/** Members [index * size, (index + 1) * size) of a dataset as columns: sliced from its columns, or built from its records. */
export function columnChunkOf(dataset: MemberDataset, index: number, size = COLUMN_CHUNK_SIZE): MemberColumns {
	return dataset.columns
		? sliceColumns(dataset.columns, index * size, (index + 1) * size)
		: columnsOf(dataset.members.slice(index * size, (index + 1) * size));
}

/** The metadata of work saved as column chunks (schema 3), or as record chunks (schema 2: the version 1 migration). */
export function metaOf(work: WorkToSave, savedAt: string, size = COLUMN_CHUNK_SIZE, schema: 2 | 3 = 3): SavedMeta {
	const { dataset } = work;
	const count = memberCount(dataset);
	return {
		schema,
		datasetName: work.datasetName,
		synthetic: dataset.synthetic,
		...(dataset.kind ? { kind: dataset.kind } : {}),
		...(schema === 3 && dataset.weightMeaning !== undefined ? { weightMeaning: dataset.weightMeaning } : {}),
		memberCount: count,
		chunkCount: chunkCountOf(count, size),
		mappings: work.mappings,
		geocodeChoices: work.geocodeChoices,
		...(work.geocodeJob ? { geocodeJob: work.geocodeJob } : {}),
		scenes: work.scenes,
		savedAt
	};
}

export function isMeta(value: unknown): value is SavedMeta {
	const v = value as Partial<SavedMeta> | null;
	return (
		!!v && typeof v === 'object' && (v.schema === 2 || v.schema === 3) && Number.isInteger(v.chunkCount) && Number.isInteger(v.memberCount)
	);
}

export function isV1Record(value: unknown): value is SavedWorkV1 {
	const v = value as Partial<SavedWorkV1> | null;
	return !!v && typeof v === 'object' && !!v.dataset && typeof v.dataset === 'object' && Array.isArray(v.dataset.members);
}

/**
 * Puts the chunks read back together. A chunk missing or of the wrong size is an error in words,
 * never a quietly shorter dataset.
 */
export function workFrom(meta: SavedMeta, chunks: readonly (readonly MemberRecord[] | MemberColumns | undefined)[]): SavedWork {
	return runAtOnce(workFromChunks(meta, chunks));
}

/**
 * workFrom as sliced work (core/slicing): each chunk is checked, and the columns joined one at a time,
 * in steps of a few milliseconds, so a restored million never holds the page in one long task.
 */
export function* workFromChunks(
	meta: SavedMeta,
	chunks: readonly (readonly MemberRecord[] | MemberColumns | undefined)[]
): Sliced<SavedWork> {
	if (chunks.length !== meta.chunkCount) throw new Error(`saved work is incomplete: ${chunks.length} of ${meta.chunkCount} parts`);
	const whole = meta.schema === 3 ? isMemberColumns : Array.isArray;
	for (let i = 0; i < chunks.length; i++) {
		if (!whole(chunks[i])) throw new Error(`saved work is incomplete: part ${i + 1} of ${meta.chunkCount} is missing or damaged`);
		yield;
	}
	const about = { synthetic: meta.synthetic, ...(meta.kind ? { kind: meta.kind } : {}) };
	let dataset: MemberDataset;
	if (meta.schema === 3) {
		// One set of columns; no record is made (ColumnsDataset makes them if a panel asks).
		const columns = yield* concatColumnsOf(chunks as MemberColumns[]);
		dataset = new ColumnsDataset(columns, {
			...about,
			...(typeof meta.weightMeaning === 'string' ? { weightMeaning: meta.weightMeaning } : {})
		});
	} else dataset = { ...about, members: ([] as MemberRecord[]).concat(...(chunks as MemberRecord[][])) };
	const count = memberCount(dataset);
	if (count !== meta.memberCount) throw new Error(`saved work is incomplete: ${count} of ${meta.memberCount} members`);
	return {
		datasetName: meta.datasetName,
		dataset,
		mappings: readMappings(meta.mappings),
		geocodeChoices: readChoices(meta.geocodeChoices),
		...(isJob(meta.geocodeJob) ? { geocodeJob: meta.geocodeJob } : {}),
		scenes: meta.scenes ?? [],
		savedAt: meta.savedAt
	};
}

function isJob(value: unknown): value is GeocodeJob {
	const j = value as Partial<GeocodeJob> | null | undefined;
	return (
		!!j && Array.isArray(j.rows) && Array.isArray(j.rowNumbers) && j.rows.length === j.rowNumbers.length && Number.isInteger(j.placedCount)
	);
}

/** A version 1 record as version 2: its metadata and its members in chunks. Keeps its savedAt. */
export function migrateV1(record: SavedWorkV1, size = CHUNK_SIZE): { meta: SavedMeta; chunks: MemberRecord[][] } {
	const work: WorkToSave = {
		datasetName: record.datasetName ?? '',
		dataset: record.dataset,
		mappings: v1Mappings(record.mappings),
		geocodeChoices: v1Choices(record.geocodeChoices),
		scenes: record.scenes ?? []
	};
	const meta = metaOf(work, typeof record.savedAt === 'string' ? record.savedAt : '', size, 2);
	const chunks = Array.from({ length: meta.chunkCount }, (_, i) => chunkOf(record.dataset.members, i, size));
	return { meta, chunks };
}

const FIELD_NAMES = new Set<string>([...FIELDS, 'ignore']);
const isPlain = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * Version 1 kept mappings in the importer's own shape, by source: a header mapped to its field, or a
 * field mapped to its header ({hometown: 'Town'}). Both become header -> field under the same key, so
 * the user's mapping is carried over, not dropped by the typed reader.
 */
export function v1Mappings(raw: unknown): SavedMappings {
	if (!isPlain(raw)) return readMappings(raw);
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(raw)) {
		if (!isPlain(value)) {
			out[key] = value;
			continue;
		}
		const mapping: Record<string, unknown> = {};
		for (const [a, b] of Object.entries(value)) {
			if (typeof b === 'string' && FIELD_NAMES.has(b)) mapping[a] = b;
			else if (FIELD_NAMES.has(a) && typeof b === 'string' && b) mapping[b] = a as Field;
			else mapping[a] = b; // neither way round a field: the reader drops it
		}
		out[key] = mapping as ColumnMapping;
	}
	return readMappings(out);
}

/**
 * Version 1 kept choices by place text, possibly as a bare point ({lon, lat}). A point without the
 * typed fields becomes a choice for that text (and its country if given), keyed as choices are now
 * (place text and country), so it applies to the next import of that place.
 */
export function v1Choices(raw: unknown): SavedChoices {
	if (!isPlain(raw)) return readChoices(raw);
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(raw)) {
		const c = value as Record<string, unknown>;
		if (!isPlain(c) || typeof c.placeKey === 'string') {
			out[key] = c; // already typed, or not a choice at all: the reader keeps or drops it as for version 2
			continue;
		}
		const hometown = typeof c.hometown === 'string' && c.hometown ? c.hometown : key;
		const country = typeof c.country === 'string' ? c.country : '';
		const k = placeKey(hometown, country);
		out[k] = { ...c, placeKey: k, hometown, country };
	}
	return readChoices(out);
}
