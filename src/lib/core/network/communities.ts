/**
 * Communities (the study's micro-networks) by Louvain modularity (graphology-communities-louvain),
 * seeded so the same graph gets the same colours on every load, and numbered largest first.
 */
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import type { NetworkModel } from './graph';

/** mulberry32: the same stream on every machine (the demo generator uses it too). */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** An undirected simple graphology graph of the model (parallel ties of different types merged). */
export function toGraphology(model: Pick<NetworkModel, 'nodes' | 'edges'>, keep?: Uint8Array): Graph {
	const g = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
	model.nodes.forEach((_, i) => g.addNode(String(i)));
	model.edges.forEach((e, i) => {
		if (keep && !keep[i]) return;
		g.mergeEdge(String(e.source), String(e.target));
	});
	return g;
}

/**
 * community[i] for node i: 0 is the largest community; nodes without any tie get -1 (no colour:
 * a lone node is no micro-network).
 */
export function detectCommunities(model: Pick<NetworkModel, 'nodes' | 'edges'>, seed = 20170131): Int32Array {
	const g = toGraphology(model);
	const raw = louvain(g, { rng: seededRandom(seed), resolution: 1 });
	const sizes = new Map<number, number>();
	g.forEachNode((n) => {
		if (g.degree(n)) sizes.set(raw[n]!, (sizes.get(raw[n]!) ?? 0) + 1);
	});
	const order = [...sizes.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([c]) => c);
	const rank = new Map(order.map((c, i) => [c, i]));
	const out = new Int32Array(model.nodes.length).fill(-1);
	g.forEachNode((n) => {
		if (g.degree(n)) out[Number(n)] = rank.get(raw[n]!)!;
	});
	return out;
}
