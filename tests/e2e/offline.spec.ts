/**
 * Proof that nothing leaves the machine, counting the browser's own traffic too: a separate Chromium
 * records a net log of every connection attempt it makes while the dashboard loads and works.
 */
import { chromium } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH, readNetLog } from './chromium';
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

	const traffic = readNetLog(netLog);
	test.info().annotations.push({ type: 'hosts the browser tried and could not resolve', description: traffic.attemptedHosts.join(', ') || 'none' });
	expect(traffic.loopbackConnects, 'the net log recorded the page load').toBeGreaterThan(0);
	expect(traffic.offsiteConnects, 'TCP connections to addresses off this machine').toEqual([]);
	expect(traffic.offsiteDatagrams, 'UDP datagrams sent off this machine').toEqual([]);
	expect(pageRequests.filter((u) => !u.startsWith('http://127.0.0.1') && !/^(data|blob):/.test(u))).toEqual([]);
});
