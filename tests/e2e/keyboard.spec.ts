/**
 * Keyboard: skip links first, a labelled map canvas with a visible focus ring, and long lists (hotspot
 * rows, timeline markers) as one tab stop each with the arrow keys inside, so the date slider is a
 * few dozen Tab presses away instead of 150.
 */
import type { Page } from '@playwright/test';
import { test, expect, openDashboard } from './fixtures';

const active = (page: Page) =>
	page.evaluate(() => {
		const el = document.activeElement as HTMLElement | null;
		return { testid: el?.getAttribute('data-testid') ?? '', cls: el?.className ?? '', tag: el?.tagName ?? '' };
	});

test('skip links come first and reach the map, the timeline and the panels; the map canvas is labelled and shows focus', async ({
	page
}) => {
	await openDashboard(page);
	await page.keyboard.press('Tab');
	expect((await active(page)).testid).toBe('skip-map');
	await expect(page.getByTestId('skip-map')).toBeInViewport();
	await page.keyboard.press('Enter');
	const canvas = page.locator('.maplibregl-canvas');
	await expect(canvas).toBeFocused();
	await expect(canvas).toHaveAttribute('aria-label', /hometowns.*Arrow keys pan/);
	const ring = await canvas.evaluate((el) => {
		const s = getComputedStyle(el);
		return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
	});
	expect(ring.style).not.toBe('none');
	expect(ring.width).toBeGreaterThanOrEqual(2);

	// Back from the canvas: the third skip link, then the second.
	await page.keyboard.press('Shift+Tab');
	await page.keyboard.press('Shift+Tab');
	expect((await active(page)).testid).toBe('skip-timeline');
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('time-slider')).toBeFocused();

	await page.getByTestId('skip-panels').focus();
	await page.keyboard.press('Enter');
	await expect(page.locator('#controls')).toBeFocused();
});

test('hotspot rows and timeline markers are one tab stop each, with arrow keys inside; the slider is a few dozen presses away', async ({
	page
}) => {
	test.setTimeout(120_000);
	await openDashboard(page, '?t=2016-06-30');
	const rows = page.getByTestId('hotspot-table').locator('tbody button.place');
	await expect.poll(() => rows.count(), { timeout: 30_000 }).toBeGreaterThan(5);
	await expect(page.getByTestId('hotspot-table').locator('tbody button.place[tabindex="0"]')).toHaveCount(1);
	await expect(page.locator('button.marker[tabindex="0"]')).toHaveCount(1);

	// Arrow keys walk the rows; Tab leaves the table.
	await rows.first().focus();
	await page.keyboard.press('ArrowDown');
	await expect(rows.nth(1)).toBeFocused();
	await page.keyboard.press('End');
	await expect(rows.last()).toBeFocused();
	await page.keyboard.press('Home');
	await expect(rows.first()).toBeFocused();

	const markers = page.locator('button.marker');
	await markers.first().focus();
	await page.keyboard.press('ArrowRight');
	await expect(markers.nth(1)).toBeFocused();

	// From the first tab stop of the page (the first skip link) to the date slider.
	await page.getByTestId('skip-map').focus();
	let presses = 1;
	while (presses < 200) {
		await page.keyboard.press('Tab');
		presses++;
		if ((await active(page)).testid === 'time-slider') break;
	}
	console.log(`Tab presses to the date slider: ${presses} (rows: ${await rows.count()}, markers: ${await markers.count()})`);
	expect((await active(page)).testid, 'the slider was reached').toBe('time-slider');
	expect(presses).toBeGreaterThan(10);
	expect(presses).toBeLessThan(70);
});
