/**
 * Remembers the analyst's review choices in IndexedDB (via idb), keyed by list fingerprint and
 * place text, so the next import of the same list starts with them. Loaded only with the review panel.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ReviewChoice } from '$lib/core/geocode/review';

interface ChoicesDB extends DBSchema {
	choices: { key: [string, string]; value: ReviewChoice; indexes: { byFingerprint: string } };
}

let db: Promise<IDBPDatabase<ChoicesDB>> | null = null;

function open() {
	db ??= openDB<ChoicesDB>('hometown-atlas-geocode', 1, {
		upgrade(d) {
			const store = d.createObjectStore('choices', { keyPath: ['fingerprint', 'placeKey'] });
			store.createIndex('byFingerprint', 'fingerprint');
		}
	});
	return db;
}

export async function saveChoice(choice: ReviewChoice): Promise<void> {
	await (await open()).put('choices', choice);
}

export async function saveChoices(choices: readonly ReviewChoice[]): Promise<void> {
	const tx = (await open()).transaction('choices', 'readwrite');
	await Promise.all([...choices.map((c) => tx.store.put(c)), tx.done]);
}

export async function deleteChoice(fingerprint: string, placeKey: string): Promise<void> {
	await (await open()).delete('choices', [fingerprint, placeKey]);
}

export async function choicesFor(fingerprint: string): Promise<ReviewChoice[]> {
	return (await open()).getAllFromIndex('choices', 'byFingerprint', fingerprint);
}

export async function allChoices(): Promise<ReviewChoice[]> {
	return (await open()).getAll('choices');
}
