/**
 * Property tests of the geocoder on the real gazetteer: typed, mistyped, hostile or meaningless place
 * text never throws, never hits an internal error (geocode() turns a defect into an unresolved row,
 * which would hide it), never places anything at 0,0 or off the globe, and answers the same twice.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { geocode, type Gazetteer, type GeocodeResult } from '$lib/core/geocode';
import { loadGazetteer } from '../../../src/cli/gazetteer-node';
import { FUZZ_TIMEOUT, RUNS, hostileText } from './payloads';

let gaz: Gazetteer;
beforeAll(async () => {
	gaz = await loadGazetteer();
}, 120_000);

const STATUSES = ['exact', 'alias', 'fuzzy', 'ambiguous', 'unresolved'];

function assertSound(r: GeocodeResult): void {
	expect(STATUSES).toContain(r.status);
	expect(r.reason, 'a defect surfaced as a row').not.toMatch(/internal error/);
	expect(r.confidence >= 0 && r.confidence <= 1, `confidence ${r.confidence}`).toBe(true);
	if (r.status === 'unresolved') {
		expect(r.lat).toBeNull();
		expect(r.lon).toBeNull();
		expect(r.confidence).toBe(0);
		expect(r.reason.length).toBeGreaterThan(0);
	} else {
		expect(Number.isFinite(r.lat) && Number.isFinite(r.lon)).toBe(true);
		expect(Math.abs(r.lat!) <= 90 && Math.abs(r.lon!) <= 180).toBe(true);
		expect(r.lat === 0 && r.lon === 0, 'never 0,0').toBe(false);
		expect(r.place.length).toBeGreaterThan(0);
	}
	expect(r.candidates.length).toBeLessThanOrEqual(5);
	for (const c of r.candidates) expect(Number.isFinite(c.lat) && Number.isFinite(c.lon) && !(c.lat === 0 && c.lon === 0)).toBe(true);
}

/** A real place name from the gazetteer, mistyped the ways people mistype. */
const mistypedPlace = () =>
	fc
		.tuple(
			fc.nat(),
			fc.array(
				fc.tuple(
					fc.constantFrom('insert', 'delete', 'swap', 'upper', 'accent', 'space'),
					fc.nat(),
					fc.constantFrom('a', 'e', 'é', '-', "'", ' ', 'x')
				),
				{ maxLength: 3 }
			),
			fc.constantFrom('', 'Molenbeek, ', ' - Brussels', ', Belgium', ' (BE)', 'near ')
		)
		.map(([i, edits, affix]) => {
			let s = gaz.placeName(i % gaz.size);
			for (const [op, at, ch] of edits) {
				const k = s.length ? at % s.length : 0;
				if (op === 'insert') s = s.slice(0, k) + ch + s.slice(k);
				else if (op === 'delete') s = s.slice(0, k) + s.slice(k + 1);
				else if (op === 'swap' && k + 1 < s.length) s = s.slice(0, k) + s[k + 1] + s[k] + s.slice(k + 2);
				else if (op === 'upper') s = s.toUpperCase();
				else if (op === 'accent') s = s.normalize('NFD');
				else if (op === 'space') s = `  ${s} `;
			}
			return affix.endsWith(' ') ? affix + s : s + affix;
		});

const country = fc.oneof(
	fc.constantFrom('', 'BE', 'FR', 'MA', 'SY', 'Belgium', 'Belgique', 'XX', 'Narnia', '<b>BE</b>', 'be'),
	hostileText()
);

describe('geocoder under fuzzing', () => {
	it(
		'answers soundly for mistyped real places and hostile text, with any country',
		() => {
			fc.assert(
				fc.property(fc.oneof(mistypedPlace(), hostileText(), fc.string({ maxLength: 60 })), country, (place, c) => {
					const result = geocode(gaz, place, c);
					assertSound(result);
				}),
				{ numRuns: RUNS }
			);
		},
		FUZZ_TIMEOUT
	);

	it(
		'answers the same twice (no state leaks between rows)',
		() => {
			fc.assert(
				fc.property(fc.array(fc.tuple(mistypedPlace(), country), { minLength: 2, maxLength: 4 }), (rows) => {
					const first = rows.map(([p, c]) => geocode(gaz, p, c));
					const again = [...rows]
						.reverse()
						.map(([p, c]) => geocode(gaz, p, c))
						.reverse();
					expect(again).toEqual(first);
				}),
				{ numRuns: Math.round(RUNS / 10) }
			);
		},
		FUZZ_TIMEOUT
	);

	it('takes null, undefined, NUL runs and huge text', () => {
		for (const odd of [null, undefined, '', '\u0000'.repeat(500), 'a'.repeat(100_000), 'Brussels'.repeat(5000), '\ud800', '0,0', '0 0'])
			for (const c of [odd, 'BE', null]) assertSound(geocode(gaz, odd, c));
	});
});
