import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';
import { assertChromium } from './tests/e2e/chromium';

assertChromium();
// The tests drive the test build (npm run build:test): the product build has no test hooks.
if (!existsSync('.svelte-kit-test/output/client')) {
	throw new Error(
		'No test build: run `npm run build:test` first (the browser tests need its hooks; `npm run build` makes the product build).'
	);
}
const PORT = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.spec.ts',
	timeout: Number(process.env.E2E_TIMEOUT ?? 60_000),
	expect: { timeout: 15_000 },
	// Software WebGL is CPU-bound: two workers on two cores, no more.
	workers: Number(process.env.E2E_WORKERS ?? 2),
	fullyParallel: true,
	forbidOnly: !!process.env.CI,
	retries: 0,
	reporter: [['list']],
	outputDir: 'test-results',
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		viewport: { width: 1280, height: 800 },
		timezoneId: 'UTC',
		locale: 'en-GB'
		// The browser is launched by tests/e2e/fixtures.ts (Debian's Chromium, with a net log per worker).
	},
	webServer: {
		// A fresh server every run: `vite preview` serves stale hashed files after a rebuild.
		command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
		env: { ATLAS_TEST_BUILD: '1' },
		url: `http://127.0.0.1:${PORT}/`,
		reuseExistingServer: false,
		timeout: 60_000
	}
});
