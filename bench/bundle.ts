/**
 * Initial bundle: the first view's main-thread JavaScript, gzipped, as `npm run test:size` measures it
 * (static imports from build/index.html; see scripts/check-bundle.ts), beside the libraries' floor.
 * Size is deterministic, so one measurement is the figure; no browser needed.
 */
import { BUDGET_GZIP_BYTES, measureFirstView } from '../scripts/check-bundle';
import type { BenchContext, BenchSection } from './context';

/** Minimal Vite builds of the libraries alone, gzipped (measured when the budget was set). */
const FLOOR = [
	{ what: 'maplibre-gl alone', bytes: 284_000 },
	{ what: 'maplibre-gl + @deck.gl/core + HeatmapLayer + MapLibreOverlay', bytes: 505_000 }
];
/** kepler.gl 3.2.6 UMD build, gzipped, before React. */
const KEPLER = 3_900_000;

export async function run(ctx: BenchContext): Promise<BenchSection> {
	const { rows, total } = await measureFirstView('build');
	ctx.log(`first view ${total} bytes gzipped in ${rows.length} chunks`);
	const kb = (n: number) => `${(n / 1000).toFixed(1)} kB`;
	return {
		title: 'Initial JavaScript (first view)',
		markdown: `Main-thread JavaScript the first view loads (every chunk build/index.html names and what they
import statically; the MapLibre worker and dynamic-import chunks excluded), each gzipped at level 9.
Deterministic: \`npm test\` fails (\`npm run test:size\`) when it passes the budget.

| Build | gzipped |
|---|---|
| **Hometown Atlas, first view** (${rows.length} chunks) | **${kb(total)}** |
| Budget | ${kb(BUDGET_GZIP_BYTES)} |
${FLOOR.map((f) => `| Floor: ${f.what} | ${kb(f.bytes)} |`).join('\n')}
| For scale: kepler.gl 3.2.6 UMD, before React | ${kb(KEPLER)} |

**What limits it.** MapLibre and deck.gl (core, luma.gl's WebGL layer and shader modules, the heat map,
the overlay) are nearly all of it; \`npm run test:size -- --modules\` prints the split by package and
module. What keeps it under budget: the build blanks deck.gl's WebGPU (WGSL) shader source, which
WebGL2 never runs (about 25 kB), and leaves out deck.gl's WebGPU-only attribute groups with the GPU data
library they import (@luma.gl/gpgpu, about 18 kB); every deck layer but the heat map (labels, plots, towns' tooltips,
routes: TextLayer, ScatterplotLayer, PathLayer, about 20 kB) loads with \`import()\` right after the
first heat frame. Our own code and Svelte are a few kB each; the importer, geocoder and gazetteer,
exporters, present mode and the 50m basemap load on demand.`
	};
}
