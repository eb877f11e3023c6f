/**
 * Recomputes every figure the study publishes from geodata/members.demo.csv, read by the app's own
 * importer, and checks that the committed file is exactly what the seeded generator writes.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { importText } from '../../../src/lib/core/data/import';
import { demoCsv, DEMO_CSV, FIGURES, RECRUITERS } from '../../../geodata/scripts/make-demo-members';
import type { AtlasEvent } from '../../../src/lib/core/time/events';

const csv = readFileSync(DEMO_CSV, 'utf8');
const { records, report } = importText(csv, { fileName: 'members.demo.csv' });
const raw = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
const events = JSON.parse(readFileSync('geodata/events.json', 'utf8')) as AtlasEvent[];
const count = <T>(xs: T[], f: (x: T) => boolean) => xs.filter(f).length;
const tally = (xs: string[]) => xs.reduce<Record<string, number>>((t, x) => ((t[x] = (t[x] ?? 0) + 1), t), {});

describe('members.demo.csv reproduces the study', () => {
	it('imports cleanly: every row accepted, placed and dated, no warnings', () => {
		expect(report.errors).toEqual([]);
		expect(report.rejected).toEqual([]);
		expect(report.warnings).toEqual([]);
		expect(report.needsGeocoding).toEqual([]);
		expect(report.accepted).toBe(report.rowsRead);
		expect(records.every((r) => Number.isFinite(r.lat) && Number.isFinite(r.lon) && Number.isFinite(r.day))).toBe(true);
	});

	const FIGURE_TESTS = [
		{ title: '352 members in the network', got: () => records.length, expected: 352 },
		{ title: '85 in the inner circle', got: () => count(records, (r) => r.role === 'inner'), expected: 85 },
		{ title: 'the rest in the wider network', got: () => count(records, (r) => r.role === 'wider'), expected: 352 - 85 },
		{ title: '319 arrested', got: () => count(records, (r) => r.arrested === 'yes'), expected: 319 },
		{ title: '86 died', got: () => count(records, (r) => r.died === 'yes'), expected: 86 },
		{ title: '26 of the dead in the inner circle', got: () => count(records, (r) => r.died === 'yes' && r.role === 'inner'), expected: 26 },
		{
			title: 'arrested + died exceeds the total (some both)',
			got: () => count(records, (r) => r.arrested === 'yes' && r.died === 'yes') > 0,
			expected: true
		},
		{
			title: 'no unknown fates or roles',
			got: () => count(records, (r) => r.arrested === 'unknown' || r.died === 'unknown' || r.role === 'unknown'),
			expected: 0
		},
		{ title: '41 non-Western members', got: () => count(records, (r) => r.lastResidence !== ''), expected: 41 },
		{ title: 'twelve descent groups', got: () => new Set(records.map((r) => r.descent)).size, expected: 12 },
		{ title: 'nine recruitment organisations', got: () => new Set(records.map((r) => r.recruiter).filter(Boolean)).size, expected: 9 }
	];
	it.each(FIGURE_TESTS)('$title', ({ got, expected }) => {
		expect(got()).toBe(expected);
	});

	it('last residence of the non-Western: Saudi Arabia 10, Morocco 7, Algeria 4, Tunisia 4, others 1 or 2 each', () => {
		const byCountry = tally(records.map((r) => r.lastResidence).filter(Boolean));
		expect({ SA: byCountry.SA, MA: byCountry.MA, DZ: byCountry.DZ, TN: byCountry.TN }).toEqual(FIGURES.lastResidence);
		const others = Object.entries(byCountry).filter(([c]) => !(c in FIGURES.lastResidence));
		expect(others.length).toBeGreaterThan(1);
		for (const [c, n] of others) expect([1, 2], c).toContain(n);
	});

	it('a non-Western member lives (and is placed) in the country of last residence', () => {
		for (const r of records.filter((m) => m.lastResidence)) expect(r.country, r.id).toBe(r.lastResidence);
	});

	const SHARES = [
		{ group: 'Moroccan', share: 0.23 },
		{ group: 'Algerian', share: 0.14 },
		{ group: 'European convert', share: 0.08 },
		{ group: 'Tunisian', share: 0.06 },
		{ group: 'Sub-Saharan', share: 0.03 }
	];
	it.each(SHARES)('$group descent: $share of 352, rounded to whole people', ({ group, share }) => {
		expect(count(records, (r) => r.descent === group)).toBe(Math.round(share * 352));
	});

	it('Moroccan descent is the plurality', () => {
		const t = tally(records.map((r) => r.descent));
		const [top] = Object.entries(t).sort((a, b) => b[1] - a[1]);
		expect(top![0]).toBe('Moroccan');
	});

	it('names the three recruitment organisations the study names', () => {
		const used = new Set(records.map((r) => r.recruiter));
		for (const name of FIGURES.namedRecruiters) expect(used.has(name), name).toBe(true);
		for (const name of used) if (name) expect(RECRUITERS as readonly string[]).toContain(name);
	});

	it('Brussels is the hotspot; the UK, Scandinavia, France and the Netherlands are present', () => {
		const brusselsCapital = count(records, (r) => Math.abs(r.lat - 50.85) < 0.06 && Math.abs(r.lon - 4.35) < 0.08);
		const byCountry = tally(records.map((r) => r.country));
		expect(brusselsCapital).toBeGreaterThan(
			Math.max(
				...Object.entries(byCountry)
					.filter(([c]) => c !== 'BE')
					.map(([, n]) => n)
			) / 1.5
		);
		const byTown = tally(records.map((r) => r.hometown));
		const [topTown] = Object.entries(byTown).sort((a, b) => b[1] - a[1]);
		expect(['Molenbeek-Saint-Jean', 'Brussels']).toContain(topTown![0]);
		for (const c of ['GB', 'FR', 'NL']) expect(byCountry[c], c).toBeGreaterThan(10);
		expect((byCountry.SE ?? 0) + (byCountry.DK ?? 0) + (byCountry.NO ?? 0)).toBeGreaterThan(10);
		expect(byTown['Lunel']).toBeGreaterThan(5);
	});

	it('first acts fall mostly in 2014-2016; some dates are year-month or year only', () => {
		const years = raw.map((r) => Number(r.first_act!.slice(0, 4)));
		expect(count(years, (y) => y >= 2014 && y <= 2016) / years.length).toBeGreaterThan(0.8);
		expect(Math.max(...years), 'everyone is on the map at the end of 2016').toBeLessThanOrEqual(2016);
		const precision = tally(records.map((r) => r.datePrecision));
		expect(precision.day).toBeGreaterThan(precision.month!);
		expect(precision.month).toBeGreaterThan(0);
		expect(precision.year).toBeGreaterThan(0);
	});

	it('the inner circle is tied to the plots in events.json; every plot has people; the wider network has none', () => {
		const plotIds = new Set(events.filter((e) => e.kind === 'plot').map((e) => e.id));
		const inner = records.filter((r) => r.role === 'inner');
		for (const r of inner) {
			expect(r.plots.length, r.id).toBeGreaterThan(0);
			for (const p of r.plots) expect(plotIds.has(p), `${r.id}: ${p}`).toBe(true);
		}
		for (const id of plotIds)
			expect(
				inner.some((r) => r.plots.includes(id)),
				id
			).toBe(true);
		expect(records.filter((r) => r.role === 'wider').every((r) => r.plots.length === 0)).toBe(true);
	});

	it('an inner-circle member first acted no later than the earliest plot they are tied to', () => {
		for (const r of records.filter((m) => m.role === 'inner')) {
			const first = Math.min(...r.plots.map((p) => Date.parse(p.slice(5, 15))));
			expect(
				Date.parse(
					raw
						.find((x) => x.id === r.id)!
						.first_act!.padEnd(10, '-01')
						.replace(/-$/, '')
				),
				r.id
			).toBeLessThanOrEqual(first);
		}
	});

	it('ids are unique pseudonyms; every row says it is synthetic', () => {
		expect(new Set(records.map((r) => r.id)).size).toBe(352);
		expect(records.every((r) => /^M-\d{3}$/.test(r.id))).toBe(true);
		expect(records.every((r) => r.source === 'synthetic; see docs/DATA.md')).toBe(true);
	});

	it('has exactly the documented columns', () => {
		expect(csv.split('\n')[0]).toBe(
			'id,hometown,country,lat,lon,first_act,role,arrested,died,descent,last_residence,recruiter,plots,source'
		);
	});

	it('is exactly what the seeded generator writes (deterministic, committed output)', () => {
		expect(demoCsv()).toBe(csv);
	}, 60_000);
});
