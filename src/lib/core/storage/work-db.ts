/**
 * The name of the IndexedDB database that holds the user's saved work, in a module of its own: the
 * first view asks whether it exists (storage/has-saved-work.ts) without loading the storage code.
 */
export const WORK_DB = 'hometown-atlas';
