import { describe, expect, it } from 'vitest';
import {
	countedBefore,
	domainOfYears,
	periodDomain,
	periodLabel,
	periodShowing,
	STUDY_PERIOD,
	yearsOf,
	type Years
} from '$lib/core/time/period';
import { dayFromIso } from '$lib/core/time/days';

const d = dayFromIso;
const DATA_2012_2016: [number, number] = [d('2012-01-01'), d('2016-12-31')];

const DOMAINS: { title: string; years: Years | null; data: [number, number]; expected: [number, number] }[] = [
	{ title: 'the study period for data that starts earlier', years: null, data: DATA_2012_2016, expected: STUDY_PERIOD },
	{ title: 'the study period for data inside it', years: null, data: [d('2014-01-01'), d('2016-12-31')], expected: STUDY_PERIOD },
	{
		title: "the data's own years when it misses the study period",
		years: null,
		data: [d('2019-01-01'), d('2020-12-31')],
		expected: [d('2019-01-01'), d('2020-12-31')]
	},
	{ title: 'a widened period', years: [2012, 2016], data: DATA_2012_2016, expected: DATA_2012_2016 },
	{ title: 'a narrowed period', years: [2015, 2015], data: DATA_2012_2016, expected: [d('2015-01-01'), d('2015-12-31')] }
];

const SHOWING: { title: string; day: string; years: Years | null; expected: Years | null }[] = [
	{ title: 'a day in the study period keeps it', day: '2015-11-13', years: null, expected: null },
	{ title: 'a day before it widens to the data', day: '2013-11-01', years: null, expected: [2012, 2016] },
	{ title: 'a day before the data widens to its year', day: '2010-05-01', years: null, expected: [2010, 2016] },
	{ title: 'a day after a narrow period widens it', day: '2016-03-22', years: [2015, 2015], expected: [2012, 2016] }
];

describe('period', () => {
	it.each(DOMAINS)('$title', ({ years, data, expected }) => expect(periodDomain(years, data)).toEqual(expected));
	it.each(SHOWING)('$title', ({ day, years, expected }) => expect(periodShowing(d(day), years, DATA_2012_2016)).toEqual(expected));

	it.each([
		{ days: [], start: 0, expected: 0 },
		{ days: [-400, -10, 0, 5], start: 0, expected: 2 },
		{ days: [-400, -10, -1], start: 0, expected: 3 },
		{ days: [3, 5], start: 0, expected: 0 }
	])('counts $expected of $days before day $start', ({ days, start, expected }) => expect(countedBefore(days, start)).toBe(expected));

	it.each([
		{ years: [2014, 2016] as Years, label: '2014\u20132016' },
		{ years: [2015, 2015] as Years, label: '2015' }
	])('labels $years as $label', ({ years, label }) => {
		expect(periodLabel(years)).toBe(label);
		expect(yearsOf(domainOfYears(years))).toEqual(years);
	});
});
