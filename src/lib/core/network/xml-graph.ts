/**
 * GEXF (Gephi) and GraphML readers. Both are XML read with saxes (a streaming parser, so every element
 * carries its line for the report); a syntax error stops the reading with its line. Nodes are kept
 * with their label, kind and coordinates when the file gives them (Gephi's geo layouts use
 * latitude/longitude attributes); edges become ties through the same rules as edge lists.
 */
import { SaxesParser } from 'saxes';
import { addTie, emptyTieReport, warn, type FileNodeKind, type TieImport } from './ties';

interface El {
	name: string;
	attrs: Record<string, string>;
	line: number;
	children: El[];
	text: string;
}

/** A light element tree with line numbers; throws with the line on malformed XML. */
function readXml(text: string): El {
	const parser = new SaxesParser({ xmlns: false, position: true });
	const root: El = { name: '#root', attrs: {}, line: 0, children: [], text: '' };
	const stack: El[] = [root];
	let error: Error | null = null;
	parser.on('error', (e) => {
		error ??= new Error(`line ${parser.line}: ${e.message.replace(/^\d+:\d+: /, '')}`);
	});
	parser.on('opentag', (tag) => {
		const attrs: Record<string, string> = {};
		for (const [k, v] of Object.entries(tag.attributes)) attrs[k.replace(/^.*:/, '').toLowerCase()] = String(v);
		const el: El = { name: tag.name.replace(/^.*:/, '').toLowerCase(), attrs, line: parser.line, children: [], text: '' };
		stack[stack.length - 1]!.children.push(el);
		if (!tag.isSelfClosing) stack.push(el);
	});
	parser.on('closetag', (tag) => {
		if (!tag.isSelfClosing) stack.pop();
	});
	parser.on('text', (t) => (stack[stack.length - 1]!.text += t));
	parser.on('cdata', (t) => (stack[stack.length - 1]!.text += t));
	parser.write(text).close();
	if (error) throw error;
	return root;
}

const kids = (el: El | undefined, name: string) => (el ? el.children.filter((c) => c.name === name) : []);
const kid = (el: El | undefined, name: string) => el?.children.find((c) => c.name === name);

const LAT = ['lat', 'latitude', 'y_geo'];
const LON = ['lon', 'lng', 'long', 'longitude', 'x_geo'];
const KIND = ['kind', 'nodetype', 'node_type', 'category', 'type', 'role'];
const TYPE = ['type', 'tietype', 'tie_type', 'kind', 'relation'];
const DATE = ['date', 'start', 'since'];

function kindOf(text: string | undefined): FileNodeKind | null {
	const t = (text ?? '').trim().toLowerCase();
	if (['member', 'person', 'inner', 'wider'].includes(t)) return 'member';
	if (['plot', 'attack', 'conspiracy', 'event'].includes(t)) return 'plot';
	if (['organisation', 'organization', 'org', 'group', 'recruiter'].includes(t)) return 'organisation';
	return t ? 'other' : null;
}

const pickAttr = (values: Record<string, string>, names: string[]) =>
	names.map((n) => values[n]).find((v) => v !== undefined && v.trim() !== '');

function finishNode(
	into: TieImport,
	seen: Set<string>,
	id: string | undefined,
	label: string | undefined,
	values: Record<string, string>,
	line: number
) {
	into.report.nodesRead++;
	if (!id) return warn(into, line, 'id', 'a node without an id is left out');
	if (seen.has(id)) return warn(into, line, 'id', `node "${id}" is declared twice: the first is kept`);
	seen.add(id);
	const lat = Number(pickAttr(values, LAT));
	const lon = Number(pickAttr(values, LON));
	const placed =
		Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180 && pickAttr(values, LAT) !== undefined;
	if (!placed && (pickAttr(values, LAT) !== undefined || pickAttr(values, LON) !== undefined))
		warn(into, line, 'latitude', `node "${id}" has coordinates that cannot be read: it is drawn in the graph only`);
	into.nodes.push({
		id,
		label: (label ?? '').trim() || id,
		kind: kindOf(pickAttr(values, KIND)),
		lat: placed ? lat : NaN,
		lon: placed ? lon : NaN,
		line
	});
}

