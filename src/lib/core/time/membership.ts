import type { MemberRecord } from '../data/member';

export type TimeMode = 'cumulative' | 'window';

/** Default timeline domain: 2014-01-01 .. 2016-12-31 as day numbers. */
export const DEFAULT_DOMAIN: [number, number] = [0, 1095];

/**
 * Whether a member counts at `day`. Cumulative: the first act is on or before the day. Window: it
 * falls in (day - windowDays, day]. A partial date counts from its first possible day (dayStart).
 * Members without a date are not placed on the timeline.
 */
export function isActiveAt(m: Pick<MemberRecord, 'day'>, day: number, mode: TimeMode, windowDays: number): boolean {
	if (Number.isNaN(m.day)) return false;
	if (m.day > day) return false;
	return mode === 'cumulative' || m.day > day - windowDays;
}
