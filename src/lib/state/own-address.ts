/**
 * Which address this tab's app wrote itself. A query that carries scenes is either someone else's link
 * (opened fresh or pasted: a view of their work, never saved over the user's own) or this tab's own
 * address after the user's own edits, read again on reload. The two look the same in the address bar,
 * so the URL sync remembers, per tab (sessionStorage survives a reload but is not shared with other
 * tabs), the query it last wrote and whether the tab was then viewing a link's scenes. On start, a query
 * equal to that record is this tab's own, in the state it was left in; any other query is a link.
 * See docs/ARCHITECTURE.md, "Saved work across tabs".
 */
const KEY = 'hometown-atlas-own-address';

export interface OwnAddress {
	/** location.search as the app left it (with its leading '?', or '' for none). */
	search: string;
	/** The tab was showing a link's scenes, the user's own kept aside. */
	linkView: boolean;
}

/** Records the address the app has just written (or found already right). Storage off: nothing recorded. */
export function rememberOwnAddress(address: OwnAddress): void {
	try {
		sessionStorage.setItem(KEY, JSON.stringify(address));
	} catch {
		// Storage switched off or full: every query with scenes then counts as a link (the safe side).
	}
}

/** The address this tab last wrote, or null (a new tab, or storage off). */
export function ownAddress(): OwnAddress | null {
	try {
		const raw = sessionStorage.getItem(KEY);
		if (!raw) return null;
		const parsed = JSON.parse(raw) as Partial<OwnAddress>;
		return typeof parsed.search === 'string' ? { search: parsed.search, linkView: parsed.linkView === true } : null;
	} catch {
		return null;
	}
}

/** Whether a query's scenes are someone else's: yes unless this tab wrote exactly this query while showing its own. */
export function isForeignAddress(search: string, own: OwnAddress | null): boolean {
	if (own === null || own.search !== search) return true;
	return own.linkView;
}
