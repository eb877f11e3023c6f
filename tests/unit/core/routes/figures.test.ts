import { describe, expect, it } from 'vitest';
import { dayFromIso } from '$lib/core/time/days';
import {
	figureFor,
	formatDetections,
	isActiveOn,
	maxDetections,
	MAX_WIDTH_PX,
	MIN_WIDTH_PX,
	routeYearOfDay,
	widthForDetections
} from '$lib/core/routes/figures';
import { COLLECTION } from './helpers';

describe('routeYearOfDay', () => {
	const TESTS = [
		{ title: 'first day', input: '2014-01-01', expected: 2014 },
		{ title: 'last day of 2015', input: '2015-12-31', expected: 2015 },
		{ title: 'first day of 2016', input: '2016-01-01', expected: 2016 },
		{ title: 'after the figures end: clamped', input: '2017-06-01', expected: 2016 },
		{ title: 'before they start: clamped', input: '2013-06-01', expected: 2014 }
	];
	it.each(TESTS)('$title', ({ input, expected }) => expect(routeYearOfDay(dayFromIso(input))).toBe(expected));
});

describe('widthForDetections', () => {
	const max = maxDetections(COLLECTION.routes);
	const TESTS = [
		{ title: 'largest figure gets the widest line', input: max, expected: MAX_WIDTH_PX },
		{ title: 'no figure gets the thinnest', input: undefined, expected: MIN_WIDTH_PX },
		{ title: 'zero gets the thinnest', input: 0, expected: MIN_WIDTH_PX },
		{
			title: 'a quarter of the maximum gets half the extra width',
			input: max / 4,
			expected: MIN_WIDTH_PX + (MAX_WIDTH_PX - MIN_WIDTH_PX) / 2
		}
	];
	it.each(TESTS)('$title', ({ input, expected }) => expect(widthForDetections(input, max)).toBeCloseTo(expected, 6));
	it('the largest figure is Eastern Mediterranean 2015', () => expect(max).toBe(885386));
	it('Western Balkans 2015 is drawn wider than in 2016', () => {
		const wb = COLLECTION.routes.find((r) => r.id === 'western-balkans')!;
		expect(widthForDetections(figureFor(wb, 2015)?.detections, max)).toBeGreaterThan(
			widthForDetections(figureFor(wb, 2016)?.detections, max)
		);
	});
});

describe('isActiveOn', () => {
	const TESTS = [
		{ title: 'the day the Hungary stretch ends is still active', input: ['2014-01-01', '2015-09-15', '2015-09-15'], expected: true },
		{ title: 'the day after it is not', input: ['2014-01-01', '2015-09-15', '2015-09-16'], expected: false },
		{ title: 'before a stretch starts', input: ['2015-09-16', '2016-03-09', '2015-01-01'], expected: false }
	];
	it.each(TESTS)('$title', ({ input: [from, to, day], expected }) => expect(isActiveOn(from!, to!, dayFromIso(day!))).toBe(expected));
});

describe('formatDetections', () => {
	const TESTS = [
		{ title: 'thousands separated', input: 885386, expected: '885,386 detections' },
		{ title: 'small', input: 7164, expected: '7,164 detections' }
	];
	it.each(TESTS)('$title', ({ input, expected }) => expect(formatDetections(input)).toBe(expected));
});
