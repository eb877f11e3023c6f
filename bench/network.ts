/**
 * The network panel: force layout and draw time for the demo (373 nodes, 1,024 ties) and for a
 * generated 10,000-node / 50,000-edge graph, each beside a baseline measured in the same run:
 * - layout (ForceAtlas2, the iterations the app uses) against building the same graphology graph
 *   (the part of the layout every library pays), in Node; Louvain communities beside them;
 * - in the browser, the app's first frame with the layout (sigma over graphology, with the app's
 *   reducers: filters, date, selection) against sigma alone drawing a graph of the same size
 *   (/bench/graph), and the layout as the app's worker reports it.
 */
import { readFileSync } from 'node:fs';
import type {} from '../src/lib/test-hooks';
import { fmt, stats, type BenchContext, type BenchSection } from './context';
import { importText } from '../src/lib/core/data/import';
import { readEvents } from '../src/lib/core/time/events';
import { parseEdgeList } from '../src/lib/core/network/edge-list';
import { buildNetwork, type NetworkModel } from '../src/lib/core/network/graph';
import { detectCommunities, seededRandom, toGraphology } from '../src/lib/core/network/communities';
import { iterationsFor, layoutNetwork } from '../src/lib/core/network/layout';

const BIG = { nodes: 10_000, edges: 50_000 };

function generated(n: number, m: number): { model: Pick<NetworkModel, 'nodes' | 'edges'>; csv: string } {
	const rand = seededRandom(11);
	const nodes = Array.from({ length: n }, (_, i) => ({ id: `n${i}` }));
	const edges: NetworkModel['edges'] = [];
	const lines = ['source,target,type'];
	for (let i = 0; i < m; i++) {
		const a = Math.floor(rand() * n);
		const b = (a + 1 + Math.floor(rand() * (n - 1))) % n;
		edges.push({ source: a, target: b, type: 'contact', day: NaN });
		lines.push(`n${a},n${b},contact`);
	}
	return { model: { nodes: nodes as never, edges }, csv: lines.join('\n') };
}

function time(fn: () => void, runs: number): number[] {
	const out: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t0 = performance.now();
		fn();
		out.push(performance.now() - t0);
	}
	return out;
}

type Dock = { getAttribute(name: string): string | null };

