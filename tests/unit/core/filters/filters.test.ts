import { describe, expect, it } from 'vitest';
import { emptyRecord, type MemberRecord } from '../../../../src/lib/core/data/member';
import {
	applyFilters,
	countryName,
	emptyFilters,
	filterOptions,
	NOT_STATED,
	optionLabel,
	sanitizeFilters,
	toggleFilter,
	type FilterState
} from '../../../../src/lib/core/filters/filters';

function member(id: string, fields: Partial<MemberRecord>): MemberRecord {
	return { ...emptyRecord(id), hometown: 'Brussels', country: 'BE', lon: 4.35, lat: 50.85, ...fields };
}

const MEMBERS: MemberRecord[] = [
	member('a', { role: 'inner', arrested: 'yes', died: 'no', descent: 'Moroccan', recruiter: 'Zerkani network' }),
	member('b', { role: 'inner', arrested: 'no', died: 'yes', descent: 'Algerian', recruiter: 'Sharia4Belgium' }),
	member('c', { role: 'wider', arrested: 'yes', died: 'no', descent: 'Moroccan', recruiter: '' }),
	member('d', { role: 'wider', arrested: 'yes', died: 'yes', descent: '', lastResidence: 'SA' }),
	member('e', { role: 'wider', arrested: 'unknown', died: 'unknown', descent: 'Tunisian', lastResidence: 'MA' })
];

const f = (partial: Partial<FilterState>): FilterState => ({ ...emptyFilters(), ...partial });
const ids = (ms: MemberRecord[]) => ms.map((m) => m.id).join('');

describe('applyFilters', () => {
	const TESTS = [
		{ title: 'no filter keeps everyone', input: f({}), expected: 'abcde' },
		{ title: 'one value of one field', input: f({ role: ['inner'] }), expected: 'ab' },
		{ title: 'values of one field are ORed', input: f({ descent: ['Moroccan', 'Tunisian'] }), expected: 'ace' },
		{ title: 'fields are ANDed', input: f({ role: ['wider'], arrested: ['yes'] }), expected: 'cd' },
		{ title: 'an empty field is matched by "not stated"', input: f({ descent: [NOT_STATED] }), expected: 'd' },
		{ title: 'last residence filters lastResidence', input: f({ residence: ['SA'] }), expected: 'd' },
		{ title: 'recruiter not stated', input: f({ recruiter: [NOT_STATED] }), expected: 'cde' },
		{ title: 'a value nobody has leaves nobody', input: f({ died: ['maybe'] }), expected: '' },
		{ title: 'three fields together', input: f({ role: ['inner', 'wider'], died: ['no'], descent: ['Moroccan'] }), expected: 'ac' }
	];
	it.each(TESTS)('$title', ({ input, expected }) => {
		expect(ids(applyFilters(MEMBERS, input))).toBe(expected);
	});
	it('returns the same array when nothing filters (no needless copies)', () => {
		expect(applyFilters(MEMBERS, emptyFilters())).toBe(MEMBERS);
	});
});

describe('filterOptions (facet counts: the other fields applied, not the own)', () => {
	const count = (filters: FilterState, field: keyof FilterState, value: string) =>
		filterOptions(MEMBERS, filters)[field].find((o) => o.value === value)?.count;
	const TESTS = [
		{ title: 'no filter: plain counts', input: { filters: f({}), field: 'role' as const, value: 'wider' }, expected: 3 },
		{
			title: 'own field does not narrow its counts',
			input: { filters: f({ role: ['inner'] }), field: 'role' as const, value: 'wider' },
			expected: 3
		},
		{
			title: 'other fields narrow the counts',
			input: { filters: f({ role: ['inner'] }), field: 'arrested' as const, value: 'yes' },
			expected: 1
		},
		{
			title: 'an option with no match shows 0, still listed',
			input: { filters: f({ role: ['inner'] }), field: 'descent' as const, value: 'Tunisian' },
			expected: 0
		},
		{
			title: 'a selected value from a link that nobody has is listed with 0',
			input: { filters: f({ died: ['maybe'] }), field: 'died' as const, value: 'maybe' },
			expected: 0
		},
		{ title: 'not stated is an option', input: { filters: f({}), field: 'recruiter' as const, value: NOT_STATED }, expected: 3 }
	];
	it.each(TESTS)('$title', ({ input, expected }) => {
		expect(count(input.filters, input.field, input.value)).toBe(expected);
	});
	it('the counts of a field add up to the members passing the other filters', () => {
		const filters = f({ arrested: ['yes'], descent: ['Moroccan'] });
		const opts = filterOptions(MEMBERS, filters);
		const sum = opts.role.reduce((s, o) => s + o.count, 0);
		expect(sum).toBe(applyFilters(MEMBERS, filters).length);
	});
	it('sorts by count, "not stated" last among equals, and marks selections', () => {
		const opts = filterOptions(MEMBERS, f({ descent: ['Tunisian'] })).descent;
		expect(opts.map((o) => o.value)).toEqual(['Moroccan', 'Algerian', 'Tunisian', NOT_STATED]);
		expect(opts.find((o) => o.value === 'Tunisian')?.selected).toBe(true);
	});
});

describe('toggleFilter and sanitizeFilters', () => {
	const TESTS = [
		{ title: 'adds a value', input: toggleFilter(f({}), 'role', 'inner'), expected: f({ role: ['inner'] }) },
		{ title: 'removes a value', input: toggleFilter(f({ role: ['inner', 'wider'] }), 'role', 'inner'), expected: f({ role: ['wider'] }) },
		{
			title: 'sanitize drops unknown fields and junk',
			input: sanitizeFilters({ role: ['inner', 'inner', '', 3], bogus: ['x'] } as never),
			expected: f({ role: ['inner'] })
		},
		{ title: 'sanitize of nothing', input: sanitizeFilters(undefined), expected: f({}) }
	];
	it.each(TESTS)('$title', ({ input, expected }) => {
		expect(input).toEqual(expected);
	});
});

describe('labels', () => {
	const TESTS = [
		{ title: 'role', input: optionLabel('role', 'inner'), expected: 'Inner circle' },
		{ title: 'not stated', input: optionLabel('descent', NOT_STATED), expected: 'Not stated' },
		{ title: 'residence as country name', input: optionLabel('residence', 'SA'), expected: 'Saudi Arabia' },
		{ title: 'free text kept', input: optionLabel('recruiter', 'Sharia4Belgium'), expected: 'Sharia4Belgium' },
		{ title: 'countryName of non-code text', input: countryName('Somewhere'), expected: 'Somewhere' }
	];
	it.each(TESTS)('$title', ({ input, expected }) => expect(input).toBe(expected));
});
