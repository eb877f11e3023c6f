/**
 * Place-name normalisation shared by the gazetteer build and the matcher: both sides of every
 * comparison go through the same function, so spelling differences that carry no meaning
 * (case, diacritics, punctuation, hyphens, St/Saint/Sankt/Sint, leading articles) vanish.
 */

/** Letters NFKD does not decompose into a base letter plus a mark. */
const SPECIAL_LETTERS: Record<string, string> = {
	ß: 'ss',
	æ: 'ae',
	œ: 'oe',
	ø: 'o',
	đ: 'd',
	ð: 'd',
	ł: 'l',
	ı: 'i',
	þ: 'th',
	ħ: 'h',
	ŧ: 't',
	ŀ: 'l',
	ĸ: 'k'
};
const SPECIAL_RE = new RegExp(`[${Object.keys(SPECIAL_LETTERS).join('')}]`, 'g');

/** Saint in the region's languages (and their abbreviations) become one token. */
const SAINT_TOKENS = new Set(['st', 'saint', 'sankt', 'sint', 'skt', 'sv', 'sveti']);
const SAINTE_TOKENS = new Set(['ste', 'sainte']);

/**
 * Leading articles dropped when more words follow: Dutch 's-/'t (from 's-Gravenhage), the Arabic
 * article in its transliterations (Al-Raqqa, Ar Raqqah, El Jadida, Ash Shaddadi) and French L'.
 */
const LEADING_ARTICLES = new Set(['s', 't', 'al', 'el', 'ar', 'as', 'ash', 'at', 'ad', 'adh', 'az', 'an', 'ath', 'l']);

/** Control, format (bidi marks, zero-width) and private-use characters. */
const INVISIBLE_RE = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/gu;

export function stripInvisible(text: string): string {
	return text.replace(INVISIBLE_RE, ' ');
}

/** The comparison key of a place name: lower-case ASCII-folded words separated by one space. */
export function normalizeName(text: string): string {
	return normalizeAscii(text) ?? normalizeFull(text);
}

/** The words of a key: Saint and Sainte in one spelling, a leading article dropped. */
function finishWords(words: string[]): string {
	for (let i = 0; i < words.length; i++) {
		if (SAINT_TOKENS.has(words[i]!)) words[i] = 'st';
		else if (SAINTE_TOKENS.has(words[i]!)) words[i] = 'ste';
	}
	if (words.length > 1 && LEADING_ARTICLES.has(words[0]!)) words.shift();
	return words.join(' ');
}

/**
 * The same key as normalizeFull for text of ASCII characters only (most names analysts type), without
 * the Unicode decomposition and property regexes that make up most of a lookup's time; null for any
 * other text. The unit tests hold the two paths to the same answers.
 */
function normalizeAscii(text: string): string | null {
	const n = text.length;
	let control = false;
	for (let i = 0; i < n; i++) {
		const c = text.charCodeAt(i);
		if (c > 0x7e) {
			if (c !== 0x7f) return null;
			control = true;
		} else if (c < 0x20) control = true;
	}
	let s = text.toLowerCase();
	// eslint-disable-next-line no-control-regex -- control characters are what this replaces
	if (control) s = s.replace(/[\x00-\x1f\x7f]/g, ' ');
	const first = s.charCodeAt(0);
	if (first === 0x27 || first === 0x60) s = s.replace(/^['`]\s*([st])[\s-]/, '$1 ');
	else if (first === 0x6c) s = s.replace(/^l['`]/, 'l ');
	if (s.includes("'") || s.includes('`')) s = s.replace(/['`]/g, ''); // apostrophes join: d'Ascq -> dascq
	const words = s.split(/[^a-z0-9]+/);
	if (words[0] === '') words.shift();
	if (words.length && words[words.length - 1] === '') words.pop();
	return words.length ? finishWords(words) : '';
}

function normalizeFull(text: string): string {
	let s = stripInvisible(text).normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
	s = s.replace(SPECIAL_RE, (c) => SPECIAL_LETTERS[c]!);
	// Apostrophes join (d'Ascq -> dascq) except the Dutch/French elided articles at the start.
	s = s.replace(/^['’‘`ʼ]\s*([st])[\s-]/, '$1 ').replace(/^l['’‘`ʼ]/, 'l ');
	s = s.replace(/['’‘`ʼʻ]/g, '');
	s = s.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
	if (!s) return '';
	return finishWords(s.split(' '));
}

/** The full path, exported for the tests that hold the ASCII path to it. */
export { normalizeFull };

/** Whether a normalised key is written in Latin letters (and digits) only. */
export function isLatinKey(key: string): boolean {
	return /^[a-z0-9 ]+$/.test(key);
}
