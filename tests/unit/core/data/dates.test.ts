import { describe, it, expect } from 'vitest';
import { parseDate } from '../../../../src/lib/core/data/dates';
import { dayFromIso } from '../../../../src/lib/core/time/days';

const TESTS = [
	{ title: 'ISO day', input: '2015-11-13', expected: { iso: '2015-11-13', precision: 'day', day: '2015-11-13', dayEnd: '2015-11-13' } },
	{
		title: 'ISO with time',
		input: '2015-11-13T21:16:00Z',
		expected: { iso: '2015-11-13', precision: 'day', day: '2015-11-13', dayEnd: '2015-11-13' }
	},
	{
		title: 'European D/M/Y',
		input: '13/11/2015',
		expected: { iso: '2015-11-13', precision: 'day', day: '2015-11-13', dayEnd: '2015-11-13' }
	},
	{
		title: 'dotted D.M.Y',
		input: '22.03.2016',
		expected: { iso: '2016-03-22', precision: 'day', day: '2016-03-22', dayEnd: '2016-03-22' }
	},
	{
		title: 'ambiguous D/M read day first',
		input: '03/04/2016',
		expected: { iso: '2016-04-03', precision: 'day', day: '2016-04-03', dayEnd: '2016-04-03' }
	},
	{
		title: 'US M/D/Y when day-first is impossible',
		input: '11/13/2015',
		expected: { iso: '2015-11-13', precision: 'day', day: '2015-11-13', dayEnd: '2015-11-13' }
	},
	{
		title: 'Missing Migrants style',
		input: 'January 25, 2020',
		expected: { iso: '2020-01-25', precision: 'day', day: '2020-01-25', dayEnd: '2020-01-25' }
	},
	{
		title: 'month name first, no comma',
		input: 'November 13 2015',
		expected: { iso: '2015-11-13', precision: 'day', day: '2015-11-13', dayEnd: '2015-11-13' }
	},
	{
		title: 'day first with month name',
		input: '13 November 2015',
		expected: { iso: '2015-11-13', precision: 'day', day: '2015-11-13', dayEnd: '2015-11-13' }
	},
	{
		title: 'ACLED, a one-digit day',
		input: '5 January 2016',
		expected: { iso: '2016-01-05', precision: 'day', day: '2016-01-05', dayEnd: '2016-01-05' }
	},
	{
		title: 'day-month-year with hyphens, as a spreadsheet shows a date as text',
		input: '13-Nov-2015',
		expected: { iso: '2015-11-13', precision: 'day', day: '2015-11-13', dayEnd: '2015-11-13' }
	},
	{
		title: 'French month',
		input: '13 novembre 2015',
		expected: { iso: '2015-11-13', precision: 'day', day: '2015-11-13', dayEnd: '2015-11-13' }
	},
	{
		title: 'abbreviated month and year',
		input: 'Nov 2015',
		expected: { iso: '2015-11', precision: 'month', day: '2015-11-01', dayEnd: '2015-11-30' }
	},
	{
		title: 'February of a leap year',
		input: '2016-02',
		expected: { iso: '2016-02', precision: 'month', day: '2016-02-01', dayEnd: '2016-02-29' }
	},
	{ title: 'M/YYYY', input: '3/2016', expected: { iso: '2016-03', precision: 'month', day: '2016-03-01', dayEnd: '2016-03-31' } },
	{ title: 'year only', input: '2015', expected: { iso: '2015', precision: 'year', day: '2015-01-01', dayEnd: '2015-12-31' } },
	{
		title: 'padded with spaces',
		input: '  2014-05-24 ',
		expected: { iso: '2014-05-24', precision: 'day', day: '2014-05-24', dayEnd: '2014-05-24' }
	}
];

const BAD = [
	{ title: 'empty', input: '' },
	{ title: 'impossible day', input: '2015-02-30' },
	{ title: 'impossible D/M', input: '31/02/2015' },
	{ title: 'month 13', input: '2015-13' },
	{ title: 'not a month name', input: 'Smarch 2015' },
	{ title: 'words', input: 'unknown' },
	{ title: 'a formula', input: '=NOW()' },
	{ title: 'two-digit year', input: '13/11/15' },
	{ title: 'very long text', input: '2015'.repeat(50) }
];

describe('parseDate', () => {
	it.each(TESTS)('$title: $input', ({ input, expected }) => {
		const got = parseDate(input);
		expect(got).toEqual({
			iso: expected.iso,
			precision: expected.precision,
			day: dayFromIso(expected.day),
			dayEnd: dayFromIso(expected.dayEnd)
		});
	});
	it.each(BAD)('rejects $title', ({ input }) => {
		expect(parseDate(input)).toBeNull();
	});
});
