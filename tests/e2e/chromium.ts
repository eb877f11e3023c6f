/**
 * How every browser test and script launches Debian's Chromium. The resolver rule makes every host
 * but 127.0.0.1 unresolvable, so neither the page nor the browser process itself can reach out.
 * No --disable-features here: it would replace Playwright's own list (DESIGN.md).
 */
import { existsSync } from 'node:fs';

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
