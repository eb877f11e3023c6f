import { describe, expect, it } from 'vitest';
import { advanceClock, clampDay, playStart } from '$lib/core/time/playback';

const DOMAIN: [number, number] = [0, 1095];

const TESTS = [
	{
		title: '1x moves a mean month per second',
		input: { clock: 100, ms: 1000, speed: 1, loop: false },
		expected: { clock: 130.44, stopped: false }
	},
	{
		title: '16x moves 16 months per second',
		input: { clock: 0, ms: 500, speed: 16, loop: false },
		expected: { clock: 243.52, stopped: false }
	},
	{
		title: '0.5x moves half a month per second',
		input: { clock: 0, ms: 1000, speed: 0.5, loop: false },
		expected: { clock: 15.22, stopped: false }
	},
	{
		title: 'a long pause moves at most one second',
		input: { clock: 0, ms: 60_000, speed: 1, loop: false },
		expected: { clock: 30.44, stopped: false }
	},
	{
		title: 'stops on the last day without loop',
		input: { clock: 1090, ms: 1000, speed: 1, loop: false },
		expected: { clock: 1095, stopped: true }
	},
	{
		title: 'wraps to the start with loop',
		input: { clock: 1090, ms: 1000, speed: 1, loop: true },
		expected: { clock: 1090 + 30.44 - 1096, stopped: false }
	}
];

describe('playback clock', () => {
	it.each(TESTS)('$title', ({ input, expected }) => {
		const step = advanceClock(input.clock, input.ms, input.speed, DOMAIN, input.loop);
		expect(step.stopped).toBe(expected.stopped);
		expect(step.clock).toBeCloseTo(expected.clock, 6);
	});

	it('starts again from the beginning when at the end', () => {
		expect(playStart(1095, DOMAIN)).toBe(0);
		expect(playStart(400, DOMAIN)).toBe(400);
	});

	it.each([
		{ title: 'below', input: -5, expected: 0 },
		{ title: 'above', input: 2000, expected: 1095 },
		{ title: 'rounds', input: 10.6, expected: 11 }
	])('clampDay $title', ({ input, expected }) => {
		expect(clampDay(input, DOMAIN)).toBe(expected);
	});
});
