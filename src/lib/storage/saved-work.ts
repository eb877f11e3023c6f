/**
 * Saved work in IndexedDB (through `idb`, a thin promise wrapper): the imported dataset, column
 * mappings, geocoding choices and scenes survive a reload. Loaded on demand (dynamic import), never
 * in the first view's bundle. Nothing here leaves the browser.
 */
import { openDB, deleteDB, type IDBPDatabase } from 'idb';
import type { Project } from '$lib/core/project/project-file';

const DB_NAME = 'hometown-atlas';
const STORE = 'work';
const KEY = 'current';

/** What is stored: a project, without the view (the link keeps that). */
export type SavedWork = Omit<Project, 'view'> & { savedAt: string };

let db: Promise<IDBPDatabase> | null = null;
function open() {
	db ??= openDB(DB_NAME, 1, {
		upgrade(database) {
			database.createObjectStore(STORE);
		}
	});
	return db;
}

export async function loadWork(): Promise<SavedWork | null> {
	return ((await (await open()).get(STORE, KEY)) as SavedWork | undefined) ?? null;
}

/** Structured clone keeps NaN, so records are stored as they are. */
export async function saveWork(work: Omit<SavedWork, 'savedAt'>): Promise<void> {
	await (await open()).put(STORE, { ...work, savedAt: new Date().toISOString() }, KEY);
}

/** Deletes everything this app stored in this browser. */
export async function deleteEverything(): Promise<void> {
	if (db) (await db).close();
	db = null;
	await deleteDB(DB_NAME);
}
