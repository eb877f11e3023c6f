import { describe, expect, it } from 'vitest';
import distance from '@turf/distance';
import { emptyRecord, type MemberRecord } from '../../../../src/lib/core/data/member';
import {
	applyPrivacy,
	sizesFromNamedPlaces,
	countryCounts,
	hotspotTable,
	hotspotTableOf,
	metroCounts,
	type HotspotRow,
	namedTowns,
	sortRows,
	tooltipText,
	townCounts
} from '../../../../src/lib/core/hotspots/hotspots';

const PLACES: Record<string, [string, number, number]> = {
	Brussels: ['BE', 4.3517, 50.8503],
	'Molenbeek-Saint-Jean': ['BE', 4.3224, 50.8548],
	Schaerbeek: ['BE', 4.3737, 50.8676],
	Antwerp: ['BE', 4.4025, 51.2194],
	Verviers: ['BE', 5.8667, 50.5833],
	Paris: ['FR', 2.3522, 48.8566],
	'Saint-Denis': ['FR', 2.3574, 48.9362],
	Lunel: ['FR', 4.1361, 43.6753],
	Oslo: ['NO', 10.7522, 59.9139]
};

/** n members in each named place. */
function members(spec: Record<string, number>): MemberRecord[] {
	const out: MemberRecord[] = [];
	for (const [place, n] of Object.entries(spec)) {
		const [country, lon, lat] = PLACES[place]!;
		for (let i = 0; i < n; i++) out.push({ ...emptyRecord(`${place}-${i}`), hometown: place, country, lon, lat });
	}
	return out;
}

const SPEC = {
	Brussels: 10,
	'Molenbeek-Saint-Jean': 6,
	Schaerbeek: 2,
	Antwerp: 3,
	Verviers: 1,
	Paris: 5,
	'Saint-Denis': 2,
	Lunel: 1,
	Oslo: 1
};
const ALL = members(SPEC);
const byName = (rows: { name: string; count: number }[]) => Object.fromEntries(rows.map((r) => [r.name, r.count]));

describe('townCounts', () => {
	it('counts members per place with shares that add up to 1', () => {
		const rows = townCounts(ALL);
		expect(byName(rows)).toEqual(SPEC);
		expect(rows.reduce((s, r) => s + r.share, 0)).toBeCloseTo(1, 10);
		expect(rows.find((r) => r.name === 'Brussels')!.share).toBeCloseTo(10 / 31, 10);
	});
	it('leaves members without coordinates out (never at 0,0)', () => {
		const lost = { ...emptyRecord('x'), hometown: 'Nowhere', country: 'BE' };
		expect(townCounts([...ALL, lost]).some((r) => r.name === 'Nowhere')).toBe(false);
		expect(hotspotTable([...ALL, lost], 'town', { radiusKm: 15, k: 0 }).ungeocoded).toBe(1);
	});
	it('groups spellings that differ only in case and spaces', () => {
		const a = members({ Paris: 1 });
		const b = members({ Paris: 1 }).map((m) => ({ ...m, id: 'y', hometown: ' paris ' }));
		expect(townCounts([...a, ...b]).map((r) => r.count)).toEqual([2]);
	});
});

describe('metroCounts', () => {
	const TESTS = [
		{
			title: 'Brussels communes merge into Brussels at 15 km',
			input: 15,
			expected: { Brussels: 18, Antwerp: 3, Verviers: 1, Paris: 7, Lunel: 1, Oslo: 1 }
		},
		{ title: 'nothing merges at 1 km', input: 1, expected: SPEC },
		{ title: 'Antwerp joins Brussels at 50 km', input: 50, expected: { Brussels: 21, Verviers: 1, Paris: 7, Lunel: 1, Oslo: 1 } }
	];
	it.each(TESTS)('$title', ({ input, expected }) => {
		expect(byName(metroCounts(ALL, input))).toEqual(expected);
	});
	it('with place sizes, names the area after the largest place even when a commune has more members', () => {
		const size = (t: { name: string }) => (t.name === 'Brussels' ? 1_200_000 : 0);
		const [area] = metroCounts(members({ 'Molenbeek-Saint-Jean': 6, Brussels: 2, Schaerbeek: 1 }), 15, size);
		expect(area).toMatchObject({ name: 'Brussels', count: 9, places: ['Brussels', 'Molenbeek-Saint-Jean', 'Schaerbeek'] });
	});
	it('without sizes, names the area after the place with most members and lists the merged places', () => {
		const brussels = metroCounts(members({ 'Molenbeek-Saint-Jean': 6, Brussels: 2 }), 15)[0]!;
		expect(brussels.name).toBe('Molenbeek-Saint-Jean');
		expect(brussels.places).toEqual(['Molenbeek-Saint-Jean', 'Brussels']);
	});
});

