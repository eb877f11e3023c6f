/**
 * The network as plain arrays: members, plots and recruitment organisations as nodes, ties as edges.
 * Built from the member list (its `plots` and `recruiter` fields are ties too) and a ties file (the
 * demo's or an imported one); a node a file declares that is none of these is kept as 'other' and
 * drawn in the graph only. Pure: the panel draws it, the map and the selection read it.
 */
import type { MemberRecord } from '../data/member';
import { townKey } from '../data/member';
import type { DatedEvent } from '../time/events';
import { isActiveAt, type TimeMode } from '../time/membership';
import { orgId, type FileNode, type Tie, type TieType } from './ties';

export type NodeKind = 'member' | 'plot' | 'organisation' | 'other';

export interface NetNode {
	id: string;
	label: string;
	kind: NodeKind;
	/** Day the node counts from (members: first act; plots: their date); -Infinity = always; NaN = undated member. */
	day: number;
	/** Index into the member list the network was built from; -1 for other kinds and unknown members. */
	member: number;
	/** Town key (core/data/member townKey) of a member; '' otherwise. */
	town: string;
	lon: number;
	lat: number;
}

export interface NetEdge {
	source: number;
	target: number;
	type: TieType;
	/** NaN when undated: then the tie counts when both its ends do. */
	day: number;
}

export interface NetworkModel {
	nodes: NetNode[];
	edges: NetEdge[];
	/** Node index by id (a member's id, a plot's event id, an organisation's org- slug). */
	index: Map<string, number>;
	/** Edges per node. */
	degree: Uint32Array;
}

export interface NetworkInput {
	members: readonly MemberRecord[];
	/** Plots from geodata/events.json (policy dates are ignored). */
	events: readonly DatedEvent[];
	ties?: readonly Tie[];
	fileNodes?: readonly FileNode[];
}

const ALWAYS = -Infinity;

export function buildNetwork({ members, events, ties = [], fileNodes = [] }: NetworkInput): NetworkModel {
	const nodes: NetNode[] = [];
	const index = new Map<string, number>();
	const add = (node: NetNode) => {
		const known = index.get(node.id);
		if (known !== undefined) return known;
		index.set(node.id, nodes.length);
		return nodes.push(node) - 1;
	};
	members.forEach((m, i) =>
		add({ id: m.id, label: m.id, kind: 'member', day: m.day, member: i, town: townKey(m), lon: m.lon, lat: m.lat })
	);
	for (const e of events)
		if (e.kind === 'plot')
			add({ id: e.id, label: `${e.place} ${e.date}`, kind: 'plot', day: e.day, member: -1, town: '', lon: e.lon, lat: e.lat });
	const org = (name: string) =>
		add({ id: orgId(name), label: name, kind: 'organisation', day: ALWAYS, member: -1, town: '', lon: NaN, lat: NaN });
	for (const m of members) if (m.recruiter) org(m.recruiter);
	// A file's node may be named by its label (Gephi numbers nodes and keeps the name as label).
	const alias = new Map<string, number>();
	for (const f of fileNodes) {
		const known = index.get(f.id) ?? index.get(f.label);
		if (known !== undefined) alias.set(f.id, known);
		else
			alias.set(
				f.id,
				add({
					id: f.id,
					label: f.label,
					kind: f.kind === 'member' ? 'other' : (f.kind ?? 'other'),
					day: ALWAYS,
					member: -1,
					town: '',
					lon: f.lon,
					lat: f.lat
				})
			);
	}
	const resolve = (id: string) =>
		alias.get(id) ??
		index.get(id) ??
		add({ id, label: id, kind: id.startsWith('org-') ? 'organisation' : 'other', day: ALWAYS, member: -1, town: '', lon: NaN, lat: NaN });

	const edges: NetEdge[] = [];
	const seen = new Set<string>();
	const link = (a: number, b: number, type: TieType, day: number) => {
		if (a === b) return;
		const key = a < b ? `${a}|${b}|${type}` : `${b}|${a}|${type}`;
		if (seen.has(key)) return;
		seen.add(key);
		edges.push({ source: a, target: b, type, day });
	};
	// The member list's own ties first: they hold even without a ties file.
	members.forEach((m, i) => {
		for (const p of m.plots) {
			const plot = index.get(p);
			if (plot !== undefined) link(i, plot, 'plot', nodes[plot]!.day);
		}
		if (m.recruiter) link(i, index.get(orgId(m.recruiter))!, 'organisation', NaN);
	});
	for (const t of ties) link(resolve(t.source), resolve(t.target), t.type, t.day);

	const degree = new Uint32Array(nodes.length);
	for (const e of edges) {
		degree[e.source]!++;
		degree[e.target]!++;
	}
	return { nodes, edges, index, degree };
}

export interface ActiveOptions {
	day: number;
	mode: TimeMode;
	windowMonths: number;
	/** pass[i] for member i (the filters); null = every member passes. */
	memberPass?: Uint8Array | null;
}

/**
 * Which nodes and edges the graph shows at the slider's date, with the filters applied: a member who
 * is active at the date (the same rule as the heat map) and passes the filters; a plot from its date
 * on; organisations and other nodes always. An edge shows when both ends do and its own date has come.
 */
export function activeAt(
	model: NetworkModel,
	{ day, mode, windowMonths, memberPass = null }: ActiveOptions
): { nodes: Uint8Array; edges: Uint8Array } {
	const nodes = new Uint8Array(model.nodes.length);
	model.nodes.forEach((n, i) => {
		if (n.kind === 'member')
			nodes[i] = (!memberPass || n.member < 0 || memberPass[n.member] ? 1 : 0) && isActiveAt(n, day, mode, windowMonths) ? 1 : 0;
		else nodes[i] = n.day === ALWAYS || n.day <= day ? 1 : 0;
	});
	const edges = new Uint8Array(model.edges.length);
	model.edges.forEach((e, i) => {
		edges[i] = nodes[e.source] && nodes[e.target] && !(e.day > day) ? 1 : 0;
	});
	return { nodes, edges };
}

