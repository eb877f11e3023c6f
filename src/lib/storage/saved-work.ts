/**
 * Saved work in IndexedDB (through `idb`, a thin promise wrapper): the imported dataset, column
 * mappings, geocoding choices and scenes survive a reload. Loaded on demand (dynamic import), never
 * in the first view's bundle. Nothing here leaves the browser. Layout and versions:
 * core/storage/saved-work-schema.ts.
 *
 * A save is ONE readwrite transaction (all or nothing: a reload in the middle leaves the previous
 * save intact). Its member chunks are put one after the other, each from the previous put's success
 * callback, so each chunk's structured clone is its own short task and the page stays responsive;
 * the transaction stays alive because a request is always pending.
 */
import { openDB, deleteDB, type DBSchema, type IDBPDatabase } from 'idb';
import { memberCount, type MemberRecord } from '$lib/core/data/member';
import type { MemberColumns } from '$lib/core/data/member-columns';
import { runInSlices } from '$lib/core/slicing/slices';
import {
	CHUNK_SIZE,
	CHUNK_STORE,
	META_KEY,
	META_STORE,
	WORK_DB,
	WORK_DB_VERSION,
	COLUMN_CHUNK_SIZE,
	chunkCountOf,
	columnChunkOf,
	isMeta,
	isV1Record,
	metaOf,
	migrateV1,
	workFromChunks,
	type SavedMeta,
	type SavedWork,
	type SavedWorkV1,
	type WorkToSave
} from '$lib/core/storage/saved-work-schema';

export type { SavedWork, WorkToSave };

interface WorkDB extends DBSchema {
	[META_STORE]: { key: string; value: SavedMeta | SavedWorkV1 };
	/** Column chunks (schema 3), or record chunks (schema 2: older saves and the version 1 migration). */
	[CHUNK_STORE]: { key: number; value: MemberColumns | MemberRecord[] };
}

let db: Promise<IDBPDatabase<WorkDB>> | null = null;

function open(): Promise<IDBPDatabase<WorkDB>> {
	// Some embedded or locked-down browsers have no IndexedDB at all: fail in words, not with a TypeError.
	if (typeof indexedDB === 'undefined')
		return Promise.reject(new DOMException('IndexedDB is not available in this browser', 'InvalidStateError'));
	db ??= openDB<WorkDB>(WORK_DB, WORK_DB_VERSION, {
		// A database of a newer version makes openDB reject with a VersionError before this runs: untouched.
		async upgrade(database, oldVersion, _newVersion, tx) {
			try {
				if (oldVersion < 1) database.createObjectStore(META_STORE);
				if (oldVersion < 2) {
					database.createObjectStore(CHUNK_STORE);
					// Version 1 kept everything in one record: rewrite it as metadata + chunks in this same
					// upgrade transaction, so a failure leaves the database at version 1 with its data.
					const old = await tx.objectStore(META_STORE).get(META_KEY);
					if (isV1Record(old)) {
						const { meta, chunks } = migrateV1(old);
						for (let i = 0; i < chunks.length; i++) await tx.objectStore(CHUNK_STORE).put(chunks[i]!, i);
						await tx.objectStore(META_STORE).put(meta, META_KEY);
					}
				}
			} catch {
				// openDB rejects with the abort; the old version and its data stay as they were.
				try {
					tx.abort();
				} catch {
					// already aborted
				}
			}
		},
		// Another tab wants a newer version or to delete everything: let it.
		blocking(_current, _blocked, event) {
			(event.target as IDBDatabase).close();
			db = null;
		}
	}).catch((error: unknown) => {
		db = null;
		throw error;
	});
	return db;
}

/**
 * The saved work, or null when nothing is saved. Reads the metadata and every chunk in one readonly
 * transaction (a consistent snapshot), one chunk per request so each is deserialised in its own task.
 * Column chunks (schema 3) come back as typed arrays: a memory copy each, no objects per member.
 */
export async function loadWork(): Promise<SavedWork | null> {
	const tx = (await open()).transaction([META_STORE, CHUNK_STORE], 'readonly');
	tx.done.catch(() => {});
	const meta = await tx.objectStore(META_STORE).get(META_KEY);
	if (meta === undefined) return null;
	if (!isMeta(meta)) throw new Error('saved work has a shape this version does not know');
	const chunks: (MemberColumns | MemberRecord[] | undefined)[] = [];
	for (let i = 0; i < meta.chunkCount; i++) chunks.push(await tx.objectStore(CHUNK_STORE).get(i));
	// Checked and joined in slices between tasks: a million members are some 30 chunks to check and join.
	return (await runInSlices(workFromChunks(meta, chunks)))!;
}

/**
 * Saves the work in one transaction; returns when it is committed, with its time (ISO).
 * `members: false` writes the metadata only: for when the dataset (same object) is already stored.
 * The members go as column chunks (schema 3), sliced from the dataset's columns or built from its
 * records one chunk per task.
 */
export async function saveWork(work: WorkToSave, { members = true } = {}): Promise<string> {
	const database = await open();
	const savedAt = new Date().toISOString();
	const tx = database.transaction([META_STORE, CHUNK_STORE], 'readwrite');
	tx.done.catch(() => {}); // awaited below; an abort is reported by the request that caused it
	try {
		if (members) {
			const count = chunkCountOf(memberCount(work.dataset), COLUMN_CHUNK_SIZE);
			const chunks = tx.objectStore(CHUNK_STORE);
			for (let i = 0; i < count; i++) await chunks.put(columnChunkOf(work.dataset, i), i);
			// Chunks of an earlier, larger save.
			await chunks.delete(IDBKeyRange.lowerBound(count));
		}
		// Metadata alone: the stored chunks stay as they are, so the metadata keeps their schema (a
		// restored schema 2 save stays readable until its members are next written, as columns).
		const stored = members ? undefined : await tx.objectStore(META_STORE).get(META_KEY);
		const schema = isMeta(stored) ? stored.schema : 3;
		await tx.objectStore(META_STORE).put(metaOf(work, savedAt, schema === 2 ? CHUNK_SIZE : COLUMN_CHUNK_SIZE, schema), META_KEY);
		await tx.done;
	} catch (error) {
		// All or nothing: a put that throws must not let the earlier ones commit on their own.
		try {
			tx.abort();
		} catch {
			// already finished or aborted
		}
		throw error;
	}
	return savedAt;
}

/** The geocoder review's remembered choices (storage/review-store.ts): part of "everything". */
const REVIEW_DB = 'hometown-atlas-geocode';

/**
 * Deletes everything this app stored in this browser: saved work and remembered review choices.
 * Both modules close their connection when asked (`blocking`), so neither delete waits on this tab.
 */
export async function deleteEverything(): Promise<void> {
	const open = db;
	db = null;
	if (open)
		await open.then(
			(d) => d.close(),
			() => {}
		);
	await Promise.all([deleteDB(WORK_DB), deleteDB(REVIEW_DB)]);
}
