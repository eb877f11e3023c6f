/**
 * Lays the network out (ForceAtlas2, core/network/layout.ts) off the main thread: a few hundred
 * iterations over the demo take a few hundred ms in this page's CPU budget, a large imported graph
 * seconds, and the map must keep playing meanwhile.
 */
import { layoutNetwork } from '$lib/core/network/layout';

export interface LayoutRequest {
	nodes: number;
	/** source, target pairs, flattened. */
	edges: Uint32Array;
	job: number;
}
export interface LayoutResult {
	positions: Float32Array;
	job: number;
	ms: number;
}

self.onmessage = ({ data }: MessageEvent<LayoutRequest>) => {
	const started = performance.now();
	const nodes = Array.from({ length: data.nodes }, () => ({}));
	const edges = [];
	for (let i = 0; i < data.edges.length; i += 2) edges.push({ source: data.edges[i]!, target: data.edges[i + 1]!, type: 'contact' as const, day: NaN });
	const positions = layoutNetwork({ nodes: nodes as never, edges });
	(self as unknown as Worker).postMessage({ positions, job: data.job, ms: performance.now() - started } satisfies LayoutResult, [positions.buffer]);
};
