/** The duplicate check's table (core/data/first-seen.ts) against a Map, the obvious way it replaces. */
import { describe, it, expect } from 'vitest';
import { FirstSeen, hashText } from '../../../../src/lib/core/data/first-seen';

/** What a Map answers for the same keys and values: the first value of each key, -1 when new. */
function byMap(keys: readonly string[]): number[] {
	const map = new Map<string, number>();
	return keys.map((k, i) => {
		const first = map.get(k);
		if (first !== undefined) return first;
		map.set(k, i);
		return -1;
	});
}

function byTable(keys: readonly string[]): { answers: number[]; size: number } {
	const table = new FirstSeen();
	return { answers: keys.map((k, i) => table.first(k, i)), size: table.size };
}

/** Keys whose hashes meet in the table's first 2,048 slots: the texts must then be compared. */
function sameSlotKeys(count: number): string[] {
	const bySlot = new Map<number, string[]>();
	for (let i = 0; ; i++) {
		const key = `k${i}`;
		const slot = hashText(key) & 2047;
		const list = bySlot.get(slot) ?? [];
		list.push(key);
		bySlot.set(slot, list);
		if (list.length === count) return list;
	}
}

const CASES: { title: string; keys: string[] }[] = [
	{ title: 'nothing repeated', keys: ['a', 'b', 'c'] },
	{ title: 'a repeat answers its first value, however often it comes', keys: ['a', 'b', 'a', 'c', 'a', 'b'] },
	{ title: 'the empty text is a text like any other', keys: ['', 'a', '', ''] },
	{ title: 'prefixes and case are different texts', keys: ['m1', 'm12', 'M1', 'm1 ', 'm1', 'm12'] },
	{ title: 'non-ASCII and surrogate pairs', keys: ['Liège', 'Liege', 'Malmö', '😀', 'Liège', '😀', 'ليون', 'ليون'] },
	{ title: 'keys that share a slot: compared by text', keys: [...sameSlotKeys(6), ...sameSlotKeys(6).reverse()] },
	{
		title: 'grown many times (100,000 texts, each seen twice)',
		keys: Array.from({ length: 200_000 }, (_, i) => `member-${i % 100_000}`)
	}
];

describe('FirstSeen answers as a Map would', () => {
	for (const { title, keys } of CASES)
		it(title, () => {
			const { answers, size } = byTable(keys);
			expect(answers).toEqual(byMap(keys));
			expect(size).toBe(new Set(keys).size);
		});

	it('keeps the value given with the first appearance, not the index', () => {
		const table = new FirstSeen();
		expect(table.first('a', 17)).toBe(-1);
		expect(table.first('a', 99)).toBe(17);
		expect(table.first('b', 0)).toBe(-1);
		expect(table.first('b', 5)).toBe(0);
	});

	it('spreads near texts over the low bits of the hash', () => {
		const slots = new Set(Array.from({ length: 1000 }, (_, i) => hashText(`m${i}`) & 1023));
		expect(slots.size).toBeGreaterThan(550); // random placement fills about 63%
	});
});
