/**
 * The fixtures every browser test uses. The page fixture fails the test on any uncaught page error, any
 * console error, and any request that leaves 127.0.0.1 (those are also aborted, so nothing leaks
 * meanwhile). The browser fixture records a Chromium net log of the whole worker's run, so what the
 * browser process itself sends is watched too, not only the page's requests; the worker fails at its
 * end if anything connected off the machine.
 */
import { test as base, expect, chromium, type Browser, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH, isLocal, readNetLog } from './chromium';
import './hooks';

export interface Watch {
	pageErrors: string[];
	consoleErrors: string[];
	offsiteRequests: string[];
	/** Console errors a test provokes on purpose (a hostile file, a lost context) are matched here. */
	allowConsole: RegExp[];
}

export const test = base.extend<{ watch: Watch }, { browser: Browser }>({
	browser: [
		// eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this destructuring; it needs none, and requires the pattern
		async ({}, use, workerInfo) => {
			const dir = join(workerInfo.project.outputDir, 'netlogs');
			mkdirSync(dir, { recursive: true });
			const netLog = join(dir, `worker-${workerInfo.workerIndex}.json`);
			const browser = await launchWithNetLog(netLog);
			await use(browser);
			await browser.close();
			expectOnlyLoopback(netLog);
		},
		{ scope: 'worker' }
	],
	watch: async ({ context, page }, use) => {
		const watch: Watch = { pageErrors: [], consoleErrors: [], offsiteRequests: [], allowConsole: [] };
		await context.route('**/*', (route) => {
			const url = route.request().url();
			if (isLocal(url)) return route.continue();
			watch.offsiteRequests.push(url);
			return route.abort('blockedbyclient');
		});
		context.on('request', (r) => {
			if (!isLocal(r.url())) watch.offsiteRequests.push(r.url());
		});
		page.on('pageerror', (e) => watch.pageErrors.push(String(e)));
		page.on('console', (m) => {
			if (m.type() !== 'error') return;
			const text = m.text();
			if (!watch.allowConsole.some((re) => re.test(text))) watch.consoleErrors.push(text);
		});
		await use(watch);
		expect(watch.pageErrors, 'uncaught page errors').toEqual([]);
		expect(watch.consoleErrors, 'console errors').toEqual([]);
		expect([...new Set(watch.offsiteRequests)], 'requests that left 127.0.0.1').toEqual([]);
	}
});

export { expect };

/** Debian's Chromium, writing a net log of every connection it makes (pages and browser process) to `file`. */
export function launchWithNetLog(file: string): Promise<Browser> {
	return chromium.launch({
		executablePath: CHROMIUM_PATH,
		args: [...CHROMIUM_ARGS, `--log-net-log=${file}`, '--net-log-capture-mode=Default']
	});
}

/** Fails unless the net log (of a closed browser) recorded loopback traffic and nothing off this machine. */
export function expectOnlyLoopback(file: string): ReturnType<typeof readNetLog> {
	const traffic = readNetLog(file);
	expect(traffic.loopbackConnects, `the net log ${file} recorded the pages`).toBeGreaterThan(0);
	expect(traffic.offsiteConnects, `TCP connections off this machine (net log ${file})`).toEqual([]);
	expect(traffic.offsiteDatagrams, `UDP datagrams sent off this machine (net log ${file})`).toEqual([]);
	return traffic;
}

/** Opens the dashboard and waits for its first complete view: heat, names, routes and plots drawn, the panels loaded. */
export async function openDashboard(page: Page, query = ''): Promise<void> {
	await page.goto(`/${query}`);
	// Generous: on a machine shared by several test runs the first frame has taken 48 s (software GL).
	await page.waitForFunction(() => window.__atlas?.heatDrawn === true, null, {
		timeout: 150_000
	});
	// Then the first complete view, as a user gets it: names, routes and plots drawn (MapLibre links their
	// programs between frames, so they come a few frames after the heat), and the panels loaded.
	await page.waitForFunction(() => performance.getEntriesByName('atlas:complete-frame').length > 0, null, { timeout: 150_000 });
	await expect(page.locator('#controls')).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
}

/** Waits until MapLibre has drawn the current style and has nothing left to load (a repaint is asked for, so it comes). */
export async function mapIdle(page: Page): Promise<void> {
	await page.evaluate(
		() =>
			new Promise<void>((resolve) => {
				const map = window.__atlas!.map;
				map.once('idle', () => resolve());
				map.triggerRepaint();
			})
	);
}

/**
 * Shows or hides a map layer and waits until the screen shows it so: deck's next frame for the heat
 * (deck draws one when its layers change, also to clear them), then MapLibre's next idle for the
 * names, routes and plots (and the hometown counts, which follow the heat). A signal, not a sleep,
 * so a picture taken after it is of the new state.
 */
export async function setLayerDrawn(page: Page, id: 'heat' | 'labels' | 'routes' | 'plots', visible: boolean): Promise<void> {
	await page.evaluate(
		async ([id, visible]) => {
			const view = window.__atlasState!.view;
			if (view.layers[id] === visible) return;
			const deckFrame = id === 'heat' ? view.nextDeckFrame() : Promise.resolve();
			view.setLayerVisible(id, visible);
			await deckFrame;
		},
		[id, visible] as const
	);
	await mapIdle(page);
}

/** Waits for `n` animation frames in the page: a count of frames drawn, not a time. */
export async function animationFrames(page: Page, n: number): Promise<void> {
	await page.evaluate(
		(n) =>
			new Promise<void>((done) => {
				let i = 0;
				const step = () => (++i >= n ? done() : requestAnimationFrame(step));
				requestAnimationFrame(step);
			}),
		n
	);
}

/** Screen position of a longitude/latitude on the dashboard's map. */
export async function project(page: Page, lngLat: [number, number]): Promise<{ x: number; y: number }> {
	return page.evaluate((ll) => window.__atlas!.project(ll), lngLat);
}

/** Mean RGB of a square of the page around (x, y), read from a screenshot. */
export async function meanColor(page: Page, x: number, y: number, half = 6): Promise<[number, number, number]> {
	const png = PNG.sync.read(await page.screenshot({ clip: { x: x - half, y: y - half, width: half * 2, height: half * 2 } }));
	let r = 0,
		g = 0,
		b = 0;
	const n = png.width * png.height;
	for (let i = 0; i < png.data.length; i += 4) {
		r += png.data[i]!;
		g += png.data[i + 1]!;
		b += png.data[i + 2]!;
	}
	return [r / n, g / n, b / n];
}

export function colorDistance(a: number[], b: number[]): number {
	return Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);
}

/** Makes the page's browser report no WebGL at all, as locked-down laptops and some remote desktops do. */
export async function withoutWebGL(page: Page): Promise<void> {
	await page.addInitScript(() => {
		const original = HTMLCanvasElement.prototype.getContext;
		HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
			if (type === 'webgl2' || type === 'webgl') return null;
			return (original as (...a: unknown[]) => unknown).call(this, type, ...rest);
		} as typeof original;
	});
}
