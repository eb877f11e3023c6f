/**
 * Geocodes one place text (and an optional country) against the gazetteer. Never throws, never
 * returns 0,0 for "unknown": an unknown place is `unresolved` with a reason and no coordinates; a
 * doubtful one is `ambiguous`, carries its best guess and the runners-up, and says why.
 *
 * Ranking, in order: the hinted country, a place named next to it ("Molenbeek, Brussels"), the match
 * kind (curated alias, exact, alternate name, fuzzy by one edit, by two), then the larger place.
 */
import { distanceKm, type Gazetteer } from './gazetteer';
import { cleanText, isLatinKey, normalizeName, stripInvisible } from './normalize';
import { placeIdOf } from './reverse';
import { adminAreasOf, adminAreasOfKey, type AdminArea } from './admin';

export type GeocodeStatus = 'exact' | 'alias' | 'fuzzy' | 'ambiguous' | 'unresolved';
export type MatchKind = 'curated' | 'exact' | 'alias' | 'fuzzy1' | 'fuzzy2';

export interface Candidate {
	place: string;
	place_country: string;
	lat: number;
	lon: number;
	population: number;
	match: MatchKind;
	/** The place's identity (reverse.ts placeIdOf): rows that name one place differently share it. */
	place_id?: string;
}

export interface GeocodeResult {
	/** Null when unresolved: never 0,0. */
	lat: number | null;
	lon: number | null;
	place: string;
	place_country: string;
	status: GeocodeStatus;
	/** 0-1: how sure the match is (0 when unresolved). */
	confidence: number;
	/** Close runners-up, best first (the chosen place is not repeated here). */
	candidates: Candidate[];
	/** Why the status is what it is, for ambiguous and unresolved rows and for notes on the input. */
	reason: string;
	/** The chosen place's identity (reverse.ts placeIdOf) and population; absent when unresolved. */
	place_id?: string;
	population?: number;
}

const MAX_INPUT_CHARS = 150;
const MAX_WORDS = 7;
const MAX_CANDIDATES = 5;
/** Entries of one name this close together are one place (a town and its centre, say). */
const SAME_PLACE_KM = 25;
/** A place named beside the hometown ("Molenbeek, Brussels") pulls candidates within this radius. */
const QUALIFIER_KM = 60;
/** Below this share of the weight of all equally good matches, the best one is a guess. */
const CLEAR_WINNER_SHARE = 0.9;
/** An alias place this many times larger than an exact namesake is taken without doubt. */
const OUTRIGHT_FACTOR = 100;
const TIER: Record<MatchKind, number> = { curated: 0, exact: 1, alias: 2, fuzzy1: 3, fuzzy2: 4 };
const BASE_CONFIDENCE: Record<MatchKind, number> = { curated: 0.95, exact: 1, alias: 0.95, fuzzy1: 0.8, fuzzy2: 0.6 };

interface Hit {
	index: number;
	kind: MatchKind;
	/** Fuzzy hits on an alternate name rank below those on a place's own or curated name. */
	viaAlternate: boolean;
}

interface Ranked extends Hit {
	inHint: boolean;
	/** In an administrative area the text names ("(93)", "Noord-Holland", a postcode). */
	inAdmin: boolean;
	nearQualifier: boolean;
	/** rankOrder of the above: ranked hits sort by it, then by weight (larger first). */
	order: number;
	/** The place's ranking weight (Gazetteer.weight). */
	weight: number;
}

export interface CountryHint {
	/** ISO alpha-2, or '' when none was given or it was not understood. */
	code: string;
	/** Set when a country was given but not understood. */
	unknown: string;
}

const NO_COUNTRY: CountryHint = Object.freeze({ code: '', unknown: '' });

/** Reads a country as ISO alpha-2/alpha-3 code or name in one of several languages ("Maroc", "België"). */
export function parseCountry(gaz: Gazetteer, text: string | undefined | null): CountryHint {
	if (!text) return NO_COUNTRY;
	// Clean text ("FR", "Belgium", "België") has nothing to strip or trim.
	const raw = cleanText(text) >= 0 ? text : stripInvisible(text).trim();
	if (!raw) return { code: '', unknown: '' };
	const code = gaz.countryNames.get(normalizeName(raw));
	return code ? { code, unknown: '' } : { code: '', unknown: raw.slice(0, 40) };
}

