import { describe, expect, it } from 'vitest';
import { emptyRecord, isUserDataset, memberCount, type MemberDataset, type MemberRecord } from '$lib/core/data/member';
import { datasetToJson } from '$lib/core/data/serialize';
import { indexColumns, indexDataset } from '$lib/core/data/dataset-index';
import { timeIndexOf } from '$lib/core/time/time-index';
import { runAtOnce } from '$lib/core/slicing/slices';
import {
	ColumnsAppender,
	ColumnsBuilder,
	ColumnsDataset,
	buffersOf,
	byteSizeOf,
	columnsOf,
	concatColumns,
	concatColumnsOf,
	idAt,
	isMemberColumns,
	pickColumns,
	recordAt,
	recordsAt,
	recordsOf,
	sliceColumns,
	withUnitWeights
} from '$lib/core/data/member-columns';

const rec = (id: string, extra: Partial<MemberRecord> = {}): MemberRecord => ({ ...emptyRecord(id), ...extra });

const full = rec('m1', {
	hometown: 'Molenbeek',
	country: 'BE',
	lon: 4.33,
	lat: 50.85,
	day: 400,
	dayEnd: 430,
	datePrecision: 'month',
	role: 'inner',
	arrested: 'yes',
	died: 'no',
	descent: 'Moroccan',
	lastResidence: 'SY',
	recruiter: 'Zerkani',
	plots: ['paris-2015', 'brussels-2016'],
	source: 'court file',
	weight: 2.5,
	category: 'Central Med',
	placeId: 'BE:2791537',
	place: 'Molenbeek-Saint-Jean',
	population: 96586,
	region: 'Brussels',
	row: 17,
	givenLat: 50.8,
	givenLon: 4.3
});

const CASES: { title: string; records: MemberRecord[] }[] = [
	{ title: 'no members', records: [] },
	{ title: 'one empty record (NaN numbers, empty strings, no plots)', records: [rec('a')] },
	{ title: 'every field set', records: [full] },
	{ title: 'optional fields on some members only', records: [rec('a'), full, rec('c', { population: 0, row: 2 })] },
	{
		title: 'empty string kept apart from an absent optional field',
		records: [rec('a', { place: '' }), rec('b'), rec('c', { region: '' })]
	},
	{
		title: 'unicode: accents, right-to-left, astral characters, in ids and values',
		records: [
			rec('ü-1', { hometown: 'Liège', descent: 'الجزائر' }),
			rec('𝔘-2', { hometown: 'Zürich 🏙', plots: ['ü', '🏙'] }),
			rec('', { hometown: ' spaced  ' })
		]
	},
	{
		title: 'Infinity, negative zero and fractional days',
		records: [rec('a', { lon: -0, lat: Infinity, day: 1.5, dayEnd: -Infinity, weight: 0 })]
	},
	{
		title: 'repeated values share codes; many plots',
		records: Array.from({ length: 300 }, (_, i) =>
			rec(`m${i}`, { hometown: `t${i % 7}`, plots: Array.from({ length: i % 4 }, (_, k) => `p${k}`) })
		)
	}
];

describe('member columns: records -> columns -> records', () => {
	it.each(CASES)('$title', ({ records }) => {
		const c = columnsOf(records);
		expect(c.length).toBe(records.length);
		expect(isMemberColumns(c)).toBe(true);
		expect(recordsOf(c)).toEqual(records);
		records.forEach((r, i) => expect(Object.is(recordAt(c, i).lon, r.lon)).toBe(true));
	});

	it('keeps which optional fields a record has (no key added for an absent one)', () => {
		const [a, b] = recordsOf(columnsOf([rec('a'), full]));
		expect(Object.keys(a!).sort()).toEqual(Object.keys(rec('a')).sort());
		expect(Object.keys(b!).sort()).toEqual(Object.keys(full).sort());
	});

	it('codes in the smallest integer type: 8 bits up to 256 values, 16 bits past that', () => {
		const few = columnsOf(Array.from({ length: 256 }, (_, i) => rec(`m${i}`, { hometown: `t${i}` })));
		const many = columnsOf(Array.from({ length: 257 }, (_, i) => rec(`m${i}`, { hometown: `t${i}` })));
		expect(few.hometown.codes).toBeInstanceOf(Uint8Array);
		expect(many.hometown.codes).toBeInstanceOf(Uint16Array);
		expect(recordsOf(many).map((r) => r.hometown)).toEqual(Array.from({ length: 257 }, (_, i) => `t${i}`));
	});

	it('an optional number column exists only when some member has the field', () => {
		expect(columnsOf([rec('a')]).population).toBeUndefined();
		expect(columnsOf([rec('a'), rec('b', { population: 5 })]).population).toEqual(new Float64Array([NaN, 5]));
	});
});

