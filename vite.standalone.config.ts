/**
 * The viewer of exported HTML maps (src/standalone/viewer.ts) as ONE classic script with everything
 * inlined (MapLibre, its worker as text, its CSS), so an exported page opens from file://. Written
 * to static/generated/standalone/ before the app's build; the app fetches it only when a map is
 * exported, so it is never part of the first view's bundle.
 */
import { defineConfig } from 'vite';

export default defineConfig({
	publicDir: false,
	build: {
		outDir: 'static/generated/standalone',
		emptyOutDir: true,
		target: 'es2022',
		minify: true,
		sourcemap: false,
		reportCompressedSize: false,
		lib: {
			entry: 'src/standalone/viewer.ts',
			formats: ['iife'],
			name: 'AtlasViewer',
			fileName: () => 'viewer.js'
		}
	}
});
