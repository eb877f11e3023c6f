import { describe, expect, it } from 'vitest';
import { decodeUrlState, encodeUrlState, type UrlState } from '$lib/core/url/codec';

const ROUND_TRIPS: { title: string; state: UrlState }[] = [
	{ title: 'empty', state: {} },
	{ title: 'view', state: { view: { longitude: 4.3517, latitude: 50.8503, zoom: 6.5 } } },
	{ title: 'time and window', state: { time: '2015-11-13', mode: 'window', windowMonths: 6 } },
	{ title: 'no routes', state: { routes: [] } },
	{ title: 'some routes and layers', state: { routes: ['western-balkans', 'central-med'], layers: ['heat', 'labels'] } },
	{ title: 'filters with spaces', state: { filters: { role: ['inner'], descent: ['Moroccan', 'Sub-Saharan African'] } } },
	{ title: 'threshold and theme', state: { privacyK: 3, theme: 'dark' } },
	{ title: 'a widened period', state: { period: [2012, 2016], time: '2013-11-01' } },
	{ title: 'filter values holding the separator and the escape', state: { filters: { descent: ['a|b', 'c\\d', '|'] } } },
	{ title: 'heat kernel and colour scale', state: { kernelKm: 25, intensity: 1.5, scale: 'linear' } },
	{ title: 'the per-resident view with clusters', state: { show: 'rate', scan: true } },
	{ title: 'network panel and a plot selected', state: { network: true, selection: 'plot-2015-11-13-paris'.replace(/^/, 'plot:') } },
	{ title: 'a town selected (country|name key)', state: { selection: 'town:BE|molenbeek-saint-jean' } },
	{ title: 'a graph node selected', state: { network: true, selection: 'node:org-zerkani-network' } }
];

const READS: { title: string; query: string; state: UrlState }[] = [
	{
		title: 'a link written before values were escaped',
		query: 'f.descent=Moroccan|Algerian',
		state: { filters: { descent: ['Moroccan', 'Algerian'] } }
	},
	{ title: 'an escaped separator', query: `f.descent=${encodeURIComponent('a\\|b|c')}`, state: { filters: { descent: ['a|b', 'c'] } } },
	{ title: 'a one-year period', query: 'period=2015-2015', state: { period: [2015, 2015] } }
];

const BAD: { title: string; query: string; note: RegExp }[] = [
	{ title: 'a view off the world', query: 'v=400,10,3', note: /"v"/ },
	{ title: 'a date that is not one', query: 't=2015-13-45x', note: /"t"/ },
	{ title: 'an unknown mode', query: 'mode=<script>', note: /"mode"/ },
	{ title: 'a window too wide', query: 'w=1000', note: /"w"/ },
	{ title: 'markup in route ids', query: 'routes=<img src=x onerror=alert(1)>', note: /"routes"/ },
	{ title: 'an unknown parameter', query: 'foo=bar', note: /"foo"/ },
	{ title: 'a huge value', query: `t=${'9'.repeat(5000)}`, note: /too long/ },
	{ title: 'a period backwards', query: 'period=2016-2014', note: /"period"/ },
	{ title: 'a period of one number', query: 'period=2015', note: /"period"/ },
	{ title: 'a period out of range', query: 'period=1066-2016', note: /"period"/ },
	{ title: 'a kernel radius under the limit', query: 'kr=1', note: /"kr"/ },
	{ title: 'a kernel radius that is not a number', query: 'kr=40km', note: /"kr"/ },
	{ title: 'an intensity over the limit', query: 'ki=9', note: /"ki"/ },
	{ title: 'an unknown colour scale', query: 'scale=sqrt', note: /"scale"/ },
	{ title: 'an unknown map view', query: 'show=<b>', note: /"show"/ },
	{ title: 'a scan switch that is neither on nor off', query: 'scan=yes', note: /"scan"/ },
	{ title: 'a selection of an unknown kind', query: 'sel=person:M-001', note: /"sel"/ },
	{ title: 'markup in a selection', query: 'sel=node:<script>', note: /"sel"/ },
	{ title: 'net other than 1', query: 'net=yes', note: /"net"/ }
];

describe('URL codec', () => {
	it.each(ROUND_TRIPS)('round-trips $title', ({ state }) => {
		const { state: back, notes } = decodeUrlState(encodeUrlState(state));
		expect(notes).toEqual([]);
		expect(back).toEqual(state);
	});

	it.each(READS)('reads $title', ({ query, state }) => {
		expect(decodeUrlState(query)).toEqual({ state, notes: [] });
	});

	it.each(BAD)('ignores $title with a note', ({ query, note }) => {
		const { state, notes } = decodeUrlState(query);
		expect(notes.join('\n')).toMatch(note);
		expect(JSON.stringify(state)).not.toMatch(/script|onerror/);
	});
});
