/**
 * The per-row shortcuts of the importer (docs/ARCHITECTURE.md, "Files as they come") against the
 * regexes and calls they stand in for: each table is read both ways and must agree cell for cell.
 */
import { describe, it, expect } from 'vitest';
import {
	isPlaceholder,
	looksLikeFormula,
	looksLikeMarkup,
	numberShape,
	readNumber,
	readRole,
	readTriState
} from '../../../../src/lib/core/data/values';
import { anyExcelText, anyHasNul, plausibleYear } from '../../../../src/lib/core/data/import';
import { isoDay } from '../../../../src/lib/core/data/columnar';
import { parseDate } from '../../../../src/lib/core/data/dates';

const NUMBER = /^-?(\d+([.,]\d*)?|[.,]\d+)(e-?\d+)?$/i;

const NUMBER_TEXTS = [
	'',
	'-',
	'.',
	',',
	'-.',
	'0',
	'-0',
	'12',
	'12.',
	'12,',
	'.5',
	',5',
	'-.5',
	'1.5',
	'1,5',
	'1.5.',
	'1,5,',
	'1.5,2',
	'1..5',
	'1e5',
	'1E5',
	'1e-5',
	'1e',
	'1e-',
	'1e+5',
	'.e5',
	'1.e5',
	',5e5',
	'-1.25e-10',
	'e5',
	'--1',
	'-+1',
	'+1',
	'1 ',
	' 1',
	'1a',
	'0x10',
	'Infinity',
	'NaN',
	'١٢',
	'12٫5',
	'50,85',
	'4.35',
	'36.0',
	'-8.0',
	'1.2.3',
	'1e5e5',
	'00012',
	'1,000',
	'1,000.5'
];

describe('numberShape', () => {
	it.each(NUMBER_TEXTS)('%j: as the regex says', (text) => {
		const shape = numberShape(text);
		expect(shape >= 0).toBe(NUMBER.test(text));
		if (shape >= 0) expect(shape === 1).toBe(text.includes(','));
	});

	it('agrees with the regex on random strings of number characters', () => {
		const alphabet = '0123456789.,-eE+ x';
		let seed = 7;
		const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
		for (let n = 0; n < 20_000; n++) {
			let text = '';
			for (let k = next() % 8; k > 0; k--) text += alphabet[next() % alphabet.length];
			expect(numberShape(text) >= 0, text).toBe(NUMBER.test(text));
		}
	});
});

const READ_NUMBER = [
	{ input: '50.85', expected: 50.85 },
	{ input: '50,85', expected: 50.85 },
	{ input: ' +4.35 ', expected: 4.35 },
	{ input: '+-4', expected: -4 },
	{ input: '++4', expected: null },
	{ input: '-1e-3', expected: -0.001 },
	{ input: '1e400', expected: null },
	{ input: '12.', expected: 12 },
	{ input: ',5', expected: 0.5 },
	{ input: 'abc', expected: null },
	{ input: '', expected: null }
];
it.each(READ_NUMBER)('readNumber($input) = $expected', ({ input, expected }) => expect(readNumber(input)).toBe(expected));

/** Cells around the shortcuts' edges: first characters in and out of the sets, white space, non-ASCII, case. */
const CELLS = [
	'',
	'ab',
	'abc',
	'Brussels',
	'placeholder',
	'PLACEHOLDER',
	' placeholder ',
	'\tdummy',
	'Dummy Row',
	'lorem ipsum dolor',
	'xxx',
	'XXXX',
	'tbd',
	'TODO',
	'test row',
	'Sample Row',
	'sample',
	'\u00a0tbd',
	'\ufefftodo',
	'ţbd',
	'placeholder!',
	'=SUM(A1)',
	'+32 2',
	'@user',
	'-5',
	'-abc',
	'- a',
	'-.5',
	'\tx',
	'\rx',
	'a<b',
	'<b>bold</b>',
	'< / div>',
	'x javascript:alert(1)',
	'JavaScript:',
	'java script:',
	'a:b',
	'<<',
	'2015-01-15',
	'inner',
	'wider',
	'x'.repeat(41),
	'Pxx',
	'p',
	'Dum',
	'Lorem'
];

describe('the cell checks', () => {
	it.each(CELLS)('%j: placeholder, formula and markup as the regexes say', (text) => {
		expect(isPlaceholder(text)).toBe(
			text.length <= 40 &&
				text.length >= 3 &&
				/^(placeholder|dummy|dummy row|lorem ipsum.*|xxx+|tbd|todo|test row|sample row)$/i.test(text.trim())
		);
		expect(looksLikeFormula(text)).toBe(/^[=+@\t\r]/.test(text) || /^-[^\d.\s]/.test(text));
		expect(looksLikeMarkup(text)).toBe(/<\s*\/?\s*[a-z!][^>]*>/i.test(text) || /javascript:/i.test(text));
	});
});

const ROLES = [
	{ input: 'inner', expected: 'inner' },
	{ input: 'Inner Circle', expected: 'inner' },
	{ input: 'Cercle intérieur', expected: 'inner' },
	{ input: 'wider', expected: 'wider' },
	{ input: 'Réseau', expected: 'wider' },
	{ input: '?', expected: 'unknown' },
	{ input: 'boss', expected: null }
];

describe('remembered answers', () => {
	it.each(ROLES)('readRole($input) = $expected, asked twice', ({ input, expected }) => {
		expect(readRole(input)).toBe(expected);
		expect(readRole(input)).toBe(expected);
	});

	it.each([
		{ input: 'Yes', expected: 'yes' },
		{ input: 'nein', expected: 'no' },
		{ input: 'onbekend', expected: 'unknown' },
		{ input: 'perhaps', expected: null }
	])('readTriState($input) = $expected, asked twice', ({ input, expected }) => {
		expect(readTriState(input)).toBe(expected);
		expect(readTriState(input)).toBe(expected);
	});

	it.each([
		{ time: Date.UTC(2015, 0, 15), expected: '2015-01-15' },
		{ time: Date.UTC(2015, 0, 15, 23, 59), expected: '2015-01-15' },
		{ time: Date.UTC(1969, 11, 31), expected: '1969-12-31' },
		{ time: -1, expected: '1969-12-31' },
		{ time: NaN, expected: '' }
	])('isoDay($time) = $expected, asked twice', ({ time, expected }) => {
		expect(isoDay(time)).toBe(expected);
		expect(isoDay(time)).toBe(expected);
	});
});

describe('row helpers', () => {
	it.each([
		{ cells: [], nul: false, excel: false },
		{ cells: ['a', 'b'], nul: false, excel: false },
		{ cells: ['a', 'b\u0000c'], nul: true, excel: false },
		{ cells: ['="0123"', 'x'], nul: false, excel: true },
		{ cells: ['=SUM(A1)'], nul: false, excel: false },
		{ cells: ['x', '="a""b"'], nul: false, excel: true },
		{ cells: [' ="0123"'], nul: false, excel: false }
	])('$cells: NUL $nul, Excel text $excel', ({ cells, nul, excel }) => {
		expect(anyHasNul(cells)).toBe(nul);
		expect(anyExcelText(cells)).toBe(excel);
	});

	it.each([
		{ text: '2015-11-13', plausible: true },
		{ text: '1970', plausible: true },
		{ text: '2035-12', plausible: true },
		{ text: '1969-12-31', plausible: false },
		{ text: '2036', plausible: false },
		{ text: '1915-11-13', plausible: false }
	])('$text: plausible year $plausible', ({ text, plausible }) => expect(plausibleYear(parseDate(text)!)).toBe(plausible));
});
