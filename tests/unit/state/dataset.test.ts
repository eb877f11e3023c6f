/** The dataset owner, the derived views over it, and the import session that feeds it. */
import { describe, expect, it } from 'vitest';
import { AppState } from '$lib/state/app-state.svelte';
import { emptyRecord, type MemberRecord } from '$lib/core/data/member';
import { placeKey, type ReviewChoice } from '$lib/core/geocode/review';
import { headerSetKey } from '$lib/core/project/import-memory';
import { ColumnsDataset, columnsOf } from '$lib/core/data/member-columns';

const member = (id: string, over: Partial<MemberRecord> = {}): MemberRecord => ({
	...emptyRecord(id),
	hometown: 'Brussels',
	country: 'BE',
	lon: 4.35,
	lat: 50.85,
	day: 300,
	dayEnd: 300,
	...over
});
const unplaced = (id: string, hometown: string, country = ''): MemberRecord => ({
	...emptyRecord(id),
	hometown,
	country,
	day: 300,
	dayEnd: 300
});
const choice = (hometown: string, lat: number, lon: number): ReviewChoice => ({
	fingerprint: '',
	placeKey: placeKey(hometown, ''),
	hometown,
	country: '',
	lat,
	lon,
	place: hometown,
	place_country: 'LY',
	chosenAt: '2026-01-01T00:00:00.000Z'
});

describe('Dataset and its views', () => {
	it.each([
		{ why: 'the same source grows (the geocoder placed more)', name: 'gtd.xlsx', weightMeaning: 'people killed (nkill)', kept: true },
		{ why: 'another file', name: 'other.xlsx', weightMeaning: 'people killed (nkill)', kept: false },
		{ why: 'the same name, another weight column', name: 'gtd.xlsx', weightMeaning: 'people wounded', kept: false }
	])('counting records instead of weights is kept when $why: $kept', ({ name, weightMeaning, kept }) => {
		const app = new AppState();
		const weighted = (ids: string[], meaning: string) => ({
			synthetic: false,
			weightMeaning: meaning,
			members: ids.map((id) => member(id, { weight: 3 }))
		});
		app.dataset.set(weighted(['a'], 'people killed (nkill)'), 'gtd.xlsx');
		app.dataset.setCountOnly(true);
		app.dataset.set(weighted(['a', 'b'], weightMeaning), name);
		expect(app.dataset.countOnly).toBe(kept);
	});

	it('indexes a small dataset at once; the slider keeps the study period and can widen to its dates', async () => {
		const app = new AppState();
		app.dataset.set({ synthetic: false, members: [member('a', { day: -200, dayEnd: -200 }), member('b')] }, 'List');
		await app.dataset.whenIndexed();
		expect([app.dataset.name, app.dataset.isUserData, app.dataset.indexing]).toEqual(['List', true, false]);
		// The study's period first: the member of 2013 counts from its first day (cumulative mode).
		expect(app.timeline.domain[0]).toBe(0);
		expect(app.views.countedBeforePeriod).toBe(1);
		expect(app.views.visibleCount).toBe(2);
		expect(app.timeline.dataYears[0]).toBe(2013);
		app.timeline.setPeriod(app.timeline.dataYears);
		expect(app.timeline.domain[0]).toBeLessThanOrEqual(-200);
		expect(app.views.visibleCount).toBe(2);
	});

	const UNITS = [
		{ title: 'members by default', input: undefined, expected: 'members' },
		{ title: 'records for an incident table', input: 'records' as const, expected: 'records' }
	];
	it.each(UNITS)('names its rows: $title', ({ input, expected }) => {
		const app = new AppState();
		app.dataset.set({ synthetic: false, kind: input, members: [member('a')] }, 'List');
		expect(app.dataset.unit.many).toBe(expected);
	});

	const VIEWS = [
		{ title: 'no filter, at the end', input: { role: null, time: 1095 }, expected: { filtered: 3, visible: 3 } },
		{ title: 'inner circle only', input: { role: 'inner', time: 1095 }, expected: { filtered: 1, visible: 1 } },
		{ title: 'before anyone', input: { role: null, time: 10 }, expected: { filtered: 3, visible: 0 } }
	];
	it.each(VIEWS)('derives counts from filters and date: $title', ({ input, expected }) => {
		const app = new AppState();
		app.dataset.set({ synthetic: false, members: [member('a', { role: 'inner' }), member('b'), member('c')] }, 'List');
		if (input.role) app.filters.toggle('role', input.role);
		app.timeline.setTime(input.time);
		expect({ filtered: app.views.filteredCount, visible: app.views.visibleCount }).toEqual(expected);
	});
});

