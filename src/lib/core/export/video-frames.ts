/**
 * The timeline video's frames, decided before any is drawn: a video of `seconds` at `fps` has exactly
 * round(seconds x fps) frames, frame i is shown from i/fps for 1/fps seconds, and its date moves
 * evenly from the period's first day (frame 0) to its last (the final frame). So the file's length is
 * the chosen one whatever the machine's speed, and the date at any moment of the video is known.
 */
export interface VideoPlan {
	frames: number;
	fps: number;
	/** The file's duration in seconds: frames / fps. */
	duration: number;
	/** Day number shown by each frame. */
	days: number[];
}

export function videoPlan(seconds: number, fps: number, from: number, to: number): VideoPlan {
	const frames = Math.max(2, Math.round(seconds * fps));
	const days = Array.from({ length: frames }, (_, i) => Math.round(from + ((to - from) * i) / (frames - 1)));
	return { frames, fps, duration: frames / fps, days };
}

/** The frame a player shows at `time` seconds (the last one from its start to the end). */
export function frameAt(plan: VideoPlan, time: number): number {
	return Math.min(plan.frames - 1, Math.max(0, Math.floor(time * plan.fps + 1e-6)));
}

/** "about 40 s", "about 3 min": how long an export of `frames` takes at `msPerFrame` here. */
export function durationPhrase(ms: number): string {
	const s = Math.max(1, Math.round(ms / 1000));
	if (s < 90) return `${s} s`;
	return `${Math.round(s / 60)} min`;
}

/** Time left after `done` of `total` frames took `elapsedMs`. */
export function timeLeftMs(done: number, total: number, elapsedMs: number): number {
	return done > 0 ? (elapsedMs / done) * (total - done) : NaN;
}
