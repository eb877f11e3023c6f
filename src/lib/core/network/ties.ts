/**
 * Ties between members, plots and recruitment organisations, and the report of a ties file. The three
 * readers (edge-list CSV, GEXF, GraphML) produce the same TieImport, so the app and the command line
 * show one kind of report: every tie read is accepted or rejected with its row (CSV) or line (XML)
 * and a reason, and ids no node of the file or of the member list carries are listed.
 */
import { parseDate } from '../data/dates';

export type TieType = 'plot' | 'organisation' | 'contact' | 'other';
export const TIE_TYPES: readonly TieType[] = ['plot', 'organisation', 'contact', 'other'];

export interface Tie {
	source: string;
	target: string;
	type: TieType;
	/** As written, normalised (YYYY-MM-DD, YYYY-MM or YYYY); '' when undated. */
	date: string;
	/** Day number the tie is known from (a partial date counts from its first day); NaN when undated. */
	day: number;
}

export type FileNodeKind = 'member' | 'plot' | 'organisation' | 'other';

/** A node a GEXF or GraphML file declares (edge lists declare none). */
export interface FileNode {
	id: string;
	label: string;
	kind: FileNodeKind | null;
	lat: number;
	lon: number;
	line: number;
}

export interface TieProblem {
	/** CSV: the spreadsheet row (header = 1). XML: the line of the element. 0 = the whole file. */
	row: number;
	field: string;
	reason: string;
}

export interface TieReport {
	kind: 'ties';
	file: string;
	format: 'edge-list' | 'gexf' | 'graphml' | 'unknown';
	/** Always tiesRead = accepted + rejected.length. */
	tiesRead: number;
	accepted: number;
	rejected: TieProblem[];
	warnings: TieProblem[];
	nodesRead: number;
	/** Tie ends that are neither a node of the file nor a member, plot or organisation the app knows. */
	unknownIds: string[];
	/** Why nothing could be read (empty, not XML, no source/target columns ...). */
	errors: string[];
	/** How many ties of each type were accepted. */
	types: Record<TieType, number>;
}

export interface TieImport {
	ties: Tie[];
	nodes: FileNode[];
	report: TieReport;
}

export const MAX_TIE_PROBLEMS = 2000;

export function emptyTieReport(file: string, format: TieReport['format']): TieReport {
	return {
		kind: 'ties',
		file,
		format,
		tiesRead: 0,
		accepted: 0,
		rejected: [],
		warnings: [],
		nodesRead: 0,
		unknownIds: [],
		errors: [],
		types: { plot: 0, organisation: 0, contact: 0, other: 0 }
	};
}

const TYPE_WORDS: Record<string, TieType> = {
	plot: 'plot',
	'member-plot': 'plot',
	attack: 'plot',
	conspiracy: 'plot',
	organisation: 'organisation',
	organization: 'organisation',
	org: 'organisation',
	recruiter: 'organisation',
	recruitment: 'organisation',
	'member-organisation': 'organisation',
	'member-organization': 'organisation',
	contact: 'contact',
	'member-member': 'contact',
	tie: 'contact',
	knows: 'contact',
	friend: 'contact',
	family: 'contact',
	kin: 'contact',
	associate: 'contact'
};

/** A tie type from a cell; null when the text says nothing we know (kept as 'other' with a warning). */
export function tieTypeOf(text: string): TieType | null {
	return (
		TYPE_WORDS[
			text
				.trim()
				.toLowerCase()
				.replace(/[\s_]+/g, '-')
		] ?? null
	);
}

/** Node id of a recruitment organisation named in a member row: the same slug the demo generator writes. */
export const orgId = (name: string) =>
	`org-${name
		.toLowerCase()
		.normalize('NFKD')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '')}`;

/**
 * Adds one tie read at `row` to the import, or rejects it with a reason. Shared by the three readers
 * so a tie means the same in each: both ends required, no tie of a node to itself, a date that can be
 * read or none (an unreadable date is a warning: the tie is kept undated).
 */
export function addTie(into: TieImport, row: number, raw: { source?: string; target?: string; type?: string; date?: string }): void {
	const { report } = into;
	report.tiesRead++;
	const source = (raw.source ?? '').trim();
	const target = (raw.target ?? '').trim();
	const reject = (field: string, reason: string) => {
		if (report.rejected.length < MAX_TIE_PROBLEMS) report.rejected.push({ row, field, reason });
		else report.rejected.push(report.rejected[report.rejected.length - 1]!); // keeps the count honest, no more text
	};
	if (!source) return reject('source', 'no source id');
	if (!target) return reject('target', 'no target id');
	if (source === target) return reject('target', `a tie of "${clip(source)}" to itself`);
	if (source.length > 200 || target.length > 200) return reject(source.length > 200 ? 'source' : 'target', 'id longer than 200 characters');
	let type = tieTypeOf(raw.type ?? '');
	if (!type) {
		if ((raw.type ?? '').trim() && !/^(un)?directed$/i.test(raw.type!.trim()))
			warn(into, row, 'type', `type "${clip(raw.type!)}" is not plot, organisation or contact: read as other`);
		type = 'other';
	}
	let date = '';
	let day = NaN;
	if ((raw.date ?? '').trim()) {
		const parsed = parseDate(raw.date!);
		if (parsed) ({ iso: date, day } = parsed);
		else warn(into, row, 'date', `date "${clip(raw.date!)}" cannot be read: the tie is kept without a date`);
	}
	into.ties.push({ source, target, type, date, day });
	report.accepted++;
	report.types[type]++;
}

export function warn(into: TieImport, row: number, field: string, reason: string) {
	if (into.report.warnings.length < MAX_TIE_PROBLEMS) into.report.warnings.push({ row, field, reason });
}

// eslint-disable-next-line no-control-regex -- control characters are what this replaces
export const clip = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}...` : text).replace(/[\u0000-\u001f]/g, ' ');

/**
 * Lists the tie ends that are no node of the file and no member, plot or organisation the app knows,
 * sorted, at most `limit` (the count of the rest is the list's last line).
 */
export function listUnknownIds(imported: TieImport, known: (id: string) => boolean, limit = 500): string[] {
	const declared = new Set(imported.nodes.map((n) => n.id));
	const unknown = new Set<string>();
	for (const t of imported.ties) {
		for (const id of [t.source, t.target]) if (!declared.has(id) && !known(id)) unknown.add(id);
	}
	for (const n of imported.nodes) if (!known(n.id) && !known(n.label)) unknown.add(n.id);
	const sorted = [...unknown].sort();
	return sorted.length > limit ? [...sorted.slice(0, limit), `... and ${sorted.length - limit} more`] : sorted;
}

/** The build's ties.demo.json ([source, target, type, date] rows) back into ties. */
export function tiesFromJson(raw: unknown): Tie[] {
	const rows = (raw as { ties?: unknown })?.ties;
	if (!Array.isArray(rows)) throw new Error('not a ties file');
	return rows.map((r: unknown) => {
		const [source, target, type, date] = r as string[];
		const parsed = date ? parseDate(date) : null;
		return {
			source: String(source),
			target: String(target),
			type: tieTypeOf(String(type)) ?? 'other',
			date: parsed?.iso ?? '',
			day: parsed?.day ?? NaN
		};
	});
}
