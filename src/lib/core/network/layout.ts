/**
 * Force layout (ForceAtlas2, graphology-layout-forceatlas2, Gephi's own algorithm) from seeded
 * starting positions, so a graph is laid out the same on every load. Runs anywhere: the panel calls
 * it in a Web Worker, the benchmark in Node.
 */
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { NetworkModel } from './graph';
import { seededRandom, toGraphology } from './communities';

export interface LayoutOptions {
	iterations?: number;
	seed?: number;
}

/**
 * Iterations by size: enough for the demo to settle; fewer for big graphs (Barnes-Hut speeds each up,
 * but 100 over 10,000 nodes took a minute on a loaded two-core machine, docs/BENCHMARKS.md).
 */
export const iterationsFor = (nodes: number) => (nodes <= 2000 ? 300 : nodes <= 20000 ? 50 : 25);

/** x0, y0, x1, y1 ... for every node. */
export function layoutNetwork(model: Pick<NetworkModel, 'nodes' | 'edges'>, { iterations, seed = 1 }: LayoutOptions = {}): Float32Array {
	const g = toGraphology(model);
	const rand = seededRandom(seed);
	const n = model.nodes.length;
	g.forEachNode((node) => {
		g.mergeNodeAttributes(node, { x: (rand() - 0.5) * Math.sqrt(n) * 10, y: (rand() - 0.5) * Math.sqrt(n) * 10 });
	});
	const settings = { ...forceAtlas2.inferSettings(g), barnesHutOptimize: n > 1000, adjustSizes: false };
	forceAtlas2.assign(g, { iterations: iterations ?? iterationsFor(n), settings });
	const out = new Float32Array(n * 2);
	g.forEachNode((node, a) => {
		const i = Number(node);
		out[i * 2] = a.x as number;
		out[i * 2 + 1] = a.y as number;
	});
	return out;
}