const records = CASES.flatMap((c) => c.records).map((r, i) => ({ ...r, id: `${r.id}#${i}` }));

describe('member columns: slices and concatenation', () => {
	const c = columnsOf(records);
	it.each([
		{ title: 'in two', cuts: [0, 5, records.length] },
		{ title: 'with empty parts', cuts: [0, 0, 3, 3, records.length] },
		{ title: 'one member each at the start', cuts: [0, 1, 2, 3, records.length] },
		{ title: 'whole', cuts: [0, records.length] }
	])('sliced $title and put together again: the same members', ({ cuts }) => {
		const parts = cuts.slice(1).map((to, k) => sliceColumns(c, cuts[k]!, to));
		parts.forEach((p, k) => expect(recordsOf(p)).toEqual(records.slice(cuts[k], cuts[k + 1])));
		const joined = concatColumns(parts);
		expect(isMemberColumns(joined)).toBe(true);
		expect(recordsOf(joined)).toEqual(records);
	});

	it('concatenation of parts built apart merges their dictionaries', () => {
		const a = columnsOf([rec('a', { hometown: 'X', plots: ['p'] })]);
		const b = columnsOf([rec('b', { hometown: 'Y', plots: ['q', 'p'] }), rec('c', { hometown: 'X', population: 3 })]);
		const joined = concatColumns([a, b]);
		expect(joined.hometown.values).toEqual(['X', 'Y']);
		expect(joined.plots.values).toEqual(['p', 'q']);
		expect(recordsOf(joined)).toEqual([...recordsOf(a), ...recordsOf(b)]);
	});

	it('recordsAt picks members by index', () => {
		expect(recordsAt(c, [2, 0]).map((r) => r.id)).toEqual([records[2]!.id, records[0]!.id]);
		expect(idAt(c, 1)).toBe(records[1]!.id);
	});

	it('a builder fed one by one equals columnsOf', () => {
		const b = new ColumnsBuilder();
		for (const r of records) b.push(r);
		expect(b.build()).toEqual(c);
	});

	it('unit weights change the weights only', () => {
		const u = withUnitWeights(c);
		expect([...u.weight].every((w) => w === 1)).toBe(true);
		expect(u.lon).toBe(c.lon);
		expect(c.weight[records.length - 300 - 1]).toBe(0);
	});

	it('buffers: one per array, none twice; the size counts them', () => {
		const buffers = buffersOf(c);
		expect(new Set(buffers).size).toBe(buffers.length);
		expect(byteSizeOf(c)).toBeGreaterThanOrEqual(buffers.reduce((s, b) => s + b.byteLength, 0) - 8 * 64);
	});
});

