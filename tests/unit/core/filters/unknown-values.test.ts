import { describe, expect, it } from 'vitest';
import { emptyFilters, unknownFilterNotes } from '$lib/core/filters/filters';

const KNOWN = {
	role: ['inner', 'wider'],
	arrested: ['yes', 'no'],
	died: ['no'],
	descent: ['Moroccan'],
	residence: ['BE'],
	recruiter: ['none']
};

describe('unknown filter values', () => {
	it.each([
		{ title: 'known values say nothing', filters: { ...emptyFilters(), role: ['inner'] }, keys: [] },
		{ title: 'an unknown role is named', filters: { ...emptyFilters(), role: ['boss'] }, keys: ['role=boss'] },
		{
			title: 'each unknown value once, known ones left out',
			filters: { ...emptyFilters(), role: ['inner', 'boss'], descent: ['Martian'] },
			keys: ['role=boss', 'descent=Martian']
		}
	])('$title', ({ filters, keys }) => {
		const notes = unknownFilterNotes(filters, KNOWN);
		expect(notes.map((n) => n.key)).toEqual(keys);
		for (const n of notes) expect(n.note).toMatch(/matches no members in this data/);
	});
});