describe('a dataset announced before it is set (an import still joining its batches)', () => {
	it.each([
		{ title: 'set follows', end: 'set' as const },
		{ title: 'withdrawn', end: 'withdraw' as const }
	])('counts as being prepared until then: $title', async ({ end }) => {
		const app = new AppState();
		app.dataset.set({ synthetic: false, members: [member('a')] }, 'one.csv');
		app.dataset.announce(5_000_000);
		expect([app.dataset.indexing, app.dataset.preparingCount, app.dataset.count]).toEqual([true, 5_000_000, 1]);
		let indexed = false;
		const waited = app.dataset.whenIndexed().then(() => (indexed = true));
		await Promise.resolve();
		expect(indexed).toBe(false);
		if (end === 'set') app.dataset.set({ synthetic: false, members: [member('a'), member('b')] }, 'two.csv');
		else app.dataset.withdraw();
		await waited;
		expect([app.dataset.indexing, app.dataset.preparingCount]).toEqual([false, end === 'set' ? 2 : 1]);
	});
});

describe('ImportSession', () => {
	it('puts placed rows on the map and keeps the rest for the geocoder with their row numbers', () => {
		const app = new AppState();
		app.importSession.importPartitioned({ placed: [member('a')], pending: [unplaced('b', 'Tripoli')] }, 'list.csv', 'members', [7]);
		expect(app.dataset.current.members.map((m) => m.id)).toEqual(['a']);
		expect(app.importSession.job?.rowNumbers).toEqual([7]);
		expect(app.importSession.pending.map((m) => m.id)).toEqual(['b']);
	});

	it('replaces what the geocoder placed before instead of adding to it', () => {
		const app = new AppState();
		const b = unplaced('b', 'Tripoli');
		app.importSession.importPartitioned({ placed: [member('a')], pending: [b] }, 'list.csv');
		app.importSession.setGeocoded([{ ...b, lat: 32.9, lon: 13.2 }], []);
		app.importSession.setGeocoded([{ ...b, lat: 34.4, lon: 35.8 }], []);
		expect(app.dataset.current.members.map((m) => [m.id, m.lat])).toEqual([
			['a', 50.85],
			['b', 34.4]
		]);
		expect(app.importSession.pending).toEqual([]);
	});

	const MAPPINGS = [
		{ title: 'the same headers', input: ['Town', 'When'], expected: { Town: 'hometown' } },
		{ title: 'in another order and case', input: ['WHEN', 'town'], expected: { Town: 'hometown' } },
		{ title: 'other headers', input: ['Town', 'When', 'Extra'], expected: undefined }
	];
	it.each(MAPPINGS)('finds a mapping again by header set: $title', ({ input, expected }) => {
		const app = new AppState();
		app.importSession.rememberMapping(headerSetKey(['Town', 'When']), { Town: 'hometown' });
		expect(app.importSession.mappingFor(headerSetKey(input))).toEqual(expected);
	});

	it('forgets a mapping that maps nothing', () => {
		const app = new AppState();
		app.importSession.rememberMapping('town', { Town: 'hometown' });
		app.importSession.rememberMapping('town', {});
		expect(app.importSession.mappings).toEqual({});
	});

	it('keeps choices by place text, the later one winning', () => {
		const app = new AppState();
		app.importSession.choose(choice('Tripoli', 32.9, 13.2));
		app.importSession.addChoices([
			{ ...choice('Tripoli', 34.4, 35.8), chosenAt: '2026-02-01T00:00:00.000Z' },
			choice('Raqqa', 35.95, 39.01)
		]);
		expect(Object.values(app.importSession.choices).map((c) => [c.hometown, c.lat])).toEqual([
			['Tripoli', 34.4],
			['Raqqa', 35.95]
		]);
		app.importSession.clearChoice(placeKey('Raqqa', ''));
		expect(Object.keys(app.importSession.choices)).toEqual([placeKey('Tripoli', '')]);
	});

	it('saves an unfinished review and restores it with what the geocoder placed', () => {
		const app = new AppState();
		const [b, c] = [unplaced('b', 'Tripoli'), unplaced('c', 'Qwzx')];
		app.importSession.importPartitioned({ placed: [member('a')], pending: [b, c] }, 'list.csv', 'members', [3, 4]);
		app.importSession.setGeocoded([{ ...b, lat: 32.9, lon: 13.2 }], [c]);
		app.importSession.choose(choice('Tripoli', 32.9, 13.2));
		const saved = app.importSession.toSaved();
		expect(saved.geocodeJob).toMatchObject({ rowNumbers: [3, 4], placedCount: 1 });

		const again = new AppState();
		again.dataset.set(app.dataset.current, 'list.csv');
		again.importSession.restore(saved.mappings, saved.geocodeChoices, saved.geocodeJob);
		expect(again.importSession.job?.rows.map((m) => m.id)).toEqual(['b', 'c']);
		// A new decision replaces the restored placement, it does not add a second one.
		again.importSession.setGeocoded([{ ...b, lat: 34.4, lon: 35.8 }], [c]);
		expect(again.dataset.current.members.map((m) => [m.id, m.lat])).toEqual([
			['a', 50.85],
			['b', 34.4]
		]);
		expect(Object.keys(again.importSession.choices)).toEqual([placeKey('Tripoli', '')]);
	});

	it("a file read as columns: its placed rows stay columns, the geocoder's members join them", () => {
		const app = new AppState();
		const b = unplaced('b', 'Tripoli');
		const columns = columnsOf([member('a'), member('c', { day: 400 })]);
		app.importSession.importPartitioned({ placed: [], pending: [b] }, 'list.csv', 'members', [3], '', false, columns);
		expect(app.dataset.current.columns).toBe(columns);
		expect(app.dataset.count).toBe(2);
		app.importSession.setGeocoded([{ ...b, lat: 32.9, lon: 13.2 }], []);
		app.importSession.setGeocoded([{ ...b, lat: 34.4, lon: 35.8 }], []);
		expect(app.dataset.current.columns?.length).toBe(3);
		expect(app.dataset.current.members.map((m) => [m.id, m.lat])).toEqual([
			['a', 50.85],
			['c', 50.85],
			['b', 34.4]
		]);
	});

	it('a file read as columns: the coordinate checks replace its members by identity', () => {
		const app = new AppState();
		app.importSession.importPartitioned(
			{ placed: [], pending: [] },
			'list.csv',
			'members',
			[],
			'',
			false,
			columnsOf([member('a'), member('c')])
		);
		const [a, c] = app.importSession.placedRecords();
		expect(app.importSession.placedRecords()[0], 'made once').toBe(a);
		app.importSession.replaceMembers(new Map([[c!, { ...c!, lat: 51.2, lon: 4.4 }]]));
		app.importSession.replaceMembers(new Map([[a!, { ...a!, place: 'Brussels' }]]));
		expect(app.dataset.current.columns).toBeDefined();
		expect(app.dataset.current.members.map((m) => [m.id, m.lat, m.place])).toEqual([
			['a', 50.85, 'Brussels'],
			['c', 51.2, undefined]
		]);
		// A record that is not in the dataset (any more) changes nothing.
		const before = app.dataset.current;
		app.importSession.replaceMembers(new Map([[a!, { ...a!, lat: 0 }]]));
		expect(app.dataset.current).toBe(before);
	});

	it('re-geocoding a file read as columns: the rows with a place name go to the geocoder as records', () => {
		const app = new AppState();
		const named = member('n', { row: 2 });
		app.importSession.importPartitioned(
			{ placed: [named], pending: [] },
			'list.csv',
			'members',
			[],
			'',
			true,
			columnsOf([member('u', { hometown: '' })])
		);
		expect(app.dataset.current.members.map((m) => m.id)).toEqual(['u']);
		expect(app.importSession.job?.rows.map((m) => [m.id, m.givenLat])).toEqual([['n', 50.85]]);
		expect(app.importSession.job?.rowNumbers).toEqual([2]);
	});

	it('drops the import and its review for the demo, and everything on forget', () => {
		const app = new AppState();
		app.importSession.importPartitioned({ placed: [member('a')], pending: [unplaced('b', 'Tripoli')] }, 'list.csv');
		app.importSession.rememberMapping('town', { Town: 'hometown' });
		app.importSession.showBundled({ synthetic: true, members: [member('d')] }, 'Demo');
		expect([app.importSession.job, app.dataset.isUserData, Object.keys(app.importSession.mappings).length]).toEqual([null, false, 1]);
		app.importSession.forget();
		expect(app.importSession.mappings).toEqual({});
	});
});

