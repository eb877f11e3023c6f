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

	const traffic = readNetLog(netLog);
	test.info().annotations.push({ type: 'hosts the browser tried and could not resolve', description: traffic.attemptedHosts.join(', ') || 'none' });
	expect(traffic.loopbackConnects, 'the net log recorded the page load').toBeGreaterThan(0);
	expect(traffic.offsiteConnects, 'TCP connections to addresses off this machine').toEqual([]);
	expect(traffic.offsiteDatagrams, 'UDP datagrams sent off this machine').toEqual([]);
	expect(pageRequests.filter((u) => !u.startsWith('http://127.0.0.1') && !/^(data|blob):/.test(u))).toEqual([]);
});


/**
 * What a Chromium net log says left the machine. Chromium asks for a few Google hosts by itself; the
 * resolver rule makes them unresolvable, so they appear as attempts only. Its IPv6 reachability probe
 * connect()s a UDP socket to a public address without sending anything: a connect without bytes.
 */
function readNetLog(file: string) {
	const log = JSON.parse(readFileSync(file, 'utf8')) as {
		constants: { logEventTypes: Record<string, number> };
		events: { type: number; params?: Record<string, unknown> }[];
	};
	const typeName = Object.fromEntries(Object.entries(log.constants.logEventTypes).map(([k, v]) => [v, k]));
	const isLoopback = (address: string) => /^(127\.0\.0\.1|\[::1\]):/.test(address);
	const offsiteConnects: string[] = [];
	const offsiteDatagrams: string[] = [];
	const attemptedHosts = new Set<string>();
	let loopbackConnects = 0;
	for (const event of log.events) {
		const type = typeName[event.type] ?? '';
		const address = typeof event.params?.address === 'string' ? event.params.address : '';
		if ((type === 'TCP_CONNECT_ATTEMPT' || type === 'TCP_CONNECT') && address) {
			if (isLoopback(address)) loopbackConnects++;
			else offsiteConnects.push(address);
		}
		if ((type === 'UDP_BYTES_SENT' || type === 'UDP_SEND_ERROR') && address && !isLoopback(address)) offsiteDatagrams.push(address);
		const host = event.params?.host;
		if (type === 'HOST_RESOLVER_MANAGER_REQUEST' && typeof host === 'string' && !host.includes('127.0.0.1')) attemptedHosts.add(host);
	}
	return { loopbackConnects, offsiteConnects, offsiteDatagrams, attemptedHosts: [...attemptedHosts] };
}