describe('metro areas on a grid: the same areas as comparing each town with every area', () => {
	/** The rule without the grid: the first area (in the order made) within radiusKm, else a new one. */
	function reference(towns: HotspotRow[], radiusKm: number): string[][] {
		const sorted = [...towns].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
		const areas: { lon: number; lat: number; places: string[] }[] = [];
		for (const t of sorted) {
			const home = areas.find((m) => distance([m.lon, m.lat], [t.lon, t.lat], { units: 'kilometers' }) <= radiusKm);
			if (home) home.places.push(t.name);
			else areas.push({ lon: t.lon, lat: t.lat, places: [t.name] });
		}
		return areas.map((a) => a.places);
	}
	let seed = 11;
	const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
	const townsAround = (n: number, lat: number, lon: number, spreadDeg: number): HotspotRow[] =>
		Array.from({ length: n }, (_, i) => {
			const y = Math.max(-89.99, Math.min(89.99, lat + (random() - 0.5) * spreadDeg));
			const x = ((lon + (random() - 0.5) * spreadDeg * 2 + 540) % 360) - 180;
			return {
				key: `t${i}`,
				name: `t${i}`,
				country: '',
				lon: x,
				lat: y,
				count: 1 + Math.floor(random() * 20),
				share: 0,
				places: [],
				folded: false
			};
		});
	it.each([
		{ title: 'Europe, 15 km', towns: townsAround(1500, 50, 5, 6), radiusKm: 15 },
		{ title: 'Europe, 1 km', towns: townsAround(1500, 50, 5, 1), radiusKm: 1 },
		{ title: 'Europe, 100 km', towns: townsAround(800, 50, 5, 20), radiusKm: 100 },
		{ title: 'across the antimeridian', towns: townsAround(600, -17, 179.9, 3), radiusKm: 30 },
		{ title: 'near the pole, where columns narrow', towns: townsAround(600, 88, 0, 3), radiusKm: 40 }
	])('$title', ({ towns, radiusKm }) => {
		const table = hotspotTableOf(towns, 'metro', { radiusKm, k: 0 }, 0);
		expect(table.rows.map((r) => r.places)).toEqual(reference(towns, radiusKm));
	});
});

describe('countryCounts', () => {
	it('counts by country with names, flying to the biggest place', () => {
		const rows = countryCounts(ALL);
		expect(byName(rows)).toEqual({ Belgium: 22, France: 8, Norway: 1 });
		expect(rows.find((r) => r.country === 'FR')!.lon).toBeCloseTo(2.3522);
	});
});

describe('applyPrivacy', () => {
	const TESTS = [
		{
			title: 'k=3 on towns: small towns fold into their country, then into "Other places"',
			input: { rows: townCounts(ALL), k: 3, level: 'town' as const },
			expected: {
				rows: { Brussels: 10, 'Molenbeek-Saint-Jean': 6, Antwerp: 3, Paris: 5, 'Other places in Belgium': 3, 'Other places in France': 3 },
				suppressed: 1
			}
		},
		{
			title: 'k=5: a fold under k joins the next fold; a last fold under k is suppressed',
			input: { rows: townCounts(ALL), k: 5, level: 'town' as const },
			expected: { rows: { Brussels: 10, 'Molenbeek-Saint-Jean': 6, Paris: 5, 'Other places in Belgium': 6 }, suppressed: 4 }
		},
		{
			title: 'k=3 on countries: Norway goes under "Other countries", which is itself too small',
			input: { rows: countryCounts(ALL), k: 3, level: 'country' as const },
			expected: { rows: { Belgium: 22, France: 8 }, suppressed: 1 }
		},
		{
			title: 'country folds under k gather into one "Other places" row',
			input: { rows: townCounts(members({ Brussels: 3, Oslo: 1, Lunel: 1, Verviers: 1 })), k: 3, level: 'town' as const },
			expected: { rows: { Brussels: 3, 'Other places': 3 }, suppressed: 0 }
		},
		{
			title: 'k=0 changes nothing',
			input: { rows: townCounts(ALL), k: 0, level: 'town' as const },
			expected: { rows: SPEC, suppressed: 0 }
		}
	];
	it.each(TESTS)('$title', ({ input, expected }) => {
		const result = applyPrivacy(input.rows, input.k, input.level);
		expect(byName(result.rows)).toEqual(expected.rows);
		expect(result.suppressed).toBe(expected.suppressed);
	});
	it.each([2, 3, 4, 5, 10])('with k=%i no row has fewer than k members and nothing is lost', (k) => {
		for (const level of ['town', 'metro', 'country'] as const) {
			const table = hotspotTable(ALL, level, { radiusKm: 15, k });
			expect(table.rows.every((r) => r.count >= k)).toBe(true);
			expect(table.rows.reduce((s, r) => s + r.count, 0) + table.suppressed).toBe(table.total);
		}
	});
	it('folded rows have no coordinates and list no places', () => {
		const fold = applyPrivacy(townCounts(ALL), 3, 'town').rows.find((r) => r.folded)!;
		expect(Number.isNaN(fold.lon)).toBe(true);
		expect(fold.places).toEqual([]);
	});
});