describe('a dataset held as columns (restored saved work)', () => {
	/** A ColumnsDataset that counts how often its records are made. */
	class Counted extends ColumnsDataset {
		reads = 0;
		override get members() {
			this.reads++;
			return super.members;
		}
	}
	const list = [member('a'), member('b', { day: 200, role: 'inner' }), member('c', { lon: NaN, lat: NaN })];

	it('is shown, counted, filtered and restored without making a record', () => {
		const app = new AppState();
		const dataset = new Counted(columnsOf(list), { synthetic: false });
		app.dataset.set(dataset, 'Saved list');
		app.importSession.restore({}, {}, null);
		expect(app.dataset.count).toBe(3);
		expect(app.dataset.isUserData).toBe(true);
		expect(app.dataset.index.byDate.length).toBe(2);
		app.filters.toggle('role', 'inner');
		expect(app.views.filteredCount).toBe(1);
		expect(app.views.timeIndex.order.length).toBe(1);
		app.dataset.setCountOnly(true);
		expect(app.dataset.index.columns.weight.every((w) => w === 1)).toBe(true);
		expect(dataset.reads, 'no record made').toBe(0);
		expect(
			app.views.timeIndex.members.map((m) => m.id),
			'records made when asked'
		).toEqual(['b']);
		expect(dataset.reads).toBe(0);
	});

	it("an unfinished review restored with it: the geocoder's members replaced, the file's kept, no record made of them", () => {
		const app = new AppState();
		const dataset = new Counted(columnsOf(list), { synthetic: false });
		app.dataset.set(dataset, 'Saved list');
		app.importSession.restore({}, {}, { rows: [unplaced('p', 'Tripoli')], rowNumbers: [4], placedCount: 1 });
		expect(app.importSession.job?.rows.map((r) => r.id)).toEqual(['p']);
		expect(dataset.reads).toBe(0);
		app.importSession.setGeocoded([{ ...unplaced('p', 'Tripoli'), lat: 32.9, lon: 13.2 }], []);
		expect(app.dataset.current.columns, 'still columns').toBeDefined();
		expect(app.dataset.current.members.map((m) => m.id)).toEqual(['a', 'b', 'p']);
		expect(app.importSession.toSaved().geocodeJob?.placedCount).toBe(1);
	});
});
