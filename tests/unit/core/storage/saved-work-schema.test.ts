import { describe, expect, it } from 'vitest';
import { emptyRecord, memberCount, type MemberRecord } from '$lib/core/data/member';
import { ColumnsDataset, columnsOf, isMemberColumns, sliceColumns } from '$lib/core/data/member-columns';
import {
	chunkCountOf,
	chunkOf,
	columnChunkOf,
	isMeta,
	isV1Record,
	metaOf,
	migrateV1,
	v1Choices,
	v1Mappings,
	workFrom,
	type WorkToSave
} from '$lib/core/storage/saved-work-schema';

const members = (n: number): MemberRecord[] => Array.from({ length: n }, (_, i) => ({ ...emptyRecord(`m${i}`), lon: 4, lat: 50, day: i }));
const work = (n: number, extra: Partial<WorkToSave['dataset']> = {}): WorkToSave => ({
	datasetName: 'List',
	dataset: { synthetic: false, members: members(n), ...extra },
	mappings: { town: { Town: 'hometown' } },
	geocodeChoices: {
		'tripoli|': {
			fingerprint: '',
			placeKey: 'tripoli|',
			hometown: 'Tripoli',
			country: '',
			lat: 32.89,
			lon: 13.18,
			place: 'Tripoli',
			place_country: 'LY',
			chosenAt: ''
		}
	},
	scenes: []
});

describe('chunkCountOf', () => {
	const TESTS = [
		{ title: 'none', input: [0, 10], expected: 0 },
		{ title: 'one short', input: [3, 10], expected: 1 },
		{ title: 'exact', input: [20, 10], expected: 2 },
		{ title: 'one over', input: [21, 10], expected: 3 },
		{ title: 'a million by 10,000', input: [1_000_000, 10_000], expected: 100 }
	];
	it.each(TESTS)('$title', ({ input, expected }) => expect(chunkCountOf(input[0]!, input[1])).toBe(expected));
});

describe('chunkOf', () => {
	const TESTS = [
		{ title: 'first', input: { n: 25, index: 0 }, expected: ['m0', 'm9'] },
		{ title: 'middle', input: { n: 25, index: 1 }, expected: ['m10', 'm19'] },
		{ title: 'last is short', input: { n: 25, index: 2 }, expected: ['m20', 'm24'] }
	];
	it.each(TESTS)('$title', ({ input, expected }) => {
		const chunk = chunkOf(members(input.n), input.index, 10);
		expect([chunk[0]!.id, chunk.at(-1)!.id]).toEqual(expected);
	});
});

describe('metaOf and workFrom round-trip', () => {
	const TESTS = [
		{ title: 'empty synthetic', input: { synthetic: true, members: [] as MemberRecord[] }, expected: { chunkCount: 0, memberCount: 0 } },
		{ title: 'members', input: { synthetic: false, members: members(25) }, expected: { chunkCount: 3, memberCount: 25 } },
		{
			title: 'records kind',
			input: { synthetic: false, kind: 'records' as const, members: members(10) },
			expected: { chunkCount: 1, memberCount: 10, kind: 'records' }
		},
		{
			title: 'an unfinished review',
			input: { synthetic: false, members: members(12) },
			job: { rows: [{ ...emptyRecord('p1'), hometown: 'Tripoli' }], rowNumbers: [14], placedCount: 1 },
			expected: { chunkCount: 2, memberCount: 12, geocodeJob: { rowNumbers: [14], placedCount: 1 } }
		}
	];
	it.each(TESTS)('$title: as column chunks (schema 3)', ({ input, expected, ...rest }) => {
		const job = 'job' in rest ? rest.job : undefined;
		const w: WorkToSave = { ...work(0), dataset: input, ...(job ? { geocodeJob: job } : {}) };
		const meta = metaOf(w, '2026-01-01T00:00:00.000Z', 10);
		expect(meta).toMatchObject({ schema: 3, datasetName: 'List', synthetic: input.synthetic, ...expected });
		expect(meta).not.toHaveProperty('dataset');
		const chunks = Array.from({ length: meta.chunkCount }, (_, i) => columnChunkOf(input, i, 10));
		expect(chunks.every(isMemberColumns)).toBe(true);
		const back = workFrom(meta, chunks);
		expect(back.dataset.columns, 'held as columns').toBeDefined();
		expect(memberCount(back.dataset)).toBe(input.members.length);
		expect(back.dataset.members).toEqual(input.members);
		expect({ ...back, dataset: { ...back.dataset, members: back.dataset.members } }).toEqual({ ...w, savedAt: '2026-01-01T00:00:00.000Z' });
	});
	it.each(TESTS)('$title: as record chunks (schema 2, still read)', ({ input, expected, ...rest }) => {
		const job = 'job' in rest ? rest.job : undefined;
		const w: WorkToSave = { ...work(0), dataset: input, ...(job ? { geocodeJob: job } : {}) };
		const meta = metaOf(w, '2026-01-01T00:00:00.000Z', 10, 2);
		expect(meta).toMatchObject({ schema: 2, ...expected });
		const chunks = Array.from({ length: meta.chunkCount }, (_, i) => chunkOf(input.members, i, 10));
		expect(workFrom(meta, chunks)).toEqual({ ...w, savedAt: '2026-01-01T00:00:00.000Z' });
	});
	it('column chunks of a dataset held as columns are slices of its columns', () => {
		const list = members(25);
		const dataset = new ColumnsDataset(columnsOf(list), { synthetic: false, weightMeaning: 'people killed (nkill)' });
		const meta = metaOf({ ...work(0), dataset }, 's', 10);
		const back = workFrom(
			meta,
			[0, 1, 2].map((i) => columnChunkOf(dataset, i, 10))
		);
		expect(back.dataset.members).toEqual(list);
		expect(back.dataset.weightMeaning, 'the weight column is named again after a reload').toBe('people killed (nkill)');
	});
});

