import { describe, expect, it } from 'vitest';
import {
	decodeScenes,
	encodeScenes,
	fromBase64Url,
	sceneStep,
	toBase64Url,
	MAX_SCENES,
	type Scene
} from '../../../../src/lib/core/project/scenes';

const SCENES: Scene[] = [
	{
		name: 'Brussels, November 2015',
		state: { view: { longitude: 4.35, latitude: 50.85, zoom: 9 }, time: '2015-11-13', filters: { role: ['inner'] }, privacyK: 3 }
	},
	{
		name: 'Routes — Balkans «2015»',
		state: {
			view: { longitude: 20, latitude: 44, zoom: 5 },
			time: '2015-09-01',
			mode: 'window',
			windowMonths: 6,
			layers: ['heat', 'routes'],
			routes: ['western-balkans'],
			theme: 'dark'
		}
	},
	{ name: 'Everything', state: {} }
];

describe('scenes link parameter', () => {
	it('round-trips names (any script) and states exactly', () => {
		const { scenes, notes } = decodeScenes(encodeScenes(SCENES));
		expect(notes).toEqual([]);
		expect(scenes).toEqual(SCENES);
	});
	it('is URL-safe without escaping', () => {
		const param = encodeScenes(SCENES);
		expect(encodeURIComponent(param)).toBe(param);
	});
	const BAD = [
		{ title: 'not base64url', input: 'a+b/c==', expected: /could not be read/ },
		{ title: 'not JSON', input: toBase64Url('{oops'), expected: /could not be read/ },
		{ title: 'not a list', input: toBase64Url('{"n":"x"}'), expected: /not a list/ },
		{ title: 'invalid UTF-8', input: 'wyg', expected: /could not be read/ },
		{ title: 'too long', input: 'A'.repeat(20_000), expected: /too long/ }
	];
	it.each(BAD)('refuses $title with a note, never an exception', ({ input, expected }) => {
		const { scenes, notes } = decodeScenes(input);
		expect(scenes).toEqual([]);
		expect(notes.join(' ')).toMatch(expected);
	});
	it('keeps good scenes, skips broken ones and drops bad values with notes', () => {
		const param = toBase64Url(JSON.stringify([{ n: 'ok', q: 't=2015-01-01' }, 42, { n: '', q: 'k=banana&t=2016-01-01' }, { n: 'x' }]));
		const { scenes, notes } = decodeScenes(param);
		expect(scenes).toEqual([
			{ name: 'ok', state: { time: '2015-01-01' } },
			{ name: 'Scene 3', state: { time: '2016-01-01' } }
		]);
		expect(notes).toHaveLength(3);
	});
	it(`keeps at most ${MAX_SCENES} scenes`, () => {
		const many = Array.from({ length: MAX_SCENES + 5 }, (_, i) => ({ name: `s${i}`, state: {} }));
		expect(decodeScenes(encodeScenes(many)).scenes).toHaveLength(MAX_SCENES);
	});
	it('base64url helpers round-trip', () => expect(fromBase64Url(toBase64Url('Molenbeek-Saint-Jean ✓'))).toBe('Molenbeek-Saint-Jean ✓'));
});

describe('sceneStep (keys a clicker sends)', () => {
	const TESTS = [
		{ title: 'ArrowRight goes on', input: ['ArrowRight', 0, 3] as const, expected: 1 },
		{ title: 'PageDown goes on', input: ['PageDown', 1, 3] as const, expected: 2 },
		{ title: 'stops at the last scene', input: ['PageDown', 2, 3] as const, expected: 2 },
		{ title: 'ArrowLeft goes back', input: ['ArrowLeft', 2, 3] as const, expected: 1 },
		{ title: 'PageUp stops at the first', input: ['PageUp', 0, 3] as const, expected: 0 },
		{ title: 'from no scene yet, forward is the first', input: ['ArrowRight', -1, 3] as const, expected: 0 },
		{ title: 'End', input: ['End', 0, 3] as const, expected: 2 },
		{ title: 'other keys are not ours', input: ['a', 0, 3] as const, expected: null },
		{ title: 'no scenes', input: ['ArrowRight', 0, 0] as const, expected: null }
	];
	it.each(TESTS)('$title', ({ input, expected }) => expect(sceneStep(input[0], input[1], input[2])).toBe(expected));
});
