import { describe, expect, it } from 'vitest';
import { durationPhrase, frameAt, timeLeftMs, videoPlan } from '$lib/core/export/video-frames';

const PLANS = [
	{ title: '3 s at 10 fps', seconds: 3, fps: 10, from: 0, to: 1095, frames: 30, duration: 3, last: 1095 },
	{ title: '10 s at 25 fps', seconds: 10, fps: 25, from: -731, to: 1095, frames: 250, duration: 10, last: 1095 },
	{ title: 'a length that is not a whole number of frames', seconds: 2.51, fps: 10, from: 0, to: 10, frames: 25, duration: 2.5, last: 10 }
];

describe('video plan', () => {
	it.each(PLANS)('$title', ({ seconds, fps, from, to, frames, duration, last }) => {
		const plan = videoPlan(seconds, fps, from, to);
		expect(plan.frames).toBe(frames);
		expect(plan.duration).toBeCloseTo(duration, 9);
		expect(plan.days[0]).toBe(from);
		expect(plan.days.at(-1)).toBe(last);
		expect(plan.days.every((d, i) => i === 0 || d >= plan.days[i - 1]!)).toBe(true);
	});

	it.each([
		{ time: 0, frame: 0 },
		{ time: 0.099, frame: 0 },
		{ time: 0.1, frame: 1 },
		{ time: 2.4, frame: 24 },
		{ time: 3, frame: 29 },
		{ time: 99, frame: 29 }
	])('at $time s a player shows frame $frame', ({ time, frame }) => expect(frameAt(videoPlan(3, 10, 0, 1095), time)).toBe(frame));

	it.each([
		{ ms: 400, text: '1 s' },
		{ ms: 42_000, text: '42 s' },
		{ ms: 200_000, text: '3 min' }
	])('$ms ms reads "$text"', ({ ms, text }) => expect(durationPhrase(ms)).toBe(text));

	it('time left scales with what is done', () => expect(timeLeftMs(10, 30, 5000)).toBe(10_000));
});
