import { describe, expect, it } from 'vitest';
import { hometownFeatures, hometownsFrame, plotsFrame } from '$lib/map/overlays';
import type { HotspotRow } from '$lib/core/hotspots/hotspots';
import type { DatedEvent } from '$lib/core/time/events';

const row = (name: string, count: number, extra: Partial<HotspotRow> = {}): HotspotRow => ({
	key: name,
	name,
	country: 'BE',
	lon: 4.33,
	lat: 50.85,
	count,
	share: 0,
	places: [name],
	folded: false,
	...extra
});

describe('hometownFeatures', () => {
	const cases: { title: string; towns: HotspotRow[]; expected: string[] }[] = [
		{
			title: 'named towns become labelled points with their counts',
			towns: [row('Molenbeek-Saint-Jean', 36), row('Schaerbeek', 14)],
			expected: ['Molenbeek-Saint-Jean 36', 'Schaerbeek 14']
		},
		{
			title: 'a folded row ("Other places in Belgium") is never placed on the map',
			towns: [row('Other places in Belgium', 5, { folded: true, lon: NaN, lat: NaN })],
			expected: []
		},
		{
			title: 'a row without coordinates is left out, never drawn at 0,0',
			towns: [row('Nowhere', 4, { lon: NaN, lat: NaN })],
			expected: []
		},
		{ title: 'nothing to name', towns: [], expected: [] }
	];
	for (const c of cases)
		it(c.title, () => {
			const fc = hometownFeatures(c.towns);
			expect(fc.features.map((f) => `${f.properties!.name} ${f.properties!.count}`)).toEqual(c.expected);
		});
});

describe('hometownsFrame: the labels are sent again only when what they show changes', () => {
	const base = [row('Molenbeek-Saint-Jean', 36), row('Schaerbeek', 14)];
	const cases: { title: string; towns: HotspotRow[]; same: boolean }[] = [
		{ title: 'the same towns and counts in new rows (a list update while playing)', towns: base.map((t) => ({ ...t })), same: true },
		{ title: 'a count changes', towns: [row('Molenbeek-Saint-Jean', 37), row('Schaerbeek', 14)], same: false },
		{ title: 'a town appears', towns: [...base, row('Anderlecht', 10)], same: false },
		{ title: 'a town moves', towns: [row('Molenbeek-Saint-Jean', 36, { lon: 4.32 }), row('Schaerbeek', 14)], same: false },
		{ title: 'a folded row changes (never drawn)', towns: [...base, row('Other places', 5, { folded: true })], same: true },
		{ title: 'the share changes (not shown on the map)', towns: base.map((t) => ({ ...t, share: 0.5 })), same: true }
	];
	const key0 = hometownsFrame(base).key;
	for (const c of cases)
		it(c.title, () => {
			expect(hometownsFrame(c.towns).key === key0).toBe(c.same);
		});
});

describe('plotsFrame', () => {
	const plot = (date: string, day: number, outcome: 'successful' | 'foiled'): DatedEvent =>
		({ date, day, kind: 'plot', outcome, place: 'Paris', description: 'x', source: 's', lon: 2.35, lat: 48.86 }) as DatedEvent;
	const events = [plot('2015-01-07', 371, 'successful'), plot('2015-11-13', 681, 'successful'), plot('2015-08-21', 597, 'foiled')];
	const cases: { title: string; day: number; mode: 'cumulative' | 'window'; windowStart: number; shown: number; recent: number }[] = [
		{ title: 'before any plot: none', day: 300, mode: 'cumulative', windowStart: 0, shown: 0, recent: 0 },
		{ title: 'cumulative: older plots stay, faded', day: 690, mode: 'cumulative', windowStart: 0, shown: 3, recent: 1 },
		{ title: 'window: only those inside it', day: 690, mode: 'window', windowStart: 600, shown: 1, recent: 1 }
	];
	for (const c of cases)
		it(c.title, () => {
			const frame = plotsFrame({ events, day: c.day, mode: c.mode, windowStart: c.windowStart });
			expect(frame.features.features.length).toBe(c.shown);
			expect(frame.features.features.filter((f) => f.properties!.recent === 1).length).toBe(c.recent);
		});
	it('keeps its key while no marker changes, so the map gets no new data', () => {
		const a = plotsFrame({ events, day: 700, mode: 'cumulative', windowStart: 0 });
		const b = plotsFrame({ events, day: 702, mode: 'cumulative', windowStart: 0 });
		const c = plotsFrame({ events, day: 720, mode: 'cumulative', windowStart: 0 });
		expect(a.key).toBe(b.key);
		expect(c.key, 'the November plot fades after 30 days').not.toBe(a.key);
	});
});
