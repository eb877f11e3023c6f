/**
 * Phones, tablets and projectors: the map comes first at a usable size, the controls wait in a sheet
 * over it on small screens, the timeline fits, everything a finger presses is at least 44 px, and
 * pinch and drag work on the map and the timeline. Each size leaves a screenshot in
 * test-results/screens/ for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, openDashboard } from './fixtures';

/**
 * Opens the dashboard and waits for its first heat frame. Patient: on a loaded 2-core machine the
 * software-GL start-up alone has taken 26 s at 1280 x 800, more on big screens.
 */
test.describe.configure({ timeout: 300_000 });

const SHOTS = 'test-results/screens';
mkdirSync(SHOTS, { recursive: true });

const zoomOf = (page: Page) => page.evaluate(() => window.__atlasState!.view.view.zoom);
const timeOf = (page: Page) => page.evaluate(() => window.__atlasState!.timeline.time);
const viewOf = (page: Page) => page.evaluate(() => ({ ...window.__atlasState!.view.view }));

async function box(page: Page, testIdOrSelector: string) {
	const b = await page.locator(testIdOrSelector).first().boundingBox();
	expect(b, `${testIdOrSelector} is laid out`).not.toBeNull();
	return b!;
}

/** Visible things a finger presses that are smaller than 44 x 44 px (checkboxes and radios by their label). */
function smallTargets(page: Page, within: string) {
	return page.evaluate((selector) => {
		const root = document.querySelector(selector)!;
		const targets = [
			...root.querySelectorAll<HTMLElement>('button, select, summary, label:has(> input[type=checkbox]), label:has(> input[type=radio])')
		].filter((el) => !el.matches('.marker, .maplibregl-ctrl-attrib-button') && el.checkVisibility({ visibilityProperty: true }));
		return targets
			.map((el) => ({ el, r: el.getBoundingClientRect() }))
			.filter(({ r }) => r.width > 0 && (r.width < 44 || r.height < 44))
			.map(
				({ el, r }) =>
					`${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 30)}" ${Math.round(r.width)}x${Math.round(r.height)}`
			);
	}, within);
}

/** Two fingers on the map, moving apart (a pinch out) or together, through Chromium's touch input. */
async function pinch(page: Page, center: { x: number; y: number }, from: number, to: number) {
	const cdp = await page.context().newCDPSession(page);
	const points = (d: number) => [
		{ x: center.x - d, y: center.y, id: 0 },
		{ x: center.x + d, y: center.y, id: 1 }
	];
	await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: points(from) });
	for (let i = 1; i <= 10; i++)
		await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: points(from + ((to - from) * i) / 10) });
	await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
	await cdp.detach();
}

/** One finger from `a` to `b`. */
async function swipe(page: Page, a: { x: number; y: number }, b: { x: number; y: number }) {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ ...a, id: 0 }] });
	for (let i = 1; i <= 10; i++)
		await cdp.send('Input.dispatchTouchEvent', {
			type: 'touchMove',
			touchPoints: [{ x: a.x + ((b.x - a.x) * i) / 10, y: a.y + ((b.y - a.y) * i) / 10, id: 0 }]
		});
	await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
	await cdp.detach();
}

/**
 * The findings strip over the map, folded as it starts: no wider than its button (a folded strip as
 * wide as the open one was a pale bar over the map's north-west); open, it grows to show its sentences.
 */
async function foldedFindingsIsItsButton(page: Page, press: (locator: ReturnType<Page['locator']>) => Promise<void>) {
	const strip = page.getByTestId('findings');
	await expect(strip).toBeVisible();
	const button = strip.locator('button.fold');
	await expect(button).toHaveAttribute('aria-expanded', 'false');
	const folded = await box(page, '[data-testid="findings"]');
	const fold = await box(page, '[data-testid="findings"] button.fold');
	const padding = await strip.evaluate((el) => {
		const css = getComputedStyle(el);
		return [css.paddingLeft, css.paddingRight, css.borderLeftWidth, css.borderRightWidth].reduce((a, v) => a + parseFloat(v), 0);
	});
	expect(folded.width, 'the folded strip is its button and its padding').toBeLessThanOrEqual(fold.width + padding + 1);
	await press(button);
	await expect(button).toHaveAttribute('aria-expanded', 'true');
	expect((await box(page, '[data-testid="findings"]')).width, 'open, the strip is wider than its button').toBeGreaterThan(fold.width + 60);
	await press(button);
	await expect(button).toHaveAttribute('aria-expanded', 'false');
}

const TOUCH_SCREENS = [
	{ name: 'phone', width: 390, height: 844, isMobile: true },
	{ name: 'tablet', width: 768, height: 1024, isMobile: true }
];

