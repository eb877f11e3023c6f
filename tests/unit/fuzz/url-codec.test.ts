/**
 * Property tests of the URL codec: a link is input from anyone (chat, e-mail, a hostile page). Whatever it
 * holds, decoding never throws, yields only valid state with no markup in it, and every parameter it
 * does not use is named in a note the page shows. Failures found are kept in regressions/url-codec.json.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUrlState, encodeUrlState, FILTER_FIELDS, type UrlState } from '$lib/core/url/codec';
import { dayFromIso } from '$lib/core/time/days';
import { FUZZ_TIMEOUT, RUNS, hostileText, XSS_PAYLOADS } from './payloads';

const KEYS = ['v', 't', 'mode', 'w', 'layers', 'routes', 'k', 'theme', 'period', ...FILTER_FIELDS.map((f) => `f.${f}`)];
const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
// eslint-disable-next-line no-control-regex -- the codec must never let control characters through: this finds them
const MARKUP = /[<>\u0000-\u001f\u007f]/;

/** Throws unless the decoded state is one the app can apply as is. */
function assertValidState(state: UrlState): void {
	const allowed = new Set(['view', 'time', 'mode', 'windowMonths', 'layers', 'routes', 'filters', 'privacyK', 'theme', 'period']);
	for (const key of Object.keys(state)) expect(allowed.has(key), `unexpected key ${key}`).toBe(true);
	if (state.view) {
		const { longitude, latitude, zoom } = state.view;
		expect([longitude, latitude, zoom].every(Number.isFinite)).toBe(true);
		expect(Math.abs(longitude) <= 180 && Math.abs(latitude) <= 85 && zoom >= 0 && zoom <= 20).toBe(true);
	}
	if (state.time !== undefined) expect(Number.isFinite(dayFromIso(state.time)), `time ${state.time}`).toBe(true);
	if (state.mode !== undefined) expect(['cumulative', 'window']).toContain(state.mode);
	if (state.windowMonths !== undefined)
		expect(Number.isInteger(state.windowMonths) && state.windowMonths >= 1 && state.windowMonths <= 36).toBe(true);
	for (const ids of [state.layers, state.routes]) if (ids) for (const id of ids) expect(id).toMatch(ID);
	for (const [field, values] of Object.entries(state.filters ?? {})) {
		expect(FILTER_FIELDS as readonly string[]).toContain(field);
		for (const v of values) {
			expect(v.length >= 1 && v.length <= 80, `filter value length ${v.length}`).toBe(true);
			expect(v).not.toMatch(MARKUP);
		}
	}
	if (state.privacyK !== undefined) expect(Number.isInteger(state.privacyK) && state.privacyK >= 0 && state.privacyK <= 100).toBe(true);
	if (state.theme !== undefined) expect(['light', 'dark']).toContain(state.theme);
	if (state.period !== undefined) {
		const [from, to] = state.period;
		expect(Number.isInteger(from) && Number.isInteger(to) && from >= 1900 && to <= 2100 && from <= to, `period ${from}-${to}`).toBe(true);
	}
}

function assertSafeNotes(notes: string[]): void {
	expect(notes.length).toBeLessThanOrEqual(6);
	expect(new Set(notes).size, 'each note once').toBe(notes.length);
	for (const note of notes) {
		expect(note.length).toBeLessThanOrEqual(200);
		expect(note).not.toMatch(MARKUP);
	}
}

const query = fc.oneof(
	fc.string({ maxLength: 300 }),
	fc.string({ unit: 'binary', maxLength: 100 }),
	fc.array(fc.tuple(fc.oneof(fc.constantFrom(...KEYS), hostileText()), hostileText()), { maxLength: 12 }).map((pairs) => {
		const p = new URLSearchParams();
		for (const [k, v] of pairs) p.append(k, v);
		return p.toString();
	}),
	// Raw, unencoded text after a known key, the way a hand-edited or hostile link arrives.
	fc.tuple(fc.constantFrom(...KEYS), hostileText()).map(([k, v]) => `${k}=${v}`)
);

