/**
 * The roving tab stop (roving.ts) as an action whose code loads on demand: the timeline's markers
 * are part of the first view, whose bundle has a budget, and the key handling is needed only once
 * someone reaches the list by keyboard (the markers come with the events, which load on demand too).
 */
import type { RovingOptions } from './roving';

export function lazyRoving(node: HTMLElement, options: RovingOptions) {
	let opts = options;
	let handle: { update(next: RovingOptions): void; destroy(): void } | null = null;
	let destroyed = false;
	void import('./roving').then(({ roving }) => {
		if (!destroyed) handle = roving(node, opts);
	});
	return {
		update(next: RovingOptions) {
			opts = next;
			handle?.update(next);
		},
		destroy() {
			destroyed = true;
			handle?.destroy();
		}
	};
}
