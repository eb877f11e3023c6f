import { describe, expect, it } from 'vitest';
import { findings, type FindingsInput } from '../../../../src/lib/core/stats/findings';
import { sizeClassTable } from '../../../../src/lib/core/stats/size-classes';

const BASE: FindingsInput = {
	unit: 'members',
	total: 200,
	topMetro: { name: 'Brussels', count: 100, lon: 4.35, lat: 50.85 },
	countries: 12,
	sizeClasses: sizeClassTable(
		[
			{ count: 30, population: 26_588, country: 'FR' },
			{ count: 10, population: 5_000, country: 'FR' },
			{ count: 60, population: 2_000_000, country: 'FR' }
		],
		{ FR: { byClass: [40, 30, 20, 10], places: 10 } }
	),
	topRate: {
		name: 'Lunel',
		count: 12,
		population: 26_588,
		rate: 45.13,
		smoothed: 30,
		lon: 4.13,
		lat: 43.67,
		country: { name: 'France', rate: 0.14 }
	},
	clusters: null
};

describe('findings', () => {
	const CASES: { title: string; input: FindingsInput; texts: string[] }[] = [
		{
			title: 'the four sentences of a scan-less view',
			input: BASE,
			texts: [
				'50% of the 200 members on the map lived outside the largest hotspot, Brussels (100).',
				'They came from 12 countries.',
				'40% came from towns under 100,000 residents, where 70% of the residents of their countries live.',
				'Most over-represented for its size: Lunel, 12 members for 26,588 residents, 45 per 100,000 (322 times the rate of France as a whole).'
			]
		},
		{
			title: 'with a scan that found a cluster',
			input: {
				...BASE,
				topMetro: null,
				countries: 1,
				sizeClasses: null,
				topRate: null,
				clusters: [
					{ names: ['Molenbeek-Saint-Jean', 'Brussels', 'Jette'], observed: 108, expected: 0.62, pValue: 0.001, lon: 4.3, lat: 50.8 },
					{ names: ['Nice'], observed: 6, expected: 0.19, pValue: 0.2, lon: 7, lat: 43 }
				]
			},
			texts: [
				'They came from 1 country.',
				'1 cluster is unlikely to be chance (p < 0.05); the strongest, around Molenbeek-Saint-Jean and Brussels, has 108 members where 0.6 would be expected from its residents.'
			]
		},
		{
			title: 'with a scan that found nothing',
			input: { ...BASE, topMetro: null, countries: 0, sizeClasses: null, topRate: null, clusters: [] },
			texts: ["No cluster is unlikely to be chance at p < 0.05: the members are spread about as their countries' residents are."]
		},
		{ title: 'nothing on the map: no sentence', input: { ...BASE, total: 0 }, texts: [] },
		{
			title: 'everyone in the top hotspot: no "outside" sentence',
			input: { ...BASE, total: 100, sizeClasses: null, topRate: null },
			texts: ['They came from 12 countries.']
		}
	];
	for (const t of CASES) it(t.title, () => expect(findings(t.input).map((f) => f.text)).toEqual(t.texts));

	it('each finding names the view that shows it', () => {
		const views = findings(BASE).map((f) => [f.id, f.view.panel, !!f.view.rateView]);
		expect(views).toEqual([
			['outside-top', 'hotspots-metro', false],
			['countries', 'hotspots-country', false],
			['small-towns', 'size-classes', false],
			['top-rate', 'rates', true]
		]);
	});
});
