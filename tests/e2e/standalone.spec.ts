/**
 * A map that travels as one file: the exported HTML page is opened from disk (file://) in a browser
 * context with the network off and every request recorded; the heat, the routes, the legend with
 * the data label and the timeline must work with nothing fetched.
 */
import { join } from 'node:path';
import { statSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, meanColor, colorDistance, openDashboard } from './fixtures';

/**
 * Opens the dashboard and waits for its first heat frame. Patient: on a loaded 2-core machine the
 * software-GL start-up alone has taken 26 s at 1280 x 800, more on big screens.
 */
test.describe.configure({ timeout: 300_000 });

type ViewerWindow = {
	__viewer?: {
		ready: boolean;
		map: {
			project(ll: [number, number]): { x: number; y: number };
			setLayoutProperty(l: string, p: string, v: string): void;
			queryRenderedFeatures(o: object): unknown[];
			once(e: string, f: () => void): void;
			triggerRepaint(): void;
		};
	};
};

/** Resolves after the viewer's map has drawn everything it was asked to draw. */
const idle = (page: Page) =>
	page.evaluate(
		() =>
			new Promise<void>((done) => {
				const map = (window as unknown as ViewerWindow).__viewer!.map;
				map.once('idle', () => done());
				map.triggerRepaint();
			})
	);

test('the exported HTML map opens from disk with no network: heat, routes, legend, timeline', async ({ page, browser }, testInfo) => {
	await openDashboard(page, '?t=2015-11-13&k=0');
	await page.getByTestId('export-menu-button').click();
	await page.getByTestId('export-html').click();
	const size = page.getByTestId('export-html-size');
	await expect(size).toContainText(/Size: \d+(\.\d)? MB \(map viewer \(MapLibre\) .*basemap .*routes .*members \(\d+ points\)/);
	const reported = Number(/Size: ([\d.]+) MB/.exec((await size.textContent()) ?? '')?.[1] ?? 0);
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-html-save').click()]);
	const file = join(testInfo.outputDir, 'map.html');
	await download.saveAs(file);
	expect(download.suggestedFilename()).toMatch(/^hometown-atlas-synthetic-2015-11-13\.html$/);
	expect(Math.abs(statSync(file).size / 1048576 - reported), 'the size said before saving is the size saved').toBeLessThan(0.1);

	const offline = await browser.newContext({ offline: true, viewport: { width: 1280, height: 800 } });
	const requests: string[] = [];
	offline.on('request', (r) => {
		if (!/^(file|blob|data):/.test(r.url())) requests.push(r.url());
	});
	const viewer = await offline.newPage();
	const errors: string[] = [];
	viewer.on('pageerror', (e) => errors.push(String(e)));
	viewer.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
	await viewer.goto(`file://${file}`);
	await viewer.waitForFunction(() => (window as unknown as ViewerWindow).__viewer?.ready === true, null, { timeout: 120_000 });
	await viewer.screenshot({ path: join(testInfo.outputDir, 'viewer.png') });

	await expect(viewer.getByTestId('viewer-label').first()).toContainText('Synthetic demo data');
	await expect(viewer.getByTestId('viewer-legend')).toContainText('Synthetic demo data');
	await expect(viewer.getByTestId('viewer-date')).toHaveText('13 November 2015');
	await expect(viewer.getByTestId('viewer-count')).toContainText(/\d+ of \d+ members shown/);

	// The heat: Brussels' pixels change when the heat layer is hidden; the Atlantic's do not.
	const brussels = await viewer.evaluate(() => (window as unknown as ViewerWindow).__viewer!.map.project([4.35, 50.85]));
	const atlantic = await viewer.evaluate(() => (window as unknown as ViewerWindow).__viewer!.map.project([-13.5, 44]));
	const mapTop = (await viewer.getByTestId('viewer-map').boundingBox())!.y;
	const at = (p: { x: number; y: number }) => meanColor(viewer, p.x, p.y + mapTop);
	const withHeat = { brussels: await at(brussels), atlantic: await at(atlantic) };
	await viewer.evaluate(() => (window as unknown as ViewerWindow).__viewer!.map.setLayoutProperty('heat', 'visibility', 'none'));
	await idle(viewer);
	const bare = { brussels: await at(brussels), atlantic: await at(atlantic) };
	expect(colorDistance(withHeat.brussels, bare.brussels), 'heat over Brussels').toBeGreaterThan(40);
	expect(colorDistance(withHeat.atlantic, bare.atlantic), 'no heat over the empty Atlantic').toBeLessThan(3);
	await viewer.evaluate(() => (window as unknown as ViewerWindow).__viewer!.map.setLayoutProperty('heat', 'visibility', 'visible'));

	// Routes in use on 13 November 2015 are drawn.
	const routes = await viewer.evaluate(
		() => (window as unknown as ViewerWindow).__viewer!.map.queryRenderedFeatures({ layers: ['routes-land', 'routes-sea'] }).length
	);
	expect(routes).toBeGreaterThan(0);

	// The timeline: back to the start, then play; the date moves on.
	await viewer.getByTestId('viewer-slider').fill('0');
	await expect(viewer.getByTestId('viewer-date')).toHaveText('1 January 2014');
	await viewer.getByTestId('viewer-play').click();
	await expect(viewer.getByTestId('viewer-date')).not.toHaveText('1 January 2014');
	await expect(viewer.getByTestId('viewer-play')).toHaveAttribute('aria-label', 'Pause');

	expect(errors, 'errors in the exported page').toEqual([]);
	expect(requests, 'requests the exported page made').toEqual([]);
	await offline.close();
});