describe('workFrom refuses an incomplete save, in words', () => {
	const meta = metaOf(work(25), 'x', 10, 2);
	const full = [0, 1, 2].map((i) => chunkOf(work(25).dataset.members, i, 10));
	const TESTS = [
		{ title: 'a part too few', input: full.slice(0, 2), expected: /2 of 3 parts/ },
		{ title: 'a part missing', input: [full[0], undefined, full[2]], expected: /part 2 of 3 is missing/ },
		{ title: 'a short part', input: [full[0], full[1], full[2]!.slice(1)], expected: /24 of 25 members/ }
	];
	it.each(TESTS)('$title', ({ input, expected }) => expect(() => workFrom(meta, input)).toThrow(expected));

	const meta3 = metaOf(work(25), 'x', 10);
	const columns = [0, 1, 2].map((i) => columnChunkOf(work(25).dataset, i, 10));
	const COLUMN_TESTS = [
		{ title: 'columns: a part too few', input: columns.slice(0, 2), expected: /2 of 3 parts/ },
		{ title: 'columns: a part missing', input: [columns[0], undefined, columns[2]], expected: /part 2 of 3 is missing/ },
		{
			title: 'columns: a part of records where columns belong',
			input: [columns[0], full[1], columns[2]],
			expected: /part 2 of 3 is missing or damaged/
		},
		{
			title: 'columns: a damaged part',
			input: [columns[0], { ...columns[1]!, lon: new Float64Array(1) }, columns[2]],
			expected: /part 2 of 3/
		},
		{ title: 'columns: a short part', input: [columns[0], columns[1], sliceColumns(columns[2]!, 1, 5)], expected: /24 of 25 members/ }
	];
	it.each(COLUMN_TESTS)('$title', ({ input, expected }) => expect(() => workFrom(meta3, input)).toThrow(expected));
});

describe('isMeta and isV1Record tell the versions apart', () => {
	const v1 = { ...work(3), savedAt: 'x' };
	const TESTS: { title: string; input: unknown; expected: [boolean, boolean] }[] = [
		{ title: 'a version 2 record (record chunks)', input: metaOf(work(3), 'x', 10, 2), expected: [true, false] },
		{ title: 'a version 2 record (column chunks)', input: metaOf(work(3), 'x'), expected: [true, false] },
		{ title: 'an unknown schema', input: { ...metaOf(work(3), 'x'), schema: 4 }, expected: [false, false] },
		{ title: 'a version 1 record', input: v1, expected: [false, true] },
		{ title: 'undefined', input: undefined, expected: [false, false] },
		{ title: 'null', input: null, expected: [false, false] },
		{ title: 'a string', input: 'current', expected: [false, false] },
		{ title: 'version 1 without members', input: { ...v1, dataset: { synthetic: false } }, expected: [false, false] },
		{ title: 'schema 2 without counts', input: { schema: 2 }, expected: [false, false] }
	];
	it.each(TESTS)('$title', ({ input, expected }) => expect([isMeta(input), isV1Record(input)]).toEqual(expected));
});