describe('isMemberColumns: what storage hands back is checked', () => {
	const good = () => columnsOf([full, rec('b')]);
	const BROKEN: { title: string; breakIt: (c: Record<string, unknown> & ReturnType<typeof good>) => void }[] = [
		{ title: 'length not a count', breakIt: (c) => (c.length = 1.5) },
		{ title: 'a number column too short', breakIt: (c) => (c.lon = new Float64Array(1)) },
		{ title: 'a number column of another type', breakIt: (c) => (c.day = new Float32Array(2) as never) },
		{ title: 'a code out of range', breakIt: (c) => (c.hometown = { codes: new Uint8Array([0, 9]), values: ['x'] }) },
		{ title: 'null in a field that is never absent', breakIt: (c) => (c.country = { codes: new Uint8Array([0, 0]), values: [null] }) },
		{ title: 'id offsets past the bytes', breakIt: (c) => (c.id = { offsets: new Uint32Array([0, 2, 99]), bytes: new Uint8Array(3) }) },
		{ title: 'decreasing plot offsets', breakIt: (c) => (c.plots = { ...c.plots, offsets: new Uint32Array([0, 2, 1]) }) },
		{ title: 'an optional column of the wrong length', breakIt: (c) => (c.population = new Float64Array(5)) },
		{ title: 'a field missing', breakIt: (c) => delete (c as Partial<typeof c>).region }
	];
	it('accepts whole columns', () => expect(isMemberColumns(good())).toBe(true));
	it.each(BROKEN)('rejects $title', ({ breakIt }) => {
		const c = good() as Record<string, unknown> & ReturnType<typeof good>;
		breakIt(c);
		expect(isMemberColumns(c)).toBe(false);
	});
	it.each([null, undefined, 3, 'x', [], {}])('rejects %s', (v) => expect(isMemberColumns(v)).toBe(false));
});

describe('ColumnsDataset', () => {
	const list = [full, rec('b', { hometown: 'Liège' })];
	const make = () => new ColumnsDataset(columnsOf(list), { synthetic: false, kind: 'records', weightMeaning: 'people killed (nkill)' });

	it('counts without making records, and makes them (once) when read', () => {
		const d = make();
		expect(memberCount(d)).toBe(2);
		expect(isUserDataset(d)).toBe(true);
		expect(d.members).toEqual(list);
		expect(d.members).toBe(d.members);
	});

	it('a spread with other members carries no columns that no longer match them', () => {
		const derived: MemberDataset = { ...make(), members: [list[1]!] };
		expect(derived.columns).toBeUndefined();
		expect(memberCount(derived)).toBe(1);
		expect(derived).toMatchObject({ synthetic: false, kind: 'records', weightMeaning: 'people killed (nkill)' });
	});

	it('writes its records to JSON like any dataset', () => {
		const plain: MemberDataset = { synthetic: false, kind: 'records', weightMeaning: 'people killed (nkill)', members: list };
		expect(JSON.parse(datasetToJson(make()))).toEqual(JSON.parse(datasetToJson(plain)));
	});
});

describe('the dataset index from columns equals the index from records', () => {
	const list = [
		rec('a', { hometown: 'Brussels', country: 'BE', lon: 4.35, lat: 50.85, day: 10, role: 'inner' }),
		rec('b', { hometown: ' brussels ', country: 'BE', lon: 4.36, lat: 50.84, day: 5, descent: ' Moroccan ' }),
		rec('c', { hometown: 'Bruxelles', placeId: 'BE:1', place: 'Brussels', country: 'BE', lon: 4.35, lat: 50.85, day: 5 }),
		rec('d', { hometown: 'Brussel', placeId: 'BE:1', place: 'Brussels', country: 'BE', lon: 4.35, lat: 50.85 }),
		rec('e', { hometown: '', country: 'FR', lon: 2.1234, lat: 48.5678, day: 7.5 }),
		rec('f', { hometown: 'Raqqa', country: '', day: 3 }),
		rec('g', { hometown: 'Bruxelles', placeId: 'BE:1', place: 'Brussels', country: 'BE', lon: 4.35, lat: 50.85, day: 1 })
	];
	it('fields, towns, date order, counts', () => {
		const fromRecords = runAtOnce(indexDataset(list));
		const fromColumns = runAtOnce(indexColumns(columnsOf(list)));
		const { members: _a, columns: _b, ...expected } = fromRecords;
		const { members: _c, columns: _d, ...actual } = fromColumns;
		expect(actual).toEqual(expected);
		expect(fromColumns.towns.find((t) => t.key === 'BE:1')?.spellings).toEqual(['Brussels', 'Bruxelles', 'Brussel']);
		expect(fromColumns.members).toEqual(list);
		expect(runAtOnce(timeIndexOf(fromColumns, null)).members.map((m) => m.id)).toEqual(['g', 'b', 'c', 'e', 'a']);
	});
});

