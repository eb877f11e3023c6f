/**
 * The gazetteer as the geocoder loads it: static/generated/gazetteer/gazetteer.bin, one ArrayBuffer
 * holding the place columns and the search index, written at build time (docs/ARCHITECTURE.md,
 * "Binary gazetteer"). Loading it means typed-array views and linear passes (prefix sums, byte
 * planes, front-coded keys, a counting sort of the keys into fuzzy buckets); no Map of names, no
 * string sort, no normalising of names, and no strings at all: display names and key texts are made
 * when a lookup asks for them.
 *
 * Layout: "HAGZ", format version (u32), header length (u32), the header as JSON, then the sections
 * the header lists, each at an offset that is a multiple of 8.
 *
 * The order of places and keys is part of the format: keys are sorted (keyOrder), places by their
 * primary key (then by their order in the source), and each place's alternate names by keyOrder. So
 * the places of one primary key are one run, and equally good candidates meet the geocoder in an
 * order fixed by the file alone (see rankOf in gazetteer.ts).
 */
import type { GazetteerData } from './gazetteer-data';
import { normalizeName } from './normalize';

const MAGIC = 0x5a474148; // "HAGZ" little-endian
export const BINARY_VERSION = 2;

/** The key order of the binary gazetteer: by UTF-16 code units, as JavaScript compares strings. */
export function keyOrder(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** First unit of a patch's skip (a patch: the units to skip, as one character from here, then the new unit). */
const PATCH_SKIP = 0x30;
const PATCH_MAX_SKIP = 0x7f - PATCH_SKIP;

/**
 * The patches that turn `base` into `name` when both have the same length in UTF-16 units: for each
 * unit that differs, how many units were skipped since the last one (as a character from PATCH_SKIP)
 * and the name's unit ("Malmö" from "Malmo": "4ö"; "Plestin-les-Grèves" from "Plestin-Les-Greves":
 * "8l5è"). Null when no such patch exists or it would cost more than the name.
 */
export function namePatch(base: string, name: string): string | null {
	if (base.length !== name.length) return null;
	let out = '';
	let last = 0;
	for (let i = 0; i < name.length; i++) {
		const c = name.charCodeAt(i);
		if (c === base.charCodeAt(i)) continue;
		const skip = i - last;
		if (skip > PATCH_MAX_SKIP || (c >= 0xd800 && c < 0xe000) || c === 10) return null;
		out += String.fromCharCode(PATCH_SKIP + skip) + name[i];
		last = i + 1;
	}
	return out.length < name.length ? out : null;
}

/** `base` with the patch that starts at `from` in `patches` (ends at a line break). */
function applyPatch(base: string, patches: string, from: number): string {
	let out = '';
	let cursor = 0;
	let j = from;
	for (; patches.charCodeAt(j) !== 10; j += 2) {
		const at = cursor + patches.charCodeAt(j) - PATCH_SKIP;
		out += base.slice(cursor, at) + patches[j + 1];
		cursor = at + 1;
	}
	return out + base.slice(cursor);
}

/**
 * A place's display name from its primary key, when a rule gives it back exactly: 1 capitalises
 * each word ("Molenbeek"), 2 also joins the words with hyphens ("Saint-Gilles" from "st gilles" does
 * not qualify; "Sint-Truiden" from "sint truiden" would). Two in three names need no bytes of their own.
 */
export function nameByRule(key: string, rule: number): string {
	const sep = rule === 2 ? '-' : ' ';
	let out = '';
	let wordStart = true;
	for (let i = 0; i < key.length; i++) {
		const c = key[i]!;
		if (c === ' ') out += sep;
		else out += wordStart ? c.toUpperCase() : c;
		wordStart = c === ' ';
	}
	return out;
}

type SectionType = 'u8' | 'planar' | 'varint';
interface SectionInfo {
	name: string;
	type: SectionType;
	offset: number;
	/** Bytes in the file. */
	bytes: number;
	/** Values (planar: each `width` bytes, stored as `width` planes of low to high bytes, plus `bias`). */
	count: number;
	width?: number;
	bias?: number;
}

export interface BinaryHeader {
	version: number;
	attribution: string;
	places: number;
	keys: number;
	/** Places whose name normalises to nothing: they sort first and have no primary key. */
	unkeyed: number;
	/** Country codes and administrative codes: the columns hold indexes into these. */
	countries: string[];
	admins: string[];
	/** Per country (same order as `countries`): the least latitude and longitude x 1e4 of its places; coordinates are stored above these. */
	countryLat: number[];
	countryLon: number[];
	/** [key index, place index] in the order of the source's aliases. */
	curated: [number, number][];
	countryNames: Record<string, string>;
	countryLabels: Record<string, string>;
	sections: SectionInfo[];
}

/** The decoded columns, every one a typed array or a view onto the file's bytes; strings made on demand. */
export interface GazetteerColumns {
	header: BinaryHeader;
	/** All keys' UTF-16 code units end to end (sorted, front-coded in the file); key k is units[keyStart[k] .. keyStart[k + 1]). */
	units: Uint16Array;
	keyStart: Uint32Array;
	/** Per key, how many units it shares with the key before it (the file's front coding, a view). */
	keyLcp: Uint8Array;
	/** Places whose primary key is key k: the run primStart[k] .. primStart[k + 1] (places are sorted by it). */
	primStart: Uint32Array;
	/** Each place's primary key index (-1: none), the inverse of primStart. */
	placeKey: Int32Array;
	/** Places known by key k as an alternate name: altPlace[altStart[k] .. altStart[k + 1]). */
	altStart: Uint32Array;
	altPlace: Uint32Array;
	lat: Int32Array;
	lon: Int32Array;
	pop: Int32Array;
	country: Uint8Array;
	admin: Uint8Array;
	/** Key k's text, made from its units on each call. */
	key(k: number): string;
	/** A place's display name, made on first use and kept: a list asks for a few hundred of 100,000. */
	name(place: number): string;
}

/**
 * Sorts the places of a gazetteer into the binary order (by primary key, then source order) and each
 * place's alternate names by keyOrder; aliases follow their places. The build writes the JSON
 * gazetteer in this order too, so both files number the places alike.
 */
export function sortGazetteer(data: GazetteerData): GazetteerData {
	const n = data.name.length;
	const primary = data.name.map((s) => normalizeName(s));
	const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => keyOrder(primary[a]!, primary[b]!) || a - b);
	const newIndex = new Int32Array(n);
	order.forEach((old, i) => (newIndex[old] = i));
	const pick = <T>(column: T[]) => order.map((i) => column[i]!);
	return {
		...data,
		name: pick(data.name),
		country: pick(data.country),
		lat: pick(data.lat),
		lon: pick(data.lon),
		pop: pick(data.pop),
		alt: order.map((i) => (data.alt[i] ? data.alt[i]!.split('|').sort(keyOrder).join('|') : '')),
		admin: data.admin ? pick(data.admin) : undefined,
		aliases: Object.fromEntries(Object.entries(data.aliases).map(([k, i]) => [k, newIndex[i]!]))
	};
}

