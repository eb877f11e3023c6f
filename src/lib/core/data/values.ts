/** Cell values -> record values. Each returns null for text it cannot read, so the caller can report it. */
import type { Role, TriState } from './member';

const TRUE = new Set(['yes', 'y', 'true', 't', '1', 'oui', 'ja', 'si', 'x']);
const FALSE = new Set(['no', 'n', 'false', 'f', '0', 'non', 'nee', 'nein']);
const UNKNOWN = new Set(['', 'unknown', 'unk', '?', 'n a', 'na', 'null', 'none', 'inconnu', 'onbekend']);

const fold = (s: string) =>
	s
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9?]+/g, ' ')
		.trim();

function readTriStateOnce(text: string): TriState | null {
	const v = fold(text);
	if (TRUE.has(v)) return 'yes';
	if (FALSE.has(v)) return 'no';
	if (UNKNOWN.has(v)) return 'unknown';
	return null;
}

/**
 * Answers remembered by cell text, for the readers that fold every cell of a column that repeats a
 * handful of values (a role, yes/no): folding (Unicode normalisation and two regexes) cost more per row
 * than the rest of the check. Bounded, so a column of distinct texts only fills it once.
 */
function memo<T>(read: (text: string) => T): (text: string) => T {
	const known = new Map<string, T>();
	return (text) => {
		let v = known.get(text);
		if (v === undefined && !known.has(text)) {
			v = read(text);
			if (known.size < 10_000) known.set(text, v);
		}
		return v as T;
	};
}

export const readTriState = memo(readTriStateOnce);
export const readRole = memo(readRoleOnce);

function readRoleOnce(text: string): Role | null {
	const v = fold(text);
	if (['inner', 'inner circle', 'core', 'i', 'cercle interieur', 'yes', 'true', '1'].includes(v)) return 'inner';
	if (['wider', 'wider network', 'network', 'periphery', 'outer', 'w', 'no', 'false', '0', 'reseau'].includes(v)) return 'wider';
	if (UNKNOWN.has(v)) return 'unknown';
	return null;
}

