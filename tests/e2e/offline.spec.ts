/**
 * Proof that nothing leaves the machine, counting the browser's own traffic too: a separate Chromium
 * records a net log of every connection attempt it makes while the dashboard loads and works.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, expectOnlyLoopback, launchWithNetLog, openDashboard } from './fixtures';

test('neither the page nor the browser process contacts any host but 127.0.0.1', async ({ baseURL }) => {
	const dir = mkdtempSync(join(tmpdir(), 'atlas-netlog-'));
	const netLog = join(dir, 'netlog.json');
	const browser = await launchWithNetLog(netLog);
	const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
	const pageRequests: string[] = [];
	page.on('request', (r) => pageRequests.push(r.url()));
	await page.goto(baseURL!);
	await openDashboard(page);
	await page.mouse.move(640, 400);
	const zoom = () => page.evaluate(() => window.__atlas!.map.getZoom());
	const before = await zoom();
	await page.mouse.wheel(0, -300);
	await expect.poll(zoom, 'the wheel zoomed in').toBeGreaterThan(before);
	// The zoomed view's tiles, glyphs and images loaded and drawn: whatever it asks for has been asked.
	await page.evaluate(
		() =>
			new Promise<void>((resolve) => {
				const map = window.__atlas!.map;
				map.once('idle', () => resolve());
				map.triggerRepaint();
			})
	);
	await browser.close();

	const traffic = expectOnlyLoopback(netLog);
	test
		.info()
		.annotations.push({ type: 'hosts the browser tried and could not resolve', description: traffic.attemptedHosts.join(', ') || 'none' });
	expect(pageRequests.filter((u) => !u.startsWith('http://127.0.0.1') && !/^(data|blob):/.test(u))).toEqual([]);
});
