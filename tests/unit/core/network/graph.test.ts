/** Graph building, what shows at a date, selections, arcs, communities and layout, on small known graphs. */
import { describe, it, expect } from 'vitest';
import {
	activeAt,
	arcLine,
	buildNetwork,
	selectionOverlay,
	selectedNodes,
	selectionFromText,
	selectionToText
} from '../../../../src/lib/core/network/graph';
import { detectCommunities } from '../../../../src/lib/core/network/communities';
import { layoutNetwork } from '../../../../src/lib/core/network/layout';
import { emptyRecord, type MemberRecord } from '../../../../src/lib/core/data/member';
import type { DatedEvent } from '../../../../src/lib/core/time/events';
import type { Tie } from '../../../../src/lib/core/network/ties';

const member = (id: string, hometown: string, lon: number, lat: number, day: number, extra: Partial<MemberRecord> = {}): MemberRecord => ({
	...emptyRecord(id),
	hometown,
	country: 'BE',
	lon,
	lat,
	day,
	...extra
});
const plot = (id: string, day: number, lon: number, lat: number): DatedEvent => ({
	id,
	kind: 'plot',
	date: '2015-01-01',
	day,
	place: id,
	country: 'FR',
	lon,
	lat,
	outcome: 'successful',
	description: '',
	source: 's'
});
const policy = (id: string, day: number): DatedEvent => ({
	id,
	kind: 'policy',
	date: '2015-01-01',
	day,
	place: id,
	lon: 0,
	lat: 0,
	routes: [],
	description: '',
	source: 's'
});
const tie = (source: string, target: string, type: Tie['type'] = 'contact', day = NaN): Tie => ({ source, target, type, date: '', day });

const members = [
	member('A', 'Molenbeek', 4.33, 50.85, 100, { plots: ['P1'], recruiter: 'Zerkani network' }),
	member('B', 'Molenbeek', 4.33, 50.85, 200, { plots: ['P1'] }),
	member('C', 'Verviers', 5.86, 50.59, 300, { recruiter: 'Zerkani network' }),
	member('D', 'Lunel', 4.13, 43.67, NaN)
];
const events = [plot('P1', 150, 2.35, 48.86), policy('policy-x', 10)];
const model = buildNetwork({
	members,
	events,
	ties: [tie('A', 'C', 'contact', 300), tie('C', 'ghost'), tie('A', 'B'), tie('B', 'A'), tie('A', 'P1', 'plot')]
});
const ids = (list: number[]) => list.map((i) => model.nodes[i]!.id);

describe('buildNetwork', () => {
	it('members, plots (not policy dates), organisations from the recruiter column, and unknown ends as other nodes', () => {
		expect(model.nodes.map((n) => [n.id, n.kind])).toEqual([
			['A', 'member'],
			['B', 'member'],
			['C', 'member'],
			['D', 'member'],
			['P1', 'plot'],
			['org-zerkani-network', 'organisation'],
			['ghost', 'other']
		]);
	});
	it('ties from the member columns and the file, duplicates (either direction, same type) merged', () => {
		expect(model.edges.map((e) => [model.nodes[e.source]!.id, model.nodes[e.target]!.id, e.type])).toEqual([
			['A', 'P1', 'plot'],
			['A', 'org-zerkani-network', 'organisation'],
			['B', 'P1', 'plot'],
			['C', 'org-zerkani-network', 'organisation'],
			['A', 'C', 'contact'],
			['C', 'ghost', 'contact'],
			['A', 'B', 'contact']
		]);
		expect([...model.degree]).toEqual([4, 2, 3, 0, 2, 2, 1]);
	});
	it("a file's node named by its label joins the member of that id", () => {
		const m = buildNetwork({
			members,
			events,
			fileNodes: [{ id: '0', label: 'A', kind: 'member', lat: NaN, lon: NaN, line: 3 }],
			ties: [tie('0', 'D')]
		});
		expect(m.nodes.length).toBe(6);
		expect(m.edges.some((e) => m.nodes[e.source]!.id === 'A' && m.nodes[e.target]!.id === 'D')).toBe(true);
	});
});

describe('activeAt: the graph at the slider date', () => {
	const CASES = [
		{ title: 'before anyone: organisations and other nodes only', day: 50, pass: null, nodes: ['org-zerkani-network', 'ghost'], edges: 0 },
		{ title: 'day 160: A and the plot', day: 160, pass: null, nodes: ['A', 'P1', 'org-zerkani-network', 'ghost'], edges: 2 },
		{
			title: 'day 300: everyone dated; the dated A-C tie too',
			day: 300,
			pass: null,
			nodes: ['A', 'B', 'C', 'P1', 'org-zerkani-network', 'ghost'],
			edges: 7
		},
		{
			title: 'filters: B filtered out takes its ties along',
			day: 300,
			pass: Uint8Array.from([1, 0, 1, 1]),
			nodes: ['A', 'C', 'P1', 'org-zerkani-network', 'ghost'],
			edges: 5
		}
	];
	it.each(CASES)('$title', ({ day, pass, nodes, edges }) => {
		const shown = activeAt(model, { day, mode: 'cumulative', windowMonths: 6, memberPass: pass });
		expect(model.nodes.filter((_, i) => shown.nodes[i]).map((n) => n.id)).toEqual(nodes);
		expect(shown.edges.reduce((s, v) => s + v, 0)).toBe(edges);
	});
	it('window mode: a member whose first act is older than the window is gone', () => {
		const shown = activeAt(model, { day: 300, mode: 'window', windowMonths: 3 });
		expect(shown.nodes[0]).toBe(0);
		expect(shown.nodes[2]).toBe(1);
	});
});