export type Selection = { kind: 'plot' | 'town' | 'node'; id: string };

/** Selection <-> its link text: `plot:<event id>`, `town:<town key>`, `node:<node id>`. */
export function selectionToText(s: Selection): string {
	return `${s.kind}:${s.id}`;
}
export function selectionFromText(text: string): Selection | null {
	const m = /^(plot|town|node):(.{1,160})$/s.exec(text);
	// eslint-disable-next-line no-control-regex -- rejecting control characters is the point of this check
	return m && !/[<>\u0000-\u001f]/.test(m[2]!) ? { kind: m[1] as Selection['kind'], id: m[2]! } : null;
}

/**
 * The member nodes a selection lights: a plot's members (tied to it), a town's members (who lived
 * there), or a node and its neighbours. Returns node indices, sorted.
 */
export function selectedNodes(model: NetworkModel, s: Selection | null): number[] {
	if (!s) return [];
	const out = new Set<number>();
	if (s.kind === 'town') {
		model.nodes.forEach((n, i) => {
			if (n.kind === 'member' && n.town === s.id) out.add(i);
		});
		return [...out].sort((a, b) => a - b);
	}
	const at = model.index.get(s.id);
	if (at === undefined) return [];
	out.add(at);
	for (const e of model.edges) {
		if (e.source === at) out.add(e.target);
		else if (e.target === at) out.add(e.source);
	}
	return [...out].sort((a, b) => a - b);
}

export interface Arc {
	from: [number, number];
	to: [number, number];
	/** Members of the selection that lived at `from`. */
	count: number;
	town: string;
}

/**
 * An arc as a curved line (a quadratic Bezier bowed to the left of travel by a fifth of its length),
 * `steps` segments: straight lines between nearby towns would hide under each other.
 */
export function arcLine(from: [number, number], to: [number, number], steps = 24): [number, number][] {
	const [x0, y0] = from;
	const [x2, y2] = to;
	const [dx, dy] = [x2 - x0, y2 - y0];
	const [cx, cy] = [(x0 + x2) / 2 - dy * 0.2, (y0 + y2) / 2 + dx * 0.2];
	const out: [number, number][] = [];
	for (let k = 0; k <= steps; k++) {
		const t = k / steps;
		const u = 1 - t;
		out.push([u * u * x0 + 2 * u * t * cx + t * t * x2, u * u * y0 + 2 * u * t * cy + t * t * y2]);
	}
	return out;
}

/**
 * What the map shows for a selection, among the shown nodes: the hometowns of the selected members
 * (with counts) and arcs from each hometown to the plots those members are tied to, one per
 * town and plot, for a plot selection only to that plot. A member without coordinates draws nothing.
 */
export function selectionOverlay(
	model: NetworkModel,
	s: Selection | null,
	shown?: Uint8Array
): { arcs: Arc[]; towns: [number, number, number][] } {
	if (!s) return { arcs: [], towns: [] };
	const lit = selectedNodes(model, s).filter((i) => model.nodes[i]!.kind === 'member' && (!shown || shown[i]));
	const plotOnly = s.kind === 'plot' || model.nodes[model.index.get(s.id) ?? -1]?.kind === 'plot' ? model.index.get(s.id) : undefined;
	const litSet = new Set(lit);
	const towns = new Map<string, [number, number, number]>();
	for (const i of lit) {
		const n = model.nodes[i]!;
		if (!Number.isFinite(n.lon) || !Number.isFinite(n.lat)) continue;
		const t = towns.get(n.town);
		if (t) t[2]++;
		else towns.set(n.town, [n.lon, n.lat, 1]);
	}
	const arcs = new Map<string, Arc>();
	for (const e of model.edges) {
		if (e.type !== 'plot' || (shown && !(shown[e.source] && shown[e.target]))) continue;
		const [m, p] = model.nodes[e.source]!.kind === 'plot' ? [e.target, e.source] : [e.source, e.target];
		if (!litSet.has(m) || (plotOnly !== undefined && p !== plotOnly)) continue;
		const from = model.nodes[m]!;
		const to = model.nodes[p]!;
		if (!Number.isFinite(from.lon) || !Number.isFinite(from.lat) || !Number.isFinite(to.lon) || !Number.isFinite(to.lat)) continue;
		const key = `${from.town}|${to.id}`;
		const arc = arcs.get(key);
		if (arc) arc.count++;
		else arcs.set(key, { from: [from.lon, from.lat], to: [to.lon, to.lat], count: 1, town: from.town });
	}
	return { arcs: [...arcs.values()].sort((a, b) => b.count - a.count || a.town.localeCompare(b.town)), towns: [...towns.values()] };
}

/** Ids a tie may name besides a file's own nodes: the members' ids, the plots' ids, the organisations named by members. */
export function knownIdsOf(
	members: readonly Pick<MemberRecord, 'id' | 'recruiter'>[],
	events: readonly Pick<DatedEvent, 'id' | 'kind'>[]
): (id: string) => boolean {
	const ids = new Set<string>();
	for (const m of members) {
		ids.add(m.id);
		if (m.recruiter) ids.add(orgId(m.recruiter));
	}
	for (const e of events) if (e.kind === 'plot') ids.add(e.id);
	return (id) => ids.has(id);
}
