import { describe, expect, it } from 'vitest';
import { storageProblem } from '$lib/core/storage/messages';

const TESTS: { title: string; input: unknown; expected: RegExp }[] = [
	{ title: 'quota', input: { name: 'QuotaExceededError', message: 'The quota has been exceeded.' }, expected: /full/ },
	{ title: 'private window', input: { name: 'SecurityError', message: 'denied' }, expected: /switched off/ },
	{ title: 'IndexedDB missing', input: { name: 'InvalidStateError', message: '' }, expected: /switched off/ },
	{ title: 'newer schema', input: { name: 'VersionError', message: '' }, expected: /newer version/ },
	{ title: 'no IndexedDB at all', input: new ReferenceError('indexedDB is not defined'), expected: /switched off/ },
	{ title: 'an Error', input: new Error('boom'), expected: /failed: boom/ },
	{ title: 'a string', input: 'odd', expected: /failed: odd/ },
	{ title: 'null', input: null, expected: /^browser storage failed$/ },
	{ title: 'undefined', input: undefined, expected: /^browser storage failed$/ }
];

describe('storageProblem', () => {
	it.each(TESTS)('$title', ({ input, expected }) => expect(storageProblem(input)).toMatch(expected));
});