function isSorted(data: GazetteerData): boolean {
	let prev = '';
	for (let i = 0; i < data.name.length; i++) {
		const key = normalizeName(data.name[i]!);
		if (i && keyOrder(prev, key) > 0) return false;
		prev = key;
		const alt = data.alt[i] ? data.alt[i]!.split('|') : [];
		for (let j = 1; j < alt.length; j++) if (keyOrder(alt[j - 1]!, alt[j]!) > 0) return false;
	}
	return true;
}

/** Little-endian byte planes: all low bytes, then the next, ...; gzip finds far more in them than in whole numbers. */
function planes(values: ArrayLike<number>, width: number, bias: number): Uint8Array {
	const n = values.length;
	const out = new Uint8Array(n * width);
	for (let i = 0; i < n; i++) {
		let v = values[i]! + bias;
		if (v < 0 || v >= 2 ** (8 * width)) throw new Error(`gazetteer.bin: value ${values[i]} does not fit ${width} bytes`);
		for (let b = 0; b < width; b++) {
			out[b * n + i] = v & 0xff;
			v = Math.floor(v / 256);
		}
	}
	return out;
}

const zigzag = (v: number) => (v < 0 ? -2 * v - 1 : 2 * v);
const unzigzag = (v: number) => (v & 1 ? -(v + 1) / 2 : v / 2);

