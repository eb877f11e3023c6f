import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cleanText, normalizeName, normalizeFull, isFinishedKey, isLatinKey, stripInvisible } from '$lib/core/geocode/normalize';

const TESTS = [
	{ title: 'case and diacritics', input: 'Malmö', expected: 'malmo' },
	{ title: 'Turkish dotless i and cedilla', input: 'Şanlıurfa', expected: 'sanliurfa' },
	{ title: 'German sharp s', input: 'Gießen', expected: 'giessen' },
	{ title: 'Danish o-slash and ae', input: 'Næstved Ø', expected: 'naestved o' },
	{ title: 'hyphens become spaces', input: 'Molenbeek-Saint-Jean', expected: 'molenbeek st jean' },
	{ title: 'St. with a dot', input: 'St. Pölten', expected: 'st polten' },
	{ title: 'Sankt', input: 'Sankt Gallen', expected: 'st gallen' },
	{ title: 'Dutch Sint', input: 'Sint-Jans-Molenbeek', expected: 'st jans molenbeek' },
	{ title: 'Sainte and Ste', input: 'Sainte-Maxime', expected: normalizeName('Ste Maxime') },
	{ title: "Dutch 's-", input: "'s-Gravenhage", expected: 'gravenhage' },
	{ title: "Dutch 's- with a typographic apostrophe", input: '’s-Hertogenbosch', expected: 'hertogenbosch' },
	{ title: 'Arabic article Al-', input: 'Al-Raqqa', expected: 'raqqa' },
	{ title: 'Arabic article Ar with a space', input: 'Ar Raqqah', expected: 'raqqah' },
	{ title: 'Arabic article El-', input: 'El Jadida', expected: 'jadida' },
	{ title: 'a lone article stays', input: 'As', expected: 'as' },
	{ title: 'inner apostrophe joins', input: "Villeneuve-d'Ascq", expected: 'villeneuve dascq' },
	{ title: "French L'", input: "L'Aquila", expected: 'aquila' },
	{ title: 'punctuation and spaces', input: '  Brussels,  (BE) ', expected: 'brussels be' },
	{ title: 'control and bidi characters', input: 'Bru\u0000ss\u200Fels', expected: 'bru ss els' },
	{ title: 'dotted capitals of transliteration', input: 'Ḥalab', expected: 'halab' },
	{ title: 'nothing but punctuation', input: '--,;', expected: '' }
];