describe('sortRows', () => {
	const rows = applyPrivacy(townCounts(ALL), 3, 'town').rows;
	const TESTS = [
		{
			title: 'count descending, folds last',
			input: ['count', 'descending'] as const,
			expected: ['Brussels', 'Molenbeek-Saint-Jean', 'Paris', 'Antwerp', 'Other places in Belgium', 'Other places in France']
		},
		{
			title: 'count ascending, folds still last',
			input: ['count', 'ascending'] as const,
			expected: ['Antwerp', 'Paris', 'Molenbeek-Saint-Jean', 'Brussels', 'Other places in Belgium', 'Other places in France']
		},
		{
			title: 'name ascending',
			input: ['name', 'ascending'] as const,
			expected: ['Antwerp', 'Brussels', 'Molenbeek-Saint-Jean', 'Paris', 'Other places in Belgium', 'Other places in France']
		}
	];
	it.each(TESTS)('$title', ({ input, expected }) => {
		expect(sortRows(rows, input[0], input[1]).map((r) => r.name)).toEqual(expected);
	});
});

describe('namedTowns and tooltipText', () => {
	it('only towns with at least k members may be named', () => {
		expect(
			namedTowns(ALL, 3)
				.map((t) => t.name)
				.sort()
		).toEqual(['Antwerp', 'Brussels', 'Molenbeek-Saint-Jean', 'Paris']);
		expect(namedTowns(ALL, 0)).toHaveLength(9);
	});
	const TESTS = [
		{ title: 'nothing near: no tooltip', input: [], expected: null },
		{
			title: 'biggest first, singular and plural',
			input: townCounts(members({ Oslo: 1, Paris: 2 })),
			expected: 'Paris (FR): 2 members\nOslo (NO): 1 member'
		},
		{
			title: 'markup is kept as text',
			input: townCounts(members({ Oslo: 1 })).map((t) => ({ ...t, name: '<b>x</b>' })),
			expected: '<b>x</b> (NO): 1 member'
		}
	];
	it.each(TESTS)('$title', ({ input, expected }) => expect(tooltipText(input)).toBe(expected));
});

describe('sizesFromNamedPlaces', () => {
	const size = sizesFromNamedPlaces([
		{ name: 'Bruxelles', lon: 4.35, lat: 50.85, priority: 10 },
		{ name: 'Brussels', lon: 4.3517, lat: 50.8503, priority: 800 },
		{ name: 'Paris', lon: -95.55, lat: 33.66, priority: 50 }
	]);
	const town = (name: string, lon: number, lat: number) => ({ ...townCounts(members({ Brussels: 1 }))[0]!, name, lon, lat });
	const TESTS = [
		{ title: 'same name nearby', input: town('Brussels', 4.36, 50.84), expected: 800 },
		{ title: 'case and accents folded', input: town('BRÜSSELS', 4.36, 50.84), expected: 800 },
		{ title: 'same name far away (Paris, Texas) does not count', input: town('Paris', 2.35, 48.86), expected: 0 },
		{ title: 'unnamed place', input: town('Molenbeek-Saint-Jean', 4.32, 50.85), expected: 0 }
	];
	it.each(TESTS)('$title', ({ input, expected }) => expect(size(input)).toBe(expected));
	it('names the Brussels area Brussels with the demo-like counts', () => {
		const area = metroCounts(members({ 'Molenbeek-Saint-Jean': 6, Brussels: 2 }), 15, size)[0]!;
		expect(area.name).toBe('Brussels');
	});
});
