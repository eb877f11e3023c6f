/**
 * The dataset index must answer exactly what the member-by-member functions answer (filters, facet
 * counts, the time index, the hotspot table), for any list: checked on generated lists with messy
 * values (case, spaces, missing coordinates and dates, fractional days), at once and in slices.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { emptyRecord, isPlaced, type MemberPoint } from '$lib/core/data/member';
import { indexDataset, NO_TOWN } from '$lib/core/data/dataset-index';
import { applyFilters, emptyFilters, filterOptions, type FilterState } from '$lib/core/filters/filters';
import { filterMask, filterOptionsOf } from '$lib/core/filters/filter-index';
import { timeIndexOf } from '$lib/core/time/time-index';
import { hotspotTable, hotspotTableOf, townCounts, townsInRange } from '$lib/core/hotspots/hotspots';
import { runAtOnce, runInSlices } from '$lib/core/slicing/slices';
import { FILTER_FIELDS } from '$lib/core/url/codec';
import { stableTopPeople } from '$lib/core/heat-domain';
import { domainFor } from '$lib/core/time/membership';

const TOWNS = [
	{ hometown: 'Brussels', country: 'BE', lon: 4.35, lat: 50.85 },
	{ hometown: ' brussels ', country: 'BE', lon: 4.36, lat: 50.84 },
	{ hometown: 'Molenbeek', country: 'BE', lon: 4.32, lat: 50.86 },
	{ hometown: 'Saint-Denis', country: 'FR', lon: 2.36, lat: 48.94 },
	{ hometown: 'Saint-Denis', country: 'RE', lon: 55.45, lat: -20.88 },
	{ hometown: 'Raqqa', country: '', lon: 39.0, lat: 35.95 }
];

const memberArb = fc.record({
	town: fc.nat(TOWNS.length - 1),
	placed: fc.boolean(),
	day: fc.oneof(fc.integer({ min: -400, max: 1500 }), fc.constant(NaN), fc.double({ min: 0, max: 1000, noNaN: true })),
	weight: fc.oneof(fc.constant(1), fc.nat(5), fc.constant(NaN)),
	role: fc.constantFrom('inner', 'wider', 'unknown'),
	arrested: fc.constantFrom('yes', 'no', 'unknown'),
	died: fc.constantFrom('yes', 'no', 'unknown'),
	descent: fc.constantFrom('', 'Moroccan', ' Moroccan ', 'Algerian'),
	lastResidence: fc.constantFrom('', 'BE', 'SY'),
	recruiter: fc.constantFrom('', 'Sharia4Belgium', 'Zerkani network')
});

function toMembers(rows: (typeof memberArb extends fc.Arbitrary<infer T> ? T : never)[]): MemberPoint[] {
	return rows.map((r, i) => {
		const t = TOWNS[r.town]!;
		return {
			...emptyRecord(`m${i}`),
			hometown: t.hometown,
			country: t.country,
			lon: r.placed ? t.lon : NaN,
			lat: r.placed ? t.lat : NaN,
			day: r.day,
			dayEnd: r.day,
			weight: r.weight,
			role: r.role as MemberPoint['role'],
			arrested: r.arrested as MemberPoint['arrested'],
			died: r.died as MemberPoint['died'],
			descent: r.descent,
			lastResidence: r.lastResidence,
			recruiter: r.recruiter
		};
	});
}

const filtersArb = fc.record(
	Object.fromEntries(
		FILTER_FIELDS.map((f) => [f, fc.subarray(['inner', 'wider', 'yes', 'no', 'unknown', 'none', 'Moroccan', 'BE', 'Sharia4Belgium'])])
	) as Record<keyof FilterState, fc.Arbitrary<string[]>>
);

/** The old way: filter, keep dated and placed members, sort by day with ties in input order. */
function expectedTimeline(members: MemberPoint[], filters: FilterState) {
	const filtered = applyFilters(members, filters);
	const dated = filtered
		.map((m, i) => ({ m, i }))
		.filter(({ m }) => !Number.isNaN(m.day) && Number.isFinite(m.lon) && Number.isFinite(m.lat))
		.sort((a, b) => a.m.day - b.m.day || a.i - b.i)
		.map(({ m }) => m);
	return { filtered, dated };
}