function unresolved(reason: string): GeocodeResult {
	return { lat: null, lon: null, place: '', place_country: '', status: 'unresolved', confidence: 0, candidates: [], reason };
}

/** The places a key names, as hits: its curated alias, the places of that name, those known by it. */
function hitsOfKey(gaz: Gazetteer, k: number, hits: Hit[], fuzzy?: MatchKind): void {
	const curated = gaz.curatedPlace(k);
	if (curated >= 0)
		hits.push({ index: curated, kind: fuzzy ?? (gaz.primaryKeyOf(curated) === k ? 'exact' : 'curated'), viaAlternate: false });
	for (let i = gaz.primaryStart(k), end = gaz.primaryEnd(k); i < end; i++)
		hits.push({ index: i, kind: fuzzy ?? 'exact', viaAlternate: false });
	for (let j = gaz.alternateStart(k), end = gaz.alternateEnd(k); j < end; j++)
		hits.push({ index: gaz.alternatePlace(j), kind: fuzzy ?? 'alias', viaAlternate: !!fuzzy });
}

/** Exact, alternate and curated matches of one normalised key (`k`: its index, when already known). */
function lookup(gaz: Gazetteer, key: string, k = gaz.keyIndex(key)): Hit[] {
	const hits: Hit[] = [];
	if (k >= 0) hitsOfKey(gaz, k, hits);
	return hits;
}

/** The fuzzy searches of one lookup's key, each run at most once (a country-hinted search and the unhinted retry share them). */
interface FuzzySearches {
	one?: Hit[];
	two?: Hit[];
}

/** Every place known by a key exactly maxDistance edits from `key` (gazetteer.ts fuzzyScan), in its order. */
function fuzzyHits(gaz: Gazetteer, key: string, maxDistance: 1 | 2): Hit[] {
	const kind: MatchKind = maxDistance === 1 ? 'fuzzy1' : 'fuzzy2';
	const hits: Hit[] = [];
	gaz.fuzzyScan(key, maxDistance, (candidate, d) => {
		if (d === maxDistance) hitsOfKey(gaz, candidate, hits, kind);
	});
	return hits;
}

function inCountryOnly(gaz: Gazetteer, hits: Hit[], inCountry: string): Hit[] {
	return inCountry ? hits.filter((h) => gaz.country[h.index] === inCountry) : hits;
}

/**
 * Places one edit away, else (for names of 7 letters or more) two: a bounded scan of the names that
 * share the first or last two letters and have about the same length. `searches` keeps each scan's
 * hits for a second call on the same key (the retry without the country filters them differently).
 */
function fuzzyLookup(gaz: Gazetteer, key: string, inCountry: string, searches: FuzzySearches): Hit[] {
	if (key.length < 4) return [];
	// One edit first (a narrow, cheap scan); two only for longer names and only when one found nothing.
	const one = inCountryOnly(gaz, (searches.one ??= fuzzyHits(gaz, key, 1)), inCountry);
	return one.length || key.length < 7 ? one : inCountryOnly(gaz, (searches.two ??= fuzzyHits(gaz, key, 2)), inCountry);
}

interface ParsedText {
	key: string;
	/** The text is one part and one spelling (no brackets, commas, spaced dashes or slashes): normalizeName(text) is `key` before numbers are dropped. */
	plain: boolean;
	wholeKey: string;
	/** Alternative spellings given in one field: "Bruxelles/Brussel". */
	variants: string[];
	countryFromText: string;
	/** Places named beside the name ("Brussels" in "Molenbeek, Brussels"), as written. */
	qualifiers: string[];
	/** normalizeName of each qualifier. */
	qualifierKeys: string[];
	/** Administrative areas named beside the place: "(93)", "Seine-Saint-Denis", "Noord-Holland", "1080". */
	admin: AdminArea[];
	notes: string[];
}

/** Words that name a part of a town, never another town: "Bruxelles-Ville", "Paris XIXe", "Essen-Mitte". */
const CITY_PART =
	/^(ville|centre|center|centrum|city|stad|mitte|zentrum|innenstadt|altstadt|arrondissement|arr|[ivxl]+(e|er|eme)|\d+(e|er|eme|de|ste))$/;

/**
 * Whether the text has a comma, semicolon, bracket or slash, or a dash with a space each side: as
 * /[,;(/]|\s[-–—]\s/ for the geocoder's text, whose only white space is single ASCII spaces
 * (cleanText, or cleaned), without a regular expression per lookup.
 */
