/**
 * Communities and layout off the main thread: Louvain first (it is quick, and the graph is drawn as
 * soon as its colours are known), then ForceAtlas2 (core/network). Over the demo both take about a
 * second; over a 10,000-node graph Louvain alone held the page for seconds on the main thread, the
 * layout for a minute on a loaded machine, and the map must keep playing meanwhile.
 */
import { detectCommunities } from '$lib/core/network/communities';
import { layoutNetwork } from '$lib/core/network/layout';

export interface LayoutRequest {
	nodes: number;
	/** source, target pairs, flattened. */
	edges: Uint32Array;
	job: number;
}
export type LayoutResult =
	| { type: 'communities'; communities: Int32Array; job: number; ms: number }
	| { type: 'positions'; positions: Float32Array; job: number; ms: number };

self.onmessage = ({ data }: MessageEvent<LayoutRequest>) => {
	const post = (message: LayoutResult, transfer: Transferable[]) => (self as unknown as Worker).postMessage(message, transfer);
	const nodes = Array.from({ length: data.nodes }, () => ({}));
	const edges = [];
	for (let i = 0; i < data.edges.length; i += 2)
		edges.push({ source: data.edges[i]!, target: data.edges[i + 1]!, type: 'contact' as const, day: NaN });
	const model = { nodes: nodes as never, edges };
	let started = performance.now();
	const communities = detectCommunities(model);
	post({ type: 'communities', communities, job: data.job, ms: performance.now() - started }, [communities.buffer]);
	started = performance.now();
	const positions = layoutNetwork(model);
	post({ type: 'positions', positions, job: data.job, ms: performance.now() - started }, [positions.buffer]);
};
