/** The three ties readers, good and bad input, as tables: every tie read is accepted or rejected with its row and reason. */
import { describe, it, expect } from 'vitest';
import { parseEdgeList, looksLikeEdgeList } from '../../../../src/lib/core/network/edge-list';
import { parseGexf, parseGraphml } from '../../../../src/lib/core/network/xml-graph';
import { readTies, tieFormatOf } from '../../../../src/lib/core/network/read-ties';
import { listUnknownIds, tiesFromJson, type TieImport } from '../../../../src/lib/core/network/ties';

const balanced = (r: TieImport) => r.report.tiesRead === r.report.accepted + r.report.rejected.length;

describe('edge-list CSV', () => {
	const CASES: {
		title: string;
		csv: string;
		accepted: number;
		rejected: [number, string, RegExp][];
		warnings?: [number, string][];
		errors?: RegExp;
	}[] = [
		{
			title: 'plain ties with types and dates',
			csv: 'source,target,type,date\nM-1,M-2,contact,2015-03-01\nM-1,plot-x,plot,2015\nM-2,org-a,organisation,',
			accepted: 3,
			rejected: []
		},
		{ title: 'no date column', csv: 'source,target,type\nM-1,M-2,contact', accepted: 1, rejected: [] },
		{
			title: "Gephi's edge table (Source,Target,Type Undirected)",
			csv: 'Source,Target,Type,Id,Label,Weight\n0,1,Undirected,0,,1.0',
			accepted: 1,
			rejected: []
		},
		{ title: 'from/to and semicolons', csv: 'from;to\nA;B\nB;C', accepted: 2, rejected: [] },
		{ title: 'missing source', csv: 'source,target\n,M-2\nM-1,M-2', accepted: 1, rejected: [[2, 'source', /no source/]] },
		{ title: 'missing target', csv: 'source,target\nM-1,', accepted: 0, rejected: [[2, 'target', /no target/]] },
		{ title: 'a tie to itself', csv: 'source,target\nM-1,M-1', accepted: 0, rejected: [[2, 'target', /itself/]] },
		{ title: 'more fields than columns', csv: 'source,target\nM-1,M-2,extra', accepted: 0, rejected: [[2, '', /3 fields for 2 columns/]] },
		{
			title: 'blank lines are not rows, row numbers stay spreadsheet rows',
			csv: 'source,target\n\nM-1,M-1\n',
			accepted: 0,
			rejected: [[3, 'target', /itself/]]
		},
		{
			title: 'unknown type and unreadable date are warnings',
			csv: 'source,target,type,date\nM-1,M-2,enemy,someday',
			accepted: 1,
			rejected: [],
			warnings: [
				[2, 'type'],
				[2, 'date']
			]
		},
		{ title: 'no target column', csv: 'source,other\nA,B', accepted: 0, rejected: [], errors: /No target column/ },
		{ title: 'empty file', csv: '', accepted: 0, rejected: [], errors: /empty/ },
		{ title: 'header only', csv: 'source,target\n', accepted: 0, rejected: [], errors: /no ties/ }
	];
	it.each(CASES)('$title', ({ csv, accepted, rejected, warnings = [], errors }) => {
		const r = parseEdgeList(csv, 'ties.csv');
		expect(r.report.accepted).toBe(accepted);
		expect(r.report.rejected.map((p) => [p.row, p.field])).toEqual(rejected.map(([row, field]) => [row, field]));
		rejected.forEach(([, , reason], i) => expect(r.report.rejected[i]!.reason).toMatch(reason));
		expect(r.report.warnings.map((w) => [w.row, w.field])).toEqual(warnings);
		if (errors) expect(r.report.errors.join(' ')).toMatch(errors);
		else expect(r.report.errors).toEqual([]);
		expect(balanced(r)).toBe(true);
	});

	it('reads types and dates', () => {
		const r = parseEdgeList('source,target,type,date\nM-1,M-2,knows,2015-11\nM-1,p,Plot,13/11/2015', 'x.csv');
		expect(r.ties.map((t) => [t.type, t.date])).toEqual([
			['contact', '2015-11'],
			['plot', '2015-11-13']
		]);
		expect(r.report.types).toEqual({ plot: 1, organisation: 0, contact: 1, other: 0 });
	});

	const SNIFF = [
		{ header: 'source,target,type', ties: true },
		{ header: 'Source;Target', ties: true },
		{ header: 'id,hometown,country,lat,lon', ties: false },
		{ header: 'from,to,hometown', ties: false }
	];
	it.each(SNIFF)('header "$header" is a ties file: $ties', ({ header, ties }) => expect(looksLikeEdgeList(`${header}\n`)).toBe(ties));
});

const GEXF = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">
  <graph defaultedgetype="undirected">
    <attributes class="node"><attribute id="0" title="kind" type="string"/><attribute id="1" title="latitude" type="double"/><attribute id="2" title="longitude" type="double"/></attributes>
    <attributes class="edge"><attribute id="t" title="type" type="string"/></attributes>
    <nodes>
      <node id="0" label="M-001"><attvalues><attvalue for="0" value="member"/></attvalues></node>
      <node id="1" label="M-002"/>
      <node id="c" label="Cafe"><attvalues><attvalue for="0" value="place"/><attvalue for="1" value="50.85"/><attvalue for="2" value="4.35"/></attvalues><viz:position x="1" y="2"/></node>
    </nodes>
    <edges>
      <edge id="e0" source="0" target="1"><attvalues><attvalue for="t" value="contact"/></attvalues></edge>
      <edge id="e1" source="0" target="c" start="2015-06-01"/>
      <edge id="e2" source="0" target="nowhere"/>
      <edge id="e3" source="1" target="1"/>
    </edges>
  </graph>
