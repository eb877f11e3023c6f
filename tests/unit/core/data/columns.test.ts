import { describe, expect, it } from 'vitest';
import { datasetKindOf, planColumns } from '$lib/core/data/columns';

const TESTS = [
	{ title: 'a member list with roles', input: ['id', 'hometown', 'country', 'date', 'role'], expected: 'members' },
	{ title: 'a bare list of hometowns is people', input: ['id', 'hometown', 'date'], expected: 'members' },
	{ title: 'coordinates only', input: ['lat', 'lon'], expected: 'members' },
	{
		title: 'the Missing Migrants table: a weight column and no member column',
		input: [
			'Web ID',
			'Region of Incident',
			'Reported Date',
			'Reported Year',
			'Reported Month',
			'Number Dead',
			'Minimum Estimated Number of Missing',
			'Total Dead and Missing',
			'Migration Route',
			'Location Coordinates',
			'Location Description'
		],
		expected: 'records'
	},
	{ title: 'a category and no member column', input: ['place', 'category'], expected: 'records' },
	{ title: 'a weight beside a member column stays members', input: ['hometown', 'weight', 'arrested'], expected: 'members' },
	{ title: 'plots tie rows to the network', input: ['hometown', 'count', 'plots'], expected: 'members' }
];

describe('datasetKindOf', () => {
	it.each(TESTS)('$title', ({ input, expected }) => {
		expect(datasetKindOf(planColumns(input))).toBe(expected);
	});

	it('follows the user mapping', () => {
		expect(datasetKindOf(planColumns(['place', 'n'], { n: 'ignore' }))).toBe('members');
		expect(datasetKindOf(planColumns(['place', 'x'], { x: 'weight' }))).toBe('records');
	});
});
