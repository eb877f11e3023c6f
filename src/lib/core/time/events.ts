/**
 * The timeline's events (geodata/events.json): the network's plots and the policy dates the routes
 * story needs. One set of rules for the file: the unit tests check the whole file with
 * validateEvents, and the app reads it with readEvents, which keeps exactly the entries those rules
 * accept (the file is ours, so a problem is a bug to show, not to hide).
 */
import { dayFromIso } from './days';

export type PlotOutcome = 'successful' | 'foiled';

interface EventBase {
	id: string;
	/** ISO date; `dateEnd` when the event spans days. */
	date: string;
	dateEnd?: string;
	place: string;
	lat: number;
	lon: number;
	description: string;
	/** Publication names and dates; never a person's name. */
	source: string;
}

export interface PlotEvent extends EventBase {
	kind: 'plot';
	country: string;
	outcome: PlotOutcome;
}

export interface PolicyEvent extends EventBase {
	kind: 'policy';
	/** Route ids (Frontex names, kebab-case) the decision bears on; may be empty. */
	routes: string[];
}

export type AtlasEvent = PlotEvent | PolicyEvent;

const ID = /^(plot|policy)-\d{4}-\d{2}-\d{2}-[a-z0-9-]+$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Problems with an events list, one line each; empty when it is valid. */
export function validateEvents(input: unknown): string[] {
	if (!Array.isArray(input)) return ['events: expected a JSON array'];
	const problems: string[] = [];
	const seen = new Set<string>();
	input.forEach((raw, i) => problems.push(...entryProblems(raw, i, seen)));
	return problems;
}

/** Problems with one entry (`seen`: the ids before it, for duplicates). */
function entryProblems(raw: unknown, i: number, seen: Set<string>): string[] {
	const problems: string[] = [];
	{
		const e = raw as Record<string, unknown>;
		const at = `events[${i}]${typeof e?.id === 'string' ? ` (${e.id})` : ''}`;
		const need = (ok: boolean, what: string) => ok || problems.push(`${at}: ${what}`);
		if (!e || typeof e !== 'object') return [`${at}: not an object`];
		need(typeof e.id === 'string' && ID.test(e.id), 'id must look like plot-YYYY-MM-DD-name or policy-YYYY-MM-DD-name');
		if (typeof e.id === 'string') {
			need(!seen.has(e.id), 'duplicate id');
			seen.add(e.id);
			need(typeof e.date !== 'string' || e.id.includes(e.date), 'id must contain the date');
		}
		need(e.kind === 'plot' || e.kind === 'policy', "kind must be 'plot' or 'policy'");
		need(typeof e.date === 'string' && ISO_DATE.test(e.date) && !Number.isNaN(dayFromIso(e.date)), 'date must be a real ISO date');
		if (e.dateEnd !== undefined) {
			need(
				typeof e.dateEnd === 'string' && dayFromIso(e.dateEnd) >= dayFromIso(String(e.date)),
				'dateEnd must be an ISO date on or after date'
			);
		}
		for (const key of ['place', 'description', 'source'] as const) {
			need(typeof e[key] === 'string' && (e[key] as string).trim().length > 3, `${key} must be non-empty text`);
		}
		need(typeof e.lat === 'number' && e.lat >= -90 && e.lat <= 90 && e.lat !== 0, 'lat must be a number in -90..90');
		need(typeof e.lon === 'number' && e.lon >= -180 && e.lon <= 180 && e.lon !== 0, 'lon must be a number in -180..180');
		if (e.kind === 'plot') {
			need(e.outcome === 'successful' || e.outcome === 'foiled', "outcome must be 'successful' or 'foiled'");
			need(typeof e.country === 'string' && /^[A-Z]{2}$/.test(e.country), 'country must be ISO alpha-2');
		}
		if (e.kind === 'policy') {
			need(Array.isArray(e.routes) && e.routes.every((r) => typeof r === 'string'), 'routes must be a list of route ids');
			need(e.outcome === undefined, 'a policy has no outcome');
		}
	}
	return problems;
}

export function plotEvents(events: AtlasEvent[]): PlotEvent[] {
	return events.filter((e): e is PlotEvent => e.kind === 'plot');
}

/** An event with its day number (days since TIME_ORIGIN), as the timeline and the map use it. */
export type DatedEvent = AtlasEvent & { day: number };

/** The entries the rules accept, with their day numbers, sorted by date; the rest as readable problems. */
export function readEvents(raw: unknown): { events: DatedEvent[]; problems: string[] } {
	if (!Array.isArray(raw)) return { events: [], problems: ['events.json is not a list'] };
	const events: DatedEvent[] = [];
	const problems: string[] = [];
	const seen = new Set<string>();
	raw.forEach((e: AtlasEvent, i) => {
		const why = entryProblems(e, i, seen);
		if (why.length) problems.push(...why);
		else events.push({ ...e, day: dayFromIso(e.date) });
	});
	events.sort((a, b) => a.day - b.day);
	return { events, problems };
}

/**
 * How a plot marker shows at `day`: hidden before its date; in window mode only while its date is in
 * the window; in cumulative mode it stays, faded, once the window of "recent" (30 days) has passed.
 */
export function eventPresence(
	eventDay: number,
	day: number,
	mode: 'cumulative' | 'window',
	windowStart: number
): 'hidden' | 'recent' | 'faded' {
	if (eventDay > day) return 'hidden';
	if (mode === 'window') return eventDay > windowStart ? 'recent' : 'hidden';
	return day - eventDay <= 30 ? 'recent' : 'faded';
}
