import { describe, expect, it } from 'vitest';
import { dayFromIso as d } from '$lib/core/time/days';
import { addMonths, countPerMonth, countPerSortedMonth, monthsIn } from '$lib/core/time/months';
import { longDate, shortMonth } from '$lib/core/time/format';

const ADD = [
	{ title: 'one month on', input: ['2015-11-13', 1], expected: '2015-12-13' },
	{ title: 'over a year end', input: ['2015-12-13', 1], expected: '2016-01-13' },
	{ title: 'back over a year start', input: ['2015-01-15', -1], expected: '2014-12-15' },
	{ title: '31 March back to a leap February', input: ['2016-03-31', -1], expected: '2016-02-29' },
	{ title: '31 January on to a plain February', input: ['2015-01-31', 1], expected: '2015-02-28' },
	{ title: 'a year back', input: ['2016-02-29', -12], expected: '2015-02-28' }
] as const;

describe('months', () => {
	it.each(ADD)('addMonths: $title', ({ input, expected }) => {
		expect(addMonths(d(input[0]), input[1])).toBe(d(expected));
	});

	it('has 36 months in the default domain, each from its first day', () => {
		const bins = monthsIn(0, 1095);
		expect(bins).toHaveLength(36);
		expect(bins[0]).toEqual({ start: 0, end: 31, year: 2014, month: 1 });
		expect(bins[25]).toEqual({ start: d('2016-02-01'), end: d('2016-03-01'), year: 2016, month: 2 });
		expect(bins[35]!.end).toBe(1096);
	});

	it('counts per month at the edges of months and ignores days outside', () => {
		const bins = monthsIn(0, 1095);
		const counts = countPerMonth(bins, [
			d('2014-01-01'),
			d('2014-01-31'),
			d('2014-02-01'),
			d('2016-02-29'),
			d('2016-12-31'),
			d('2017-01-01'),
			-1,
			NaN
		]);
		expect(counts[0]).toBe(2);
		expect(counts[1]).toBe(1);
		expect(counts[25]).toBe(1);
		expect(counts[35]).toBe(1);
		expect(counts.reduce((a, b) => a + b, 0)).toBe(5);
	});
});

describe('date labels', () => {
	it.each([
		{ title: 'the Paris attacks', input: '2015-11-13', expected: '13 November 2015' },
		{ title: 'a leap day', input: '2016-02-29', expected: '29 February 2016' },
		{ title: 'the origin', input: '2014-01-01', expected: '1 January 2014' }
	])('longDate: $title', ({ input, expected }) => {
		expect(longDate(d(input))).toBe(expected);
	});
	it('shortMonth', () => expect(shortMonth(11)).toBe('Nov'));
});

describe('counts per month of days in date order', () => {
	const bins = monthsIn(d('2014-01-01'), d('2016-12-31'));
	it.each([
		{ title: 'none', days: [] },
		{ title: 'month edges', days: [d('2014-01-01'), d('2014-01-31'), d('2014-02-01'), d('2016-02-29'), d('2016-12-31')] },
		{ title: 'before and after the bins', days: [-40, -1, d('2014-03-03'), d('2017-01-01'), d('2018-05-05')] },
		{ title: 'fractional days, sorted by whole day', days: [d('2014-01-31') + 0.7, d('2014-01-31') + 0.2, d('2014-02-01') + 0.5] },
		{ title: 'many on one day', days: Array.from({ length: 50 }, () => d('2015-06-30')) },
		{ title: 'spread over every month', days: Array.from({ length: 400 }, (_, i) => d('2013-12-01') + i * 3) }
	])('$title: the same counts as a pass over the days', ({ days }) => {
		expect(countPerSortedMonth(bins, days)).toEqual(countPerMonth(bins, days));
	});
});
