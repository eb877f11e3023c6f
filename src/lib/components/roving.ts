/**
 * One tab stop for a long list (hotspot rows, timeline markers): the list's items are reached with
 * the arrow keys, Home and End once focus is in it, and Tab leaves the list instead of walking every
 * item (150 presses reached the date slider before). The item last focused keeps the tab stop.
 * A Svelte action: `use:roving={{ selector: 'button.place', orientation: 'vertical' }}`.
 */
export interface RovingOptions {
	selector: string;
	orientation: 'vertical' | 'horizontal';
}

export function roving(node: HTMLElement, options: RovingOptions) {
	let opts = options;
	let current = 0;
	const items = () => [...node.querySelectorAll<HTMLElement>(opts.selector)];
	const sync = () => {
		const list = items();
		current = Math.max(0, Math.min(current, list.length - 1));
		list.forEach((el, i) => (el.tabIndex = i === current ? 0 : -1));
	};
	const onKey = (event: KeyboardEvent) => {
		const list = items();
		const i = list.indexOf(event.target as HTMLElement);
		if (i < 0) return;
		const [back, forward] = opts.orientation === 'vertical' ? ['ArrowUp', 'ArrowDown'] : ['ArrowLeft', 'ArrowRight'];
		const to =
			event.key === back ? i - 1 : event.key === forward ? i + 1 : event.key === 'Home' ? 0 : event.key === 'End' ? list.length - 1 : null;
		if (to === null) return;
		event.preventDefault();
		event.stopPropagation();
		current = Math.max(0, Math.min(to, list.length - 1));
		sync();
		list[current]!.focus();
	};
	const onFocusIn = (event: FocusEvent) => {
		const i = items().indexOf(event.target as HTMLElement);
		if (i >= 0 && i !== current) {
			current = i;
			sync();
		}
	};
	// Rows come and go with the date and the filters: every new item starts out of the tab order.
	const observer = new MutationObserver(sync);
	observer.observe(node, { childList: true, subtree: true });
	node.addEventListener('keydown', onKey);
	node.addEventListener('focusin', onFocusIn);
	sync();
	return {
		update(next: RovingOptions) {
			opts = next;
			sync();
		},
		destroy() {
			observer.disconnect();
			node.removeEventListener('keydown', onKey);
			node.removeEventListener('focusin', onFocusIn);
		}
	};
}
