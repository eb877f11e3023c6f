/** Cross-checks of given coordinates, on a small hand-made gazetteer: one rule per case. */
import { describe, expect, it } from 'vitest';
import { Gazetteer, geocode } from '$lib/core/geocode';
import { smallGazetteerData } from './small-gazetteer';
import { checkPoint, checkPoints, swapAdvice } from '$lib/core/geocode/crosscheck';
import { ReverseIndex } from '$lib/core/geocode/reverse';

const PLACES: [string, string, number, number, number, string[]][] = [
	['Brussels', 'BE', 50.8505, 4.3488, 1_019_022, ['Bruxelles']],
	['Liege', 'BE', 50.6333, 5.5667, 195_000, []],
	['Oslo', 'NO', 59.9127, 10.7461, 580_000, []],
	['Tangier', 'MA', 35.7673, -5.7998, 688_000, ['Tanger']],
	['Dodoma', 'TZ', -6.1722, 35.7395, 180_000, []],
	['Ar Raqqah', 'SY', 35.9528, 39.0079, 177_636, ['Raqqa']],
	['Kayseri', 'TR', 38.7322, 35.4853, 592_000, []],
	['Paris', 'FR', 48.8534, 2.3488, 2_138_551, []],
	['Lille', 'FR', 50.633, 3.0586, 228_000, []],
	['Lyon', 'FR', 45.7485, 4.8467, 472_000, []],
	['Tripoli', 'LY', 32.8874, 13.1873, 1_150_989, []],
	['Tripoli', 'LB', 34.4335, 35.8442, 229_398, []]
];
const data = smallGazetteerData(PLACES, {
	countryLabels: {
		BE: 'Belgium',
		NO: 'Norway',
		MA: 'Morocco',
		TZ: 'Tanzania',
		SY: 'Syria',
		TR: 'Turkey',
		FR: 'France',
		LY: 'Libya',
		LB: 'Lebanon'
	}
});
const gaz = new Gazetteer(data);
const index = new ReverseIndex(gaz);
const check = (lat: number, lon: number, hometown = '', country = '') =>
	checkPoint(index, { row: 2, lat, lon, hometown, country, geocoded: hometown ? geocode(gaz, hometown, country) : null });

describe('one row', () => {
	it.each([
		{
			title: 'Brussels at 4.35N 50.85E (off Somalia): swapped, by its name',
			args: [4.35, 50.85, 'Brussels'] as const,
			kind: 'swapped',
			reason: /6,7\d\d km from Brussels.*swapped it lies 0 km/
		},
		{ title: 'Oslo in the Arabian Sea: swapped, by its name', args: [10.75, 59.91, 'Oslo'] as const, kind: 'swapped', reason: /from Oslo/ },
		{
			title: 'Tangier in Tanzania (on land both ways): swapped, by its name',
			args: [-5.8, 35.77, 'Tanger'] as const,
			kind: 'swapped',
			reason: /from Tangier/
		},
		{
			title: 'Raqqa in central Turkey: swapped, by its country alone',
			args: [39.01, 35.95, '', 'SY'] as const,
			kind: 'swapped',
			reason: /outside Syria.*swapped it lies in it \(near Ar Raqqah\)/
		},
		{
			title: 'a point in the sea that lands on Brussels when swapped, nothing else known',
			args: [4.35, 50.85] as const,
			kind: 'swapped',
			reason: /at sea .*Brussels \(Belgium\)/
		},
		{
			title: 'Lyon written at Paris: far, with the distance and the fix',
			args: [48.85, 2.35, 'Lyon'] as const,
			kind: 'far',
			reason: /39\d km from Lyon/
		},
		{
			title: 'a Belgian row in Paris: outside its country, with the distance',
			args: [48.85, 2.35, '', 'BE'] as const,
			kind: 'outside-country',
			reason: /\d+ km outside Belgium.*\(Paris, France\)/
		},
		{
			title: 'Tripoli without a country at Tripoli, Lebanon: near a namesake, fine',
			args: [34.43, 35.84, 'Tripoli'] as const,
			kind: null,
			reason: null
		},
		{ title: 'Bruxelles at Brussels: fine', args: [50.85, 4.35, 'Bruxelles', 'BE'] as const, kind: null, reason: null },
		{ title: 'Liege 20 km from its point: within 50 km, fine', args: [50.75, 5.75, 'Liege'] as const, kind: null, reason: null },
		{ title: 'an unknown name and no country on land: nothing to say', args: [35.0, 38.0, 'Qwxyz'] as const, kind: null, reason: null }
	])('$title', ({ args, kind, reason }) => {
		const issue = check(...(args as unknown as [number, number, string?, string?]));
		expect(issue?.kind ?? null).toBe(kind);
		if (reason) expect(issue!.reason).toMatch(reason);
		if (issue) expect(issue.fix).not.toBe('');
		if (kind === 'swapped') expect(issue!.suggested).toEqual({ lat: args[1], lon: args[0] });
	});
});

describe('the whole file', () => {
	it('offers to swap the two columns when most rows look swapped', () => {
		const rows = [
			{ row: 2, lat: 4.35, lon: 50.85, hometown: 'Brussels', country: '' },
			{ row: 3, lat: 10.75, lon: 59.91, hometown: 'Oslo', country: '' },
			{ row: 4, lat: 48.85, lon: 2.35, hometown: 'Paris', country: '' }
		].map((r) => ({ ...r, geocoded: geocode(gaz, r.hometown) }));
		const checks = checkPoints(index, rows);
		expect({ checked: checks.checked, swapped: checks.swapped, swapWholeFile: checks.swapWholeFile }).toEqual({
			checked: 3,
			swapped: 2,
			swapWholeFile: true
		});
		expect(checks.issues.map((i) => i.row)).toEqual([2, 3]);
		expect(swapAdvice(checks)).toMatch(/^2 of 3 rows .* swap the two columns/);
	});

	it('does not when only a few do', () => {
		const rows = [50.85, 50.86, 50.87].map((lat, i) => ({
			row: i + 2,
			lat,
			lon: 4.35,
			hometown: 'Brussels',
			country: '',
			geocoded: geocode(gaz, 'Brussels')
		}));
		rows.push({ row: 5, lat: 4.35, lon: 50.85, hometown: 'Brussels', country: '', geocoded: geocode(gaz, 'Brussels') });
		expect(checkPoints(index, rows).swapWholeFile).toBe(false);
	});
});
