/**
 * The map on locked-down laptops and projectors: WebGL can be missing, or lost mid-talk (GPU reset,
 * driver update, sleep). A lost context comes back without a reload and without losing the view or the date.
 */
import type { Page } from '@playwright/test';
import { test, expect, openDashboard, project, meanColor, colorDistance, withoutWebGL, mapIdle } from './fixtures';

type Which = 'map' | 'deck';

/** Loses (or restores) the WebGL context of MapLibre's canvas or deck's, as a GPU reset would. */
async function context(page: Page, which: Which, action: 'loseContext' | 'restoreContext'): Promise<void> {
	await page.evaluate(
		([which, action]) => {
			const atlas = window.__atlas!;
			const mapCanvas = atlas.map.getCanvas();
			const canvas =
				which === 'map' ? mapCanvas : [...document.querySelectorAll('[data-testid="map"] canvas')].find((c) => c !== mapCanvas);
			if (!(canvas instanceof HTMLCanvasElement)) throw new Error(`no ${which} canvas`);
			// getContext returns the canvas's existing context. A lost context hands out no extensions,
			// so the one used to lose it is kept to restore it.
			const kept = (window.__lose ??= {});
			kept[which] ??= canvas.getContext('webgl2')?.getExtension('WEBGL_lose_context') ?? null;
			if (!kept[which]) throw new Error('WEBGL_lose_context is not available');
			kept[which][action]();
		},
		[which, action] as const
	);
}

async function snapshot(page: Page) {
	return page.evaluate(() => {
		const s = window.__atlasState!;
		const a = window.__atlas!;
		const c = a.map.getCenter();
		return {
			view: { ...s.view.view },
			time: s.timeline.time,
			mode: s.timeline.mode,
			center: [c.lng, c.lat],
			zoom: a.map.getZoom(),
			marker: window.__noReload
		};
	});
}

/**
 * Waits until MapLibre has drawn the view to its last tile: the place names and their dots are shown
 * after the first heat frame and arrive later, so a colour sampled before that is not the settled map.
 */

const frames = (page: Page) => page.evaluate(() => window.__atlas!.frames);

test.describe('lost WebGL context', () => {
	test('deck loses its context: the heat comes back without a reload, view and date unchanged', async ({ page }) => {
		await openDashboard(page, '?v=4.35,50.85,5');
		// A date inside the timeline that still shows Brussels' members (set as the timeline would).
		await page.evaluate(() => {
			window.__noReload = true;
			const s = window.__atlasState!.timeline;
			s.setTime(s.time - 10);
		});
		await mapIdle(page);
		const brussels = await project(page, [4.35, 50.85]);
		const before = { state: await snapshot(page), color: await meanColor(page, brussels.x, brussels.y) };

		await context(page, 'deck', 'loseContext');
		await expect
			.poll(
				async () => colorDistance(await meanColor(page, brussels.x, brussels.y), before.color),
				'the lost context really took the heat away'
			)
			.toBeGreaterThan(40);

		const framesWhileLost = await frames(page);
		await context(page, 'deck', 'restoreContext');
		await page.waitForFunction(() => window.__atlas!.deckRestores() === 1);
		await expect.poll(() => frames(page), 'the new overlay draws').toBeGreaterThan(framesWhileLost);
		await expect
			.poll(async () => colorDistance(await meanColor(page, brussels.x, brussels.y), before.color), 'heat drawn again')
			.toBeLessThan(12);
		expect(await snapshot(page)).toEqual(before.state);
	});

	test('MapLibre loses its context: the basemap comes back, heat and state unchanged', async ({ page }) => {
		await openDashboard(page, '?v=4.35,50.85,5');
		await page.evaluate(() => (window.__noReload = true));
		const brussels = await project(page, [4.35, 50.85]);
		// Open North Sea off the Frisian coast: basemap only (no heat, label or panel over it at this view),
		// so the page's white shows there while MapLibre's canvas is lost.
		const sea = await project(page, [5.5, 54.5]);
		await mapIdle(page);
		const before = {
			state: await snapshot(page),
			heat: await meanColor(page, brussels.x, brussels.y),
			sea: await meanColor(page, sea.x, sea.y)
		};

		await context(page, 'map', 'loseContext');
		await expect
			.poll(async () => colorDistance(await meanColor(page, sea.x, sea.y), before.sea), 'the lost context really took the basemap away')
			.toBeGreaterThan(24);
		await context(page, 'map', 'restoreContext');
		await mapIdle(page);
		await expect
			.poll(async () => colorDistance(await meanColor(page, sea.x, sea.y), before.sea), 'the North Sea is drawn again')
			.toBeLessThan(12);
		expect(colorDistance(await meanColor(page, brussels.x, brussels.y), before.heat), 'heat still drawn').toBeLessThan(12);
		expect(await snapshot(page)).toEqual(before.state);
	});
});

