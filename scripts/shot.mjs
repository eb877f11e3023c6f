#!/usr/bin/env node
/**
 * Takes a screenshot of the built dashboard: `npm run shot [-- <out.png> [query]]`, e.g.
 * `npm run shot -- docs/screenshot-brussels.png '?v=4.35,50.85,11'` for the README's Brussels view.
 * Serves build/ with vite preview on 127.0.0.1, opens it in Debian's Chromium (no network), waits for
 * the heat map and writes docs/screenshot.png (the README's picture) unless told otherwise.
 */
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';

const out = process.argv[2] ?? 'docs/screenshot.png';
const query = process.argv[3] ?? '';
const port = Number(process.env.SHOT_PORT ?? 4179);
// The test build (npm run build:test): the script waits on its map hook for the heat to be drawn.
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
	env: { ...process.env, ATLAS_TEST_BUILD: '1' },
	stdio: 'ignore',
	detached: true
});
const { CHROMIUM_ARGS, CHROMIUM_PATH } = await import('../tests/e2e/chromium.ts');

try {
	for (let i = 0; ; i++) {
		try {
			if ((await fetch(`http://127.0.0.1:${port}/`)).ok) break;
		} catch {
			// Not listening yet: try again after the pause below.
		}
		if (i > 100) throw new Error('vite preview did not start');
		await new Promise((r) => setTimeout(r, 200));
	}
	const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
	const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
	page.on('pageerror', (e) => console.error('page error:', e));
	await page.goto(`http://127.0.0.1:${port}/${query}`);
	await page.waitForFunction(() => window.__atlas?.heatDrawn === true, null, { timeout: 60000 });
	// MapLibre draws the names, routes and markers: wait until every tile and label of the view is placed.
	await page.waitForFunction(() => window.__atlas.map.areTilesLoaded(), null, { timeout: 60000 });
	await page.evaluate(
		() =>
			new Promise((resolve) => {
				window.__atlas.map.once('idle', resolve);
				window.__atlas.map.triggerRepaint();
			})
	);
	await page.screenshot({ path: out });
	await browser.close();
	console.log(`screenshot: ${out}`);
} finally {
	process.kill(-server.pid);
}