export function hasSeparator(text: string): boolean {
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 44 || c === 59 || c === 40 || c === 47) return true;
		if ((c === 45 || c === 0x2013 || c === 0x2014) && text.charCodeAt(i - 1) === 32 && text.charCodeAt(i + 1) === 32) return true;
	}
	return false;
}

/** Splits "City, Country", "City (Country)", "City - Region", "1080 Molenbeek", "Bruxelles/Brussel". */
function parseText(gaz: Gazetteer, text: string): ParsedText {
	// Most texts are one name: no splitting, no qualifiers (the general path gives the same for them).
	if (!hasSeparator(text)) return dropNumbers(normalizeName(text), [], '', [], [], [], [], true);
	const notes: string[] = [];
	const qualifiers: string[] = [];
	let rest = text.replace(/\(([^)]*)\)/g, (_, inner: string) => {
		qualifiers.push(inner);
		return ' ';
	});
	// Commas, semicolons and a spaced dash separate parts ("Schaerbeek - Brussels"); a hyphen does not.
	const parts = rest
		.split(/[,;]|\s[-–—]\s/)
		.map((p) => p.trim())
		.filter(Boolean);
	rest = parts.shift() ?? '';
	qualifiers.push(...parts);
	let countryFromText = '';
	const placeQualifiers: string[] = [];
	const placeKeys: string[] = [];
	const admin: AdminArea[] = [];
	for (const q of qualifiers) {
		// Each qualifier normalised once (adminAreasOf reads it trimmed, which for a trimmed one is the same text).
		const qKey = normalizeName(q);
		const code = gaz.countryNames.get(qKey);
		const areas = q.length === q.trim().length ? adminAreasOfKey(qKey) : adminAreasOf(q);
		if (code && !countryFromText && !areas.length) countryFromText = code;
		else if (areas.length) {
			admin.push(...areas);
			// An area that is also a town's name ("Namur") may still point at that town.
			if (gaz.hasPrimary(qKey)) {
				placeQualifiers.push(q);
				placeKeys.push(qKey);
			}
		} else if (qKey) {
			placeQualifiers.push(q);
			placeKeys.push(qKey);
		}
	}
	const variants = rest
		.split('/')
		.map((v) => normalizeName(v))
		.filter(Boolean);
	return dropNumbers(variants.shift() ?? '', variants, countryFromText, placeQualifiers, placeKeys, admin, notes, false);
}

function dropNumbers(
	whole: string,
	variants: string[],
	countryFromText: string,
	qualifiers: string[],
	qualifierKeys: string[],
	admin: AdminArea[],
	notes: string[],
	plain: boolean
): ParsedText {
	let key = whole;
	if (!hasDigit(key)) return { key, plain, wholeKey: whole, variants, countryFromText, qualifiers, qualifierKeys, admin, notes };
	// Postcodes and arrondissement numbers ("1080 Molenbeek", "Paris 19e") name no other place; a
	// postcode or departement number does name an area ("93200 Saint-Denis", "Noisy-le-Sec 93").
	const numbers = key.split(' ').filter((w) => /\d/.test(w));
	for (const n of numbers) admin.push(...adminAreasOf(n));
	const withoutNumbers = key
		.replace(/\b\w*\d\w*\b/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	if (withoutNumbers && withoutNumbers !== key) {
		notes.push('numbers ignored');
		key = withoutNumbers;
	}
	return { key, plain, wholeKey: whole, variants, countryFromText, qualifiers, qualifierKeys, admin, notes };
}

function hasDigit(key: string): boolean {
	for (let i = 0; i < key.length; i++) {
		const c = key.charCodeAt(i);
		if (c >= 48 && c <= 57) return true;
	}
	return false;
}

/** Positions of the spaces in a key. */
function spacesOf(key: string): number[] {
	const at: number[] = [];
	for (let i = key.indexOf(' '); i >= 0; i = key.indexOf(' ', i + 1)) at.push(i);
	return at;
}

function wordCount(key: string): number {
	let n = 1;
	for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) === 32) n++;
	return n;
}

/**
 * The ranking's keys before weight as one number, smaller first: in the hinted country, in a named
 * administrative area, near the qualifier, the match kind's tier, not via an alternate name.
 */