describe('facet counts without a pass over the members', () => {
	const none = Object.fromEntries(FILTER_FIELDS.map((f) => [f, []])) as unknown as FilterState;
	it.each([
		{ title: 'no filter set', filters: none },
		{ title: "one field filtered (its own counts are every member's)", filters: { ...none, role: ['inner'] } },
		{ title: 'one field filtered on a value nobody has', filters: { ...none, descent: ['Martian'] } },
		{ title: 'two fields filtered', filters: { ...none, role: ['inner'], died: ['yes', 'unknown'] } }
	])('$title: the same as member by member', ({ filters }) => {
		const members = toMembers(
			Array.from({ length: 40 }, (_, i) => ({
				town: i % TOWNS.length,
				placed: i % 7 > 0,
				day: i % 9 ? 100 + i : NaN,
				weight: 1,
				role: (['inner', 'wider', 'unknown'] as const)[i % 3]!,
				arrested: 'no',
				died: (['yes', 'no', 'unknown'] as const)[(i % 4) % 3]!,
				descent: i % 5 ? 'Moroccan' : ' Moroccan ',
				lastResidence: '',
				recruiter: i % 2 ? 'Zerkani network' : ''
			}))
		);
		const index = runAtOnce(indexDataset(members));
		expect(filterOptionsOf(index, filters)).toEqual(filterOptions(members, filters));
	});
});

