import { describe, expect, it } from 'vitest';
import { isForeignAddress, type OwnAddress } from '$lib/state/own-address';

describe('isForeignAddress: whose scenes a query carries', () => {
	const own = (search: string, linkView = false): OwnAddress => ({ search, linkView });
	const cases: [string, string, OwnAddress | null, boolean][] = [
		['a link opened in a new tab (nothing written here yet)', '?scenes=abc', null, true],
		['a reload of the address this tab wrote with its own scenes', '?scenes=abc', own('?scenes=abc'), false],
		['a reload while viewing a link (the record says so)', '?scenes=abc', own('?scenes=abc', true), true],
		['a link pasted into a tab that had written another address', '?scenes=xyz', own('?scenes=abc'), true],
		['the same scenes with another filter: not what this tab wrote', '?f.role=inner&scenes=abc', own('?scenes=abc'), true],
		['an empty record does not match a query', '?scenes=abc', own(''), true]
	];
	it.each(cases)('%s', (_, search, record, foreign) => {
		expect(isForeignAddress(search, record)).toBe(foreign);
	});
});