export function rankOrder(inHint: boolean, inAdmin: boolean, nearQualifier: boolean, kind: MatchKind, viaAlternate: boolean): number {
	return (inHint ? 0 : 64) + (inAdmin ? 0 : 32) + (nearQualifier ? 0 : 16) + TIER[kind] * 2 + (viaAlternate ? 1 : 0);
}

function rankedOf(
	gaz: Gazetteer,
	h: Hit,
	hint: string,
	near: { lat: number; lon: number } | null,
	admin: readonly AdminArea[],
	sorted: boolean
): Ranked {
	const inHint = !!hint && gaz.country[h.index] === hint;
	const inAdmin = admin.length > 0 && admin.some((a) => a.country === gaz.country[h.index] && a.code === gaz.admin[h.index]);
	const nearQualifier = !!near && distanceKm(near.lat, near.lon, gaz.lat[h.index]!, gaz.lon[h.index]!) < QUALIFIER_KM;
	return {
		index: h.index,
		kind: h.kind,
		viaAlternate: h.viaAlternate,
		inHint,
		inAdmin,
		nearQualifier,
		order: rankOrder(inHint, inAdmin, nearQualifier, h.kind, h.viaAlternate),
		// Only a sorted list reads it (decide reads the weights of the few places it compares).
		weight: sorted ? gaz.weight[h.index]! : 0
	};
}

function byRank(a: Ranked, b: Ranked): number {
	return a.order - b.order || b.weight - a.weight;
}

function rankHits(
	gaz: Gazetteer,
	hits: Hit[],
	hint: string,
	near: { lat: number; lon: number } | null,
	admin: readonly AdminArea[] = []
): Ranked[] {
	// One hit (most exact names): nothing to merge, sort or fold.
	if (hits.length === 1) return [rankedOf(gaz, hits[0]!, hint, near, admin, false)];
	const best = new Map<number, Hit>();
	for (const h of hits) {
		const cur = best.get(h.index);
		if (!cur || TIER[h.kind] < TIER[cur.kind] || (TIER[h.kind] === TIER[cur.kind] && cur.viaAlternate && !h.viaAlternate))
			best.set(h.index, h);
	}
	const ranked: Ranked[] = [];
	for (const h of best.values()) ranked.push(rankedOf(gaz, h, hint, near, admin, true));
	ranked.sort(byRank);
	// One place listed once: drop entries close to a better one of the same country.
	const kept: Ranked[] = [];
	for (const r of ranked) {
		let dup = false;
		for (let i = 0; i < kept.length && !dup; i++) {
			const k = kept[i]!;
			dup =
				gaz.country[k.index] === gaz.country[r.index] &&
				distanceKm(gaz.lat[k.index]!, gaz.lon[k.index]!, gaz.lat[r.index]!, gaz.lon[r.index]!) < SAME_PLACE_KM;
		}
		if (!dup) kept.push(r);
	}
	return kept;
}

function toCandidate(gaz: Gazetteer, r: Hit): Candidate {
	return {
		place: gaz.placeName(r.index),
		place_country: gaz.country[r.index]!,
		lat: gaz.lat[r.index]!,
		lon: gaz.lon[r.index]!,
		population: gaz.population[r.index]!,
		match: r.kind,
		place_id: placeIdOf(gaz, r.index)
	};
}

/**
 * `region` is an administrative area or postcode from its own column ("93", "Seine-Saint-Denis",
 * "Noord-Holland", "1080"): a hint like one written in the text.
 */
export function geocode(
	gaz: Gazetteer,
	hometown: string | undefined | null,
	country?: string | null,
	region?: string | null
): GeocodeResult {
	try {
		return geocodeUnsafe(gaz, hometown ?? '', country ?? '', region ?? '');
	} catch (error) {
		// A defect must cost one row, never the whole list.
		return unresolved(`internal error: ${(error as Error).message}`);
	}
}