</gexf>`;

const GRAPHML = `<?xml version="1.0"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="label" attr.type="string"/>
  <key id="d1" for="edge" attr.name="type" attr.type="string"/>
  <key id="d2" for="edge" attr.name="date" attr.type="string"/>
  <graph edgedefault="undirected">
    <node id="a"><data key="d0">M-001</data></node>
    <node id="b"/>
    <edge source="a" target="b"><data key="d1">contact</data><data key="d2">2015-02-03</data></edge>
    <edge target="b"/>
  </graph>
</graphml>`;

describe('GEXF and GraphML', () => {
	it('GEXF: nodes with labels, kinds and coordinates; edges with types and start dates; bad edges by line', () => {
		const r = parseGexf(GEXF, 'g.gexf');
		expect(r.report.nodesRead).toBe(3);
		expect(r.nodes.map((n) => [n.id, n.label, n.kind])).toEqual([
			['0', 'M-001', 'member'],
			['1', 'M-002', null],
			['c', 'Cafe', 'other']
		]);
		expect([r.nodes[2]!.lat, r.nodes[2]!.lon]).toEqual([50.85, 4.35]);
		expect(r.ties.map((t) => [t.source, t.target, t.type, t.date])).toEqual([
			['0', '1', 'contact', ''],
			['0', 'c', 'other', '2015-06-01']
		]);
		expect(r.report.rejected).toEqual([
			{ row: 14, field: 'target', reason: 'target "nowhere" is not a node of the file' },
			{ row: 15, field: 'target', reason: 'a tie of "1" to itself' }
		]);
		expect(balanced(r)).toBe(true);
	});

	it('GraphML: keys by attr.name; an edge without a source is rejected with its line', () => {
		const r = parseGraphml(GRAPHML, 'g.graphml');
		expect(r.nodes.map((n) => [n.id, n.label])).toEqual([
			['a', 'M-001'],
			['b', 'b']
		]);
		expect(r.ties).toEqual([{ source: 'a', target: 'b', type: 'contact', date: '2015-02-03', day: 398 }]);
		expect(r.report.rejected).toEqual([{ row: 10, field: 'source', reason: 'no source id' }]);
		expect(balanced(r)).toBe(true);
	});

	const BAD = [
		{ title: 'not XML', text: 'hello', read: parseGexf, error: /not well-formed XML/ },
		{ title: 'unclosed element, with its line', text: '<gexf>\n<graph>\n<nodes>\n</graph></gexf>', read: parseGexf, error: /line \d/ },
		{ title: 'GraphML given to the GEXF reader', text: GRAPHML, read: parseGexf, error: /root element is <graphml>/ },
		{ title: 'GEXF without graph', text: '<gexf version="1.3"></gexf>', read: parseGexf, error: /no <graph>/ },
		{ title: 'GraphML without edges', text: '<graphml><graph><node id="a"/></graph></graphml>', read: parseGraphml, error: /no edges/ },
		{ title: 'empty', text: ' ', read: parseGraphml, error: /empty/ }
	];
	it.each(BAD)('$title', ({ text, read, error }) => {
		const r = read(text, 'f');
		expect(r.report.errors.join(' ')).toMatch(error);
		expect(balanced(r)).toBe(true);
	});

	const FORMATS = [
		{ name: 'a.gexf', head: '', format: 'gexf' },
		{ name: 'a.GraphML', head: '', format: 'graphml' },
		{ name: 'a.xml', head: '<?xml version="1.0"?><gexf version="1.3">', format: 'gexf' },
		{ name: 'a.xml', head: '<graphml>', format: 'graphml' },
		{ name: 'a.csv', head: 'source,target\n', format: 'edge-list' },
		{ name: 'a.csv', head: 'id,hometown\n', format: null },
		{ name: 'a.geojson', head: '{"type":"FeatureCollection"}', format: null }
	];
	it.each(FORMATS)('$name starting "$head" is $format', ({ name, head, format }) => expect(tieFormatOf(name, head)).toBe(format));

	it('readTies refuses what is not a ties file', () => {
		expect(readTies('id,hometown\n1,Paris', 'm.csv').report.errors[0]).toMatch(/Not a ties file/);
	});

	it('unknown ids: tie ends and nodes neither declared nor known', () => {
		const r = parseEdgeList('source,target\nM-1,M-2\nM-1,ghost', 'x.csv');
		expect(listUnknownIds(r, (id) => id.startsWith('M-'))).toEqual(['ghost']);
		const g = parseGexf(GEXF, 'g.gexf');
		expect(listUnknownIds(g, (id) => id.startsWith('M-'))).toEqual(['c']);
	});

	it('ties.demo.json rows come back as ties', () => {
		expect(
			tiesFromJson({
				ties: [
					['a', 'b', 'contact', '2015-01'],
					['a', 'p', 'plot', '']
				]
			})
		).toEqual([
			{ source: 'a', target: 'b', type: 'contact', date: '2015-01', day: 365 },
			{ source: 'a', target: 'p', type: 'plot', date: '', day: NaN }
		]);
	});
});
