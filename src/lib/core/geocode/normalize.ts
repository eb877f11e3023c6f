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

/** Per character from U+0080 to CLEAN_END: 1 when neither invisible nor a space, 2 more when a letter (\p{L}). Built on first use. */
let CLEAN: Uint8Array | null = null;
const CLEAN_END = 0x3000;

function cleanTable(): Uint8Array {
	const table = new Uint8Array(CLEAN_END);
	for (let c = 0x80; c < CLEAN_END; c++) {
		const ch = String.fromCharCode(c);
		if (/[\p{Cc}\p{Cf}\p{Co}\p{Cs}]|\s/u.test(ch)) continue;
		table[c] = /\p{L}/u.test(ch) ? 3 : 1;
	}
	return table;
}

/**
 * 1 when the text needs no cleaning (no invisible characters, no spaces but single ASCII ones inside:
 * stripInvisible, collapsing spaces and trimming give it back unchanged) and holds a letter; 0 when
 * it is such text without a letter; -1 otherwise (or when it holds characters past U+3000, left to
 * the regular expressions). Most place texts are clean: one pass instead of four regexes.
 */
export function cleanText(text: string): number {
	const n = text.length;
	if (!n || text.charCodeAt(0) === 32 || text.charCodeAt(n - 1) === 32) return -1;
	let letter = 0;
	for (let i = 0; i < n; i++) {
		const c = text.charCodeAt(i);
		if (c < 0x80) {
			if (c < 32 || c === 127 || (c === 32 && text.charCodeAt(i + 1) === 32)) return -1;
			if ((c | 32) >= 97 && (c | 32) <= 122) letter = 1;
		} else {
			if (c >= CLEAN_END) return -1;
			const t = (CLEAN ??= cleanTable())[c]!;
			if (!t) return -1;
			if (t === 3) letter = 1;
		}
	}
	return letter;
}

/** The comparison key of a place name: lower-case ASCII-folded words separated by one space. */
export function normalizeName(text: string): string {
	return normalizeAscii(text) ?? normalizeFolded(text) ?? normalizeFull(text);
}

/** The words of a key: Saint and Sainte in one spelling, a leading article dropped. */
function finishWords(words: string[]): string {
	if (words.length === 1) {
		const w = words[0]!;
		return SAINT_TOKENS.has(w) ? 'st' : SAINTE_TOKENS.has(w) ? 'ste' : w;
	}
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
	if (isFinishedKey(s)) return s;
	// The words: runs of letters and digits (as split(/[^a-z0-9]+/) without the empty ends).
	const words: string[] = [];
	let start = -1;
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
			if (start < 0) start = i;
		} else if (start >= 0) {
			words.push(s.slice(start, i));
			start = -1;
		}
	}
	if (start >= 0) words.push(start ? s.slice(start) : s);
	return words.length ? finishWords(words) : '';
}

/**
 * Whether lower-case ASCII text is already a finished key: words of a-z and 0-9 separated by single
 * spaces, none of them a spelling of Saint or Sainte, and no leading article before another word.
 * Most names are ("dinslaken", "bergen op zoom"): their key is the text itself, without splitting
 * it into words and joining them again (the unit tests hold it to the general path).
 */
export function isFinishedKey(s: string): boolean {
	const n = s.length;
	let start = 0;
	for (let i = 0; i <= n; i++) {
		const c = i < n ? s.charCodeAt(i) : 32;
		if (c === 32) {
			const len = i - start;
			if (len === 0) return false; // a space at an end or two together
			// Every Saint and Sainte token starts with "s" and has at most 6 letters; every article at most 3.
			if (len <= 6 && s.charCodeAt(start) === 115) {
				const w = s.slice(start, i);
				if (SAINT_TOKENS.has(w) || SAINTE_TOKENS.has(w)) return false;
			}
			if (start === 0 && len <= 3 && i < n && LEADING_ARTICLES.has(s.slice(0, i))) return false;
			start = i + 1;
		} else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) return false;
	}
	return true;
}

/**
 * Each non-ASCII character whose own full-path key is ASCII letters or digits ("é" -> "e", "ß" -> "ss",
 * "ł" -> "l"), and the typographic apostrophes as "'": text of ASCII and these characters gets the
 * full path's key from the ASCII path over its folded form, without Unicode decomposition (the
 * unit tests hold it to the full path). Marks, spaces, dashes and other scripts are not folded
 * (a mark joins letters where a dash splits them): such text takes the full path.
 */
let FOLD: (string | undefined)[] | null = null;
const FOLD_END = 0x2020;

function foldTable(): (string | undefined)[] {
	const table = new Array<string | undefined>(FOLD_END);
	for (let c = 0x80; c < FOLD_END; c++) {
		if (c >= 0xd800 && c < 0xe000) continue;
		const ch = String.fromCharCode(c);
		const key = normalizeFull(ch);
		// Folded alone and between letters alike ("Ŀ" is L and a middle dot: a separator between letters).
		if (/^[a-z0-9]+$/.test(key) && ['x?x', 'l?x'].every((t) => normalizeFull(t.replace('?', ch)) === t.replace('?', key))) table[c] = key;
	}
	// The apostrophes the full path treats as the ASCII one (elided articles, joined words).
	for (const c of ['’', '‘', 'ʼ']) table[c.charCodeAt(0)] = "'";
	return table;
}

function normalizeFolded(text: string): string | null {
	const fold = (FOLD ??= foldTable());
	let out = '';
	let from = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c < 0x80) continue;
		const f = c < FOLD_END ? fold[c] : undefined;
		if (f === undefined) return null;
		out += text.slice(from, i) + f;
		from = i + 1;
	}
	return normalizeAscii(out + text.slice(from));
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

/** The full path, exported for the tests that hold the ASCII and folded paths to it. */
export { normalizeFull };

/** Whether a normalised key is written in Latin letters (and digits) only. */
export function isLatinKey(key: string): boolean {
	// As /^[a-z0-9 ]+$/, without a regular expression per lookup.
	if (!key.length) return false;
	for (let i = 0; i < key.length; i++) {
		const c = key.charCodeAt(i);
		if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 32)) return false;
	}
	return true;
}
