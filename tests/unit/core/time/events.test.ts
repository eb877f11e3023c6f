import { describe, expect, it } from 'vitest';
import { eventPresence, readEvents } from '$lib/core/time/events';

const GOOD = { id: 'paris', kind: 'plot', date: '2015-11-13', place: 'Paris', lat: 48.86, lon: 2.35, outcome: 'successful', description: 'x', source: 'Klausen' };

describe('events', () => {
	it('keeps good entries sorted with day numbers and reports the bad ones by entry number', () => {
		const { events, problems } = readEvents([
			GOOD,
			{ ...GOOD, id: 'early', date: '2015-01-15', outcome: 'foiled' },
			{ ...GOOD, id: 'bad-date', date: '13/11/2015' },
			{ ...GOOD, id: 'no-outcome', outcome: undefined },
			{ ...GOOD, id: 'policy', kind: 'policy', outcome: undefined, date: '2016-03-18' }
		]);
		expect(events.map((e) => [e.id, e.day])).toEqual([['early', 379], ['paris', 681], ['policy', 807]]);
		expect(problems).toEqual(['entry 3: date is not YYYY-MM-DD', 'entry 4: a plot needs outcome successful or foiled']);
	});

	it('reports a file that is not a list', () => {
		expect(readEvents({}).problems).toHaveLength(1);
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
