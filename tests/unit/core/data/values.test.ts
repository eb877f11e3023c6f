import { describe, it, expect } from 'vitest';
import {
	readCountry,
	readCoordinatePair,
	readNumber,
	readRole,
	readTriState,
	looksLikeFormula,
	isPlaceholder
} from '../../../../src/lib/core/data/values';
import { planColumns, foldHeader } from '../../../../src/lib/core/data/columns';
import { datasetFromJson, datasetToJson } from '../../../../src/lib/core/data/serialize';
import { emptyRecord } from '../../../../src/lib/core/data/member';

const COUNTRIES = [
	{ input: 'BE', expected: 'BE' },
	{ input: 'be', expected: 'BE' },
	{ input: 'Belgium', expected: 'BE' },
	{ input: 'Belgique', expected: 'BE' },
	{ input: 'België', expected: 'BE' },
	{ input: 'Deutschland', expected: 'DE' },
	{ input: 'United Kingdom', expected: 'GB' },
	{ input: 'UK', expected: 'GB' },
	{ input: 'Saudi Arabia', expected: 'SA' },
	{ input: 'Syria', expected: 'SY' },
	{ input: '', expected: '' },
	{ input: 'Atlantis', expected: null },
	{ input: 'ZZ', expected: null }
];
it.each(COUNTRIES)('readCountry($input) = $expected', ({ input, expected }) => expect(readCountry(input)).toBe(expected));

const PAIRS = [
	{ input: '17.542064600000, -91.989376200000', expected: { lat: 17.5420646, lon: -91.9893762 } },
	{ input: '(50.85, 4.35)', expected: { lat: 50.85, lon: 4.35 } },
	{ input: '50.85 4.35', expected: { lat: 50.85, lon: 4.35 } },
	{ input: '50.85;4.35', expected: { lat: 50.85, lon: 4.35 } },
	{ input: 'POINT(4.35 50.85)', expected: { lat: 50.85, lon: 4.35 } },
	{ input: '50.85', expected: null },
	{ input: 'Brussels', expected: null },
	{ input: '1, 2, 3', expected: null }
];
it.each(PAIRS)('readCoordinatePair($input)', ({ input, expected }) => expect(readCoordinatePair(input)).toEqual(expected));

const SIMPLE = [
	{ title: 'decimal comma', got: () => readNumber('50,85'), expected: 50.85 },
	{ title: 'negative', got: () => readNumber('-3.5'), expected: -3.5 },
	{ title: 'not a number', got: () => readNumber('12abc'), expected: null },
	{ title: 'Infinity is not a number', got: () => readNumber('Infinity'), expected: null },
	{ title: 'yes', got: () => readTriState('Yes'), expected: 'yes' },
	{ title: 'non', got: () => readTriState('non'), expected: 'no' },
	{ title: 'blank is unknown', got: () => readTriState(''), expected: 'unknown' },
	{ title: 'maybe is unreadable', got: () => readTriState('maybe'), expected: null },
	{ title: 'inner circle', got: () => readRole('Inner circle'), expected: 'inner' },
	{ title: 'wider network', got: () => readRole('wider network'), expected: 'wider' },
	{ title: 'formula', got: () => looksLikeFormula('=1+1'), expected: true },
	{ title: 'negative number is no formula', got: () => looksLikeFormula('-12.5'), expected: false },
	{ title: 'placeholder', got: () => isPlaceholder(' Placeholder '), expected: true },
	{ title: 'a real town is no placeholder', got: () => isPlaceholder('Todos Santos'), expected: false },
	{ title: 'header folding', got: () => foldHeader('  First-Act DATE '), expected: 'first act date' }
];
it.each(SIMPLE)('$title', ({ got, expected }) => expect(got()).toBe(expected));

describe('planColumns', () => {
	it('takes the best-ranked name for each field and never one column twice', () => {
		const plan = planColumns(['Number Dead', 'Total Dead and Missing', 'Location', 'Hometown', 'Lat', 'Lng']);
		expect(plan.fieldColumn).toMatchObject({ weight: 1, hometown: 3, lat: 4, lon: 5 });
		const used = Object.values(plan.fieldColumn);
		expect(new Set(used).size).toBe(used.length);
	});
});

describe('datasetToJson / datasetFromJson', () => {
	it('round-trips NaN (unknown) as null and back', () => {
		const r = { ...emptyRecord('A'), hometown: 'Lunel', plots: ['p'] };
		const back = datasetFromJson(JSON.parse(datasetToJson({ synthetic: false, members: [r] })));
		expect(back.synthetic).toBe(false);
		expect(back.members[0]).toEqual(r);
		expect(Number.isNaN(back.members[0]!.lat)).toBe(true);
	});
	it('refuses what is not a dataset', () => {
		expect(() => datasetFromJson({ rows: [] })).toThrow(/no "members" array/);
	});
});