function geocodeUnsafe(gaz: Gazetteer, hometown: string, country: string, region = ''): GeocodeResult {
	const raw = String(hometown);
	const clean = cleanText(raw);
	const text = clean >= 0 ? raw : stripInvisible(raw).replace(/\s+/g, ' ').trim();
	const notes: string[] = [];
	if (clean < 0 && text !== raw.trim()) notes.push('control or invisible characters removed');
	if (!text) return unresolved('empty place name');
	if (text.length > MAX_INPUT_CHARS) return unresolved(`too long for a place name (${text.length} characters)`);
	if (clean === 0 || (clean < 0 && !/\p{L}/u.test(text))) return unresolved(`no letters in "${text.slice(0, 40)}"`);

	const columnHint = parseCountry(gaz, country);
	if (columnHint.unknown) notes.push(`unknown country "${columnHint.unknown}" ignored`);
	const parsed = parseText(gaz, text);
	if (parsed.notes.length) notes.push(...parsed.notes);
	if (region && region.trim()) {
		const areas = adminAreasOf(stripInvisible(region).slice(0, 80));
		if (areas.length) parsed.admin.push(...areas);
		else notes.push(`region "${region.trim().slice(0, 40)}" not understood`);
	}
	if (!parsed.key) return unresolved(`no place name in "${text.slice(0, 40)}"`);
	if (!isLatinKey(parsed.key))
		return unresolved('written in a non-Latin script; the gazetteer holds Latin-script names (transliterate it)');
	if (wordCount(parsed.key) > MAX_WORDS) return unresolved('looks like a sentence, not a place name');

	let hint = columnHint.code || parsed.countryFromText;
	if (columnHint.code && parsed.countryFromText && columnHint.code !== parsed.countryFromText) {
		notes.push(`country column ${columnHint.code} differs from ${parsed.countryFromText} in the text; the column wins`);
	}

	let key = parsed.key;
	// A curated alias may spell out the whole field ("Saint-Denis (93)"), and so may a place's own
	// name ("Frankfurt (Oder)"): the whole text first, then its parts.
	const wholeKey = parsed.plain ? parsed.wholeKey : normalizeName(text);
	const wholeIndex = gaz.keyIndex(wholeKey);
	const wholeCurated = wholeIndex >= 0 ? gaz.curatedPlace(wholeIndex) : -1;
	const whole = wholeCurated >= 0 ? wholeCurated : undefined;
	// The places whose own name is the whole text, when it differs from the key.
	const wholePrimary =
		whole === undefined && wholeKey !== key && wholeIndex >= 0 ? gaz.primaryEnd(wholeIndex) - gaz.primaryStart(wholeIndex) : 0;
	let hits: Hit[];
	if (whole !== undefined) hits = [{ index: whole, kind: 'curated', viaAlternate: false }];
	else if (wholePrimary) {
		hits = [];
		for (let i = gaz.primaryStart(wholeIndex); i < gaz.primaryEnd(wholeIndex); i++)
			hits.push({ index: i, kind: 'exact', viaAlternate: false });
	} else hits = lookup(gaz, key, key === wholeKey ? wholeIndex : undefined);
	if (wholePrimary) {
		parsed.qualifiers = [];
		parsed.qualifierKeys = [];
		parsed.admin = [];
		key = wholeKey;
	}
	for (const v of parsed.variants) hits.push(...lookup(gaz, v));
	// Where the key's words meet (a key's words are separated by single spaces): the searches below
	// cut it there. A key of one word has no country glued to it and no quarter after it.
	const spaces = hits.length ? [] : spacesOf(key);
	// "Molenbeek Belgium": a country name glued to the end without a comma.
	if (!hits.length && spaces.length) {
		for (let cut = 1; cut <= Math.min(3, spaces.length) && !hits.length; cut++) {
			const at = spaces[spaces.length - cut]!;
			const code = gaz.countryNames.get(key.slice(at + 1));
			if (!code) continue;
			const shorter = key.slice(0, at);
			const shorterHits = lookup(gaz, shorter);
			if (shorterHits.length) {
				key = shorter;
				hits = shorterHits;
				if (!hint) hint = code;
			}
		}
	}
	// A quarter or district after the town ("Bruxelles-Ville", "Paris XIXe", "Dinslaken-Lohberg"): the
	// town, when the whole name is no place. Words that only name a part of a town keep the match's
	// status; any other dropped word makes it a partial (fuzzy) match, said in the reason.
	let district = '';
	let partial = false;
	if (!hits.length && spaces.length) {
		for (let keep = spaces.length; keep >= 1 && !hits.length; keep--) {
			// The first `keep` words, and their letters without the spaces between them.
			const base = key.slice(0, spaces[keep - 1]);
			if (base.length - (keep - 1) < 3) break;
			const baseHits = lookup(gaz, base);
			if (!baseHits.length) continue;
			const dropped = key.slice(spaces[keep - 1]! + 1).split(' ');
			hits = baseHits;
			key = base;
			district = dropped.join(' ');
			partial = !dropped.every((w) => CITY_PART.test(w));
		}
	}
	const hasHintedExact = !!hint && hits.some((h) => gaz.country[h.index] === hint);
	if (!hits.length || (hint && !hasHintedExact)) {
		const searches: FuzzySearches = {};
		const fuzzy = fuzzyLookup(gaz, key, hint, searches);
		if (fuzzy.length) hits.push(...fuzzy);
		else if (!hits.length) hits.push(...fuzzyLookup(gaz, key, '', searches));
	}

	if (whole !== undefined) {
		parsed.qualifiers = [];
		parsed.qualifierKeys = [];
	}
	const qualifier = qualifierPlace(gaz, parsed.qualifierKeys, hint);
	const near = qualifier !== null ? { lat: gaz.lat[qualifier]!, lon: gaz.lon[qualifier]! } : null;
	if (parsed.qualifiers.length && qualifier === null) notes.push(`"${parsed.qualifiers.join(', ').slice(0, 40)}" not understood`);
	// "Lohberg (Dinslaken)", "Haren (Bruxelles)": a name the gazetteer does not hold near the town named
	// beside it is a quarter of that town, not a namesake hundreds of kilometres away.
	if (qualifier !== null && !hits.some((h) => distanceKm(near!.lat, near!.lon, gaz.lat[h.index]!, gaz.lon[h.index]!) < QUALIFIER_KM)) {
		const far = rankHits(gaz, hits, hint, null, parsed.admin);
		const result = decide(
			gaz,
			[
				{
					index: qualifier,
					kind: 'exact',
					viaAlternate: false,
					inHint: true,
					inAdmin: true,
					nearQualifier: true,
					order: rankOrder(true, true, true, 'exact', false),
					weight: gaz.weight[qualifier]!
				},
				...far
			],
			hint,
			notes,
			false,
			parsed.admin
		);
		return {
			...result,
			status: 'fuzzy',
			confidence: 0.7,
			reason: [
				`no "${text.replace(/\s*\(.*$/, '').slice(0, 40)}" near ${gaz.placeName(qualifier)}: placed at ${gaz.placeName(qualifier)} (a quarter of it?)`,
				...notes
			].join('; ')
		};
	}
	if (!hits.length) return unresolved(['no place of that name in the gazetteer', ...notes].join('; '));
	const ranked = rankHits(gaz, hits, hint, near, parsed.admin);
	if (district) notes.unshift(`"${district}" read as a quarter of ${gaz.placeName(ranked[0]!.index)}`);
	const result = decide(gaz, ranked, hint, notes, columnHint.unknown !== '', parsed.admin);
	if (partial && (result.status === 'exact' || result.status === 'alias'))
		return { ...result, status: 'fuzzy', confidence: Math.min(result.confidence, 0.7) };
	return result;
}

