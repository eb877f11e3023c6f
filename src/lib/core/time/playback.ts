/** Playback clock maths: pure, so the slider's component only schedules frames. */

/** 1x plays one month (30.44 days, a mean month) per second. */
export const DAYS_PER_SECOND_AT_1X = 30.44;
export const SPEEDS = [0.5, 1, 2, 4, 8, 16] as const;

export interface PlayStep {
	/** The new clock position, fractional days (the slider shows its floor). */
	clock: number;
	/** True when the end was reached without loop: playback stops there. */
	stopped: boolean;
}

/**
 * Advances the clock by `elapsedMs` at `speed`. Past the domain's end it stops on the last day, or
 * with `loop` wraps to the start. A long pause of the tab (elapsed > 1 s) moves at most one second's
 * worth, so a presenter returning to the tab does not see a jump.
 */
export function advanceClock(clock: number, elapsedMs: number, speed: number, domain: readonly [number, number], loop: boolean): PlayStep {
	const dt = Math.min(Math.max(elapsedMs, 0), 1000) / 1000;
	const next = clock + dt * speed * DAYS_PER_SECOND_AT_1X;
	const [lo, hi] = domain;
	if (next < hi + 1) return { clock: Math.max(next, lo), stopped: false };
	if (!loop) return { clock: hi, stopped: true };
	const span = hi - lo + 1;
	return { clock: lo + ((next - lo) % span), stopped: false };
}

/** Where play starts: from the current day, or from the start when sitting at the end. */
export function playStart(day: number, domain: readonly [number, number]): number {
	return day >= domain[1] ? domain[0] : day;
}

export function clampDay(day: number, domain: readonly [number, number]): number {
	return Math.min(domain[1], Math.max(domain[0], Math.round(day)));
}
