import { describe, it, expect } from 'vitest';
import { dateFromParts } from '../../../../src/lib/core/data/date-parts';
import { isoFromDay } from '../../../../src/lib/core/time/days';

// [year, month, day] -> [iso, precision, first day, last day] or null, and whether a note is expected.
const CASES: { parts: [string, string?, string?]; expected: [string, string, string, string] | null; note?: RegExp }[] = [
	{ parts: ['2015', '11', '13'], expected: ['2015-11-13', 'day', '2015-11-13', '2015-11-13'] },
	{ parts: ['2015', '11', '0'], expected: ['2015-11', 'month', '2015-11-01', '2015-11-30'] },
	{ parts: ['2015', '11', ''], expected: ['2015-11', 'month', '2015-11-01', '2015-11-30'] },
	{ parts: ['2014', '0', '0'], expected: ['2014', 'year', '2014-01-01', '2014-12-31'] },
	{ parts: ['2014', '', ''], expected: ['2014', 'year', '2014-01-01', '2014-12-31'] },
	{ parts: ['2014'], expected: ['2014', 'year', '2014-01-01', '2014-12-31'] },
	{ parts: ['2016', '2', '29'], expected: ['2016-02-29', 'day', '2016-02-29', '2016-02-29'] },
	{ parts: ['2015', '2', '29'], expected: ['2015-02', 'month', '2015-02-01', '2015-02-28'], note: /not a day of 2015-02/ },
	{ parts: ['2016', '2', '31'], expected: ['2016-02', 'month', '2016-02-01', '2016-02-29'], note: /not a day of 2016-02/ },
	{ parts: ['2015', '0', '13'], expected: ['2015', 'year', '2015-01-01', '2015-12-31'], note: /without a month/ },
	{ parts: ['2015', 'November', ''], expected: ['2015-11', 'month', '2015-11-01', '2015-11-30'] },
	{ parts: ['2015', 'Nov', '13'], expected: ['2015-11-13', 'day', '2015-11-13', '2015-11-13'] },
	{ parts: ['2015', 'novembre', '13'], expected: ['2015-11-13', 'day', '2015-11-13', '2015-11-13'] },
	{ parts: ['2015.0', '11.0', '13.0'], expected: ['2015-11-13', 'day', '2015-11-13', '2015-11-13'] },
	{ parts: ['2015', '13', '1'], expected: ['2015', 'year', '2015-01-01', '2015-12-31'], note: /not a month/ },
	{ parts: ['2015', 'Brumaire', ''], expected: ['2015', 'year', '2015-01-01', '2015-12-31'], note: /not a month/ },
	{ parts: ['0', '11', '13'], expected: null },
	{ parts: ['', '11', '13'], expected: null },
	{ parts: ['unknown', '', ''], expected: null },
	{ parts: ['15', '11', '13'], expected: null, note: /not a four-digit year/ },
	{ parts: ['2015', '11', 'x'], expected: ['2015-11', 'month', '2015-11-01', '2015-11-30'], note: /not a day/ }
];

describe('dateFromParts: year, month and day columns, 0 or blank for unknown', () => {
	it.each(CASES)('$parts', ({ parts, expected, note }) => {
		const { date, note: said } = dateFromParts(...parts);
		if (expected === null) expect(date).toBeNull();
		else expect([date!.iso, date!.precision, isoFromDay(date!.day), isoFromDay(date!.dayEnd)]).toEqual(expected);
		if (note) expect(said).toMatch(note);
		else expect(said).toBe('');
	});
});