/** Unsigned LEB128: seven bits a byte, low first, the high bit set on all but the last. */
function varints(values: number[]): Uint8Array {
	const out: number[] = [];
	for (let v of values) {
		if (v < 0 || v >= 2 ** 31) throw new Error(`gazetteer.bin: ${v} is no varint`);
		while (v >= 0x80) {
			out.push((v & 0x7f) | 0x80);
			v >>>= 7;
		}
		out.push(v);
	}
	return Uint8Array.from(out);
}

function counts(values: number[], what: string): Uint8Array {
	const out = new Uint8Array(values.length);
	values.forEach((v, i) => {
		if (v > 255) throw new Error(`gazetteer.bin: ${v} ${what} for one key (at most 255)`);
		out[i] = v;
	});
	return out;
}

/** Builds gazetteer.bin from the JSON form (sorted first when it is not in the binary order). */
export function encodeGazetteer(input: GazetteerData): Uint8Array {
	const data = isSorted(input) ? input : sortGazetteer(input);
	const n = data.name.length;
	const primary = data.name.map((s) => normalizeName(s));
	const keySet = new Set<string>();
	for (const k of primary) if (k) keySet.add(k);
	for (const a of data.alt) if (a) for (const k of a.split('|')) keySet.add(k);
	for (const k of Object.keys(data.aliases)) if (k) keySet.add(k);
	const keys = [...keySet].sort(keyOrder);
	const keyIndex = new Map(keys.map((k, i) => [k, i]));
	const primCount = new Array<number>(keys.length).fill(0);
	for (const k of primary) if (k) primCount[keyIndex.get(k)!]!++;
	const primStartOf: number[] = [];
	primCount.reduce((start, count, k) => ((primStartOf[k] = start), start + count), primary.filter((k) => !k).length);
	const altLists: number[][] = keys.map(() => []);
	data.alt.forEach((a, i) => {
		if (!a) return;
		for (const k of a.split('|')) {
			const list = altLists[keyIndex.get(k)!]!;
			if (list[list.length - 1] !== i) list.push(i);
		}
	});
	// Front coding: each key as the length it shares with the one before, then the units after that
	// and a line break (keys hold none): the end of a key costs gzip less than a length column.
	const units: number[] = [];
	const keyLcp: number[] = [];
	let prev = '';
	for (const k of keys) {
		if (k.length > 255) throw new Error(`gazetteer.bin: key longer than 255: ${k.slice(0, 40)}`);
		if (k.includes('\n')) throw new Error('gazetteer.bin: a key holds a line break');
		let lcp = 0;
		while (lcp < prev.length && lcp < k.length && prev.charCodeAt(lcp) === k.charCodeAt(lcp)) lcp++;
		keyLcp.push(lcp);
		for (let i = lcp; i < k.length; i++) units.push(k.charCodeAt(i));
		units.push(10);
		prev = k;
	}
	// Alternate places: per key, the first as its distance from where the key's own places would
	// stand (alternate names are often spelled like the primary one), then the gaps between them.
	const altDeltas: number[] = [];
	altLists.forEach((list, k) => {
		let last = -1;
		for (const place of list) {
			altDeltas.push(last < 0 ? zigzag(place - primStartOf[k]!) : place - last - 1);
			last = place;
		}
	});
	// Names: given back by a rule (1, 2), by a rule and patches of single units (3, 4: accents, case,
	// a hyphen), or stored whole (0).
	if (data.name.some((s) => s.includes('\n'))) throw new Error('gazetteer.bin: a place name holds a line break');
	const rule: number[] = [];
	const patches: string[] = [];
	const ownNames: string[] = [];
	primary.forEach((k, i) => {
		const name = data.name[i]!;
		if (k && nameByRule(k, 1) === name) return rule.push(1);
		if (k && nameByRule(k, 2) === name) return rule.push(2);
		const p1 = k ? namePatch(nameByRule(k, 1), name) : null;
		const p2 = k ? namePatch(nameByRule(k, 2), name) : null;
		if (p1 !== null && (p2 === null || p1.length <= p2.length)) {
			patches.push(p1);
			return rule.push(3);
		}
		if (p2 !== null) {
			patches.push(p2);
			return rule.push(4);
		}
		ownNames.push(name);
		rule.push(0);
	});
	const countries = [...new Set(data.country)].sort();
	const admin = data.admin ?? new Array<string>(n).fill('');
	const admins = [...new Set(admin)].sort();
	const countryOf = new Map(countries.map((c, i) => [c, i]));
	const adminOf = new Map(admins.map((c, i) => [c, i]));
	if (countries.length > 256 || admins.length > 256) throw new Error('gazetteer.bin: more than 256 countries or administrative codes');
	// Coordinates above their country's least: smaller numbers, so their upper byte planes gzip better.
	const countryLat = countries.map(() => Infinity);
	const countryLon = countries.map(() => Infinity);
	for (let i = 0; i < n; i++) {
		const c = countryOf.get(data.country[i]!)!;
		countryLat[c] = Math.min(countryLat[c]!, data.lat[i]!);
		countryLon[c] = Math.min(countryLon[c]!, data.lon[i]!);
	}
	const sections: [string, SectionType, Uint8Array, number, number?, number?][] = [
		['unitsLow', 'u8', Uint8Array.from(units, (u) => u & 0xff), units.length],
		['unitsHigh', 'u8', Uint8Array.from(units, (u) => u >> 8), units.length],
		['keyLcp', 'u8', Uint8Array.from(keyLcp), keys.length],
		['primCount', 'u8', counts(primCount, 'places'), keys.length],
		[
			'altCount',
			'u8',
			counts(
				altLists.map((l) => l.length),
				'alternate places'
			),
			keys.length
		],
		['altPlace', 'varint', varints(altDeltas), altDeltas.length],
		[
			'lat',
			'planar',
			planes(
				data.lat.map((v, i) => v - countryLat[countryOf.get(data.country[i]!)!]!),
				3,
				0
			),
			n,
			3,
			0
		],
		[
			'lon',
			'planar',
			planes(
				data.lon.map((v, i) => v - countryLon[countryOf.get(data.country[i]!)!]!),
				3,
				0
			),
			n,
			3,
			0
		],
		['pop', 'planar', planes(data.pop, 4, 0), n, 4, 0],
		['country', 'u8', Uint8Array.from(data.country, (c) => countryOf.get(c)!), n],
		['admin', 'u8', Uint8Array.from(admin, (c) => adminOf.get(c)!), n],
		['nameRule', 'u8', Uint8Array.from(rule), n],
		['names', 'u8', new TextEncoder().encode(ownNames.join('\n')), ownNames.length],
		['namePatches', 'u8', new TextEncoder().encode(patches.map((p) => p + '\n').join('')), patches.length]
	];
	let offset = 0;
	const infos: SectionInfo[] = sections.map(([name, type, bytes, count, width, bias]) => {
		const info: SectionInfo = { name, type, offset, bytes: bytes.length, count, ...(width ? { width, bias } : {}) };
		offset += Math.ceil(bytes.length / 8) * 8;
		return info;
	});
	const header: BinaryHeader = {
		version: BINARY_VERSION,
		attribution: data.attribution,
		places: n,
		keys: keys.length,
		unkeyed: primary.filter((k) => !k).length,
		countries,
		admins,
		countryLat,
		countryLon,
		curated: Object.entries(data.aliases).map(([k, i]) => [keyIndex.get(k)!, i]),
		countryNames: data.countryNames,
		countryLabels: data.countryLabels,
		sections: infos
	};
	const headerBytes = new TextEncoder().encode(JSON.stringify(header));
	const start = Math.ceil((12 + headerBytes.length) / 8) * 8;
	const out = new Uint8Array(start + offset);
	const view = new DataView(out.buffer);
	view.setUint32(0, MAGIC, true);
	view.setUint32(4, BINARY_VERSION, true);
	view.setUint32(8, headerBytes.length, true);
	out.set(headerBytes, 12);
	sections.forEach(([, , bytes], i) => out.set(bytes, start + infos[i]!.offset));
	return out;
}

