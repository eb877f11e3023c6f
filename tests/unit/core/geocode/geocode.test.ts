/**
 * The matcher's rules on a small hand-made gazetteer, so each case shows one rule (the real
 * gazetteer is tested against the accuracy list in accuracy.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { Gazetteer, geocode, normalizeName, type GazetteerData } from '$lib/core/geocode';
import { hasSeparator, rankOrder, type MatchKind } from '$lib/core/geocode/geocode';

const PLACES: [name: string, country: string, lat: number, lon: number, pop: number, alt: string[]][] = [
	['Brussels', 'BE', 50.8505, 4.3488, 1_019_022, ['Bruxelles', 'Brussel']],
	['Molenbeek-Saint-Jean', 'BE', 50.8499, 4.3125, 0, []],
	['Tripoli', 'LY', 32.8874, 13.1873, 1_150_989, ['Tarabulus']],
	['Tripoli', 'LB', 34.4335, 35.8442, 229_398, []],
	['Saint-Denis', 'FR', 48.9356, 2.3539, 96_128, []],
	['Saint-Denis', 'RE', -20.8823, 55.4504, 137_195, []],
	['Paris', 'FR', 48.8534, 2.3488, 2_138_551, []],
	['Paris', 'US', 33.6609, -95.5555, 25_171, []],
	['Köln', 'DE', 50.9333, 6.95, 963_395, ['Cologne']],
	['Cologne', 'IT', 45.5786, 9.9418, 7_600, []],
	['Aleppo', 'SY', 36.2012, 37.1612, 1_602_264, ['Halab']],
	['Malmö', 'SE', 55.6059, 13.0007, 301_706, []],
	['Ar Raqqah', 'SY', 35.9528, 39.0079, 177_636, ['Raqqa']],
	['The Hague', 'NL', 52.0767, 4.2986, 474_292, ['Den Haag', "'s-Gravenhage"]],
	['Antwerpen', 'BE', 51.2205, 4.4003, 459_805, ['Antwerp']],
	['Pristina', 'XK', 42.6727, 21.1669, 161_751, []]
];

function fixture(): Gazetteer {
	const data: GazetteerData = {
		version: 1,
		attribution: 'test fixture',
		name: PLACES.map((p) => p[0]),
		country: PLACES.map((p) => p[1]),
		lat: PLACES.map((p) => Math.round(p[2] * 1e4)),
		lon: PLACES.map((p) => Math.round(p[3] * 1e4)),
		pop: PLACES.map((p) => p[4]),
		alt: PLACES.map((p) => p[5].map(normalizeName).join('|')),
		aliases: { molenbeek: 1, [normalizeName('Sint-Jans-Molenbeek')]: 1 },
		countryNames: Object.fromEntries(
			[
				['Belgium', 'BE'],
				['Belgique', 'BE'],
				['België', 'BE'],
				['BE', 'BE'],
				['Libya', 'LY'],
				['Libye', 'LY'],
				['LY', 'LY'],
				['Lebanon', 'LB'],
				['Liban', 'LB'],
				['LB', 'LB'],
				['France', 'FR'],
				['FR', 'FR'],
				['Réunion', 'RE'],
				['RE', 'RE'],
				['Syria', 'SY'],
				['SY', 'SY'],
				['Kosovo', 'XK'],
				['XK', 'XK'],
				['Sweden', 'SE'],
				['SE', 'SE'],
				['UK', 'GB'],
				['GB', 'GB'],
				['US', 'US']
			].map(([n, c]) => [normalizeName(n!), c!])
		),
		countryLabels: {
			BE: 'Belgium',
			LY: 'Libya',
			LB: 'Lebanon',
			FR: 'France',
			RE: 'Réunion',
			SY: 'Syria',
			XK: 'Kosovo',
			SE: 'Sweden',
			GB: 'United Kingdom',
			US: 'United States',
			DE: 'Germany',
			IT: 'Italy',
			NL: 'Netherlands'
		}
	};
	return new Gazetteer(data);
}

const gaz = fixture();

const TESTS = [
	{ title: 'exact name', input: ['Brussels'], expected: { place: 'Brussels', country: 'BE', status: 'exact' } },
	{ title: 'alternate name (French)', input: ['Bruxelles'], expected: { place: 'Brussels', country: 'BE', status: 'alias' } },
	{ title: 'curated alias', input: ['Sint-Jans-Molenbeek'], expected: { place: 'Molenbeek-Saint-Jean', country: 'BE', status: 'alias' } },
	{ title: 'postcode ignored', input: ['1080 Molenbeek'], expected: { place: 'Molenbeek-Saint-Jean', country: 'BE', status: 'alias' } },
	{ title: 'missing diacritics', input: ['Malmo'], expected: { place: 'Malmö', country: 'SE', status: 'exact' } },
	{ title: 'one-letter typo', input: ['Brusels'], expected: { place: 'Brussels', country: 'BE', status: 'fuzzy' } },
	{ title: 'typo in a curated alias', input: ['Molenbek'], expected: { place: 'Molenbeek-Saint-Jean', country: 'BE', status: 'fuzzy' } },
	{ title: 'two-letter typo in a long name', input: ['Antwerpem'], expected: { place: 'Antwerpen', country: 'BE', status: 'fuzzy' } },
	{ title: 'Arabic article and transliteration', input: ['Al-Raqqa'], expected: { place: 'Ar Raqqah', country: 'SY', status: 'alias' } },
	{ title: "Dutch 's-", input: ["'s-Gravenhage"], expected: { place: 'The Hague', country: 'NL', status: 'alias' } },
	{ title: 'Tripoli without a hint is ambiguous', input: ['Tripoli'], expected: { place: 'Tripoli', country: 'LY', status: 'ambiguous' } },
	{ title: 'Tripoli with an ISO hint', input: ['Tripoli', 'LB'], expected: { place: 'Tripoli', country: 'LB', status: 'exact' } },
	{
		title: 'Tripoli with a French country name',
		input: ['Tripoli', 'Liban'],
		expected: { place: 'Tripoli', country: 'LB', status: 'exact' }
	},
	{ title: 'City, Country in one field', input: ['Tripoli, Lebanon'], expected: { place: 'Tripoli', country: 'LB', status: 'exact' } },
	{ title: 'City (Country) in one field', input: ['Tripoli (Libye)'], expected: { place: 'Tripoli', country: 'LY', status: 'exact' } },
	{
		title: 'country glued on without a comma',
		input: ['Molenbeek Belgium'],
		expected: { place: 'Molenbeek-Saint-Jean', country: 'BE', status: 'alias' }
	},
	{
		title: 'Saint-Denis without a hint is ambiguous',
		input: ['Saint-Denis'],
		expected: { place: 'Saint-Denis', country: 'RE', status: 'ambiguous' }
	},
	{ title: 'St-Denis with a country', input: ['St-Denis', 'FR'], expected: { place: 'Saint-Denis', country: 'FR', status: 'exact' } },
	{ title: 'Saint-Denis, Réunion', input: ['Saint-Denis, Réunion'], expected: { place: 'Saint-Denis', country: 'RE', status: 'exact' } },
	{
		title: 'a far larger place beats a small exact namesake',
		input: ['Cologne'],
		expected: { place: 'Köln', country: 'DE', status: 'alias' }
	},
	{ title: 'the region outranks a namesake elsewhere', input: ['Paris'], expected: { place: 'Paris', country: 'FR', status: 'exact' } },
	{ title: 'the hint outranks population', input: ['Paris', 'US'], expected: { place: 'Paris', country: 'US', status: 'exact' } },
	{ title: 'Kosovo as XK', input: ['Pristina', 'XK'], expected: { place: 'Pristina', country: 'XK', status: 'exact' } },
	{
		title: 'a place missing from the hinted country',
		input: ['Paris', 'BE'],
		expected: { place: 'Paris', country: 'FR', status: 'ambiguous' }
	},
	{ title: 'an unknown country code', input: ['Paris', 'ZZ'], expected: { place: 'Paris', country: 'FR', status: 'ambiguous' } },
	{
		title: 'a spaced dash separates a region',
		input: ['Molenbeek - Brussels'],
		expected: { place: 'Molenbeek-Saint-Jean', country: 'BE', status: 'alias' }
	},
	{ title: 'slash-separated variants', input: ['Bruxelles/Brussel'], expected: { place: 'Brussels', country: 'BE', status: 'alias' } }
];

describe('geocode on a fixture gazetteer', () => {
	it.each(TESTS)('$title: $input', ({ input, expected }) => {
		const r = geocode(gaz, input[0], input[1]);
		expect({ place: r.place, country: r.place_country, status: r.status }).toEqual(expected);
		expect(r.lat).not.toBeNull();
		if (r.status === 'ambiguous') {
			expect(r.reason).not.toBe('');
			expect(r.confidence).toBeLessThanOrEqual(0.5);
		}
	});

	it('reports the runner-up of an ambiguous match as a candidate', () => {
		const r = geocode(gaz, 'Tripoli');
		expect(r.candidates.map((c) => c.place_country)).toEqual(['LB']);
	});

	it('ranks exact above alias above fuzzy in confidence', () => {
		const c = (t: string) => geocode(gaz, t).confidence;
		expect(c('Antwerpen')).toBeGreaterThan(c('Antwerp'));
		expect(c('Antwerp')).toBeGreaterThan(c('Antwerpn'));
	});
});

const BAD_INPUT = [
	{ title: 'empty', input: '' },
	{ title: 'only spaces', input: '   ' },
	{ title: 'a number', input: '12345' },
	{ title: 'a sentence', input: 'he said he lived somewhere near the big station in town' },
	{ title: '10,000 characters', input: 'Brussels '.repeat(1112) },
	{ title: 'control characters only', input: '\u0000\u0007\u001b' },
	{ title: 'right-to-left text', input: 'مولنبيك' },
	{ title: 'an unknown word', input: 'Qwzxvbnm' },
	{ title: 'punctuation', input: '?!--' },
	{ title: 'null', input: null },
	{ title: 'a postcode alone', input: '1080' }
];

describe('bad input is unresolved with a reason, never an exception, never 0,0', () => {
	it.each(BAD_INPUT)('$title', ({ input }) => {
		const r = geocode(gaz, input as string);
		expect(r.status).toBe('unresolved');
		expect(r.reason.length).toBeGreaterThan(3);
		expect(r.lat).toBeNull();
		expect(r.lon).toBeNull();
		expect(r.confidence).toBe(0);
	});

	it('control characters inside a real name are removed and noted', () => {
		const r = geocode(gaz, 'Brus\u0000sels');
		// Found, never as exact, and the note says why the match is not exact.
		expect(r).toMatchObject({ place: 'Brussels', place_country: 'BE', status: 'fuzzy', reason: 'control or invisible characters removed' });
		expect(r.lat).toBeCloseTo(50.85, 2);
		expect(r.confidence).toBeLessThan(1);
	});
});

describe('rankOrder: the ranking keys before weight as one number', () => {
	const KINDS: MatchKind[] = ['curated', 'exact', 'alias', 'fuzzy1', 'fuzzy2'];
	const all = [true, false].flatMap((inHint) =>
		[true, false].flatMap((inAdmin) =>
			[true, false].flatMap((near) => KINDS.flatMap((kind) => [false, true].map((via) => ({ inHint, inAdmin, near, kind, via }))))
		)
	);
	type Keys = (typeof all)[number];
	// The ranking as it was written key by key: hinted country, area, qualifier, tier, not an alternate name.
	const byKeys = (a: Keys, b: Keys) =>
		Number(b.inHint) - Number(a.inHint) ||
		Number(b.inAdmin) - Number(a.inAdmin) ||
		Number(b.near) - Number(a.near) ||
		KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind) ||
		Number(a.via) - Number(b.via);
	const order = (k: Keys) => rankOrder(k.inHint, k.inAdmin, k.near, k.kind, k.via);

	it.each([
		{
			a: { inHint: true, inAdmin: false, near: false, kind: 'fuzzy2', via: true },
			b: { inHint: false, inAdmin: true, near: true, kind: 'curated', via: false }
		},
		{
			a: { inHint: true, inAdmin: true, near: false, kind: 'fuzzy2', via: true },
			b: { inHint: true, inAdmin: false, near: true, kind: 'curated', via: false }
		},
		{
			a: { inHint: false, inAdmin: false, near: true, kind: 'fuzzy2', via: true },
			b: { inHint: false, inAdmin: false, near: false, kind: 'curated', via: false }
		},
		{
			a: { inHint: false, inAdmin: false, near: false, kind: 'exact', via: true },
			b: { inHint: false, inAdmin: false, near: false, kind: 'alias', via: false }
		},
		{
			a: { inHint: false, inAdmin: false, near: false, kind: 'alias', via: false },
			b: { inHint: false, inAdmin: false, near: false, kind: 'alias', via: true }
		}
	] as { a: Keys; b: Keys }[])('ranks $a.kind before $b.kind when the earlier keys say so', ({ a, b }) => {
		expect(order(a)).toBeLessThan(order(b));
	});

	it(`orders every pair of the ${all.length} combinations as the keys one by one do`, () => {
		for (const a of all) for (const b of all) expect(Math.sign(order(a) - order(b)), JSON.stringify([a, b])).toBe(Math.sign(byKeys(a, b)));
	});
});

describe('hasSeparator: where a text is split into parts', () => {
	it.each([
		{ text: 'Molenbeek, Brussels', split: true },
		{ text: 'Saint-Denis (93)', split: true },
		{ text: 'Bruxelles/Brussel', split: true },
		{ text: 'Ghent; Belgium', split: true },
		{ text: 'Schaerbeek - Brussels', split: true },
		{ text: 'Schaerbeek – Brussels', split: true },
		{ text: 'Schaerbeek — Brussels', split: true },
		{ text: 'Molenbeek-Saint-Jean', split: false },
		{ text: 'Schaerbeek -Brussels', split: false },
		{ text: 'Schaerbeek- Brussels', split: false },
		{ text: '- Brussels', split: false },
		{ text: 'Brussels -', split: false },
		{ text: 'Malmö', split: false },
		{ text: '', split: false }
	])('$text: $split', ({ text, split }) => {
		expect(hasSeparator(text)).toBe(split);
		expect(hasSeparator(text)).toBe(/[,;(/]|\s[-–—]\s/.test(text));
	});
});