describe('dataset index', () => {
	it('filters, facet counts, the time index and the hotspot table equal the member-by-member results', () => {
		fc.assert(
			fc.property(fc.array(memberArb, { maxLength: 60 }), filtersArb, (rows, filters) => {
				const members = toMembers(rows);
				const index = runAtOnce(indexDataset(members));
				const pass = filterMask(index, filters);
				const { filtered, dated } = expectedTimeline(members, filters);
				expect(pass ? members.filter((_, i) => pass[i]) : members).toEqual(filtered);
				expect(filterOptionsOf(index, filters)).toEqual(filterOptions(members, filters));

				const timeline = runAtOnce(timeIndexOf(index, pass));
				expect(timeline.members).toEqual(dated);
				expect([...timeline.days]).toEqual(dated.map((m) => m.day));
				expect([...timeline.weights]).toEqual(dated.map((m) => (Number.isFinite(m.weight) ? m.weight : 1)));
				expect(timeline.undated).toBe(filtered.length - dated.length);

				// Placed members without a date are shown (and counted) at every date.
				const shown = [...dated, ...filtered.filter((m) => isPlaced(m) && Number.isNaN(m.day))];
				expect(timeline.always?.members).toEqual(shown.slice(dated.length));
				const counted = (rs: { key: string; count: number; country: string }[]) => rs.map((r) => [r.key, r.count, r.country]);
				expect(counted(townsInRange(timeline, index.towns, 0, timeline.days.length))).toEqual(counted(townCounts(shown)));
				for (const level of ['town', 'metro', 'country'] as const)
					for (const k of [0, 3]) {
						const byIndex = hotspotTableOf(
							townsInRange(timeline, index.towns, 0, timeline.days.length),
							level,
							{ radiusKm: 15, k },
							shown.length
						);
						const byMembers = hotspotTable(shown, level, { radiusKm: 15, k });
						expect(byIndex.rows.map((r) => [r.key, r.count, r.folded])).toEqual(byMembers.rows.map((r) => [r.key, r.count, r.folded]));
						expect([byIndex.total, byIndex.suppressed, byIndex.ungeocoded]).toEqual([
							byMembers.total,
							byMembers.suppressed,
							byMembers.ungeocoded
						]);
					}
				expect(index.topPeople).toBe(stableTopPeople(members));
				expect(index.domain).toEqual(domainFor(members.map((m) => m.day)));
			}),
			{ numRuns: 300 }
		);
	});

	const TOWN_CASES = [
		{ title: 'case and spaces are one town', input: [' Brussels', 'brussels '], expected: 1 },
		{ title: 'the same name in two countries is two towns', input: ['Saint-Denis|FR', 'Saint-Denis|RE'], expected: 2 },
		{ title: 'no members, no towns', input: [], expected: 0 }
	];
	it.each(TOWN_CASES)('towns: $title', ({ input, expected }) => {
		const members = input.map((text, i) => {
			const [hometown, country = 'BE'] = text.split('|');
			return { ...emptyRecord(`m${i}`), hometown: hometown!, country, lon: 4, lat: 50, day: 1, dayEnd: 1 };
		});
		expect(runAtOnce(indexDataset(members)).towns).toHaveLength(expected);
	});

	it('a member without coordinates has no town and is never on the timeline', () => {
		const index = runAtOnce(indexDataset([{ ...emptyRecord('a'), hometown: 'Lunel', day: 3, dayEnd: 3 }]));
		expect([...index.town]).toEqual([NO_TOWN]);
		expect(index.byDate).toHaveLength(0);
		expect(index.undated).toBe(1);
	});

	// Whole days within 2^22 of each other are sorted by counting, the rest by comparison: both stable.
	const ORDER_CASES = [
		{ title: 'ties keep the input order', days: [5, 3, 5, 3, 4], expected: [1, 3, 4, 0, 2] },
		{ title: 'negative days (before the origin)', days: [0, -400, 12, -1], expected: [1, 3, 0, 2] },
		{ title: 'one member', days: [7], expected: [0] },
		{ title: 'a span too long to count (placeholder years)', days: [2 ** 23, 0, 2 ** 23, -5], expected: [3, 1, 0, 2] },
		{ title: 'fractional days', days: [1.5, 1.25, 1.5, 0], expected: [3, 1, 0, 2] },
		{ title: 'undated members are left out', days: [NaN, 2, NaN, 1], expected: [3, 1] }
	];
	it.each(ORDER_CASES)('date order: $title', ({ days, expected }) => {
		const members = days.map((day, i) => ({
			...emptyRecord(`m${i}`),
			hometown: 'Lunel',
			country: 'FR',
			lon: 4.1,
			lat: 43.7,
			day,
			dayEnd: day
		}));
		expect([...runAtOnce(indexDataset(members)).byDate]).toEqual(expected);
	});

	it('no filter set: the mask is null and everyone passes', () => {
		expect(filterMask(runAtOnce(indexDataset(toMembers([]))), emptyFilters())).toBeNull();
	});
});

describe('sliced work', () => {
	const members = Array.from({ length: 40_000 }, (_, i) => ({
		...emptyRecord(`m${i}`),
		hometown: `T${i % 97}`,
		lon: i % 30,
		lat: 40 + (i % 7),
		day: i % 1000,
		dayEnd: i % 1000
	}));

	it('in slices gives the same index as at once, and lets the event loop in between', async () => {
		let breaks = 0;
		const sliced = await runInSlices(indexDataset(members), {
			budgetMs: 0,
			yieldToEventLoop: async () => {
				breaks++;
			}
		});
		expect(sliced).toEqual(runAtOnce(indexDataset(members)));
		// 6 filter fields + the town pass over 40,000 members, one break per 8,192 at least.
		expect(breaks).toBeGreaterThan(25);
		// A correctness check over 40,000 members (a deep comparison of two whole indexes), not a speed
		// check: on a busy 2-core machine it outruns vitest's 5 s default. Speed lives in the benchmarks.
	}, 60_000);

	it('a cancelled run stops at the next break and gives null', async () => {
		let breaks = 0;
		const result = await runInSlices(indexDataset(members), {
			budgetMs: 0,
			yieldToEventLoop: async () => void breaks++,
			cancelled: () => breaks >= 2
		});
		expect(result).toBeNull();
		expect(breaks).toBe(2);
	});
});