for (const screen of TOUCH_SCREENS) {
	test.describe(`${screen.name} ${screen.width}x${screen.height}`, () => {
		test.use({ viewport: { width: screen.width, height: screen.height }, hasTouch: true, isMobile: screen.isMobile });

		test('the map comes first; the controls slide over it in a sheet; targets take a finger', async ({ page }) => {
			await openDashboard(page);
			await page.screenshot({ path: `${SHOTS}/${screen.name}.png` });
			const map = await box(page, '[data-testid="map"]');
			expect(map.width, 'the map takes the full width').toBeGreaterThanOrEqual(screen.width - 1);
			expect(map.height, 'the map takes at least half the height').toBeGreaterThanOrEqual(screen.height / 2);
			const timeline = await box(page, 'section.timeline');
			expect(timeline.y + timeline.height, 'the timeline is not cut off').toBeLessThanOrEqual(screen.height + 1);
			expect(await page.evaluate(() => document.documentElement.scrollWidth), 'nothing runs off the side').toBeLessThanOrEqual(
				screen.width
			);
			await expect(page.getByTestId('synthetic-banner')).toBeVisible();
			await expect(page.getByTestId('legend-synthetic')).toBeVisible();
			await expect(page.locator('#controls')).toBeHidden();
			expect(await smallTargets(page, '.dashboard'), 'targets under 44 px with the sheet closed').toEqual([]);
			// The attribution's button is MapLibre's own round icon: stretched to a finger's height it showed its icon twice.
			const attribution = await box(page, '.maplibregl-ctrl-attrib-button');
			expect(attribution.height, 'the attribution button is one icon tall').toBe(attribution.width);

			// The legend leaves the map to the heat: folded, at most a sixth of the map; "More" opens its notes and tuning.
			const legend = await box(page, '[data-testid="legend"]');
			expect(legend.width * legend.height, 'the folded legend covers at most a sixth of the map').toBeLessThanOrEqual(
				(map.width * map.height) / 6
			);
			await expect(page.getByTestId('kernel-toggle')).toBeHidden();
			await page.getByTestId('legend-more').tap();
			await expect(page.getByTestId('kernel-toggle')).toBeVisible();
			await expect(page.getByTestId('heat-scale-note')).toBeVisible();
			await page.getByTestId('legend-more').tap();
			await expect(page.getByTestId('kernel-toggle')).toBeHidden();

			await foldedFindingsIsItsButton(page, (locator) => locator.tap());

			await page.getByTestId('controls-toggle').tap();
			const sheet = page.locator('#controls');
			await expect(sheet).toBeVisible();
			// Settled when its bottom edge is the screen's (it slides up from below).
			await expect.poll(async () => Math.round((await sheet.boundingBox())!.y + (await sheet.boundingBox())!.height)).toBe(screen.height);
			const open = (await sheet.boundingBox())!;
			expect(open.width).toBeGreaterThanOrEqual(screen.width - 1);
			expect(open.y, 'the sheet leaves the top of the map in view').toBeGreaterThan(map.y + 60);
			expect((await box(page, '[data-testid="map"]')).height, 'the map keeps its size under the sheet').toBe(map.height);
			await page.screenshot({ path: `${SHOTS}/${screen.name}-controls.png` });
			expect(await smallTargets(page, '#controls'), 'targets under 44 px in the sheet').toEqual([]);
			await page.getByTestId('controls-toggle').tap();
			await expect(sheet).toBeHidden();
		});

		test('pinch zooms the map, one finger pans it, a finger drags the timeline', async ({ page }) => {
			await openDashboard(page);
			const map = await box(page, '[data-testid="map"]');
			const center = { x: map.x + map.width / 2, y: map.y + map.height / 2 };
			const before = await zoomOf(page);
			await pinch(page, center, 40, 140);
			await expect.poll(() => zoomOf(page), 'pinching out zooms in').toBeGreaterThan(before + 0.5);

			const view = await viewOf(page);
			await swipe(page, center, { x: center.x - 120, y: center.y + 40 });
			await expect.poll(() => viewOf(page), 'a swipe pans').not.toEqual(view);

			const track = await box(page, '.track');
			const start = await timeOf(page);
			await swipe(
				page,
				{ x: track.x + track.width - 4, y: track.y + track.height / 2 },
				{ x: track.x + track.width * 0.3, y: track.y + track.height / 2 }
			);
			await expect.poll(() => timeOf(page), 'dragging the timeline moves the date back').toBeLessThan(start - 200);
		});
	});
}

