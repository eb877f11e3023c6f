// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {}
	/** True only in builds made for the browser tests and benchmarks (vite.config.ts; lib/test-hooks.ts). */
	const __ATLAS_TEST_HOOKS__: boolean;
}
export {};
