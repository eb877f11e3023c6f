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

export function readTriState(text: string): TriState | null {
	const v = fold(text);
	if (TRUE.has(v)) return 'yes';
	if (FALSE.has(v)) return 'no';
	if (UNKNOWN.has(v)) return 'unknown';
	return null;
}

export function readRole(text: string): Role | null {
	const v = fold(text);
	if (['inner', 'inner circle', 'core', 'i', 'cercle interieur', 'yes', 'true', '1'].includes(v)) return 'inner';
	if (['wider', 'wider network', 'network', 'periphery', 'outer', 'w', 'no', 'false', '0', 'reseau'].includes(v)) return 'wider';
	if (UNKNOWN.has(v)) return 'unknown';
	return null;
}

/** A number, with a decimal comma allowed ("50,85" in semicolon files). */
export function readNumber(text: string): number | null {
	const s = text.trim().replace(/^\+/, '');
	if (!/^-?(\d+([.,]\d*)?|[.,]\d+)(e-?\d+)?$/i.test(s)) return null;
	const n = Number(s.replace(',', '.'));
	return Number.isFinite(n) ? n : null;
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
	return /^[=+@\t\r]/.test(text) || /^-[^\d.\s]/.test(text);
}

export function looksLikeMarkup(text: string): boolean {
	return /<\s*\/?\s*[a-z!][^>]*>/i.test(text) || /javascript:/i.test(text);
}

/** Cells that mark a row as a stand-in rather than data (IOM's table has one). */
export function isPlaceholder(text: string): boolean {
	if (text.length > 40 || text.length < 3) return false; // cheap exit: this runs on every cell
	return /^(placeholder|dummy|dummy row|lorem ipsum.*|xxx+|tbd|todo|test row|sample row)$/i.test(text.trim());
}
