import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * The test build (ATLAS_TEST_BUILD=1: hooks for the browser tests and benchmarks, see
 * src/lib/test-hooks.ts) has its own output, so it never overwrites the product build and `vite
 * preview` with the same variable serves it.
 */
const testBuild = process.env.ATLAS_TEST_BUILD === '1';
const buildDir = process.env.BUILD_DIR ?? (testBuild ? 'build-test' : 'build');

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// BUILD_DIR and KIT_OUT_DIR let another build (the sub-folder test's) sit beside these two.
		adapter: adapter({ pages: buildDir, assets: buildDir, fallback: undefined, strict: true }),
		outDir: process.env.KIT_OUT_DIR ?? (testBuild ? '.svelte-kit-test' : '.svelte-kit'),
		// Served from a sub-folder (`BASE_PATH=/atlas npm run build`): every asset URL goes through
		// src/lib/paths.ts, so nothing assumes the site root.
		paths: { base: /** @type {'' | `/${string}`} */ (process.env.BASE_PATH ?? '') },
		// The page may talk only to its own origin: no tiles, fonts, geocoders or analytics elsewhere.
		// Kit hashes its own inline bootstrap script, so no 'unsafe-inline' is needed for scripts.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'worker-src': ['self', 'blob:'],
				'media-src': ['self', 'blob:'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['none']
			}
		}
	}
};

export default config;