/** A number, with a decimal comma allowed ("50,85" in semicolon files). */
export function readNumber(text: string): number | null {
	let s = text.trim();
	if (s.charCodeAt(0) === 43 /* + */) s = s.slice(1);
	const comma = numberShape(s);
	if (comma < 0) return null;
	const n = Number(comma ? s.replace(',', '.') : s);
	return Number.isFinite(n) ? n : null;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * Whether `s` is written as /^-?(\d+([.,]\d*)?|[.,]\d+)(e-?\d+)?$/i, by one pass over its characters
 * (the regex ran on every coordinate of a file): -1 when it is not, 1 when its decimal mark is a comma,
 * else 0.
 */
export function numberShape(s: string): -1 | 0 | 1 {
	const n = s.length;
	let i = 0;
	let comma: 0 | 1 = 0;
	if (s.charCodeAt(0) === 45 /* - */) i++;
	const intStart = i;
	while (i < n && isDigit(s.charCodeAt(i))) i++;
	const intDigits = i - intStart;
	let c = s.charCodeAt(i);
	if (c === 46 /* . */ || c === 44 /* , */) {
		if (c === 44) comma = 1;
		i++;
		const fracStart = i;
		while (i < n && isDigit(s.charCodeAt(i))) i++;
		if (intDigits === 0 && i === fracStart) return -1;
	} else if (intDigits === 0) return -1;
	c = s.charCodeAt(i);
	if (c === 101 /* e */ || c === 69 /* E */) {
		i++;
		if (s.charCodeAt(i) === 45) i++;
		const expStart = i;
		while (i < n && isDigit(s.charCodeAt(i))) i++;
		if (i === expStart) return -1;
	}
	return i === n ? comma : -1;
}

/** "lat, lon" in one cell: `50.85, 4.35`, `50.85 4.35`, `50.85;4.35`, `(50.85, 4.35)`, `POINT(4.35 50.85)` (WKT is lon lat). */
export function readCoordinatePair(text: string): { lat: number; lon: number } | null {
	const s = text.trim();
	const wkt = /^POINT\s*\(\s*(-?[\d.]+)\s+(-?[\d.]+)\s*\)$/i.exec(s);
	if (wkt) {
		const lon = readNumber(wkt[1]!),
			lat = readNumber(wkt[2]!);
		return lat === null || lon === null ? null : { lat, lon };
	}
	const parts = s
		.replace(/^[([]|[)\]]$/g, '')
		.split(/\s*[,;]\s*|\s+/)
		.filter(Boolean);
	if (parts.length !== 2) return null;
	const lat = readNumber(parts[0]!),
		lon = readNumber(parts[1]!);
	return lat === null || lon === null ? null : { lat, lon };
}

let countryIndex: Map<string, string> | null = null;

/** Codes ICU names that are not current ISO 3166-1 countries: withdrawn (DD, YU, SU ...), groupings, reserved, unknown. */
const NOT_COUNTRIES = new Set('AC AN BU CP CQ CS DD DG DY EA EU EZ FX HV IC NH NT QO RH SU TA TP UK UN VD XA XB YD YU ZR ZZ'.split(' '));

/** Country names in English, French, Dutch and German from the runtime's own ICU data: no table to ship. */
function countries(): Map<string, string> {
	if (countryIndex) return countryIndex;
	countryIndex = new Map();
	const A = 'A'.charCodeAt(0);
	const namers = ['en', 'fr', 'nl', 'de'].map((l) => {
		try {
			return new Intl.DisplayNames([l], { type: 'region', fallback: 'none' });
		} catch {
			return null;
		}
	});
	for (let i = 0; i < 26; i++) {
		for (let j = 0; j < 26; j++) {
			const code = String.fromCharCode(A + i, A + j);
			if (NOT_COUNTRIES.has(code)) continue;
			for (const namer of namers) {
				const name = namer?.of(code);
				if (name && name !== code) {
					countryIndex.set(code.toLowerCase(), code);
					if (!countryIndex.has(fold(name))) countryIndex.set(fold(name), code);
				}
			}
		}
	}
	const aliases: [string, string][] = [
		['uk', 'GB'],
		['england', 'GB'],
		['great britain', 'GB'],
		['holland', 'NL'],
		['the netherlands', 'NL'],
		['usa', 'US'],
		['syria', 'SY'],
		['russia', 'RU'],
		['turkey', 'TR'],
		['kosovo', 'XK']
	];
	for (const [alias, code] of aliases) countryIndex.set(alias, code);
	return countryIndex;
}

/** ISO 3166-1 alpha-2 from a code or a country name; '' for blank; null when unknown. */
export function readCountry(text: string): string | null {
	// A list repeats a handful of countries: remember answers instead of folding every cell.
	let code = countryMemo.get(text);
	if (code === undefined) {
		const v = fold(text);
		code = v ? (countries().get(v) ?? null) : '';
		if (countryMemo.size < 10_000) countryMemo.set(text, code);
	}
	return code;
}
const countryMemo = new Map<string, string | null>();

/** Formula prefixes that spreadsheets execute when the text is exported again. */
export function looksLikeFormula(text: string): boolean {
	// Every prefix below starts with one of these characters: most cells leave here, without a regex.
	const c = text.charCodeAt(0);
	if (c !== 61 && c !== 43 && c !== 64 && c !== 9 && c !== 13 && c !== 45) return false;
	return /^[=+@\t\r]/.test(text) || /^-[^\d.\s]/.test(text);
}

export function looksLikeMarkup(text: string): boolean {
	// A tag needs a '<', a script URL a ':': most cells have neither and need no regex.
	return (text.includes('<') && /<\s*\/?\s*[a-z!][^>]*>/i.test(text)) || (text.includes(':') && /javascript:/i.test(text));
}

/** The first letters of the stand-in words below, lower case ('p', 'd', 'l', 't', 'x', 's'). */
const PLACEHOLDER_START = [0x70, 0x64, 0x6c, 0x74, 0x78, 0x73];

/** Cells that mark a row as a stand-in rather than data (IOM's table has one). */
export function isPlaceholder(text: string): boolean {
	if (text.length > 40 || text.length < 3) return false; // cheap exit: this runs on every cell
	// Printable ASCII is never trimmed: a cell starting with one that starts no stand-in word needs no regex.
	const c = text.charCodeAt(0);
	if (c > 0x20 && c < 0x7f && !PLACEHOLDER_START.includes(c | 0x20)) return false;
	return /^(placeholder|dummy|dummy row|lorem ipsum.*|xxx+|tbd|todo|test row|sample row)$/i.test(text.trim());
}
