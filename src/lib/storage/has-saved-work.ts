import { WORK_DB } from '$lib/core/storage/work-db';

/**
 * Whether this browser may hold saved work: the page then loads the storage code at once, to restore
 * it; otherwise only after the first complete frame (routes/+page.svelte). Asks the browser for its
 * databases' names, which opens none; where it cannot tell, says yes.
 */
export async function mayHaveSavedWork(): Promise<boolean> {
	if (typeof indexedDB === 'undefined') return false;
	if (typeof indexedDB.databases !== 'function') return true;
	try {
		return (await indexedDB.databases()).some((d) => d.name === WORK_DB);
	} catch {
		return true;
	}
}
