import { describe, expect, it } from 'vitest';
import { dotsAlong, pointAtKm } from '$lib/core/routes/motion';

const LINE = [
	[0, 0],
	[1, 0],
	[1, 2]
];
const CUM = [0, 100, 300];

describe('pointAtKm', () => {
	const TESTS = [
		{ title: 'start', input: 0, expected: [0, 0] },
		{ title: 'half the first segment', input: 50, expected: [0.5, 0] },
		{ title: 'a vertex', input: 100, expected: [1, 0] },
		{ title: 'a quarter into the second segment', input: 150, expected: [1, 0.5] },
		{ title: 'past the end is clamped', input: 999, expected: [1, 2] },
		{ title: 'before the start is clamped', input: -5, expected: [0, 0] }
	];
	it.each(TESTS)('$title', ({ input, expected }) => expect(pointAtKm(LINE, CUM, input)).toEqual(expected));
});

describe('dotsAlong', () => {
	const TESTS = [
		{
			title: 'phase 0: dots from the start',
			input: 0,
			expected: [
				[0, 0],
				[1, 0],
				[1, 1],
				[1, 2]
			]
		},
		{
			title: 'phase 0.5 moves every dot half a spacing forward',
			input: 0.5,
			expected: [
				[0.5, 0],
				[1, 0.5],
				[1, 1.5]
			]
		},
		{
			title: 'phase 1 is phase 0 again',
			input: 1,
			expected: [
				[0, 0],
				[1, 0],
				[1, 1],
				[1, 2]
			]
		}
	];
	it.each(TESTS)('$title', ({ input, expected }) => expect(dotsAlong(LINE, CUM, 100, input)).toEqual(expected));
});
