import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { bundleModules } from './scripts/bundle-modules-plugin.js';
import { stripWgsl } from './scripts/strip-wgsl-plugin.js';

/**
 * ATLAS_TEST_BUILD=1 (npm run build:test) makes the build the browser tests and benchmarks drive: it
 * exposes the test hooks (src/lib/test-hooks.ts) and goes to its own output (svelte.config.js), so the
 * product build (npm run build, npm start, the bundle-size check) never carries them.
 */
const testBuild = process.env.ATLAS_TEST_BUILD === '1';

export default defineConfig({
	plugins: [sveltekit(), stripWgsl(), bundleModules()],
	define: { __ATLAS_TEST_HOOKS__: JSON.stringify(testBuild) },
	// Module workers (every worker is started with type 'module'): a worker's dynamic imports stay
	// chunks of their own, loaded only when used (the import worker's Parquet, Arrow and workbook
	// readers: docs/ARCHITECTURE.md, "Files as they come"), instead of being inlined into the worker.
	worker: { format: 'es' },
	server: { host: '127.0.0.1' },
	preview: { host: '127.0.0.1' },
	test: {
		include: ['tests/unit/**/*.test.ts'],
		setupFiles: ['tests/unit/fuzz-seed.ts'],
		environment: 'node'
	}
});
