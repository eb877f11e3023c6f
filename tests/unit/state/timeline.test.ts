import { describe, expect, it, vi } from 'vitest';
import { Timeline } from '$lib/state/timeline.svelte';

describe('Timeline', () => {
	const SET_TIME = [
		{ title: 'inside the domain', input: 400, expected: 400 },
		{ title: 'before the start', input: -50, expected: 0 },
		{ title: 'after the end', input: 5000, expected: 1095 },
		{ title: 'a fraction rounds', input: 10.6, expected: 11 }
	];
	it.each(SET_TIME)('setTime: $title', ({ input, expected }) => {
		const t = new Timeline();
		t.setTime(input);
		expect(t.time).toBe(expected);
	});

	const WINDOW = [
		{ title: 'kept', input: 6, expected: 6 },
		{ title: 'at least one month', input: 0, expected: 1 },
		{ title: 'at most three years', input: 99, expected: 36 },
		{ title: 'whole months', input: 2.4, expected: 2 }
	];
	it.each(WINDOW)('setWindowMonths: $title', ({ input, expected }) => {
		const t = new Timeline();
		t.setWindowMonths(input);
		expect(t.windowMonths).toBe(expected);
	});

	const SPEED = [
		{ title: 'kept', input: 4, expected: 4 },
		{ title: 'at least half', input: 0.1, expected: 0.5 },
		{ title: 'at most 16', input: 64, expected: 16 }
	];
	it.each(SPEED)('setSpeed: $title', ({ input, expected }) => {
		const t = new Timeline();
		t.setSpeed(input);
		expect(t.speed).toBe(expected);
	});

	const STEP = [
		{ title: 'a month forward, same day', input: { from: 31, months: 1 }, expected: 59 },
		{ title: 'a year back, clamped to the start', input: { from: 100, months: -12 }, expected: 0 }
	];
	it.each(STEP)('stepMonths: $title', ({ input, expected }) => {
		const t = new Timeline();
		t.setTime(input.from);
		t.stepMonths(input.months);
		expect(t.time).toBe(expected);
	});

	// The slider's domain is its period: the study's 2014-2016 (days 0-1095) unless widened; the data's
	// own years when it has no date in the study period (core/time/period.ts).
	const FIT = [
		{
			title: 'data reaching wider keeps the study period',
			input: { at: 400, data: [-365, 1460] as const, period: null },
			expected: { domain: [0, 1095], time: 400 }
		},
		{
			title: 'a date at the end follows the end of a widened period',
			input: { at: 1095, data: [-365, 1460] as const, period: [2013, 2017] as const },
			expected: { domain: [-365, 1460], time: 1460 }
		},
		{
			title: 'a date inside a widened period stays',
			input: { at: 400, data: [-365, 1460] as const, period: [2013, 2017] as const },
			expected: { domain: [-365, 1460], time: 400 }
		},
		{
			title: 'a date outside a narrower period is clamped',
			input: { at: 400, data: [0, 300] as const, period: [2014, 2014] as const },
			expected: { domain: [0, 364], time: 364 }
		},
		{
			title: 'data of other years gets its own years',
			input: { at: 1095, data: [-1461, -1097] as const, period: null },
			expected: { domain: [-1461, -1097], time: -1097 }
		}
	];
	it.each(FIT)('fitDomain: $title', ({ input, expected }) => {
		const t = new Timeline();
		t.setTime(input.at);
		t.fitDomain(input.data);
		if (input.period) t.setPeriod([input.period[0], input.period[1]]);
		expect(t.domain).toEqual(expected.domain);
		expect(t.time).toBe(expected.time);
	});

	it('plays only where there are animation frames, and pause stops playing', () => {
		const t = new Timeline();
		t.togglePlay(); // Node: no requestAnimationFrame
		expect(t.playing).toBe(false);
		t.playStepped(200);
		expect([t.playing, t.listDay]).toEqual([true, 200]);
		t.pause();
		expect(t.playing).toBe(false);
	});

	it.each([
		{ title: 'the lists wait between refreshes', steps: [[100, 210]], expected: 200 },
		{
			title: 'the lists follow after half a second',
			steps: [
				[100, 210],
				[500, 220],
				[700, 230]
			],
			expected: 220
		},
		{
			title: 'and again half a second after that',
			steps: [
				[500, 220],
				[999, 230],
				[1000, 240]
			],
			expected: 240
		}
	])('playStepped: $title', ({ steps, expected }) => {
		const now = vi.spyOn(performance, 'now').mockReturnValue(0);
		try {
			const t = new Timeline();
			t.playStepped(200);
			for (const [ms, day] of steps) {
				now.mockReturnValue(ms!);
				t.setTime(day!);
			}
			expect(t.listDay).toBe(expected);
			t.pause();
			now.mockReturnValue(5000);
			t.setTime(300);
			expect(t.listDay).toBe(expected);
		} finally {
			now.mockRestore();
		}
	});

	it('changes only through its methods', () => {
		const t = new Timeline();
		// @ts-expect-error the date has no setter: setTime clamps it.
		expect(() => (t.time = 5)).toThrow();
	});
});