function prefixSum(countsIn: Uint8Array, first = 0): Uint32Array {
	const out = new Uint32Array(countsIn.length + 1);
	out[0] = first;
	for (let i = 0; i < countsIn.length; i++) out[i + 1] = out[i]! + countsIn[i]!;
	return out;
}

function unplane(bytes: Uint8Array, count: number, width: number, bias: number, out: Int32Array | Uint32Array): void {
	const b1 = count;
	const b2 = 2 * count;
	const b3 = 3 * count;
	if (width === 3) for (let i = 0; i < count; i++) out[i] = (bytes[i]! | (bytes[b1 + i]! << 8) | (bytes[b2 + i]! << 16)) - bias;
	else if (width === 4)
		for (let i = 0; i < count; i++)
			out[i] = ((bytes[i]! | (bytes[b1 + i]! << 8) | (bytes[b2 + i]! << 16)) >>> 0) + bytes[b3 + i]! * 0x1000000 - bias;
	else throw new Error(`gazetteer.bin: no ${width}-byte columns`);
}

/** Views and linear decodes over gazetteer.bin; throws on a file of another format or version. */
export function decodeGazetteer(buffer: ArrayBuffer | Uint8Array): GazetteerColumns {
	const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	if (bytes.byteLength < 12 || view.getUint32(0, true) !== MAGIC) throw new Error('gazetteer.bin: not a gazetteer file');
	const version = view.getUint32(4, true);
	if (version !== BINARY_VERSION) throw new Error(`gazetteer.bin: format ${version}, this geocoder reads ${BINARY_VERSION}`);
	const headerLength = view.getUint32(8, true);
	const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headerLength))) as BinaryHeader;
	const start = Math.ceil((12 + headerLength) / 8) * 8;
	const section = (name: string) => {
		const s = header.sections.find((x) => x.name === name);
		if (!s) throw new Error(`gazetteer.bin: no section ${name}`);
		return { info: s, bytes: bytes.subarray(start + s.offset, start + s.offset + s.bytes) };
	};
	const planar = <T extends Int32Array | Uint32Array>(name: string, out: (n: number) => T): T => {
		const { info, bytes: b } = section(name);
		const arr = out(info.count);
		unplane(b, info.count, info.width!, info.bias!, arr);
		return arr;
	};
	const low = section('unitsLow').bytes;
	const high = section('unitsHigh').bytes;
	const keyLcp = section('keyLcp').bytes;
	const K = header.keys;
	const keyStart = new Uint32Array(K + 1);
	let total = 0;
	for (let k = 0; k < K; k++) total += keyLcp[k]!;
	// The stored units less one line break per key, plus the shared prefixes: the keys' total length.
	const units = new Uint16Array(total + low.length - K);
	for (let k = 0, j = 0, s = 0; k < K; k++) {
		const lcp = keyLcp[k]!;
		for (let i = 0, from = k ? keyStart[k - 1]! : 0; i < lcp; i++) units[s + i] = units[from + i]!;
		s += lcp;
		for (let c = low[j]!; c !== 10 || high[j] !== 0; c = low[++j]!) units[s++] = c | (high[j]! << 8);
		j++;
		keyStart[k + 1] = s;
	}
	const primStart = prefixSum(section('primCount').bytes, header.unkeyed);
	const placeKey = new Int32Array(header.places).fill(-1, 0, header.unkeyed);
	for (let k = 0; k < K; k++) for (let i = primStart[k]!, end = primStart[k + 1]!; i < end; i++) placeKey[i] = k;
	const altStart = prefixSum(section('altCount').bytes);
	const altPlace = new Uint32Array(altStart[K]!);
	{
		// Unsigned LEB128; nearly all gaps fit one byte, the first of a key mostly two.
		const v = section('altPlace').bytes;
		let at = 0;
		for (let k = 0; k < K; k++) {
			const end = altStart[k + 1]!;
			let last = -1;
			for (let j = altStart[k]!; j < end; j++) {
				let x = v[at++]!;
				if (x >= 0x80) {
					// The encoder writes values below 2^31: shifts stay within 32 bits.
					x &= 0x7f;
					for (let shift = 7; ; shift += 7) {
						const b = v[at++]!;
						x |= (b & 0x7f) << shift;
						if (b < 0x80) break;
					}
				}
				last = altPlace[j] = last < 0 ? primStart[k]! + unzigzag(x) : last + 1 + x;
			}
		}
	}
	const lat = planar('lat', (n) => new Int32Array(n));
	const lon = planar('lon', (n) => new Int32Array(n));
	const country = section('country').bytes;
	const { countryLat, countryLon } = header;
	for (let i = 0; i < header.places; i++) {
		const c = country[i]!;
		lat[i]! += countryLat[c]!;
		lon[i]! += countryLon[c]!;
	}
	const key = (k: number): string => keyString(units, keyStart[k]!, keyStart[k + 1]!);
	return {
		header,
		units,
		keyStart,
		keyLcp,
		primStart,
		placeKey,
		altStart,
		altPlace,
		lat,
		lon,
		pop: planar('pop', (n) => new Int32Array(n)),
		country,
		admin: section('admin').bytes,
		key,
		name: placeNames(header.places, section('nameRule').bytes, section('names').bytes, section('namePatches').bytes, placeKey, key)
	};
}