test('until the panels have loaded, the controls column says so instead of standing empty', async ({ page }) => {
	// Every change of the column is recorded from the page's first script: while it is busy it must show
	// the loading status, and once it is not, the status must be gone.
	await page.addInitScript(() => {
		const seen: { busy: boolean; status: boolean; panels: number }[] = [];
		(window as unknown as { __controlsSeen: typeof seen }).__controlsSeen = seen;
		const record = () => {
			const aside = document.getElementById('controls');
			if (!aside) return;
			seen.push({
				busy: aside.getAttribute('aria-busy') === 'true',
				status: !!aside.querySelector('[data-testid="panels-loading"]'),
				panels: aside.children.length
			});
		};
		new MutationObserver(record).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-busy'] });
	});
	await openDashboard(page);
	const seen = await page.evaluate(
		() => (window as unknown as { __controlsSeen: { busy: boolean; status: boolean; panels: number }[] }).__controlsSeen
	);
	expect(
		seen.some((s) => s.busy),
		'the column was seen loading'
	).toBe(true);
	expect(
		seen.filter((s) => s.busy && !s.status),
		'busy without the loading status'
	).toEqual([]);
	await expect(page.getByTestId('panels-loading')).toHaveCount(0);
	expect(seen.at(-1)).toMatchObject({ busy: false, status: false });
});

const WIDE_SCREENS = [
	{ name: 'desktop-1920', width: 1920, height: 1080 },
	{ name: 'projector-4k', width: 3840, height: 2160 }
];

for (const screen of WIDE_SCREENS) {
	test.describe(`${screen.name} ${screen.width}x${screen.height}`, () => {
		test.use({ viewport: { width: screen.width, height: screen.height } });

		test('the map, the controls beside it and the whole timeline', async ({ page }) => {
			await openDashboard(page);
			await page.screenshot({ path: `${SHOTS}/${screen.name}.png` });
			const map = await box(page, '[data-testid="map"]');
			const panel = await box(page, '#controls');
			expect(panel.x, 'the controls are beside the map, not over it').toBeGreaterThanOrEqual(map.x + map.width - 1);
			expect(map.height).toBeGreaterThanOrEqual(screen.height / 2);
			const timeline = await box(page, 'section.timeline');
			expect(timeline.y + timeline.height).toBeLessThanOrEqual(screen.height + 1);
			// Readable from the back of a room: the date is at least 1/40 of the screen's height.
			const date = await box(page, '[data-testid="current-date"]');
			expect(date.height).toBeGreaterThanOrEqual(screen.height / 40);
			await foldedFindingsIsItsButton(page, (locator) => locator.click());
		});
	});
}

test.describe('laptop 1280x800 at Brussels zoom 11', () => {
	test.use({ viewport: { width: 1280, height: 800 } });

	test('a link at town scale opens with the legend folded, uncovering the communes; "More" opens it over them', async ({ page }) => {
		await openDashboard(page, '?v=4.35,50.85,11');
		const more = page.getByTestId('legend-more');
		// Anderlecht's town hall: under the open legend's top right corner at this view.
		const anderlecht = () => page.evaluate(() => window.__atlas!.project([4.3099, 50.8366]));
		const covers = async () => {
			const b = await box(page, '[data-testid="legend"]');
			const p = await anderlecht();
			return p.x >= b.x && p.x <= b.x + b.width && p.y >= b.y && p.y <= b.y + b.height;
		};
		await expect(more).toHaveAttribute('aria-expanded', 'false');
		await expect(page.getByTestId('kernel-toggle')).toBeHidden();
		await expect(page.getByTestId('heat-scale-note')).toBeHidden();
		await expect(page.getByTestId('legend-count')).toBeVisible();
		await expect(page.getByTestId('legend-synthetic')).toBeVisible();
		expect(await covers(), 'folded, Anderlecht is in view').toBe(false);
		const folded = await box(page, '[data-testid="legend"]');
		await page.screenshot({ path: `${SHOTS}/laptop-brussels-legend-folded.png` });

		await more.click();
		await expect(more).toHaveAttribute('aria-expanded', 'true');
		await expect(page.getByTestId('kernel-toggle')).toBeVisible();
		await expect(page.getByTestId('heat-scale-note')).toBeVisible();
		const open = await box(page, '[data-testid="legend"]');
		expect(folded.height, 'folded, the legend is less than half as tall').toBeLessThan(open.height / 2);
		expect(folded.width, 'and narrower').toBeLessThan(open.width);
		expect(await covers(), 'open, the legend covers Anderlecht (what folding is for)').toBe(true);

		await more.click();
		await expect(page.getByTestId('kernel-toggle')).toBeHidden();
		expect(await covers()).toBe(false);
	});

	test('at the start view the legend opens in full', async ({ page }) => {
		await openDashboard(page);
		await expect(page.getByTestId('legend-more')).toHaveAttribute('aria-expanded', 'true');
		await expect(page.getByTestId('kernel-toggle')).toBeVisible();
	});
});