const validState: fc.Arbitrary<UrlState> = fc.record(
	{
		view: fc.record({
			longitude: fc.integer({ min: -1_800_000, max: 1_800_000 }).map((n) => n / 10_000),
			latitude: fc.integer({ min: -850_000, max: 850_000 }).map((n) => n / 10_000),
			zoom: fc.integer({ min: 0, max: 2000 }).map((n) => n / 100)
		}),
		time: fc
			.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
			.map((d) => d.toISOString().slice(0, 10)),
		mode: fc.constantFrom('cumulative' as const, 'window' as const),
		windowMonths: fc.integer({ min: 1, max: 36 }),
		layers: fc.array(fc.stringMatching(ID), { maxLength: 4 }),
		routes: fc.array(fc.stringMatching(ID), { maxLength: 4 }),
		filters: fc.dictionary(
			fc.constantFrom(...FILTER_FIELDS),
			// Any value the data can hold (a '|' or '\\' in it included), several per field as the panel allows.
			fc.uniqueArray(
				fc
					.oneof(
						// eslint-disable-next-line no-control-regex -- values without control characters are what is generated
						fc.stringMatching(/^[^<>\u0000-\u001f\u007f]{1,80}$/),
						fc.constantFrom('a|b', 'back\\slash', '\\|', '|', 'Sub-Saharan African', 'none', 'Côte d’Ivoire')
					)
					.filter((v) => v.isWellFormed()),
				{ minLength: 1, maxLength: 8 }
			)
		),
		privacyK: fc.integer({ min: 0, max: 100 }),
		theme: fc.constantFrom('light' as const, 'dark' as const),
		period: fc
			.tuple(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 0, max: 30 }))
			.map(([from, span]): [number, number] => [from, Math.min(2100, from + span)])
	},
	{ requiredKeys: [] }
);

interface Regression {
	title: string;
	query: string;
	/** What the decoded state must contain; null = this parameter must be ignored with a note. */
	expected: UrlState | null;
}
const REGRESSIONS: Regression[] = JSON.parse(readFileSync(new URL('./regressions/url-codec.json', import.meta.url), 'utf8'));

describe('URL codec under fuzzing', () => {
	it(
		'never throws and yields only valid, markup-free state and notes',
		() => {
			fc.assert(
				fc.property(query, (q) => {
					const { state, notes } = decodeUrlState(q);
					assertValidState(state);
					assertSafeNotes(notes);
				}),
				{ numRuns: RUNS }
			);
		},
		FUZZ_TIMEOUT
	);

	it(
		'names every parameter it does not use in a note',
		() => {
			fc.assert(
				fc.property(fc.constantFrom(...KEYS), hostileText(), (key, value) => {
					const { state, notes } = decodeUrlState(new URLSearchParams([[key, value]]).toString());
					const used = Object.keys(state).length > 0;
					expect(used || notes.length > 0, 'ignored silently').toBe(true);
					if (used && notes.length === 0) assertValidState(state);
				}),
				{ numRuns: RUNS }
			);
		},
		FUZZ_TIMEOUT
	);

	it(
		'round-trips every valid state',
		() => {
			fc.assert(
				fc.property(validState, (state) => {
					const { state: back, notes } = decodeUrlState(encodeUrlState(state));
					expect(notes).toEqual([]);
					const filters = Object.fromEntries(Object.entries(state.filters ?? {}).filter(([, v]) => v.length));
					expect(back).toEqual({
						...state,
						...(state.filters ? { filters } : {}),
						...(state.filters && !Object.keys(filters).length ? { filters: undefined } : {})
					});
				}),
				{ numRuns: RUNS }
			);
		},
		FUZZ_TIMEOUT
	);

	it('ignores every known payload in every parameter with a note (a filter may keep plain text)', () => {
		for (const key of KEYS)
			for (const payload of XSS_PAYLOADS) {
				const { state, notes } = decodeUrlState(new URLSearchParams([[key, payload]]).toString());
				assertValidState(state);
				expect(JSON.stringify(state)).not.toMatch(/[<>]/);
				if (!key.startsWith('f.')) expect(notes, `${key}=${payload}`).toHaveLength(1);
				else expect(notes.length === 1 || !/[<>]/.test(payload), `${key}=${payload}`).toBe(true);
			}
	});

	it.each(REGRESSIONS)('regression: $title', ({ query: q, expected }) => {
		const { state, notes } = decodeUrlState(q);
		assertValidState(state);
		assertSafeNotes(notes);
		if (expected === null) expect(notes.length).toBeGreaterThan(0);
		else expect(state).toMatchObject(expected);
	});
});
