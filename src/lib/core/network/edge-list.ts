/**
 * Edge-list CSV: source, target, type, optional date (Gephi's edge table exports Source,Target,Type;
 * `from`/`to` work too). Read with Papa Parse like member lists; rows are numbered as a spreadsheet
 * shows them (header = row 1).
 */
import Papa from 'papaparse';
import { addTie, emptyTieReport, type TieImport } from './ties';

const fold = (h: string) =>
	h
		.trim()
		.toLowerCase()
		.replace(/[\s_-]+/g, '');
const COLUMNS: Record<'source' | 'target' | 'type' | 'date', string[]> = {
	source: ['source', 'from', 'sourceid', 'src', 'node1', 'member'],
	target: ['target', 'to', 'targetid', 'dst', 'node2'],
	type: ['type', 'tietype', 'kind', 'relation', 'label'],
	date: ['date', 'start', 'since', 'timestamp', 'firstknown']
};

/** True when a CSV's header names a source and a target column: a ties file, not a member list. */
export function looksLikeEdgeList(text: string): boolean {
	const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
	const cells = header.split(/[,;\t|]/).map((c) => fold(c.replace(/^"|"$/g, '')));
	return (
		COLUMNS.source.some((c) => cells.includes(c)) &&
		COLUMNS.target.some((c) => cells.includes(c)) &&
		!cells.includes('hometown') &&
		!cells.includes('lat')
	);
}

export function parseEdgeList(text: string, fileName = ''): TieImport {
	const into: TieImport = { ties: [], nodes: [], report: emptyTieReport(fileName, 'edge-list') };
	const { report } = into;
	const body = text.replace(/^\uFEFF/, '');
	if (!body.trim()) {
		report.errors.push('The file is empty.');
		return into;
	}
	const parsed = Papa.parse<string[]>(body, { skipEmptyLines: false, delimitersToGuess: [',', ';', '\t', '|'] });
	const rows = parsed.data;
	const header = (rows[0] ?? []).map(fold);
	const column = (field: keyof typeof COLUMNS) => header.findIndex((h) => COLUMNS[field].includes(h));
	const [s, t, ty, d] = [column('source'), column('target'), column('type'), column('date')];
	if (s < 0 || t < 0) {
		report.errors.push(
			`No ${s < 0 ? 'source' : 'target'} column: an edge list needs columns named source and target (or from and to). The header reads: ${(rows[0] ?? []).join(', ').slice(0, 200)}.`
		);
		return into;
	}
	const quoteErrors = new Set(parsed.errors.filter((e) => e.code === 'MissingQuotes').map((e) => e.row));
	for (let i = 1; i < rows.length; i++) {
		const cells = rows[i]!;
		if (cells.every((c) => !c.trim())) continue; // blank lines are not rows
		const row = i + 1;
		if (quoteErrors.has(i)) {
			report.tiesRead++;
			report.rejected.push({ row, field: '', reason: 'unbalanced quotes' });
			continue;
		}
		if (cells.length > header.length) {
			report.tiesRead++;
			report.rejected.push({ row, field: '', reason: `${cells.length} fields for ${header.length} columns (values probably shifted)` });
			continue;
		}
		addTie(into, row, { source: cells[s], target: cells[t], type: ty >= 0 ? cells[ty] : undefined, date: d >= 0 ? cells[d] : undefined });
	}
	if (report.tiesRead === 0) report.errors.push('The file has a header but no ties.');
	return into;
}