export async function run(ctx: BenchContext): Promise<BenchSection> {
	const { records } = importText(readFileSync('geodata/members.demo.csv', 'utf8'));
	const { events } = readEvents(JSON.parse(readFileSync('geodata/events.json', 'utf8')));
	const demo = buildNetwork({ members: records, events, ties: parseEdgeList(readFileSync('geodata/ties.demo.csv', 'utf8')).ties });
	const big = generated(BIG.nodes, BIG.edges);

	// ---- Node: layout, its baseline, communities ----
	const node: string[] = [];
	for (const [name, model, runs] of [
		['Demo (373 nodes, 1,024 ties)', demo, 5],
		[`Generated (${BIG.nodes.toLocaleString('en')} nodes, ${BIG.edges.toLocaleString('en')} edges)`, big.model, 2]
	] as const) {
		const base = stats(time(() => toGraphology(model), runs));
		const layout = stats(time(() => layoutNetwork(model), runs));
		const louvain = stats(time(() => detectCommunities(model), runs));
		ctx.log(`${name}: layout ${fmt(layout, 0)} ms, baseline ${fmt(base, 0)} ms, louvain ${fmt(louvain, 0)} ms`);
		node.push(
			`| ${name} | ${iterationsFor(model.nodes.length)} | ${fmt(layout, 0)} | ${fmt(base, 1)} | ${(layout.median / base.median).toFixed(0)}x | ${fmt(louvain, 0)} |`
		);
	}

	// ---- Browser: the app's panel against sigma alone ----
	const browser = await ctx.launch();
	const rows: string[] = [];
	try {
		const measureApp = async (bigGraph: boolean) => {
			const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
			await page.goto(`${ctx.baseURL}/${bigGraph ? '' : '?net=1'}`);
			await page.waitForFunction(() => window.__atlas?.heatDrawn === true, null, { timeout: 120_000 });
			if (bigGraph)
				await page.getByTestId('import-file').setInputFiles({ name: 'generated.csv', mimeType: 'text/csv', buffer: Buffer.from(big.csv) });
			const dock = page.getByTestId('network-view');
			await dock.waitFor({ timeout: 120_000 });
			await page.waitForFunction(() => document.querySelector('[data-testid="network-view"]')?.hasAttribute('data-draw-ms'), null, {
				timeout: 300_000
			});
			const got = await dock.evaluate((el: Dock) => ({
				layout: Number(el.getAttribute('data-layout-ms')),
				first: Number(el.getAttribute('data-first-draw-ms')),
				draw: Number(el.getAttribute('data-draw-ms')),
				nodes: Number(el.getAttribute('data-nodes-shown')),
				edges: Number(el.getAttribute('data-edges-shown'))
			}));
			await page.close();
			return got;
		};
		const measureBare = async (n: number, m: number) => {
			const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
			await page.goto(`${ctx.baseURL}/bench/graph?n=${n}&m=${m}`);
			await page.waitForFunction(() => (window as unknown as { __bench?: { drawnMs: number } }).__bench, null, { timeout: 120_000 });
			const ms = await page.evaluate(() => (window as unknown as { __bench: { drawnMs: number } }).__bench.drawnMs);
			await page.close();
			return ms;
		};
		// One run of the big graph: its layout alone takes tens of seconds in software GL on two shared cores.
		for (const [label, bigGraph, runs] of [
			['Demo', false, 3],
			['Generated 10k / 50k', true, 1]
		] as const) {
			const app: { layout: number; first: number; draw: number; nodes: number; edges: number }[] = [];
			const bare: number[] = [];
			for (let i = 0; i < runs; i++) {
				app.push(await measureApp(bigGraph));
				bare.push(await measureBare(app[0]!.nodes, app[0]!.edges));
			}
			ctx.log(`${label}: app ${JSON.stringify(app)}; sigma alone ${bare.map((b) => b.toFixed(0)).join(' ')} ms`);
			const first = stats(app.map((a) => a.first));
			const base = stats(bare);
			rows.push(
				`| ${label} (${app[0]!.nodes.toLocaleString('en')} nodes, ${app[0]!.edges.toLocaleString('en')} edges shown) | ${fmt(first, 0)} | ${fmt(base, 0)} | ${(first.median / base.median).toFixed(2)}x | ${fmt(stats(app.map((a) => a.layout)), 0)} | ${fmt(stats(app.map((a) => a.draw)), 0)} |`
			);
		}
	} finally {
		await browser.close();
	}

	return {
		title: 'Network panel: layout and draw',
		markdown: `Layout is ForceAtlas2 (graphology-layout-forceatlas2) from seeded positions, with the iterations the app
uses (Barnes-Hut above 1,000 nodes); its baseline is building the same graphology graph, which any layout
pays first. Louvain (graphology-communities-louvain, seeded) runs once per graph, before the layout, in the
same worker.
In Node, ms:

| graph | iterations | layout | baseline: graph build | ratio | Louvain |
| --- | ---: | ---: | ---: | ---: | ---: |
${node.join('\n')}

In Chromium (software WebGL), ms. *First draw* is the app's sigma from its constructor to its first frame
(graph indexed and drawn, with the app's reducers: date, filters, selection, communities); the baseline is
sigma alone doing the same for a random graph of the same size (\`/bench/graph\`, one colour, no reducers).
*Layout* is what the app's worker reports (the page stays responsive meanwhile); *redraw with layout* is
from handing sigma the laid-out positions to its next frame. The generated graph enters through the import
input as an edge list (its ids are not members: graph only).

| graph | first draw (app) | baseline: sigma alone | ratio | layout (worker) | redraw with layout |
| --- | ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}`
	};
}