describe('ColumnsAppender: batches joined as they arrive', () => {
	const c = columnsOf(records);
	const many = (n: number, town: (i: number) => string) =>
		Array.from({ length: n }, (_, i) => rec(`x${i}`, { hometown: town(i), plots: i % 3 ? [`p${i % 300}`] : [], row: i }));
	it.each([
		{ title: 'whole batches', batches: [records.slice(0, 5), records.slice(5)], pick: null },
		{
			title: 'whole batches of one and more',
			batches: [records.slice(0, 3), records.slice(3, 4), records.slice(4)],
			pick: null
		},
		{ title: 'empty batches among them', batches: [[], records.slice(0, 2), [], records.slice(2)], pick: null },
		{
			title: 'picked members of each batch',
			batches: [records.slice(0, 6), records.slice(6)],
			expected: records.length,
			pick: (i: number) => i % 2 === 0
		},
		{
			title: 'none picked from a batch',
			batches: [records.slice(0, 6), records.slice(6)],
			pick: (i: number) => i > 3 && i < 2
		},
		{
			title: 'a dictionary that widens from 8 to 16 bits between batches',
			batches: [many(200, (i) => `a${i}`), many(200, (i) => `b${i}`), many(300, (i) => `a${i}`)],
			pick: null
		},
		{
			title: 'optional numbers only in a later batch',
			batches: [[rec('a')], [rec('b', { population: 7, givenLat: 1 })], [rec('c')]],
			pick: null
		},
		{
			title: 'optional numbers only in an earlier batch, picked',
			batches: [
				[full, rec('b')],
				[rec('c'), rec('d')]
			],
			pick: (i: number) => i === 1
		}
	])('$title: the same members as one columnsOf of them', ({ batches, pick }) => {
		const appender = new ColumnsAppender();
		const want: MemberRecord[] = [];
		for (const batch of batches) {
			const which = pick ? batch.map((_, i) => i).filter(pick) : undefined;
			appender.append(columnsOf(batch), which);
			want.push(...(which ? which.map((i) => batch[i]!) : batch));
		}
		const joined = appender.build();
		expect(appender.length).toBe(want.length);
		expect(isMemberColumns(joined)).toBe(true);
		expect(recordsOf(joined)).toEqual(want);
	});

	it('pickColumns takes members by index, in the order given', () => {
		expect(recordsOf(pickColumns(c, [3, 0, 3]))).toEqual([records[3], records[0], records[3]]);
		expect(recordsOf(pickColumns(c, []))).toEqual([]);
	});

	it('the join is sliced work: one batch is handed back as it is', () => {
		const appender = new ColumnsAppender();
		appender.append(c);
		expect(runAtOnce(appender.joined())).toBe(c);
	});

	it('a join of many batches yields within each column, not only between columns', () => {
		const batch = columnsOf(Array.from({ length: 2000 }, (_, i) => rec(`m${i}`, { hometown: `t${i % 5}`, lon: i, lat: i })));
		const parts = Array.from({ length: 300 }, () => batch);
		let steps = 0;
		const work = concatColumnsOf(parts);
		let step = work.next();
		for (; !step.done; step = work.next()) steps++;
		const columns = 4 + 5 + 14; // ids (offsets, bytes), plots (codes, offsets), numbers, strings
		expect(steps).toBeGreaterThan(2 * columns);
		expect(step.value.length).toBe(600_000);
		expect(recordAt(step.value, 599_999)).toEqual(recordAt(batch, 1999));
	});

	it('codes stay 8 bits while the merged dictionary is small', () => {
		const appender = new ColumnsAppender();
		appender.append(c);
		appender.append(c);
		expect(appender.build().hometown.codes).toBeInstanceOf(Uint8Array);
		expect(appender.build().hometown.values).toEqual(c.hometown.values);
	});
});
