import { describe, expect, it } from 'vitest';
import { editDistance } from '$lib/core/geocode/edit-distance';

const TESTS = [
	{ title: 'equal', a: 'brussels', b: 'brussels', max: 2, expected: 0 },
	{ title: 'one deletion', a: 'brusels', b: 'brussels', max: 2, expected: 1 },
	{ title: 'one substitution', a: 'molenbaek', b: 'molenbeek', max: 2, expected: 1 },
	{ title: 'one transposition', a: 'brussles', b: 'brussels', max: 2, expected: 1 },
	{ title: 'two edits', a: 'schaarbek', b: 'schaerbeek', max: 2, expected: 2 },
	{ title: 'beyond the bound returns max + 1', a: 'paris', b: 'london', max: 2, expected: 3 },
	{ title: 'length difference alone exceeds the bound', a: 'ab', b: 'abcdef', max: 2, expected: 3 }
];

describe('editDistance', () => {
	it.each(TESTS)('$title: $a ~ $b', ({ a, b, max, expected }) => {
		expect(editDistance(a, b, max)).toBe(expected);
		expect(editDistance(b, a, max)).toBe(expected);
	});
});