test('the first heat frame is drawn at the map size, and deck never resizes its canvas, from its birth on', async ({ page }) => {
	// A resize of a WebGL canvas waits for all the GPU work queued before it: deck's canvas must have
	// its size before its first frame (docs/ARCHITECTURE.md, "Start-up without a freeze").
	await page.addInitScript(() => {
		// From the canvas's birth: a canvas out of the page measures 0x0 to luma.gl, which then shrinks its buffer.
		window.__deckResizesFromBirth = 0;
		new MutationObserver(() => {
			const deck = document.getElementById('deckgl-overlay');
			if (!deck || deck.dataset.watched) return;
			deck.dataset.watched = '1';
			new MutationObserver((records) => (window.__deckResizesFromBirth! += records.length)).observe(deck, {
				attributeFilter: ['width', 'height']
			});
		}).observe(document, { childList: true, subtree: true });
		const mark = performance.mark.bind(performance);
		performance.mark = ((name: string, options?: PerformanceMarkOptions) => {
			if (name === 'atlas:heat-drawn') {
				const deck = document.getElementById('deckgl-overlay') as HTMLCanvasElement;
				const map = document.querySelector('canvas.maplibregl-canvas') as HTMLCanvasElement;
				window.__firstHeat = { deck: [deck.width, deck.height], map: [map.clientWidth, map.clientHeight] };
				window.__deckResizes = 0;
				new MutationObserver((records) => (window.__deckResizes! += records.length)).observe(deck, {
					attributeFilter: ['width', 'height']
				});
			}
			return mark(name, options);
		}) as typeof performance.mark;
	});
	await openDashboard(page);
	await mapIdle(page);
	const first = await page.evaluate(() => window.__firstHeat!);
	expect(first.map[0]).toBeGreaterThan(300);
	expect(first.deck).toEqual(first.map);
	expect(await page.evaluate(() => window.__deckResizes)).toBe(0);
	expect(await page.evaluate(() => window.__deckResizesFromBirth)).toBe(0);
});

test('MapLibre links no program inside a frame: at start, zoomed into Brussels, and after its context comes back', async ({ page }) => {
	// A program linked inside a frame waits for every draw queued before it in the GPU process: the
	// start-up freeze (docs/ARCHITECTURE.md, "Start-up without a freeze"). The gate links them between frames.
	const gate = () =>
		page.evaluate(() => {
			const g = window.__atlas!.programGate!;
			return { working: g.working, inside: g.linkedInside, outside: g.linkedOutside, pending: g.pending };
		});
	await openDashboard(page);
	await mapIdle(page);
	const start = await gate();
	// working: the gate's cache key is MapLibre's (a MapLibre upgrade that changes it fails here).
	expect(start).toMatchObject({ working: true, inside: 0, pending: 0 });
	// Names, routes, plots, basemap: each kind of layer has its program.
	expect(start.outside).toBeGreaterThan(8);
	// Idle means every program is linked: the names are drawn, not a stand-in.
	expect(await page.evaluate(() => window.__atlas!.map.queryRenderedFeatures().some((f) => f.layer.type === 'symbol'))).toBe(true);

	await page.evaluate(() => window.__atlas!.map.jumpTo({ center: [4.35, 50.85], zoom: 11 }));
	await mapIdle(page);
	const zoomed = await gate();
	expect(zoomed).toMatchObject({ working: true, inside: 0, pending: 0 });

	await context(page, 'map', 'loseContext');
	await context(page, 'map', 'restoreContext');
	await mapIdle(page);
	const restored = await gate();
	expect(restored).toMatchObject({ working: true, inside: 0, pending: 0 });
	// The new context links its programs anew, through the gate.
	expect(restored.outside).toBeGreaterThan(zoomed.outside);
});

test('without WebGL2 the page explains why, and the hotspot table still works', async ({ page }) => {
	await withoutWebGL(page);
	await page.goto('/');
	await expect(page.getByTestId('webgl-missing')).toContainText('WebGL2');
	await expect(page.getByTestId('legend')).toContainText(/[1-9]\d*/);
	// The analyst's table needs no map: counts by town, metro area and country, sortable.
	const table = page.getByTestId('hotspot-table');
	await expect(table.locator('tbody tr').first()).toBeVisible({ timeout: 30_000 });
	// The table fills in as the demo data arrives: wait for it rather than count the first render.
	await expect.poll(() => table.locator('tbody tr').count(), { timeout: 30_000 }).toBeGreaterThan(3);
	const towns = await table.locator('tbody tr').count();
	await page.getByTestId('hotspot-level-country').check();
	await expect.poll(() => table.locator('tbody tr').count()).toBeLessThan(towns);
	await page.getByTestId('hotspot-sort-count').click();
	await expect(table.locator('tbody tr').first()).toBeVisible();
});
