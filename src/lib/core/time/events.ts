import { dayFromIso } from './days';

/** A dated marker on the timeline and the map: a plot of the network or a policy date (geodata/events.json). */
export interface TimelineEvent {
	id: string;
	kind: 'plot' | 'policy';
	date: string;
	place: string;
	lat: number;
	lon: number;
	/** Plots only. */
	outcome?: 'successful' | 'foiled';
	description: string;
	source: string;
}

export interface DatedEvent extends TimelineEvent {
	day: number;
}

/**
 * Keeps the entries that are well formed, with their day numbers, sorted by date; the rest are
 * returned as readable problems (the file is ours, so a problem is a bug to show, not to hide).
 */
export function readEvents(raw: unknown): { events: DatedEvent[]; problems: string[] } {
	const events: DatedEvent[] = [];
	const problems: string[] = [];
	if (!Array.isArray(raw)) return { events, problems: ['events.json is not a list'] };
	raw.forEach((e: Partial<TimelineEvent>, i) => {
		const day = typeof e?.date === 'string' ? dayFromIso(e.date) : NaN;
		const why =
			typeof e?.id !== 'string' ? 'id missing'
			: e.kind !== 'plot' && e.kind !== 'policy' ? 'kind is plot or policy'
			: Number.isNaN(day) ? 'date is not YYYY-MM-DD'
			: e.kind === 'plot' && e.outcome !== 'successful' && e.outcome !== 'foiled' ? 'a plot needs outcome successful or foiled'
			: !Number.isFinite(e.lat) || !Number.isFinite(e.lon) ? 'lat/lon missing'
			: typeof e.source !== 'string' || !e.source ? 'source missing'
			: null;
		if (why) problems.push(`entry ${i + 1}: ${why}`);
		else events.push({ ...(e as TimelineEvent), day });
	});
	events.sort((a, b) => a.day - b.day);
	return { events, problems };
}

/**
 * How a plot marker shows at `day`: hidden before its date; in window mode only while its date is in
 * the window; in cumulative mode it stays, faded, once the window of "recent" (30 days) has passed.
 */
export function eventPresence(eventDay: number, day: number, mode: 'cumulative' | 'window', windowStart: number): 'hidden' | 'recent' | 'faded' {
	if (eventDay > day) return 'hidden';
	if (mode === 'window') return eventDay > windowStart ? 'recent' : 'hidden';
	return day - eventDay <= 30 ? 'recent' : 'faded';
}
