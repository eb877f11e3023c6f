import { describe, expect, it } from 'vitest';
import { editDistance, withinOneEdit } from '$lib/core/geocode/edit-distance';

const TESTS = [
	{ title: 'equal', a: 'brussels', b: 'brussels', max: 2, expected: 0 },
	{ title: 'one deletion', a: 'brusels', b: 'brussels', max: 2, expected: 1 },
	{ title: 'one substitution', a: 'molenbaek', b: 'molenbeek', max: 2, expected: 1 },
	{ title: 'one transposition', a: 'brussles', b: 'brussels', max: 2, expected: 1 },
	{ title: 'two edits', a: 'schaarbek', b: 'schaerbeek', max: 2, expected: 2 },
	{ title: 'beyond the bound returns max + 1', a: 'paris', b: 'london', max: 2, expected: 3 },
	{ title: 'length difference alone exceeds the bound', a: 'ab', b: 'abcdef', max: 2, expected: 3 },
	{ title: 'the differing middle only, after a shared start and end', a: 'saint gxxlles', b: 'saint gilles', max: 2, expected: 2 },
	{ title: 'an empty middle on one side', a: 'bergen op zoom', b: 'bergen zoom', max: 2, expected: 3 },
	{ title: 'no transposition edited twice (restricted alignment)', a: 'ca', b: 'abc', max: 3, expected: 3 }
];

const units = (s: string) => Uint16Array.from(s, (c) => c.charCodeAt(0));

/** The textbook table, every cell, no shortcuts: what the geocoder's versions must equal. */
function reference(a: string, b: string, max: number): number {
	const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
	for (let i = 1; i <= a.length; i++)
		for (let j = 1; j <= b.length; j++) {
			d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
		}
	return Math.min(d[a.length]![b.length]!, max + 1);
}

/** Every string of up to `length` letters of `alphabet` (repeats are where shortcuts go wrong). */
function allStrings(alphabet: string, length: number): string[] {
	const out = [''];
	for (let i = 0; out[i]!.length < length; i++) for (const c of alphabet) out.push(out[i] + c);
	return out;
}

describe('editDistance', () => {
	it.each(TESTS)('$title: $a ~ $b', ({ a, b, max, expected }) => {
		expect(editDistance(a, b, max)).toBe(expected);
		expect(editDistance(b, a, max)).toBe(expected);
		expect(reference(a, b, max)).toBe(expected);
	});

	it('equals the full table on every pair of strings of up to 4 letters of a, b, c (bounds 1 and 2)', () => {
		const strings = allStrings('abc', 4);
		let checked = 0;
		for (const a of strings)
			for (const b of strings)
				for (const max of [1, 2]) {
					if (Math.abs(a.length - b.length) > max + 1) continue;
					if (editDistance(a, b, max) !== reference(a, b, max)) throw new Error(`editDistance(${a}, ${b}, ${max})`);
					checked++;
				}
		expect(checked).toBeGreaterThan(20_000);
	});
});

describe('withinOneEdit', () => {
	it.each([
		{ a: 'brussels', b: 'brussels', expected: 0 },
		{ a: 'brusels', b: 'brussels', expected: 1 },
		{ a: 'brusselss', b: 'brussels', expected: 1 },
		{ a: 'molenbaek', b: 'molenbeek', expected: 1 },
		{ a: 'brussles', b: 'brussels', expected: 1 },
		{ a: 'rbussels', b: 'brussels', expected: 1 },
		{ a: 'brussesl', b: 'brussels', expected: 1 },
		{ a: 'aab', b: 'ab', expected: 1 },
		{ a: 'schaarbek', b: 'schaerbeek', expected: 2 },
		{ a: 'brsusles', b: 'brussels', expected: 2 },
		{ a: 'abc', b: 'cba', expected: 2 },
		{ a: 'ab', b: 'abcd', expected: 2 },
		{ a: '', b: 'a', expected: 1 }
	])('$a ~ $b: $expected', ({ a, b, expected }) => {
		expect(withinOneEdit(a, units(b), 0, b.length)).toBe(expected);
		expect(withinOneEdit(b, units(a), 0, a.length)).toBe(expected);
	});

	it('reads the key in place: only units[start .. end) count', () => {
		const stored = units('xxbrusselsyy');
		expect(withinOneEdit('brussels', stored, 2, 10)).toBe(0);
		expect(withinOneEdit('brussel', stored, 2, 10)).toBe(1);
		expect(withinOneEdit('brussels', stored, 2, 11)).toBe(1);
		expect(withinOneEdit('brussels', stored, 1, 11)).toBe(2);
	});

	it('equals editDistance with bound 1 on every pair of strings of up to 5 letters of a, b, c', () => {
		const strings = allStrings('abc', 5);
		let checked = 0;
		for (const a of strings)
			for (const b of strings) {
				if (Math.abs(a.length - b.length) > 1) continue;
				const u = units(b);
				if (withinOneEdit(a, u, 0, u.length) !== Math.min(editDistance(a, b, 1), 2)) throw new Error(`withinOneEdit(${a}, ${b})`);
				checked++;
			}
		expect(checked).toBeGreaterThan(50_000);
	});
});
