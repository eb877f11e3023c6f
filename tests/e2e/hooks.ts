/**
 * What the browser tests reach in the page. The app's hooks (window.__atlasState, the state owners;
 * window.__atlas, the map's handle) are declared once in src/lib/test-hooks.ts and exist only in the
 * test build (`npm run build:test`); importing that module here gives `window` their types, so a
 * renamed state field fails `npm run check`. Below: the globals the tests themselves set in the page.
 */
export type { MapTestHook } from '../../src/lib/test-hooks';

declare global {
	interface Window {
		/** webgl.spec: the WEBGL_lose_context extensions used to lose each canvas's context. */
		__lose?: Record<string, WEBGL_lose_context | null>;
		/** webgl.spec: set before a context loss; a reload would clear it. */
		__noReload?: boolean;
		/** webgl.spec: deck's drawing buffer and the map's size when the first heat frame was drawn, and later resizes of deck's canvas. */
		__firstHeat?: { deck: [number, number]; map: [number, number] };
		__deckResizes?: number;
		__deckResizesFromBirth?: number;
		/** saved-work.spec: the IndexedDB put at which a save stalls, whether it did, and member puts counted. */
		__stallSaveAt?: number;
		__stalled?: boolean;
		__memberPuts?: number;
		/** security.spec: elements added to the page, a payload's marker, CSP violations seen. */
		__addedElements?: string[];
		__xss?: unknown;
		__cspViolations?: string[];
	}
}
