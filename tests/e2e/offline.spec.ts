/**
 * Proof that nothing leaves the machine, counting the browser's own traffic too: a separate Chromium
 * records a net log of every connection attempt it makes while the dashboard loads and works.
 */
import { chromium } from '@playwright/test';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { test, expect, openDashboard } from './fixtures';

test('neither the page nor the browser process contacts any host but 127.0.0.1', async ({ baseURL }) => {
	const dir = mkdtempSync(join(tmpdir(), 'atlas-netlog-'));
	const netLog = join(dir, 'netlog.json');
	const browser = await chromium.launch({
		executablePath: CHROMIUM_PATH,
		args: [...CHROMIUM_ARGS, `--log-net-log=${netLog}`, '--net-log-capture-mode=Default']
	});
	const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
	const pageRequests: string[] = [];
	page.on('request', (r) => pageRequests.push(r.url()));
	await page.goto(baseURL!);
	await openDashboard(page);
	await page.mouse.move(640, 400);
	await page.mouse.wheel(0, -300);
	await page.waitForTimeout(1500);
	await browser.close();

	const log = readFileSync(netLog, 'utf8');
	const urls = [...log.matchAll(/"(?:url|host)":"([^"]+)"/g)].map((m) => m[1]!);
	const hosts = new Set(
		urls
			.map((u) => (/^[a-z]+:\/\//.test(u) ? new URL(u).hostname : u.split(':')[0]!))
			.filter((h) => h && h !== '127.0.0.1' && h !== 'localhost')
	);
	expect(urls.length, 'the net log recorded the page load').toBeGreaterThan(0);
	expect([...hosts], 'hosts the browser tried to reach').toEqual([]);
	expect(pageRequests.filter((u) => !u.startsWith('http://127.0.0.1') && !/^(data|blob):/.test(u))).toEqual([]);
});

test('without WebGL2 the page says so instead of showing a blank map', async ({ page }) => {
	await page.addInitScript(() => {
		const original = HTMLCanvasElement.prototype.getContext;
		HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
			if (type === 'webgl2' || type === 'webgl') return null;
			return (original as (...a: unknown[]) => unknown).call(this, type, ...rest);
		} as typeof original;
	});
	await page.goto('/');
	await expect(page.getByTestId('webgl-missing')).toContainText('WebGL2');
	await expect(page.getByTestId('legend')).toBeVisible();
});
