import { describe, expect, it } from 'vitest';
import { dayFromIso, dayFromYmd, isoFromDay } from '$lib/core/time/days';

const TESTS = [
	{ title: 'the origin', iso: '2014-01-01', day: 0 },
	{ title: 'a leap day', iso: '2016-02-29', day: 789 },
	{ title: 'the Paris attacks', iso: '2015-11-13', day: 681 },
	{ title: 'the Brussels attacks', iso: '2016-03-22', day: 811 },
	{ title: 'before the origin', iso: '2013-12-31', day: -1 },
	{ title: 'the domain end', iso: '2016-12-31', day: 1095 }
];

describe('day numbers', () => {
	it.each(TESTS)('$title: $iso is day $day and back', ({ iso, day }) => {
		expect(dayFromIso(iso)).toBe(day);
		expect(isoFromDay(day)).toBe(iso);
	});

	it.each(['2015-02-29', '2015-13-01', '15-11-13', '', 'November 13, 2015', '2015-11-13T00:00'])('rejects %j', (text) => {
		expect(dayFromIso(text)).toBeNaN();
	});

	it('agrees with dayFromYmd', () => {
		expect(dayFromYmd(2015, 11, 13)).toBe(dayFromIso('2015-11-13'));
	});
});
