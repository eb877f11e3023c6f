import { describe, expect, it } from 'vitest';
import { dayFromIso } from '$lib/core/time/days';
import { parseDate } from '$lib/core/data/dates';
import { domainFor, isActiveAt, windowStartExclusive, type TimeMode } from '$lib/core/time/membership';
import { buildTimeIndex, visibleRange } from '$lib/core/time/time-index';
import { emptyRecord, type MemberPoint } from '$lib/core/data/member';

const d = dayFromIso;
/** A member dated by the text a source would carry ("2015", "2015-11", "2015-11-13T..."). */
const dated = (text: string) => ({ day: parseDate(text)!.day });

const TESTS: { title: string; member: string; at: string; mode: TimeMode; months: number; expected: boolean }[] = [
	{
		title: 'cumulative: on the day itself (inclusive)',
		member: '2015-11-13',
		at: '2015-11-13',
		mode: 'cumulative',
		months: 6,
		expected: true
	},
	{ title: 'cumulative: the day before', member: '2015-11-13', at: '2015-11-12', mode: 'cumulative', months: 6, expected: false },
	{ title: 'cumulative: years later', member: '2014-01-01', at: '2016-12-31', mode: 'cumulative', months: 6, expected: true },
	{ title: 'window: on its end day (inclusive)', member: '2015-11-13', at: '2015-11-13', mode: 'window', months: 6, expected: true },
	{ title: 'window: first covered day', member: '2015-05-14', at: '2015-11-13', mode: 'window', months: 6, expected: true },
	{ title: 'window: exactly 6 months before is out', member: '2015-05-13', at: '2015-11-13', mode: 'window', months: 6, expected: false },
	{ title: 'window: after the date is out', member: '2015-11-14', at: '2015-11-13', mode: 'window', months: 6, expected: false },
	{ title: 'window of 3 months across a year end', member: '2015-10-01', at: '2016-01-01', mode: 'window', months: 3, expected: false },
	{ title: 'window of 3 months, first day in', member: '2015-10-02', at: '2016-01-01', mode: 'window', months: 3, expected: true },
	{
		title: 'window ending on a month end clamps (2016-08-31 - 6 = 2016-02-29)',
		member: '2016-03-01',
		at: '2016-08-31',
		mode: 'window',
		months: 6,
		expected: true
	},
	{ title: 'window: leap day edge is out', member: '2016-02-29', at: '2016-08-31', mode: 'window', months: 6, expected: false },
	{ title: 'partial "2015" counts from 1 January', member: '2015', at: '2015-01-01', mode: 'cumulative', months: 6, expected: true },
	{ title: 'partial "2015" not on 31 Dec 2014', member: '2015', at: '2014-12-31', mode: 'cumulative', months: 6, expected: false },
	{ title: 'partial "2015-11" counts from 1 November', member: '2015-11', at: '2015-11-01', mode: 'cumulative', months: 6, expected: true },
	{ title: 'partial "2015-11" not on 31 October', member: '2015-11', at: '2015-10-31', mode: 'cumulative', months: 6, expected: false },
	{
		title: 'partial "2015-11" leaves a 12-month window after 1 Nov 2016',
		member: '2015-11',
		at: '2016-11-01',
		mode: 'window',
		months: 12,
		expected: false
	},
	{
		title: 'partial "2015-11" in a 12-month window on 31 Oct 2016',
		member: '2015-11',
		at: '2016-10-31',
		mode: 'window',
		months: 12,
		expected: true
	},
	{
		title: 'late evening west of UTC keeps the written date',
		member: '2015-11-13T23:30:00-05:00',
		at: '2015-11-13',
		mode: 'cumulative',
		months: 6,
		expected: true
	},
	{
		title: 'just after midnight east of UTC keeps the written date',
		member: '2015-11-14T00:30+01:00',
		at: '2015-11-13',
		mode: 'cumulative',
		months: 6,
		expected: false
	}
];

describe('membership at the edges', () => {
	it.each(TESTS)('$title', ({ member, at, mode, months, expected }) => {
		expect(isActiveAt(dated(member), d(at), mode, months)).toBe(expected);
	});

	it.each(TESTS)('the time index agrees: $title', ({ member, at, mode, months, expected }) => {
		const points: MemberPoint[] = [{ ...emptyRecord('x'), lon: 4, lat: 50, ...dated(member) }];
		const index = buildTimeIndex(points);
		const [start, end] = visibleRange(index.days, d(at), mode, months);
		expect(end - start).toBe(expected ? 1 : 0);
	});

	it('an undated member is never active', () => {
		expect(isActiveAt({ day: NaN }, d('2016-12-31'), 'cumulative', 6)).toBe(false);
	});

	it('does not depend on the time zone of the machine', () => {
		const before = process.env.TZ;
		try {
			for (const tz of ['Pacific/Kiritimati', 'America/Los_Angeles', 'UTC']) {
				process.env.TZ = tz;
				expect(parseDate('2015-11-13T23:30:00-05:00')).toMatchObject({ day: d('2015-11-13'), dayEnd: d('2015-11-13'), precision: 'day' });
				expect(windowStartExclusive(d('2015-11-13'), 6)).toBe(d('2015-05-13'));
			}
		} finally {
			process.env.TZ = before;
		}
	});
});

const DATE_TESTS = [
	{ title: 'a year', input: '2015', expected: { day: d('2015-01-01'), dayEnd: d('2015-12-31'), precision: 'year' } },
	{ title: 'a leap February', input: '2016-02', expected: { day: d('2016-02-01'), dayEnd: d('2016-02-29'), precision: 'month' } },
	{ title: 'a December', input: '2015-12', expected: { day: d('2015-12-01'), dayEnd: d('2015-12-31'), precision: 'month' } },
	{ title: 'a day', input: ' 2015-11-13 ', expected: { day: 681, dayEnd: 681, precision: 'day' } },
	{ title: 'a day with UTC time', input: '2015-11-13T21:20:00Z', expected: { day: 681, dayEnd: 681, precision: 'day' } },
	{ title: 'month 13', input: '2015-13', expected: null },
	{ title: '30 February', input: '2015-02-30', expected: null },
	{ title: 'a month in words', input: 'November 2015', expected: { day: d('2015-11-01'), dayEnd: d('2015-11-30'), precision: 'month' } },
	{ title: 'empty', input: '', expected: null }
];

describe('partial dates', () => {
	it.each(DATE_TESTS)('$title: $input', ({ input, expected }) => {
		const parsed = parseDate(input);
		if (expected === null) expect(parsed).toBeNull();
		else expect(parsed).toMatchObject(expected);
	});
});

const DOMAIN_TESTS = [
	{ title: 'no dates: the default', input: [], expected: [0, 1095] },
	{ title: 'inside the default', input: [100, 900, NaN], expected: [0, 1095] },
	{ title: 'grows to whole years', input: [d('2013-06-01'), d('2018-02-03')], expected: [d('2013-01-01'), d('2018-12-31')] }
];

describe('time domain', () => {
	it.each(DOMAIN_TESTS)('$title', ({ input, expected }) => {
		expect(domainFor(input)).toEqual(expected);
	});
});