function edgeEnds(into: TieImport, declared: Set<string>, e: El, values: Record<string, string>) {
	const { source, target } = e.attrs;
	if (source && target && source !== target && (!declared.has(source) || !declared.has(target))) {
		into.report.tiesRead++;
		const missing = !declared.has(source) ? ['source', source] : ['target', target];
		into.report.rejected.push({ row: e.line, field: missing[0]!, reason: `${missing[0]} "${missing[1]}" is not a node of the file` });
		return;
	}
	addTie(into, e.line, { source, target, type: pickAttr(values, TYPE) ?? e.attrs.label, date: pickAttr(values, DATE) ?? e.attrs.start });
}

function start(fileName: string, format: 'gexf' | 'graphml', text: string): { into: TieImport; root: El | null } {
	const into: TieImport = { ties: [], nodes: [], report: emptyTieReport(fileName, format) };
	if (!text.trim()) {
		into.report.errors.push('The file is empty.');
		return { into, root: null };
	}
	try {
		return { into, root: readXml(text.replace(/^\uFEFF/, '')) };
	} catch (error) {
		into.report.errors.push(`The file is not well-formed XML (${(error as Error).message}).`);
		return { into, root: null };
	}
}

/** Gephi's GEXF 1.2/1.3: attributes declared by id with a title, values in attvalues; `start` as the edge's date. */
export function parseGexf(text: string, fileName = ''): TieImport {
	const { into, root } = start(fileName, 'gexf', text);
	if (!root) return into;
	const gexf = kid(root, 'gexf');
	const graph = kid(gexf, 'graph');
	if (!gexf || !graph) {
		into.report.errors.push(
			gexf
				? 'The GEXF file has no <graph> element.'
				: `Not a GEXF file: the root element is <${root.children[0]?.name ?? 'nothing'}>, not <gexf>.`
		);
		return into;
	}
	const titles = { node: new Map<string, string>(), edge: new Map<string, string>() };
	for (const block of kids(graph, 'attributes')) {
		const cls = block.attrs.class === 'edge' ? 'edge' : 'node';
		for (const a of kids(block, 'attribute'))
			if (a.attrs.id) titles[cls].set(a.attrs.id, (a.attrs.title ?? a.attrs.id).trim().toLowerCase());
	}
	const valuesOf = (el: El, cls: 'node' | 'edge') => {
		const values: Record<string, string> = {};
		for (const v of kids(kid(el, 'attvalues'), 'attvalue')) {
			const key = titles[cls].get(v.attrs.for ?? v.attrs.id ?? '') ?? (v.attrs.for ?? '').toLowerCase();
			if (key && v.attrs.value !== undefined) values[key] = v.attrs.value;
		}
		return values;
	};
	const seen = new Set<string>();
	for (const n of kids(kid(graph, 'nodes'), 'node')) finishNode(into, seen, n.attrs.id, n.attrs.label, valuesOf(n, 'node'), n.line);
	for (const e of kids(kid(graph, 'edges'), 'edge')) edgeEnds(into, seen, e, valuesOf(e, 'edge'));
	if (into.report.tiesRead === 0) into.report.errors.push('The GEXF file has no edges.');
	return into;
}

/** GraphML: keys declared with attr.name, values in <data key>. */
export function parseGraphml(text: string, fileName = ''): TieImport {
	const { into, root } = start(fileName, 'graphml', text);
	if (!root) return into;
	const graphml = kid(root, 'graphml');
	const graph = kid(graphml, 'graph');
	if (!graphml || !graph) {
		into.report.errors.push(
			graphml
				? 'The GraphML file has no <graph> element.'
				: `Not a GraphML file: the root element is <${root.children[0]?.name ?? 'nothing'}>, not <graphml>.`
		);
		return into;
	}
	const names = new Map<string, string>();
	for (const k of kids(graphml, 'key'))
		if (k.attrs.id) names.set(k.attrs.id, (k.attrs['attr.name'] ?? k.attrs.name ?? k.attrs.id).trim().toLowerCase());
	const valuesOf = (el: El) => {
		const values: Record<string, string> = {};
		for (const d of kids(el, 'data')) values[names.get(d.attrs.key ?? '') ?? (d.attrs.key ?? '').toLowerCase()] = d.text.trim();
		return values;
	};
	const seen = new Set<string>();
	for (const n of kids(graph, 'node')) {
		const values = valuesOf(n);
		finishNode(into, seen, n.attrs.id, values.label ?? values.name, values, n.line);
	}
	for (const e of kids(graph, 'edge')) edgeEnds(into, seen, e, valuesOf(e));
	if (into.report.tiesRead === 0) into.report.errors.push('The GraphML file has no edges.');
	return into;
}
