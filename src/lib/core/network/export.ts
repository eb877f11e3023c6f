/**
 * The graph's ties as CSV, with the privacy threshold of the other exports: each end's place is the
 * member's hometown only when at least k members of the export share it, else the folded "Other places
 * in <country>" (core/export/records); a member still under k after folding is written without any
 * place. Only the ties the graph shows (filters and date) are written.
 */
import Papa from 'papaparse';
import type { MemberRecord } from '../data/member';
import { neutralizeCell, privateRecords } from '../export/records';
import type { NetworkModel } from './graph';

export const TIES_CSV_COLUMNS = ['source', 'target', 'type', 'date', 'source_kind', 'target_kind', 'source_place', 'target_place'] as const;

export function tiesToCsv(
	model: NetworkModel,
	members: readonly MemberRecord[],
	shownEdges: Uint8Array | null,
	k: number,
	dateOf: (day: number) => string
): string {
	const shown = model.edges.filter((_, i) => !shownEdges || shownEdges[i]);
	const used = new Set<number>();
	for (const e of shown) for (const n of [e.source, e.target]) if (model.nodes[n]!.member >= 0) used.add(model.nodes[n]!.member);
	const { rows } = privateRecords(
		[...used].map((i) => members[i]!),
		k
	);
	const placeOf = new Map(rows.map((r) => [r.member, r.place.place]));
	const place = (n: number) => {
		const node = model.nodes[n]!;
		return node.member >= 0 ? (placeOf.get(members[node.member]!) ?? '') : '';
	};
	const data = shown.map((e) =>
		[
			model.nodes[e.source]!.id,
			model.nodes[e.target]!.id,
			e.type,
			Number.isFinite(e.day) ? dateOf(e.day) : '',
			model.nodes[e.source]!.kind,
			model.nodes[e.target]!.kind,
			place(e.source),
			place(e.target)
		].map(neutralizeCell)
	);
	return Papa.unparse({ fields: [...TIES_CSV_COLUMNS], data }, { newline: '\r\n' });
}
