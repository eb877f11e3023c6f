import { describe, it, expect } from 'vitest';
import { emptyRecord, type MemberRecord } from '../../../../src/lib/core/data/member';
import {
	scriptJson,
	sizeReport,
	standaloneHtml,
	standalonePoints,
	standaloneRoutes,
	type StandaloneData
} from '../../../../src/lib/core/export/standalone';
import { dayFromIso } from '../../../../src/lib/core/time/days';

const member = (id: string, hometown: string, country: string, lon: number, lat: number, iso = '2015-11-13', weight = 1): MemberRecord => ({
	...emptyRecord(id),
	hometown,
	country,
	lon,
	lat,
	day: iso ? dayFromIso(iso) : NaN,
	dayEnd: iso ? dayFromIso(iso) : NaN,
	datePrecision: iso ? 'day' : 'unknown',
	weight,
	descent: 'secret',
	source: 'private note'
});

const MEMBERS = [
	member('A', 'Molenbeek', 'BE', 4.33, 50.855),
	member('B', 'Molenbeek', 'BE', 4.33, 50.855, '2015-01-01', 3),
	member('C', 'Molenbeek', 'BE', 4.33, 50.855, ''),
	member('D', 'Lunel', 'FR', 4.1361, 43.6778),
	member('E', 'Verviers', 'BE', 5.8624, 50.5891),
	member('F', 'Nowhere', '', NaN, NaN)
];

describe('standalonePoints: the privacy threshold and the fields shown', () => {
	it.each([
		{ k: 0, points: 4, hidden: 0, undated: 1 },
		{ k: 1, points: 4, hidden: 0, undated: 1 },
		// k=3: Molenbeek (3) stays; Lunel and Verviers fold into their countries: off the map.
		{ k: 3, points: 2, hidden: 2, undated: 1 },
		{ k: 4, points: 0, hidden: 5, undated: 0 }
	])('k=$k', ({ k, points, hidden, undated }) => {
		const r = standalonePoints(MEMBERS, k);
		expect({ points: r.points.length / 4, hidden: r.hidden, undated: r.undated }).toEqual({ points, hidden, undated });
	});

	it('holds only longitude, latitude, first day and weight: no id, name or other column', () => {
		const { points } = standalonePoints(MEMBERS, 3);
		expect(points).toEqual([4.33, 50.855, dayFromIso('2015-11-13'), 1, 4.33, 50.855, dayFromIso('2015-01-01'), 3]);
		const json = JSON.stringify(points);
		for (const word of ['Molenbeek', 'secret', 'private', '"A"']) expect(json).not.toContain(word);
	});
});

describe('standaloneRoutes', () => {
	const leg = (route: string, mode: string, validFrom?: string, validTo?: string) => ({
		geometry: {
			type: 'LineString',
			coordinates: [
				[1.123456789, 2],
				[3, 4]
			]
		},
		properties: { route, mode, validFrom, validTo, source: 'x' }
	});
	it('keeps the visible routes, with colour, mode and days in use', () => {
		const out = standaloneRoutes(
			[
				leg('a', 'land', '2015-01-01', '2015-12-31'),
				leg('b', 'sea'),
				{ geometry: { type: 'Point', coordinates: [0, 0] }, properties: { route: 'a' } }
			],
			(id) => id === 'a',
			() => '#123456'
		);
		expect(out).toEqual([
			{
				type: 'Feature',
				properties: { route: 'a', colour: '#123456', mode: 'land', from: dayFromIso('2015-01-01'), to: dayFromIso('2015-12-31') },
				geometry: {
					type: 'LineString',
					coordinates: [
						[1.12346, 2],
						[3, 4]
					]
				}
			}
		]);
	});
});

describe('the page', () => {
	const data = {
		title: 'T <b>',
		label: 'Imported data: </script><script>alert(1)</script>.csv',
		points: [1, 2, 3, 4],
		basemap: {},
		routes: [],
		unit: 'members'
	} as unknown as StandaloneData;
	it.each([
		['</script>', '"\\u003c/script>"'],
		['a\u2028b', '"a\\u2028b"'],
		[{ x: '<!--' }, '{"x":"\\u003c!--"}']
	])('scriptJson(%j)', (value, expected) => {
		expect(scriptJson(value)).toBe(expected);
		expect(JSON.parse(scriptJson(value))).toEqual(value);
	});

	it('no data or viewer text can close its script element; the title is escaped', () => {
		const html = standaloneHtml('var s="</script>";', data);
		expect(html.match(/<\/script>/g)).toHaveLength(2);
		expect(html).toContain('<title>T &#60;b&#62;</title>');
		expect(html).toContain("default-src 'none'");
	});

	it('reports the size of the page and its parts', () => {
		const html = standaloneHtml('viewer', data);
		const report = sizeReport('viewer', data, html);
		expect(report.total).toBe(new TextEncoder().encode(html).length);
		expect(report.parts.map((p) => p.name)).toEqual(['map viewer (MapLibre)', 'basemap', 'routes', 'members (1 points)']);
	});
});
