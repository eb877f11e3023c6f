/**
 * The geocoder on the real gazetteer, one table per rule added for place fidelity: administrative
 * hints, quarters after the town, "exact" only without a comparable namesake, the list-level prior.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { geocode, type Gazetteer } from '$lib/core/geocode';
import { geocodeAll } from '$lib/core/geocode/table';
import { loadGazetteer } from '../../../../src/cli/gazetteer-node';

let gaz: Gazetteer;
beforeAll(async () => {
	gaz = await loadGazetteer();
}, 120_000);

describe('administrative hints in the text', () => {
	it.each([
		{
			input: 'St Denis, Seine-St-Denis',
			expected: { place: 'Saint-Denis', country: 'FR', status: 'exact' },
			reason: /in Seine-Saint-Denis/
		},
		{ input: 'St Denis (93)', expected: { place: 'Saint-Denis', country: 'FR' }, reason: /./ },
		{ input: '93200 Saint-Denis', expected: { place: 'Saint-Denis', country: 'FR', status: 'exact' }, reason: /in Seine-Saint-Denis/ },
		{ input: 'Torcy (71)', expected: { place: 'Torcy', country: 'FR', status: 'exact' }, reason: /Saone-et-Loire/ },
		{ input: 'Montreuil (93)', expected: { place: 'Montreuil', country: 'FR', status: 'exact' }, reason: /Seine-Saint-Denis/ },
		{ input: 'Bergen (Noord-Holland)', expected: { place: 'Bergen', country: 'NL', status: 'exact' }, reason: /North Holland/ },
		{ input: 'Essen, NRW', expected: { place: 'Essen', country: 'DE', status: 'exact' }, reason: /North Rhine-Westphalia/ },
		{ input: 'Mons (Hainaut)', expected: { place: 'Mons', country: 'BE', status: 'exact' }, reason: /Hainaut/ }
	])('$input', ({ input, expected, reason }) => {
		const g = geocode(gaz, input);
		expect({ place: g.place, country: g.place_country, ...('status' in expected ? { status: g.status } : {}) }).toEqual(expected);
		expect(g.reason).toMatch(reason);
	});
});

describe('quarters and districts after the town', () => {
	it.each([
		{ input: 'Dinslaken-Lohberg', expected: { place: 'Dinslaken', status: 'fuzzy' }, reason: /"lohberg" read as a quarter of Dinslaken/ },
		{ input: 'Bruxelles-Ville', expected: { place: 'Brussels', status: 'alias' }, reason: /"ville" read as a quarter/ },
		{ input: 'Paris XIXe', expected: { place: 'Paris', status: 'exact' }, reason: /quarter of Paris/ },
		{ input: 'Paris 18e', expected: { place: 'Paris', status: 'exact' }, reason: /numbers ignored/ },
		{ input: 'Lohberg (Dinslaken)', expected: { place: 'Dinslaken', status: 'fuzzy' }, reason: /no "Lohberg" near Dinslaken/ },
		{ input: 'Frankfurt (Oder)', expected: { place: 'Frankfurt (Oder)', status: 'exact' }, reason: /^$/ }
	])('$input', ({ input, expected, reason }) => {
		const g = geocode(gaz, input);
		expect({ place: g.place, status: g.status }).toEqual(expected);
		expect(g.reason).toMatch(reason);
	});
});

describe('"exact" only without a rival of comparable size of the same name', () => {
	it.each([
		{ input: 'Saida', country: '', status: 'ambiguous', rival: 'Sidon' },
		{ input: 'Saida', country: 'LB', status: 'alias', rival: null },
		{ input: 'Tripoli', country: '', status: 'ambiguous', rival: 'Tripoli' },
		{ input: 'Molenbeek-Saint-Jean', country: '', status: 'exact', rival: null }
	])('$input [$country]: $status', ({ input, country, status, rival }) => {
		const g = geocode(gaz, input, country);
		expect(g.status).toBe(status);
		if (rival) expect(g.reason).toContain(rival);
	});
});

describe('list-level prior', () => {
	const lebanese = ['Beirut', 'Sidon', 'Tyre', 'Zahle', 'Byblos', 'Baalbek'].map((hometown) => ({ hometown }));
	it('ranks an ambiguous name toward the country most confident rows lie in, and says so', () => {
		const { results } = geocodeAll(gaz, [...lebanese, { hometown: 'Tripoli' }]);
		const tripoli = results.at(-1)!;
		expect({ country: tripoli.place_country, status: tripoli.status }).toEqual({ country: 'LB', status: 'ambiguous' });
		expect(tripoli.reason).toMatch(/^ranked toward Lebanon, where \d+% of the list's \d+ confident rows lie/);
		expect(tripoli.candidates[0]!.place_country).toBe('LY');
	});

	it('leaves it alone in a short or mixed list', () => {
		expect(geocodeAll(gaz, [{ hometown: 'Beirut' }, { hometown: 'Tripoli' }]).results[1]!.place_country).toBe('LY');
		const mixed = ['Beirut', 'Sidon', 'Paris', 'Lyon', 'Brussels', 'Antwerp'].map((hometown) => ({ hometown }));
		expect(geocodeAll(gaz, [...mixed, { hometown: 'Tripoli' }]).results.at(-1)!.reason).not.toMatch(/ranked toward/);
	});
});

describe('administrative hints in a column of their own', () => {
	it.each([
		{ input: ['Torcy', '', '71'], expected: 'Saone-et-Loire' },
		{ input: ['Torcy', 'FR', 'Seine-et-Marne'], expected: 'Seine-et-Marne' },
		{ input: ['Bergen', '', 'Noord-Holland'], expected: 'North Holland' },
		{ input: ['Saint-Denis', '', '93200'], expected: 'Seine-Saint-Denis' }
	])('$input', ({ input: [hometown, country, region], expected }) => {
		const g = geocode(gaz, hometown, country, region);
		expect(g.reason).toContain(`in ${expected}`);
		expect(g.status).not.toBe('ambiguous');
	});

	it('a region it cannot read is said, not silently dropped', () => {
		expect(geocode(gaz, 'Lunel', 'FR', 'Nowhere-land').reason).toMatch(/region "Nowhere-land" not understood/);
	});
});
