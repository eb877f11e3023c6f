import { describe, expect, it } from 'vitest';
import { emptyRecord, isPlaced, partitionByPlacement } from '$lib/core/data/member';

const at = (id: string, lon: number, lat: number) => ({ ...emptyRecord(id), lon, lat });

describe('placement', () => {
	const CASES = [
		{ title: 'coordinates', record: at('a', 4.35, 50.85), placed: true },
		{ title: '0,0 is a real point (the importer never writes it for "unknown")', record: at('b', 0, 0), placed: true },
		{ title: 'no coordinates yet', record: emptyRecord('c'), placed: false },
		{ title: 'only a longitude', record: at('d', 4.35, NaN), placed: false },
		{ title: 'infinite', record: at('e', Infinity, 50), placed: false }
	];
	it.each(CASES)('$title', ({ record, placed }) => expect(isPlaced(record)).toBe(placed));

	it('partitions slice by slice into one partition, keeping the order within each side', () => {
		const into = partitionByPlacement([at('a', 1, 1), emptyRecord('b')]);
		partitionByPlacement([emptyRecord('c'), at('d', 2, 2)], into);
		expect(into.placed.map((r) => r.id)).toEqual(['a', 'd']);
		expect(into.pending.map((r) => r.id)).toEqual(['b', 'c']);
	});
});
