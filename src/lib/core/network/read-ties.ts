/** One entry point for ties files, by name and content: GEXF, GraphML or an edge-list CSV. */
import { looksLikeEdgeList, parseEdgeList } from './edge-list';
import { emptyTieReport, type TieImport } from './ties';
import { parseGexf, parseGraphml } from './xml-graph';

export type TieFormat = 'gexf' | 'graphml' | 'edge-list';

/** The ties format of a file, or null for anything else (a member list goes to the member importer). */
export function tieFormatOf(fileName: string, head: string): TieFormat | null {
	const name = fileName.toLowerCase();
	if (name.endsWith('.gexf')) return 'gexf';
	if (name.endsWith('.graphml')) return 'graphml';
	const start = head
		.replace(/^\uFEFF/, '')
		.trimStart()
		.slice(0, 2000);
	if (start.startsWith('<')) return /<gexf[\s>]/.test(start) ? 'gexf' : /<graphml[\s>]/.test(start) ? 'graphml' : null;
	return looksLikeEdgeList(start) ? 'edge-list' : null;
}

export function readTies(text: string, fileName: string, format = tieFormatOf(fileName, text)): TieImport {
	if (format === 'gexf') return parseGexf(text, fileName);
	if (format === 'graphml') return parseGraphml(text, fileName);
	if (format === 'edge-list') return parseEdgeList(text, fileName);
	const into: TieImport = { ties: [], nodes: [], report: emptyTieReport(fileName, 'unknown') };
	into.report.errors.push('Not a ties file: expected GEXF, GraphML, or a CSV with source and target columns.');
	return into;
}
