import { describe, expect, it } from 'vitest';
import {
	allState,
	isRouteVisible,
	normalise,
	setAllRoutesVisible,
	setRouteVisible,
	type RouteSelection
} from '$lib/core/routes/visibility';

const ALL = ['western-balkans', 'central-med', 'eastern-med', 'western-med'];

describe('setRouteVisible', () => {
	const TESTS: { title: string; input: [RouteSelection, string, boolean]; expected: RouteSelection }[] = [
		{ title: 'hiding one from all', input: [null, 'central-med', false], expected: ['western-balkans', 'eastern-med', 'western-med'] },
		{
			title: 'showing the last hidden one collapses to all',
			input: [['western-balkans', 'eastern-med', 'western-med'], 'central-med', true],
			expected: null
		},
		{ title: 'showing one from none', input: [[], 'eastern-med', true], expected: ['eastern-med'] },
		{ title: 'hiding the only one', input: [['eastern-med'], 'eastern-med', false], expected: [] },
		{ title: 'showing an already visible one changes nothing', input: [['central-med'], 'central-med', true], expected: ['central-med'] }
	];
	it.each(TESTS)('$title', ({ input: [sel, id, visible], expected }) => expect(setRouteVisible(sel, id, visible, ALL)).toEqual(expected));
});

describe('isRouteVisible / allState / setAllRoutesVisible / normalise', () => {
	const TESTS: { title: string; input: RouteSelection; expected: [boolean, 'all' | 'none' | 'some'] }[] = [
		{ title: 'null is all', input: null, expected: [true, 'all'] },
		{ title: 'empty is none', input: [], expected: [false, 'none'] },
		{ title: 'a list is some', input: ['eastern-med', 'western-med'], expected: [false, 'some'] }
	];
	it.each(TESTS)('$title', ({ input, expected }) => expect([isRouteVisible(input, 'central-med'), allState(input, ALL)]).toEqual(expected));
	it('all on / all off', () => expect([setAllRoutesVisible(true), setAllRoutesVisible(false)]).toEqual([null, []]));
	it('normalise orders by the route list, keeps unknown ids, drops duplicates', () =>
		expect(normalise(['western-med', 'x', 'central-med', 'x'], ALL)).toEqual(['central-med', 'western-med', 'x']));
});