describe('selections', () => {
	const CASES = [
		{ text: 'plot:P1', nodes: ['A', 'B', 'P1'] },
		{ text: 'town:BE|molenbeek', nodes: ['A', 'B'] },
		{ text: 'node:C', nodes: ['A', 'C', 'org-zerkani-network', 'ghost'] },
		{ text: 'node:nobody', nodes: [] }
	];
	it.each(CASES)('$text lights $nodes', ({ text, nodes }) => {
		const s = selectionFromText(text)!;
		expect(selectionToText(s)).toBe(text);
		expect(ids(selectedNodes(model, s))).toEqual(nodes);
	});
	const BAD = ['', 'plot:', 'person:A', 'node:<script>', `node:${'x'.repeat(200)}`];
	it.each(BAD)('"%s" is no selection', (text) => expect(selectionFromText(text)).toBeNull());

	it("a plot's arcs: one per hometown of its members (among those shown), with counts, to the plot's place", () => {
		expect(selectionOverlay(model, { kind: 'plot', id: 'P1' }).arcs).toEqual([
			{ from: [4.33, 50.85], to: [2.35, 48.86], count: 2, town: 'BE|molenbeek' }
		]);
		const hideB = Uint8Array.from([1, 0, 1, 1, 1, 1, 1]);
		expect(selectionOverlay(model, { kind: 'plot', id: 'P1' }, hideB).arcs[0]!.count).toBe(1);
	});
	const OVERLAYS = [
		{ text: 'plot:P1', arcs: 1, towns: [[4.33, 50.85, 2]] },
		{ text: 'town:BE|molenbeek', arcs: 1, towns: [[4.33, 50.85, 2]] },
		{
			text: 'node:C',
			arcs: 1,
			towns: [
				[4.33, 50.85, 1],
				[5.86, 50.59, 1]
			]
		},
		{
			text: 'node:org-zerkani-network',
			arcs: 1,
			towns: [
				[4.33, 50.85, 1],
				[5.86, 50.59, 1]
			]
		},
		{ text: 'town:BE|nowhere', arcs: 0, towns: [] }
	];
	it.each(OVERLAYS)('$text on the map: $arcs arcs and the lit towns', ({ text, arcs, towns }) => {
		const o = selectionOverlay(model, selectionFromText(text));
		expect(o.arcs.length).toBe(arcs);
		expect(o.towns).toEqual(towns);
	});

	it('an arc line starts and ends at its towns and bows off the straight line', () => {
		const line = arcLine([0, 0], [10, 0], 4);
		expect(line[0]).toEqual([0, 0]);
		expect(line[4]).toEqual([10, 0]);
		expect(line[2]![1]).toBeGreaterThan(0.5);
	});
});

describe('communities', () => {
	// Two triangles joined by one bridge, and a lone node: the textbook two communities.
	const nodes = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => ({ id }));
	const pairs: [number, number][] = [
		[0, 1],
		[1, 2],
		[0, 2],
		[3, 4],
		[4, 5],
		[3, 5],
		[2, 3]
	];
	const edges = pairs.map(([source, target]) => ({ source, target, type: 'contact' as const, day: NaN }));
	it('two triangles joined by a bridge are two communities; a lone node has none', () => {
		const c = detectCommunities({ nodes: nodes as never, edges });
		expect(c[0]).toBe(c[1]);
		expect(c[1]).toBe(c[2]);
		expect(c[3]).toBe(c[4]);
		expect(c[4]).toBe(c[5]);
		expect(c[0]).not.toBe(c[3]);
		expect(c[6]).toBe(-1);
		expect(new Set([c[0], c[3]])).toEqual(new Set([0, 1]));
	});
	it('the same graph gets the same communities every time (seeded)', () => {
		expect([...detectCommunities({ nodes: nodes as never, edges })]).toEqual([...detectCommunities({ nodes: nodes as never, edges })]);
	});
	it('layout: finite positions, the same for the same seed, tied nodes nearer than untied', () => {
		const a = layoutNetwork({ nodes: nodes as never, edges }, { iterations: 200 });
		expect([...a].every(Number.isFinite)).toBe(true);
		expect([...layoutNetwork({ nodes: nodes as never, edges }, { iterations: 200 })]).toEqual([...a]);
		const d = (i: number, j: number) => Math.hypot(a[i * 2]! - a[j * 2]!, a[i * 2 + 1]! - a[j * 2 + 1]!);
		expect(d(0, 1)).toBeLessThan(d(0, 5));
	});
});

describe('ties CSV export', () => {
	it('writes the shown ties; places under the threshold folded, a place under k after folding left empty', async () => {
		const { tiesToCsv } = await import('../../../../src/lib/core/network/export');
		const csv = tiesToCsv(model, members, null, 2, (d) => `day${d}`).split('\r\n');
		expect(csv[0]).toBe('source,target,type,date,source_kind,target_kind,source_place,target_place');
		expect(csv).toContain('A,P1,plot,day150,member,plot,Molenbeek,');
		// Verviers has one member: folded into "Other places in Belgium" (3 Belgian members in the export).
		// Verviers has one member, and the fold "Other places in Belgium" would hold only that one: no place.
		expect(csv).toContain('C,org-zerkani-network,organisation,,member,organisation,,');
		expect(csv).toContain('A,B,contact,,member,member,Molenbeek,Molenbeek');
		const none = tiesToCsv(model, members, new Uint8Array(model.edges.length), 3, String).split('\r\n');
		expect(none.filter(Boolean)).toEqual([csv[0]]);
	});
});
