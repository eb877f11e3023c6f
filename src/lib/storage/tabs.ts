/**
 * Tabs of the same browser share one saved work (IndexedDB), so only one of them may write it. The
 * writer is the tab holding the Web Lock `hometown-atlas-saved-work`; the others wait for it in the
 * lock's queue (so when the writer closes, the next tab becomes the writer), say that another tab is
 * saving, and can take over (the lock's `steal`, which tells the old writer by rejecting its request).
 * After each save the writer posts `saved` on a BroadcastChannel, so the other tabs can show the change.
 * Without Web Locks (very old browsers) every tab writes, as before.
 */
const LOCK = 'hometown-atlas-saved-work';
const CHANNEL = 'hometown-atlas-saved-work';

/** Why this tab writes or not: the first tab, a take-over here, taken over by another tab, or the writer left. */
export type RoleChange = 'first' | 'took-over' | 'taken' | 'freed';

export interface TabHandlers {
	onRole(writer: boolean, why: RoleChange): void;
	/** Another tab saved the work (ISO time of the save). */
	onSaved(at: string): void;
}

export interface TabCoordinator {
	/** False when the browser has no Web Locks: this tab then writes regardless. */
	readonly coordinated: boolean;
	/** Makes this tab the writer now; the tab that was writing is told and stops. */
	takeOver(): Promise<void>;
	/** Tells the other tabs a save was committed. */
	announceSaved(at: string): void;
	stop(): void;
}

export function coordinateTabs(handlers: TabHandlers): TabCoordinator {
	const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
	if (!locks) {
		handlers.onRole(true, 'first');
		return { coordinated: false, takeOver: async () => {}, announceSaved: () => {}, stop: () => {} };
	}
	const channel = typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel(CHANNEL) : null;
	channel?.addEventListener('message', (event: MessageEvent<{ type?: string; at?: string }>) => {
		if (event.data?.type === 'saved' && typeof event.data.at === 'string') handlers.onSaved(event.data.at);
	});
	let stopped = false;
	/** Resolving it releases the lock this tab holds. */
	let release: (() => void) | null = null;
	/** The queued request of a tab that is not writing. */
	let waiting: AbortController | null = null;

	const hold = (why: RoleChange) => () => {
		waiting = null;
		handlers.onRole(true, why);
		return new Promise<void>((resolve) => (release = resolve));
	};
	const lost = (error: unknown) => {
		if (stopped || (error as DOMException)?.name !== 'AbortError') return;
		// Our held lock was stolen (a take-over elsewhere), or our queued request was withdrawn (ours).
		if (release) {
			release = null;
			handlers.onRole(false, 'taken');
			queue();
		}
	};
	function queue() {
		if (stopped || waiting) return;
		waiting = new AbortController();
		locks!.request(LOCK, { signal: waiting.signal }, hold('freed')).catch(lost);
	}

	locks
		.request(LOCK, { ifAvailable: true }, (lock) => {
			if (lock) return hold('first')();
			handlers.onRole(false, 'first');
			queue();
			return undefined;
		})
		.catch(lost);

	return {
		coordinated: true,
		async takeOver() {
			if (release || stopped) return;
			waiting?.abort();
			waiting = null;
			await new Promise<void>((granted) => {
				locks
					.request(LOCK, { steal: true }, () => {
						granted();
						return hold('took-over')();
					})
					.catch(lost);
			});
		},
		announceSaved(at: string) {
			channel?.postMessage({ type: 'saved', at });
		},
		stop() {
			stopped = true;
			waiting?.abort();
			release?.();
			channel?.close();
		}
	};
}