/** The gazetteer index of a qualifier such as "Brussels" in "Molenbeek, Brussels", if it names a known place. */
function qualifierPlace(gaz: Gazetteer, qualifierKeys: string[], hint: string): number | null {
	for (const key of qualifierKeys) {
		const ranked = rankHits(gaz, lookup(gaz, key), hint, null);
		if (ranked.length) return ranked[0]!.index;
	}
	return null;
}

function decide(
	gaz: Gazetteer,
	rankedIn: Ranked[],
	hint: string,
	notes: string[],
	unknownHint: boolean,
	admin: readonly AdminArea[] = []
): GeocodeResult {
	let ranked = rankedIn;
	const w = gaz.weight;
	const reasons: string[] = [];
	let ambiguous = false;
	// A small exact namesake must not hide a much larger place known by that name (Cologne, Italy
	// vs Köln): far larger wins outright, merely much larger makes the match doubtful.
	const first = ranked[0]!;
	// (One ranked place has no larger namesake, no rival and no namesake: the searches are skipped.)
	const bigger =
		ranked.length > 1 &&
		ranked.find(
			(r) =>
				r.inHint === first.inHint &&
				r.inAdmin === first.inAdmin &&
				r.nearQualifier === first.nearQualifier &&
				TIER[r.kind] > TIER[first.kind] &&
				r.kind !== 'fuzzy2' &&
				w[r.index]! >= 10 * w[first.index]! &&
				w[r.index]! >= 50_000
		);
	if (bigger && first.kind !== 'curated') {
		ranked = [bigger, ...ranked.filter((r) => r !== bigger)];
		if (w[bigger.index]! < OUTRIGHT_FACTOR * w[first.index]!) {
			ambiguous = true;
			reasons.push(
				`also ${gaz.placeName(first.index)} (${gaz.countryLabel(gaz.country[first.index]!)}), a smaller place of exactly this name`
			);
		}
	}
	const best = ranked[0]!;
	// The nearest equally good match elsewhere: the best one's share of the two is how sure we are.
	let rival: Ranked | undefined;
	for (let i = 1; i < ranked.length && !rival; i++) {
		const r = ranked[i]!;
		if (
			r.inHint === best.inHint &&
			r.inAdmin === best.inAdmin &&
			r.nearQualifier === best.nearQualifier &&
			TIER[r.kind] <= TIER[best.kind] &&
			(!r.viaAlternate || best.viaAlternate)
		)
			rival = r;
	}
	const share = rival ? w[best.index]! / (w[best.index]! + w[rival.index]!) : 1;
	if (rival && best.kind !== 'curated' && share < CLEAR_WINNER_SHARE) {
		ambiguous = true;
		reasons.push(`also ${gaz.placeName(rival.index)} (${gaz.countryLabel(gaz.country[rival.index]!)}); nothing decides between them`);
	}
	// "Exact" only without a rival of comparable size known by the same name: Saida is a town in Algeria
	// and also what Sidon (Lebanon) is called; nothing in "Saida" decides between them.
	const namesake =
		ranked.length > 1 &&
		ranked.find(
			(r) =>
				r !== best &&
				r !== rival &&
				r.inHint === best.inHint &&
				r.inAdmin === best.inAdmin &&
				r.nearQualifier === best.nearQualifier &&
				r.kind === 'alias' &&
				best.kind === 'exact' &&
				w[r.index]! >= 0.5 * w[best.index]!
		);
	if (namesake && !ambiguous) {
		ambiguous = true;
		reasons.push(
			`also ${gaz.placeName(namesake.index)} (${gaz.countryLabel(gaz.country[namesake.index]!)}), a place of comparable size known by this name`
		);
	}
	if (admin.length && best.inAdmin)
		notes.push(
			`in ${[...new Set(admin.filter((a) => a.country === gaz.country[best.index] && a.code === gaz.admin[best.index]).map((a) => a.name))].join(', ')}`
		);
	else if (admin.length) notes.push(`no match in ${[...new Set(admin.map((a) => a.name))].join(' or ')}; best match elsewhere`);
	if (hint && !best.inHint) {
		ambiguous = true;
		reasons.push(`not found in ${gaz.countryLabel(hint)}; best match elsewhere`);
	}
	if (best.inHint && TIER[best.kind] >= TIER.fuzzy1 && ranked.some((r) => !r.inHint && TIER[r.kind] <= TIER.alias)) {
		ambiguous = true;
		reasons.push(`only a spelling variant in ${gaz.countryLabel(hint)}; an exact match lies elsewhere`);
	}
	if (unknownHint && !ambiguous) {
		ambiguous = true;
		reasons.push('the country given was not understood, so it could not confirm the match');
	}
	const kindStatus = best.kind === 'curated' ? 'alias' : best.kind === 'fuzzy1' || best.kind === 'fuzzy2' ? 'fuzzy' : best.kind;
	let confidence = BASE_CONFIDENCE[best.kind] * (best.kind === 'curated' ? 1 : share);
	if (ambiguous) confidence = Math.min(confidence, 0.5);
	const candidates: Candidate[] = [];
	for (let i = 1; i < ranked.length && i <= MAX_CANDIDATES; i++) candidates.push(toCandidate(gaz, ranked[i]!));
	const b = best.index;
	return {
		lat: gaz.lat[b]!,
		lon: gaz.lon[b]!,
		place: gaz.placeName(b),
		place_country: gaz.country[b]!,
		status: ambiguous ? 'ambiguous' : kindStatus,
		confidence: Math.round(confidence * 100) / 100,
		candidates,
		reason: !notes.length ? reasons.join('; ') : !reasons.length ? notes.join('; ') : [...reasons, ...notes].join('; '),
		place_id: placeIdOf(gaz, b),
		population: gaz.population[b]!
	};
}
