/**
 * What a browser-storage failure means for the analyst, in words: IndexedDB switched off (private
 * windows, locked-down profiles), full, or holding data from a newer version of the app. Pure: reads
 * only the error's name and message.
 */
export function storageProblem(error: unknown): string {
	const name = (error as { name?: unknown } | null)?.name;
	const detail = String((error as { message?: unknown } | null)?.message ?? error ?? '').slice(0, 120);
	switch (name) {
		case 'QuotaExceededError':
			return 'browser storage is full: free some space or clear old site data';
		case 'SecurityError':
		case 'InvalidStateError':
			return 'browser storage is switched off here (a private window or a locked-down profile?)';
		case 'VersionError':
			return 'the stored data comes from a newer version of Hometown Atlas; it was left untouched';
		case 'UnknownError':
			return 'browser storage failed (the disk may be full or the profile damaged)';
		default:
			// No IndexedDB at all (some embedded browsers): a ReferenceError or TypeError naming it.
			if (/indexeddb/i.test(detail)) return 'browser storage is switched off here (a private window or a locked-down profile?)';
			return detail ? `browser storage failed: ${detail}` : 'browser storage failed';
	}
}