describe('normalizeName', () => {
	it.each(TESTS)('$title: $input -> $expected', ({ input, expected }) => {
		expect(normalizeName(input)).toBe(expected);
	});

	it.each([
		{ key: 'bruxelles', latin: true },
		{ key: 'حلب', latin: false },
		{ key: 'москва', latin: false }
	])('isLatinKey($key) is $latin', ({ key, latin }) => {
		expect(isLatinKey(normalizeName(key))).toBe(latin);
	});

	it.each([
		{ key: 'bergen op zoom', latin: true },
		{ key: 'paris 19', latin: true },
		{ key: '', latin: false },
		{ key: 'malmö', latin: false },
		{ key: 'Paris', latin: false },
		{ key: 'a-b', latin: false },
		{ key: 'a\tb', latin: false }
	])('isLatinKey($key) is $latin, as /^[a-z0-9 ]+$/', ({ key, latin }) => {
		expect(isLatinKey(key)).toBe(latin);
		expect(isLatinKey(key)).toBe(/^[a-z0-9 ]+$/.test(key));
	});

	// A finished key is its own key: normalizeName returns lower-case ASCII text as it is when this says so.
	it.each([
		{ text: 'dinslaken', finished: true },
		{ text: 'bergen op zoom', finished: true },
		{ text: 'paris 19', finished: true },
		{ text: 'sur', finished: true },
		{ text: 'sevilla', finished: true },
		{ text: 'santa cruz', finished: true },
		{ text: 'alsace', finished: true },
		{ text: 'essen el', finished: true },
		{ text: 'al', finished: true },
		{ text: 's', finished: true },
		{ text: 'al raqqa', finished: false },
		{ text: 's gravenhage', finished: false },
		{ text: 'l aquila', finished: false },
		{ text: 'saint denis', finished: false },
		{ text: 'molenbeek st jean', finished: false },
		{ text: 'sainte maxime', finished: false },
		{ text: 'ste', finished: false },
		{ text: 'st', finished: false },
		{ text: 'sveti nikole', finished: false },
		{ text: '', finished: false },
		{ text: ' paris', finished: false },
		{ text: 'paris ', finished: false },
		{ text: 'bergen  op zoom', finished: false },
		{ text: 'bergen-op-zoom', finished: false },
		{ text: 'Paris', finished: false },
		{ text: 'malmö', finished: false }
	])('isFinishedKey($text) is $finished', ({ text, finished }) => {
		expect(isFinishedKey(text)).toBe(finished);
		if (finished) expect(normalizeFull(text)).toBe(text);
	});

	it('a finished key is its own key under the full path (property)', () => {
		const words = fc.constantFrom(
			'st',
			'saint',
			'sainte',
			'ste',
			'sankt',
			'sint',
			'skt',
			'sv',
			'sveti',
			'al',
			'el',
			's',
			't',
			'l',
			'an',
			'sur',
			'x',
			'ab',
			'9',
			'sevilla',
			' ',
			'-'
		);
		let finished = 0;
		fc.assert(
			fc.property(
				fc.array(words, { maxLength: 6 }).map((a) => a.join(' ')),
				(text) => {
					if (!isFinishedKey(text)) return true;
					finished++;
					return normalizeName(text) === text && normalizeFull(text) === text;
				}
			),
			{ numRuns: 3000 }
		);
		expect(finished).toBeGreaterThan(100);
	});

	// normalizeName takes a fast path for ASCII text; it must give the full path's key to the letter.
	it.each([
		"'s-Gravenhage",
		'`t Zandt',
		"' s Hertogenbosch",
		"L'Aquila",
		'l`Isle',
		'St. Pol',
		'Al-Raqqa',
		'  Brussels,  (BE) ',
		'Bru\u0000ss\u007Fels',
		'\tMolenbeek\n',
		"Villeneuve-d'Ascq",
		'SAINT-DENIS 93',
		'--,;',
		'',
		'x',
		'Ste Maxime'
	])("the ASCII path gives the full path's key for %j", (input) => {
		expect(normalizeName(input)).toBe(normalizeFull(input));
	});

	it("the ASCII path gives the full path's key for any ASCII text (property)", () => {
		const ascii = fc.string({ unit: fc.integer({ min: 0, max: 127 }).map((c) => String.fromCharCode(c)), maxLength: 24 });
		const placeLike = fc
			.array(fc.constantFrom('st', 'Saint', 'al', "'s", "l'", '-', ' ', "'", '`', 'Ste', 'x', 'Ab', '9', '.', '\t'), { maxLength: 8 })
			.map((a) => a.join(''));
		fc.assert(
			fc.property(fc.oneof(ascii, placeLike), (input) => normalizeName(input) === normalizeFull(input)),
			{ numRuns: 3000 }
		);
	});

	// Text of ASCII and single foldable letters (é, ß, ł, typographic apostrophes) takes the folded
	// path: each such letter replaced by its own key, then the ASCII path. It must equal the full path.
	it.each([
		'Malmö',
		'Gießen',
		'Næstved Ø',
		'’s-Hertogenbosch',
		'L’Aquila',
		'Saint-Étienne',
		'Şanlıurfa',
		'Ŀa Ŀlosa',
		'lŉx',
		'São Paulo',
		'Łódź',
		'ﬁnale',
		'Ｍünchen',
		'Ḥalab',
		'Bol’shaya Chernigovka',
		'Kafr Qari‘',
		'Sainte-Anne-d’Auray',
		'e\u0301cole'
	])("the folded path gives the full path's key for %j", (input) => {
		expect(normalizeName(input)).toBe(normalizeFull(input));
	});

	it("the folded path gives the full path's key for every character up to U+2100, alone and between letters", () => {
		let checked = 0;
		for (let c = 0x80; c < 0x2100; c++) {
			if (c >= 0xd800 && c < 0xe000) continue;
			const ch = String.fromCharCode(c);
			for (const input of [ch, `a${ch}b`, `l${ch}x`, `${ch}s-x`, `x ${ch}`, `'${ch} s`, `st${ch} al`]) {
				if (normalizeName(input) !== normalizeFull(input)) throw new Error(`normalizeName(${JSON.stringify(input)})`);
				checked++;
			}
		}
		expect(checked).toBeGreaterThan(50_000);
	});

	it("the folded path gives the full path's key for text mixing ASCII and Latin letters (property)", () => {
		const letters = fc.constantFrom('é', 'Ö', 'ß', 'æ', 'Ł', 'ı', 'İ', '’', '‘', 'ʼ', 'ʻ', 'ŉ', 'Ŀ', 'ǅ', 'ﬁ', '\u0301', '\u00a0', '–');
		const ascii = fc.constantFrom('st', 'Saint', 'al', "'s", 'l', '-', ' ', "'", '`', 'Ste', 'x', 'Ab', '9', '.', '\t');
		fc.assert(
			fc.property(
				fc.array(fc.oneof(letters, ascii), { maxLength: 10 }).map((a) => a.join('')),
				(input) => normalizeName(input) === normalizeFull(input)
			),
			{ numRuns: 3000 }
		);
	});

	// The geocoder's text cleaning, as it was written: what cleanText promises to leave unchanged.
	const cleaned = (t: string) => stripInvisible(t).replace(/\s+/g, ' ').trim();

	it.each([
		{ text: 'Dinslaken', clean: 1 },
		{ text: 'Bergen op Zoom', clean: 1 },
		{ text: 'Malmö', clean: 1 },
		{ text: 'Şanlıurfa', clean: 1 },
		{ text: 'Ḥalab', clean: 1 },
		{ text: 'حلب', clean: 1 },
		{ text: '1080', clean: 0 },
		{ text: '١٢٣', clean: 0 },
		{ text: '', clean: -1 },
		{ text: ' Paris', clean: -1 },
		{ text: 'Paris ', clean: -1 },
		{ text: 'Bergen  op Zoom', clean: -1 },
		{ text: 'Bru\u200Fssels', clean: -1 },
		{ text: 'Bru\u00adssels', clean: -1 },
		{ text: 'São\u00a0Paulo', clean: -1 },
		{ text: 'Bru\tssels', clean: -1 },
		{ text: 'Bru\u007fssels', clean: -1 },
		{ text: '東京', clean: -1 }
	])('cleanText($text) is $clean', ({ text, clean }) => {
		expect(cleanText(text)).toBe(clean);
		if (clean >= 0) expect(cleaned(text)).toBe(text);
	});

	it('text cleanText passes is unchanged by cleaning, and its letter flag is /\\p{L}/, for every character up to U+3000 in context', () => {
		let passed = 0;
		for (let c = 0; c < 0x3000; c++) {
			const ch = String.fromCharCode(c);
			for (const text of [ch, `a${ch}b`, `1${ch}2`, `${ch} x`, `x ${ch}`, `${ch}${ch}`]) {
				const clean = cleanText(text);
				if (clean < 0) continue;
				passed++;
				if (cleaned(text) !== text) throw new Error(`cleanText(${JSON.stringify(text)}) = ${clean}, but cleaning changes it`);
				if ((clean === 1) !== /\p{L}/u.test(text)) throw new Error(`cleanText(${JSON.stringify(text)}): letter flag ${clean}`);
			}
		}
		expect(passed).toBeGreaterThan(50_000);
	});
});
