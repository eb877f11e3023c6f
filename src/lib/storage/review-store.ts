/**
 * Remembers the analyst's review choices in IndexedDB (via idb), keyed by list fingerprint and
 * place text; looked up by place text, so the next import of a list with those places starts with
 * them. Loaded only with the geocoder and the review panel.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ReviewChoice } from '$lib/core/geocode/review';
import { choicesByPlace } from '$lib/core/project/import-memory';

interface ChoicesDB extends DBSchema {
	choices: { key: [string, string]; value: ReviewChoice; indexes: { byFingerprint: string } };
}

let db: Promise<IDBPDatabase<ChoicesDB>> | null = null;

function open() {
	// Some embedded or locked-down browsers have no IndexedDB at all: fail in words, not with a TypeError.
	if (typeof indexedDB === 'undefined')
		return Promise.reject(new DOMException('IndexedDB is not available in this browser', 'InvalidStateError'));
	db ??= openDB<ChoicesDB>('hometown-atlas-geocode', 1, {
		upgrade(d) {
			const store = d.createObjectStore('choices', { keyPath: ['fingerprint', 'placeKey'] });
			store.createIndex('byFingerprint', 'fingerprint');
		},
		// "Delete everything stored" (storage/saved-work.ts) or a newer version wants the database: let go.
		blocking(_current, _blocked, event) {
			(event.target as IDBDatabase).close();
			db = null;
		}
	});
	return db;
}

export async function saveChoice(choice: ReviewChoice): Promise<void> {
	await (await open()).put('choices', choice);
}

export async function saveChoices(choices: readonly ReviewChoice[]): Promise<void> {
	const tx = (await open()).transaction('choices', 'readwrite');
	try {
		await Promise.all([...choices.map((c) => tx.store.put(c)), tx.done]);
	} catch (error) {
		// All or nothing: a put that throws must not let the earlier ones commit on their own.
		try {
			tx.abort();
		} catch {
			// already finished or aborted
		}
		throw error;
	}
}

export async function deleteChoice(fingerprint: string, placeKey: string): Promise<void> {
	await (await open()).delete('choices', [fingerprint, placeKey]);
}

export async function choicesFor(fingerprint: string): Promise<ReviewChoice[]> {
	return (await open()).getAllFromIndex('choices', 'byFingerprint', fingerprint);
}

/**
 * The choices remembered for these places, whatever list they were made in (the latest per place):
 * a list that grew or was reordered keeps them.
 */
export async function choicesForPlaces(placeKeys: ReadonlySet<string>): Promise<ReviewChoice[]> {
	if (!placeKeys.size) return [];
	const all = (await (await open()).getAll('choices')).filter((c) => placeKeys.has(c.placeKey));
	return Object.values(choicesByPlace(all));
}

export async function allChoices(): Promise<ReviewChoice[]> {
	return (await open()).getAll('choices');
}
