/**
 * How every browser test and script launches Debian's Chromium. The resolver rule makes every host
 * but 127.0.0.1 unresolvable, so neither the page nor the browser process itself can reach out.
 * No --disable-features here: it would replace Playwright's own list (docs/ARCHITECTURE.md).
 */
import { existsSync, readFileSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
	'--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
	'--no-sandbox',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-quic',
	'--no-first-run',
	'--use-angle=swiftshader',
	'--enable-unsafe-swiftshader',
	'--ignore-gpu-blocklist'
];

export function assertChromium(): void {
	if (!existsSync(CHROMIUM_PATH)) {
		throw new Error(
			`Browser tests need Debian's Chromium at ${CHROMIUM_PATH}.\n` +
				`Install it with:  sudo apt-get update && sudo apt-get install -y chromium\n` +
				`(or point CHROMIUM_PATH at another Chromium binary).`
		);
	}
}

/** Whether a request URL stays on this machine's loopback origin. */
export function isLocal(url: string): boolean {
	if (url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('about:')) return true;
	try {
		const { hostname } = new URL(url);
		return hostname === '127.0.0.1';
	} catch {
		return false;
	}
}

/**
 * What a Chromium net log says left the machine. Chromium asks for a few Google hosts by itself; the
 * resolver rule makes them unresolvable, so they appear as attempts only. Its IPv6 reachability probe
 * connect()s a UDP socket to a public address without sending anything: a connect without bytes.
 */
export function readNetLog(file: string) {
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
