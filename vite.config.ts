import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { bundleModules } from './scripts/bundle-modules-plugin.js';
import { stripWgsl } from './scripts/strip-wgsl-plugin.js';

export default defineConfig({
	plugins: [sveltekit(), stripWgsl(), bundleModules()],
	server: { host: '127.0.0.1' },
	preview: { host: '127.0.0.1' },
	test: {
		include: ['tests/unit/**/*.test.ts'],
		setupFiles: ['tests/unit/fuzz-seed.ts'],
		environment: 'node'
	}
});
