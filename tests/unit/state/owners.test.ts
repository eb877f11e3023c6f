/** The small state owners: each changes only through its methods, and says what it holds. */
import { describe, expect, it } from 'vitest';
import { Filters } from '$lib/state/filters.svelte';
import { Scenes } from '$lib/state/scenes.svelte';
import { ViewState, INITIAL_VIEW } from '$lib/state/view.svelte';
import { SavedWorkStatus } from '$lib/state/saved-work.svelte';
import { Routes } from '$lib/state/routes.svelte';
import { Timeline } from '$lib/state/timeline.svelte';
import type { RouteCollection } from '$lib/core/routes/types';

describe('Filters', () => {
	const TOGGLES = [
		{ title: 'one value', input: [['role', 'inner']] as const, expected: { role: ['inner'] } },
		{
			title: 'two values of a field',
			input: [
				['role', 'inner'],
				['role', 'wider']
			] as const,
			expected: { role: ['inner', 'wider'] }
		},
		{
			title: 'a value twice is off again',
			input: [
				['died', 'yes'],
				['died', 'yes']
			] as const,
			expected: { died: [] }
		}
	];
	it.each(TOGGLES)('toggle: $title', ({ input, expected }) => {
		const f = new Filters();
		for (const [field, value] of input) f.toggle(field, value);
		expect(f.chosen).toMatchObject(expected);
		f.clear();
		expect(Object.values(f.chosen).flat()).toEqual([]);
	});
	const K = [
		{ title: 'kept', input: 3, expected: 3 },
		{ title: 'never negative', input: -2, expected: 0 },
		{ title: 'at most 100', input: 1000, expected: 100 },
		{ title: 'whole', input: 2.6, expected: 3 }
	];
	it.each(K)('privacy k: $title', ({ input, expected }) => {
		const f = new Filters();
		f.setPrivacyK(input);
		f.setExportPrivacyK(input);
		expect([f.privacyK, f.exportPrivacyK]).toEqual([expected, expected]);
	});
	it('exports are private by default (k = 3), the screen is not', () => {
		const f = new Filters();
		expect([f.privacyK, f.exportPrivacyK]).toEqual([0, 3]);
	});
});

describe('Scenes', () => {
	const scene = (name: string) => ({ name, state: {} });
	const STEPS = [
		{ title: 'added in order', input: (s: Scenes) => (s.add(scene('a')), s.add(scene('b'))), expected: { names: ['a', 'b'], current: -1 } },
		{
			title: 'moved up',
			input: (s: Scenes) => (s.add(scene('a')), s.add(scene('b')), s.move(1, -1)),
			expected: { names: ['b', 'a'], current: -1 }
		},
		{ title: 'not moved past the top', input: (s: Scenes) => (s.add(scene('a')), s.move(0, -1)), expected: { names: ['a'], current: -1 } },
		{
			title: 'removing the current one moves the marker back',
			input: (s: Scenes) => (s.set([scene('a'), scene('b')]), s.setCurrent(1), s.remove(1)),
			expected: { names: ['a'], current: 0 }
		},
		{
			title: 'current is clamped to the list',
			input: (s: Scenes) => (s.set([scene('a')]), s.setCurrent(7)),
			expected: { names: ['a'], current: 0 }
		}
	];
	it.each(STEPS)('$title', ({ input, expected }) => {
		const s = new Scenes();
		input(s);
		expect({ names: s.list.map((x) => x.name), current: s.current }).toEqual(expected);
	});
	it('present mode is switched by its method', () => {
		const s = new Scenes();
		s.setPresenting(true);
		expect(s.presenting).toBe(true);
	});
});

describe('ViewState', () => {
	it('starts at the initial view; a link view opens there', () => {
		const v = new ViewState();
		expect([v.view, v.fromLink]).toEqual([INITIAL_VIEW, false]);
		v.openAtLinkedView({ longitude: 4, latitude: 50, zoom: 7 });
		expect([v.view, v.fromLink]).toEqual([{ longitude: 4, latitude: 50, zoom: 7 }, true]);
	});
	it('switches one layer without touching the others, and a new object each time', () => {
		const v = new ViewState();
		const before = v.layers;
		v.setLayerVisible('routes', false);
		expect(v.layers).toEqual({ heat: true, labels: true, routes: false, plots: true });
		expect(v.layers).not.toBe(before);
	});
	it('numbers fly requests so the same place twice is two flights', () => {
		const v = new ViewState();
		v.flyTo(INITIAL_VIEW);
		v.flyTo(INITIAL_VIEW);
		expect(v.flyRequest?.id).toBe(2);
	});
	it('collects link notes until dismissed', () => {
		const v = new ViewState();
		v.setUrlNotes(['a']);
		v.addUrlNotes(['b']);
		expect(v.urlNotes).toEqual(['a', 'b']);
		v.dismissUrlNotes();
		expect(v.urlNotes).toEqual([]);
	});
	it('resolves frame waiters on the next deck frame', async () => {
		const v = new ViewState();
		const frame = v.nextDeckFrame();
		v.deckFrameDrawn();
		await expect(frame).resolves.toBeUndefined();
	});
});

describe('SavedWorkStatus', () => {
	it('a save clears an earlier error; a failure keeps the last save time', () => {
		const s = new SavedWorkStatus();
		s.failed('full');
		s.saved('2026-01-01T00:00:00Z');
		expect([s.savedAt, s.error]).toEqual(['2026-01-01T00:00:00Z', null]);
		s.failed('full');
		expect([s.savedAt, s.error]).toEqual(['2026-01-01T00:00:00Z', 'full']);
	});
	it('saving is off until the saver starts', () => {
		const s = new SavedWorkStatus();
		expect(s.active).toBe(false);
		s.activate();
		expect(s.active).toBe(true);
	});
});

describe('Routes', () => {
	const data = { routes: [{ id: 'a' }, { id: 'b' }] } as unknown as RouteCollection;
	const STEPS = [
		{ title: 'all by default', input: [] as [string, boolean][], expected: { visible: null, a: true, b: true } },
		{ title: 'one hidden', input: [['a', false]] as [string, boolean][], expected: { visible: ['b'], a: false, b: true } },
		{
			title: 'hidden and shown again is all',
			input: [
				['a', false],
				['a', true]
			] as [string, boolean][],
			expected: { visible: null, a: true, b: true }
		}
	];
	it.each(STEPS)('$title', ({ input, expected }) => {
		const r = new Routes(new Timeline());
		r.setData(data);
		for (const [id, on] of input) r.setVisible(id, on);
		expect({ visible: r.visible, a: r.isVisible('a'), b: r.isVisible('b') }).toEqual(expected);
	});
	it("the figures' year follows the timeline, clamped to 2014-2016", () => {
		const t = new Timeline();
		const r = new Routes(t);
		t.setTime(400);
		expect(r.year).toBe(2015);
		t.setTime(0);
		expect(r.year).toBe(2014);
	});
});
