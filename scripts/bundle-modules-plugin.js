/**
 * Records which source modules went into each client chunk (rendered length before minification), so
 * scripts/check-bundle.ts can tell our code's share of the first view from the libraries'.
 * Writes .svelte-kit/output/bundle-modules.json; nothing reaches build/ or the browser.
 * Plain JS with JSDoc types so vite.config.ts can import it with its real extension.
 */
import { mkdirSync, writeFileSync } from 'node:fs';

/** @returns {import('vite').Plugin} */
export function bundleModules() {
	return {
		name: 'atlas-bundle-modules',
		apply: 'build',
		generateBundle(_options, bundle) {
			if (this.environment?.name !== 'client') return;
			/** @type {Record<string, Record<string, number>>} */
			const report = {};
			for (const chunk of Object.values(bundle)) {
				if (chunk.type !== 'chunk') continue;
				report[chunk.fileName] = Object.fromEntries(
					Object.entries(chunk.modules).map(([id, m]) => [id.replace(process.cwd() + '/', ''), m.renderedLength])
				);
			}
			mkdirSync('.svelte-kit/output', { recursive: true });
			writeFileSync('.svelte-kit/output/bundle-modules.json', JSON.stringify(report));
		}
	};
}