/** The text of units[start .. end): one call, no intermediate strings. */
function keyString(units: Uint16Array, start: number, end: number): string {
	return String.fromCharCode.apply(null, units.subarray(start, end) as unknown as number[]);
}

/**
 * Display names on demand. Made eagerly they were most of the load (100,000 strings built a unit at a
 * time); here the load finds where each patched name's patch starts (one pass over the rule bytes)
 * and a name is made from its key, rule and patch the first time it is asked for.
 */
function placeNames(
	places: number,
	rule: Uint8Array,
	ownBytes: Uint8Array,
	patchBytes: Uint8Array,
	placeKey: Int32Array,
	key: (k: number) => string
): (place: number) => string {
	const own = places ? new TextDecoder().decode(ownBytes).split('\n') : [];
	const patches = new TextDecoder().decode(patchBytes);
	// Per place: its own name's index (rule 0) or where its patch starts in `patches` (rules 3, 4).
	const ref = new Uint32Array(places);
	for (let i = 0, o = 0, p = 0; i < places; i++) {
		const r = rule[i]!;
		if (r === 0) ref[i] = o++;
		else if (r > 2) {
			ref[i] = p;
			p = patches.indexOf('\n', p) + 1;
		}
	}
	const made = new Array<string | undefined>(places);
	return (i: number): string => {
		const known = made[i];
		if (known !== undefined) return known;
		const r = rule[i]!;
		let name: string;
		if (r === 0) name = own[ref[i]!]!;
		else {
			// Names a rule gives back are made from the place's primary key (places are sorted by it).
			const base = nameByRule(key(placeKey[i]!), r > 2 ? r - 2 : r);
			name = r > 2 ? applyPatch(base, patches, ref[i]!) : base;
		}
		made[i] = name;
		return name;
	};
}
