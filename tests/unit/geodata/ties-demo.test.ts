/**
 * The demo's ties (geodata/ties.demo.csv) read through the app's own edge-list reader: consistent with
 * the member rows and with the study's figures (85 inner circle tied to the plots, nine recruitment
 * organisations, everyone else one step from the inner circle), and exactly what the generator writes.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { importText } from '../../../src/lib/core/data/import';
import { readEvents } from '../../../src/lib/core/time/events';
import { parseEdgeList } from '../../../src/lib/core/network/edge-list';
import { buildNetwork, activeAt } from '../../../src/lib/core/network/graph';
import { listUnknownIds, orgId } from '../../../src/lib/core/network/ties';
import { demoTiesCsv, DEMO_TIES_CSV, FIGURES, orgId as generatorOrgId } from '../../../geodata/scripts/make-demo-members';

const tiesCsv = readFileSync(DEMO_TIES_CSV, 'utf8');
const { records } = importText(readFileSync('geodata/members.demo.csv', 'utf8'), { fileName: 'members.demo.csv' });
const { events } = readEvents(JSON.parse(readFileSync('geodata/events.json', 'utf8')));
const imported = parseEdgeList(tiesCsv, 'ties.demo.csv');
const model = buildNetwork({ members: records, events, ties: imported.ties });
const byId = new Map(records.map((r) => [r.id, r]));
const plots = events.filter((e) => e.kind === 'plot');
const inner = new Set(records.filter((r) => r.role === 'inner').map((r) => r.id));

describe('ties.demo.csv', () => {
	it('is what the seeded generator writes', () => {
		expect(demoTiesCsv()).toBe(tiesCsv);
	}, 60_000); // the generator reads the GeoNames gazetteer for the members first

	it('reads cleanly: every tie accepted, no warnings, no unknown ids', () => {
		const { report } = imported;
		expect(report.errors).toEqual([]);
		expect(report.rejected).toEqual([]);
		expect(report.warnings).toEqual([]);
		expect(report.accepted).toBe(report.tiesRead);
		const known = (id: string) => byId.has(id) || model.index.has(id);
		expect(listUnknownIds(imported, known)).toEqual([]);
	});

	const plotTies = imported.ties.filter((t) => t.type === 'plot');
	const orgTies = imported.ties.filter((t) => t.type === 'organisation');
	const contacts = imported.ties.filter((t) => t.type === 'contact');

	const FIGURES_TABLE = [
		{
			title: 'the 85 inner-circle members, and only they, are tied to plots',
			got: () => new Set(plotTies.map((t) => t.source)).size,
			expected: FIGURES.inner
		},
		{ title: 'no wider member tied to a plot', got: () => plotTies.filter((t) => !inner.has(t.source)).length, expected: 0 },
		{ title: 'every plot of events.json has members', got: () => new Set(plotTies.map((t) => t.target)).size, expected: plots.length },
		{ title: 'nine recruitment organisations', got: () => new Set(orgTies.map((t) => t.target)).size, expected: FIGURES.recruiters },
		{
			title: 'the three the study names are among them',
			got: () => FIGURES.namedRecruiters.every((n) => orgTies.some((t) => t.target === orgId(n))),
			expected: true
		},
		{
			title: 'member-organisation ties match the recruiter column',
			got: () => orgTies.length,
			expected: records.filter((r) => r.recruiter).length
		},
		{
			title: 'member-plot ties match the plots column',
			got: () => plotTies.length,
			expected: records.reduce((n, r) => n + r.plots.length, 0)
		},
		{ title: 'contacts join two members', got: () => contacts.every((t) => byId.has(t.source) && byId.has(t.target)), expected: true }
	];
	it.each(FIGURES_TABLE)('$title', ({ got, expected }) => {
		expect(got()).toBe(expected);
	});

	it('every wider member is one step from the inner circle (the snowball step)', () => {
		const stepped = new Set<string>();
		for (const t of contacts) {
			if (inner.has(t.source) && !inner.has(t.target)) stepped.add(t.target);
			if (inner.has(t.target) && !inner.has(t.source)) stepped.add(t.source);
		}
		expect(stepped.size).toBe(FIGURES.members - FIGURES.inner);
	});

	it('a contact is dated when the later of its two members is active', () => {
		for (const t of contacts) expect(t.day, `${t.source}-${t.target}`).toBe(Math.max(byId.get(t.source)!.day, byId.get(t.target)!.day));
	});

	it('the generator and the app name organisations the same way', () => {
		for (const n of FIGURES.namedRecruiters) expect(generatorOrgId(n)).toBe(orgId(n));
	});

	it('at the timeline end every node and tie of the demo shows', () => {
		const shown = activeAt(model, { day: 1095, mode: 'cumulative', windowMonths: 6 });
		expect(shown.nodes.every((v) => v === 1)).toBe(true);
		expect(shown.edges.every((v) => v === 1)).toBe(true);
		expect(model.nodes.length).toBe(FIGURES.members + plots.length + FIGURES.recruiters);
	});
});