describe('migrateV1 keeps everything', () => {
	const TESTS = [
		{ title: 'an import of 25', input: { ...work(25), savedAt: '2025-05-05T00:00:00.000Z' }, expected: { chunks: 3, members: 25 } },
		{
			title: 'the demo marker (no members)',
			input: { ...work(0), dataset: { synthetic: true, members: [] }, savedAt: 's' },
			expected: { chunks: 0, members: 0 }
		},
		{
			title: 'fields missing in an old record',
			input: { datasetName: 'Old', dataset: { synthetic: false, members: members(4) } } as never,
			expected: { chunks: 1, members: 4 }
		}
	];
	it.each(TESTS)('$title', ({ input, expected }) => {
		const { meta, chunks } = migrateV1(input, 10);
		expect(chunks).toHaveLength(expected.chunks);
		const back = workFrom(meta, chunks);
		expect(back.dataset).toEqual(input.dataset);
		expect(back.datasetName).toBe(input.datasetName);
		expect(back.mappings).toEqual(input.mappings ?? {});
		expect(back.geocodeChoices).toEqual(input.geocodeChoices ?? {});
		expect(back.scenes).toEqual(input.scenes ?? []);
		expect(back.savedAt).toBe(input.savedAt ?? '');
		expect(meta.memberCount).toBe(expected.members);
	});
});

describe('v1Mappings: a version 1 mapping in either direction becomes header -> field, nothing the user set lost', () => {
	const TESTS = [
		{
			title: "field -> header (the importer's old shape)",
			input: { 'list.csv': { hometown: 'Town' } },
			expected: { 'list.csv': { Town: 'hometown' } }
		},
		{
			title: 'header -> field kept as it is',
			input: { 'a|b': { Town: 'hometown', Land: 'country' } },
			expected: { 'a|b': { Town: 'hometown', Land: 'country' } }
		},
		{
			title: 'a header named like its field',
			input: { k: { date: 'date', country: 'Land' } },
			expected: { k: { date: 'date', Land: 'country' } }
		},
		{ title: 'ignore kept', input: { k: { Notes: 'ignore' } }, expected: { k: { Notes: 'ignore' } } },
		{ title: 'neither side a field: dropped', input: { k: { Town: 'Place' } }, expected: { k: {} } },
		{ title: 'nothing saved', input: undefined, expected: {} }
	];
	it.each(TESTS)('$title', ({ input, expected }) => expect(v1Mappings(input)).toEqual(expected));
});

describe('v1Choices: a version 1 choice becomes a typed choice by place text and country', () => {
	const typed = {
		fingerprint: 'f',
		placeKey: 'tripoli|ly',
		hometown: 'Tripoli',
		country: 'LY',
		lat: 32.89,
		lon: 13.18,
		place: 'Tripoli',
		place_country: 'LY',
		chosenAt: '2025-01-01'
	};
	const TESTS = [
		{
			title: 'a bare point keyed by place text',
			input: { Tripoli: { lon: 13.18, lat: 32.89 } },
			expected: {
				'tripoli|': {
					fingerprint: '',
					placeKey: 'tripoli|',
					hometown: 'Tripoli',
					country: '',
					lat: 32.89,
					lon: 13.18,
					place: '',
					place_country: '',
					chosenAt: ''
				}
			}
		},
		{
			title: 'a point with its texts',
			input: { x: { hometown: 'Saint-Denis', country: 'FR', lon: 2.36, lat: 48.94, chosenAt: 'c' } },
			expected: {
				'st denis|fr': {
					fingerprint: '',
					placeKey: 'st denis|fr',
					hometown: 'Saint-Denis',
					country: 'FR',
					lat: 48.94,
					lon: 2.36,
					place: '',
					place_country: '',
					chosenAt: 'c'
				}
			}
		},
		{ title: 'already typed: kept', input: { 'tripoli|ly': typed }, expected: { 'tripoli|ly': typed } },
		{ title: 'no valid point: dropped', input: { Tripoli: { lon: 500, lat: 32.89 }, Raqqa: 'x' }, expected: {} }
	];
	it.each(TESTS)('$title', ({ input, expected }) => expect(v1Choices(input)).toEqual(expected));
});
