import { describe, expect, it } from 'vitest';
import { isUninformative, NOT_STATED, type FilterOption } from '$lib/core/filters/filters';

const opt = (value: string, count = 3, selected = false): FilterOption => ({ value, count, selected });

const TESTS = [
	{ title: 'only unknown (an incident table has no role)', input: [opt('unknown', 6352)], expected: true },
	{ title: 'only not stated', input: [opt(NOT_STATED)], expected: true },
	{ title: 'unknown and not stated', input: [opt('unknown'), opt(NOT_STATED)], expected: true },
	{ title: 'no values at all', input: [], expected: true },
	{ title: 'one real value beside unknown', input: [opt('inner', 1), opt('unknown', 5)], expected: false },
	{ title: 'a chosen unknown stays visible so it can be switched off', input: [opt('unknown', 0, true)], expected: false }
];

describe('isUninformative', () => {
	it.each(TESTS)('$title', ({ input, expected }) => {
		expect(isUninformative(input)).toBe(expected);
	});
});
