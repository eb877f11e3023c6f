import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { validateEvents, plotEvents, type AtlasEvent } from '../../../src/lib/core/time/events';

const events = JSON.parse(readFileSync('geodata/events.json', 'utf8')) as AtlasEvent[];
const plots = plotEvents(events);

describe('geodata/events.json', () => {
	it('is valid', () => {
		expect(validateEvents(events)).toEqual([]);
	});

	it('holds at least eleven plots of which six successful, as the study counts', () => {
		expect(plots.length).toBeGreaterThanOrEqual(11);
		expect(plots.filter((p) => p.outcome === 'successful')).toHaveLength(6);
	});

	const NAMED_IN_STUDY = [
		{ title: 'Jewish Museum, Brussels', date: '2014-05-24', outcome: 'successful' },
		{
			title: 'Charlie Hebdo and Hypercacher as one conspiracy',
			date: '2015-01-07',
			outcome: 'successful',
			place: /Charlie Hebdo.*Hypercacher/
		},
		{ title: 'Verviers cell', date: '2015-01-15', outcome: 'foiled' },
		{ title: 'Thalys train', date: '2015-08-21', outcome: 'foiled' },
		{ title: 'Paris, 13 November', date: '2015-11-13', outcome: 'successful' },
		{ title: 'La Defense plan', date: '2015-11-18', outcome: 'foiled', place: /La Defense/ },
		{ title: 'Brussels, 22 March', date: '2016-03-22', outcome: 'successful' }
	];
	it.each(NAMED_IN_STUDY)('has the plot the study names: $title', ({ date, outcome, place }) => {
		const match = plots.filter((p) => p.date === date && p.outcome === outcome && (!place || place.test(p.place)));
		expect(match).toHaveLength(1);
	});

	const POLICY_DATES = [
		{ title: 'Hungary closes the Serbian border', date: '2015-09-15', route: 'western-balkans' },
		{ title: 'Hungary closes the Croatian border', date: '2015-10-17', route: 'western-balkans' },
		{ title: 'Western Balkans route closed', date: '2016-03-09', route: 'western-balkans' },
		{ title: 'EU-Turkey statement', date: '2016-03-18', route: 'eastern-mediterranean' }
	];
	it.each(POLICY_DATES)('has the policy date: $title', ({ date, route }) => {
		const match = events.filter((e) => e.kind === 'policy' && e.date === date && e.routes.includes(route));
		expect(match).toHaveLength(1);
	});

	it('every plot falls in 2014-2016 and lies in Europe', () => {
		for (const p of plots) {
			expect(p.date >= '2014-01-01' && p.date <= '2016-12-31', p.id).toBe(true);
			expect(p.lat > 35 && p.lat < 60 && p.lon > -10 && p.lon < 30, p.id).toBe(true);
		}
	});
});

const BAD = [
	{ title: 'not an array', input: { events: [] }, expected: /expected a JSON array/ },
	{
		title: 'plot without outcome',
		input: [
			{
				id: 'plot-2015-01-01-x',
				kind: 'plot',
				date: '2015-01-01',
				place: 'Paris',
				country: 'FR',
				lat: 48.8,
				lon: 2.3,
				description: 'text text',
				source: 'a source'
			}
		],
		expected: /outcome/
	},
	{
		title: 'impossible date',
		input: [
			{
				id: 'policy-2015-02-30-x',
				kind: 'policy',
				date: '2015-02-30',
				place: 'Here',
				lat: 48.8,
				lon: 2.3,
				routes: [],
				description: 'text text',
				source: 'a source'
			}
		],
		expected: /real ISO date/
	},
	{
		title: 'coordinates at 0,0',
		input: [
			{
				id: 'policy-2015-02-03-x',
				kind: 'policy',
				date: '2015-02-03',
				place: 'Here',
				lat: 0,
				lon: 0,
				routes: [],
				description: 'text text',
				source: 'a source'
			}
		],
		expected: /lat must/
	},
	{
		title: 'missing source',
		input: [
			{ id: 'policy-2015-02-03-x', kind: 'policy', date: '2015-02-03', place: 'Here', lat: 1, lon: 1, routes: [], description: 'text text' }
		],
		expected: /source/
	}
];
describe('validateEvents rejects', () => {
	it.each(BAD)('$title', ({ input, expected }) => {
		expect(validateEvents(input).join('\n')).toMatch(expected);
	});
});
