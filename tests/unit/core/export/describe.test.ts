import { describe, expect, it } from 'vitest';
import { dataExportBase, exportKey, imageExportBase, type KeyInput, type ShownState } from '$lib/core/export/describe';
import { emptyFilters } from '$lib/core/filters/filters';
import { dayFromIso } from '$lib/core/time/days';

const shown = (over: Partial<ShownState> = {}): ShownState => ({
	synthetic: true,
	day: dayFromIso('2015-11-13'),
	mode: 'cumulative',
	windowMonths: 6,
	filters: emptyFilters(),
	...over
});

const NAMES: { title: string; state: ShownState; allDates: boolean; data: string; image: string }[] = [
	{
		title: 'the demo at a date',
		state: shown(),
		allDates: false,
		data: 'hometown-atlas-synthetic-2015-11-13-cumulative',
		image: 'hometown-atlas-synthetic-2015-11-13'
	},
	{
		title: 'every date',
		state: shown(),
		allDates: true,
		data: 'hometown-atlas-synthetic-all-dates',
		image: 'hometown-atlas-synthetic-2015-11-13'
	},
	{
		title: 'a window and filters on own data',
		state: shown({
			synthetic: false,
			mode: 'window',
			windowMonths: 3,
			filters: { ...emptyFilters(), role: ['inner'], descent: ['Moroccan', 'Algerian'] }
		}),
		allDates: false,
		data: 'hometown-atlas-2015-11-13-window-3m-role-inner-descent-Moroccan-Algerian',
		image: 'hometown-atlas-2015-11-13-window-3m-filtered'
	}
];

const base: KeyInput = {
	...shown(),
	unit: { many: 'members' },
	shown: 77,
	total: 85,
	topPeople: 5,
	countedBefore: 0,
	periodStart: dayFromIso('2014-01-01'),
	privacyK: 0
};
const KEYS: { title: string; input: KeyInput; ticks: string[]; lines: string[] }[] = [
	{
		title: 'fixed scale, no filter, no threshold',
		input: base,
		ticks: ['1', '2.5', '5+ people'],
		lines: ['77 of 85 members \u00b7 cumulative to 13 November 2015']
	},
	{
		title: 'a window, a named filter, a threshold',
		input: { ...base, mode: 'window', windowMonths: 6, filters: { ...emptyFilters(), role: ['inner'] }, privacyK: 3, shown: 6 },
		ticks: ['1', '2.5', '5+ people'],
		lines: [
			'6 of 85 members \u00b7 6-month window to 13 November 2015',
			'Filter: Role: Inner circle',
			'Places with fewer than 3 members not named'
		]
	},
	{
		title: 'members counted from the period start',
		input: { ...base, day: dayFromIso('2014-01-01'), countedBefore: 9, shown: 9 },
		ticks: ['1', '2.5', '5+ people'],
		lines: ['9 of 85 members \u00b7 cumulative to 1 January 2014', '9 members from before 1 January 2014 counted from that day']
	},
	{
		title: 'rescaled colours, k = 1 says nothing',
		input: { ...base, topPeople: null, privacyK: 1 },
		ticks: ['fewer', '', 'densest place in this frame'],
		lines: ['77 of 85 members \u00b7 cumulative to 13 November 2015']
	}
];

describe('export names say what the file holds', () => {
	it.each(NAMES)('$title', ({ state, allDates, data, image }) => {
		expect(dataExportBase(state, allDates)).toBe(data);
		expect(imageExportBase(state)).toBe(image);
	});
});

describe('the exported key says what the picture shows', () => {
	it.each(KEYS)('$title', ({ input, ticks, lines }) => {
		const key = exportKey(input);
		expect(key.ticks).toEqual(ticks);
		expect(key.lines).toEqual(lines);
	});
});
