import { describe, expect, it } from 'vitest';
import { eventPresence, readEvents, validateEvents } from '$lib/core/time/events';

const GOOD = {
	id: 'plot-2015-11-13-paris',
	kind: 'plot',
	date: '2015-11-13',
	place: 'Paris',
	country: 'FR',
	lat: 48.86,
	lon: 2.35,
	outcome: 'successful',
	description: 'Attacks in Paris',
	source: 'Klausen 2016'
};
const POLICY = {
	...GOOD,
	id: 'policy-2016-03-18-eu-turkey',
	kind: 'policy',
	date: '2016-03-18',
	outcome: undefined,
	country: undefined,
	routes: ['eastern-med']
};

describe('events', () => {
	it('keeps the entries the rules accept, sorted with day numbers, and reports the others by entry', () => {
		const { events, problems } = readEvents([
			GOOD,
			{ ...GOOD, id: 'plot-2015-01-15-early', date: '2015-01-15', outcome: 'foiled' },
			{ ...GOOD, id: 'plot-2015-11-13-bad-date', date: '13/11/2015' },
			{ ...GOOD, id: 'plot-2015-11-13-no-outcome', outcome: undefined },
			POLICY
		]);
		expect(events.map((e) => [e.id, e.day])).toEqual([
			['plot-2015-01-15-early', 379],
			['plot-2015-11-13-paris', 681],
			['policy-2016-03-18-eu-turkey', 807]
		]);
		expect(problems).toEqual([
			'events[2] (plot-2015-11-13-bad-date): id must contain the date',
			'events[2] (plot-2015-11-13-bad-date): date must be a real ISO date',
			"events[3] (plot-2015-11-13-no-outcome): outcome must be 'successful' or 'foiled'"
		]);
	});

	const READ = [
		{ title: 'not a list', input: {}, expected: 1 },
		{ title: 'a duplicate id', input: [GOOD, GOOD], expected: 1 },
		{ title: 'a point at 0,0', input: [{ ...GOOD, lat: 0, lon: 0 }], expected: 2 },
		{ title: 'no source', input: [{ ...GOOD, source: '' }], expected: 1 }
	];
	it.each(READ)('the app drops what the file check rejects: $title', ({ input, expected }) => {
		const { problems } = readEvents(input);
		expect(problems).toHaveLength(expected);
		expect(problems).toEqual(Array.isArray(input) ? validateEvents(input) : problems);
	});

	const PRESENCE = [
		{ title: 'before its date', input: [100, 99, 'cumulative', 0], expected: 'hidden' },
		{ title: 'on its date', input: [100, 100, 'cumulative', 0], expected: 'recent' },
		{ title: 'long after, cumulative', input: [100, 200, 'cumulative', 0], expected: 'faded' },
		{ title: 'inside the window', input: [100, 200, 'window', 99], expected: 'recent' },
		{ title: 'left the window', input: [100, 200, 'window', 100], expected: 'hidden' }
	] as const;
	it.each(PRESENCE)('presence: $title', ({ input, expected }) => {
		expect(eventPresence(input[0], input[1], input[2], input[3])).toBe(expected);
	});
});
