/**
 * Grouping points that have coordinates but no place name (an incident table exported without its
 * place column, a plain lat/lon list) into places an analyst can read, for the hotspot table, tooltips,
 * labels and exports. The points themselves are never moved: only their town (placeId, place) is set.
 *
 *  - within a place's own radius (reverse.ts placeRadiusKm): that place, its identity and name, the
 *    nearest of several whose radius holds the point (a numbered district counts as its city);
 *  - beyond every radius, up to MAX_NEAR_KM: "near X", one group per nearest place X;
 *  - beyond MAX_NEAR_KM of every place (at sea, off the gazetteer): the 0.25-degree cell the point
 *    lies in (core/data/member.ts pointCell), named by its coordinates.
 *
 * The search is a grid of places sorted by cell (one typed array each), so a lookup is a few integer
 * reads and distances to the places of the nearby cells, with no allocation: a million points in
 * seconds, where ReverseIndex.resolve (a sorted list of every place within 30 km) takes about
 * 130-200 microseconds a point. docs/ARCHITECTURE.md, "Points without a place name".
 */
import { isPlaced, pointCell, type MemberRecord } from '../data/member';
import { distanceKm } from './gazetteer';
import type { GazetteerColumns } from './gazetteer-binary';
import { COORD_SCALE } from './gazetteer-data';
import { MAX_NEAR_KM, placeRadiusKm } from './reverse';

/** What the grouping reads of a gazetteer: a Gazetteer has all of it; placeSourceOf makes it from gazetteer.bin's columns alone. */
export interface PlaceSource {
	readonly size: number;
	readonly lat: ArrayLike<number>;
	readonly lon: ArrayLike<number>;
	readonly population: ArrayLike<number>;
	readonly country: readonly string[];
	placeName(place: number): string;
	placeId(place: number): string;
}

/**
 * The grouping's view of gazetteer.bin decoded without building the geocoder's search index (most of a
 * Gazetteer's construction): the same coordinates, names and identities (Gazetteer.placeId).
 */
export function placeSourceOf(cols: GazetteerColumns): PlaceSource {
	const n = cols.header.places;
	const lat = new Float64Array(n);
	const lon = new Float64Array(n);
	const country = new Array<string>(n);
	for (let i = 0; i < n; i++) {
		lat[i] = cols.lat[i]! / COORD_SCALE;
		lon[i] = cols.lon[i]! / COORD_SCALE;
		country[i] = cols.header.countries[cols.country[i]!]!;
	}
	const { placeKey } = cols;
	const ids = new Array<string | undefined>(n);
	return {
		size: n,
		lat,
		lon,
		population: cols.pop,
		country,
		placeName: cols.name,
		placeId(i: number): string {
			const k = placeKey[i]!;
			return (ids[i] ??= `${country[i]}/${k >= 0 ? cols.key(k) : ''}@${lat[i]!.toFixed(3)},${lon[i]!.toFixed(3)}`);
		}
	};
}

/** How a point was grouped. */
export type GroupKind = 'within' | 'near' | 'cell';

/** What a point without a place name is counted under. */
export interface PlaceGroup {
	kind: GroupKind;
	/** The town key: the place's identity; "~" + the nearest place's identity; the cell's key. */
	placeId: string;
	/** What tables and tooltips call it: "Schaerbeek", "near Lunel", "around 36.13° N, 14.88° E". */
	place: string;
	/** The place's population for "within", else 0 (a "near" group is not the place's residents). */
	population: number;
	/** The place's country; '' for a cell. */
	country: string;
}

const CELL_DEG = 0.25;
const ROWS = 180 / CELL_DEG;
const COLS = 360 / CELL_DEG;
/** Kilometres per degree of latitude on the sphere distanceKm uses: no two points are nearer than this times their latitude difference. */
const KM_PER_DEG = (6371 * Math.PI) / 180;
/** Half the diagonal of a coarse cell, at most (at the equator): no point of a cell is farther from its centre. */
const HALF_DIAGONAL_KM = 19.7;
const DISTRICT = /^(.+?)\s+\d{1,2}(\s|$)/;

/** Fine cells for the "within" test: about 5.5 x 3.5 km in Europe, so a cell holds few places' radii. */
const FINE_DEG = 0.05;
const FINE_ROWS = 180 / FINE_DEG;
const FINE_COLS = 360 / FINE_DEG;
const fineRowOf = (lat: number) => Math.min(FINE_ROWS - 1, Math.max(0, Math.floor((lat + 90) / FINE_DEG)));
const rowOf = (lat: number) => Math.min(ROWS - 1, Math.max(0, Math.floor((lat + 90) / CELL_DEG)));
const colOf = (lon: number) => ((Math.floor((lon + 180) / CELL_DEG) % COLS) + COLS) % COLS;

/** Code of locate(): a place index for "within", NEAR_OFFSET + index for "near", NO_PLACE beyond reach. */
export const NO_PLACE = -1;

export class PlaceGrouper {
	/** Places of coarse cell c: order[start[c] .. start[c + 1]), with their coordinates in the same order (the nearest-place search). */
	private readonly start: Uint32Array;
	private readonly order: Uint32Array;
	private readonly plat: Float64Array;
	private readonly plon: Float64Array;
	/** cos(latitude) of each place, in the same order. */
	private readonly pcos: Float64Array;
	/**
	 * Fine cells (FINE_DEG) and the places whose own radius reaches into each: fine cell -> slot, and the
	 * slot's places fineOrder[fineStart[slot] .. fineStart[slot + 1]) with their coordinates and radii. The
	 * "within" test reads one cell's few places instead of every place within 15 km.
	 */
	private readonly fineSlot = new Map<number, number>();
	private readonly fineStart: Uint32Array;
	private readonly fineOrder: Uint32Array;
	private readonly flat: Float64Array;
	private readonly flon: Float64Array;
	private readonly fradius: Float64Array;
	/** For a numbered district's name ("Paris 04 Hotel-de-Ville"): the places its city's name and country name, made on first need. */
	private cities: Map<string, number[]> | null = null;
	private readonly groups = new Map<number, PlaceGroup>();
	/** Coarse cell -> km from its centre to the nearest place (Infinity: none within MAX_NEAR_KM + HALF_DIAGONAL_KM), on first need. */
	private readonly centreKm = new Map<number, number>();
	readonly nearOffset: number;

	constructor(readonly source: PlaceSource) {
		const n = source.size;
		this.nearOffset = n;
		const cellOf = new Uint32Array(n);
		const start = new Uint32Array(ROWS * COLS + 1);
		for (let i = 0; i < n; i++) {
			const c = rowOf(source.lat[i]!) * COLS + colOf(source.lon[i]!);
			cellOf[i] = c;
			start[c + 1]!++;
		}
		for (let c = 0; c < ROWS * COLS; c++) start[c + 1]! += start[c]!;
		const fill = start.slice(0, ROWS * COLS);
		this.order = new Uint32Array(n);
		this.plat = new Float64Array(n);
		this.plon = new Float64Array(n);
		this.pcos = new Float64Array(n);
		for (let i = 0; i < n; i++) {
			const at = fill[cellOf[i]!]!++;
			this.order[at] = i;
			this.plat[at] = source.lat[i]!;
			this.plon[at] = source.lon[i]!;
			this.pcos[at] = Math.cos((source.lat[i]! * Math.PI) / 180);
		}
		this.start = start;

		// Each place in every fine cell its radius can reach: a box of its radius in latitude, and in
		// longitude at the box's highest latitude, 10% wider (a bound of the great-circle distance).
		const counts: number[] = [];
		const eachCell = (i: number, visit: (key: number) => void) => {
			const lat = source.lat[i]!;
			const lon = source.lon[i]!;
			const r = placeRadiusKm(source.population[i]!) * 1.1;
			const dLat = r / KM_PER_DEG;
			const cos = Math.max(0.01, Math.cos((Math.min(89, Math.abs(lat) + dLat) * Math.PI) / 180));
			const dLon = Math.min(180, dLat / cos);
			const r0 = fineRowOf(lat - dLat);
			const r1 = fineRowOf(lat + dLat);
			const c0 = Math.floor((lon - dLon + 180) / FINE_DEG);
			const c1 = Math.floor((lon + dLon + 180) / FINE_DEG);
			for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) visit(r * FINE_COLS + (((c % FINE_COLS) + FINE_COLS) % FINE_COLS));
		};
		for (let i = 0; i < n; i++)
			eachCell(i, (key) => {
				const slot = this.fineSlot.get(key);
				if (slot === undefined) {
					this.fineSlot.set(key, counts.length);
					counts.push(1);
				} else counts[slot]!++;
			});
		const fineStart = new Uint32Array(counts.length + 1);
		for (let s = 0; s < counts.length; s++) fineStart[s + 1] = fineStart[s]! + counts[s]!;
		const next = fineStart.slice(0, counts.length);
		const total = fineStart[counts.length]!;
		this.fineOrder = new Uint32Array(total);
		this.flat = new Float64Array(total);
		this.flon = new Float64Array(total);
		this.fradius = new Float64Array(total);
		for (let i = 0; i < n; i++) {
			const radius = placeRadiusKm(source.population[i]!);
			eachCell(i, (key) => {
				const at = next[this.fineSlot.get(key)!]!++;
				this.fineOrder[at] = i;
				this.flat[at] = source.lat[i]!;
				this.flon[at] = source.lon[i]!;
				this.fradius[at] = radius;
			});
		}
		this.fineStart = fineStart;
	}

	/**
	 * The code of the group a point falls in: the index of the nearest place whose own radius holds it
	 * (a numbered district's city when the city's radius holds it too); else nearOffset + the nearest
	 * place within MAX_NEAR_KM; else NO_PLACE.
	 */
	locate(lat: number, lon: number): number {
		if (!Number.isFinite(lat) || !Number.isFinite(lon)) return NO_PLACE;
		const within = this.within(lat, lon);
		if (within >= 0) return within;
		// The distance from the coarse cell's centre to its nearest place bounds every point of the cell's:
		// far from everything (at sea), no search; else the search starts with that bound.
		const cell = rowOf(lat) * COLS + colOf(lon);
		let centre = this.centreKm.get(cell);
		if (centre === undefined) {
			const cLat = (Math.floor((lat + 90) / CELL_DEG) + 0.5) * CELL_DEG - 90;
			const cLon = (Math.floor((lon + 180) / CELL_DEG) + 0.5) * CELL_DEG - 180;
			const i = this.nearest(cLat, cLon, MAX_NEAR_KM + HALF_DIAGONAL_KM);
			centre = i < 0 ? Infinity : distanceKm(cLat, cLon, this.source.lat[i]!, this.source.lon[i]!);
			this.centreKm.set(cell, centre);
		}
		if (centre - HALF_DIAGONAL_KM > MAX_NEAR_KM) return NO_PLACE;
		const near = this.nearest(lat, lon, Math.min(MAX_NEAR_KM, centre + HALF_DIAGONAL_KM + 1e-6));
		return near >= 0 ? this.nearOffset + near : NO_PLACE;
	}

	/** The group of a point (one object per place or cell, shared by every point in it); null without coordinates. */
	group(lat: number, lon: number): PlaceGroup | null {
		const code = this.locate(lat, lon);
		if (code !== NO_PLACE) return this.groupOf(code);
		if (!Number.isFinite(lat) || !Number.isFinite(lon)) return null;
		const key = -1 - (rowOf(lat) * COLS + colOf(lon));
		let g = this.groups.get(key);
		if (!g) {
			const cell = pointCell(lat, lon);
			this.groups.set(key, (g = { kind: 'cell', placeId: cell.key, place: cell.name, population: 0, country: '' }));
		}
		return g;
	}

	/** The group of a code from locate() (not NO_PLACE). */
	groupOf(code: number): PlaceGroup {
		let g = this.groups.get(code);
		if (g) return g;
		const s = this.source;
		const near = code >= this.nearOffset;
		const i = near ? code - this.nearOffset : code;
		const id = s.placeId(i);
		g = near
			? { kind: 'near', placeId: `~${id}`, place: `near ${s.placeName(i)}`, population: 0, country: s.country[i]! }
			: { kind: 'within', placeId: id, place: s.placeName(i), population: s.population[i]! || 0, country: s.country[i]! };
		this.groups.set(code, g);
		return g;
	}

	/** The nearest place whose own radius holds the point (a place index), -1 when none. */
	private within(lat: number, lon: number): number {
		const slot = this.fineSlot.get(
			fineRowOf(lat) * FINE_COLS + (((Math.floor((lon + 180) / FINE_DEG) % FINE_COLS) + FINE_COLS) % FINE_COLS)
		);
		if (slot === undefined) return -1;
		let best = -1;
		let bestKm = Infinity;
		for (let j = this.fineStart[slot]!, end = this.fineStart[slot + 1]!; j < end; j++) {
			const rad = this.fradius[j]!;
			if (Math.abs(this.flat[j]! - lat) * KM_PER_DEG > rad) continue;
			const km = distanceKm(lat, lon, this.flat[j]!, this.flon[j]!);
			if (km <= rad && km < bestKm) {
				bestKm = km;
				best = this.fineOrder[j]!;
			}
		}
		return best >= 0 ? this.cityOf(best, lat, lon) : -1;
	}

	/**
	 * A numbered district ("Paris 04 Hotel-de-Ville", "Lyon 01") is its city when the city's own radius
	 * holds the point, as in ReverseIndex.resolve: the city is the place analysts mean and count.
	 */
	private cityOf(place: number, lat: number, lon: number): number {
		const s = this.source;
		const district = DISTRICT.exec(s.placeName(place));
		if (!district) return place;
		if (!this.cities) {
			this.cities = new Map();
			for (let i = 0; i < s.size; i++) {
				const key = `${s.country[i]}|${s.placeName(i)}`;
				const list = this.cities.get(key);
				if (list) list.push(i);
				else this.cities.set(key, [i]);
			}
		}
		let best = place;
		let bestKm = Infinity;
		for (const i of this.cities.get(`${s.country[place]}|${district[1]}`) ?? []) {
			const km = distanceKm(lat, lon, s.lat[i]!, s.lon[i]!);
			if (km <= placeRadiusKm(s.population[i]!) && km < bestKm) {
				bestKm = km;
				best = i;
			}
		}
		return best;
	}

	/**
	 * The nearest place within maxKm (a place index), -1 when none: rings of coarse cells outwards until no
	 * unsearched cell can be nearer. A flat-earth distance (within a few per mille of the great-circle one
	 * at these distances) skips the places that cannot beat the best found; the rest are compared by distanceKm.
	 */
	private nearest(lat: number, lon: number, maxKm: number): number {
		const r0 = rowOf(lat);
		const c0 = colOf(lon);
		const cosHere = Math.cos((lat * Math.PI) / 180);
		const cos = Math.cos((Math.min(89, Math.abs(lat) + maxKm / KM_PER_DEG) * Math.PI) / 180);
		// The narrowest a cell can be within reach: east-west cells shrink towards the poles.
		const cellKm = KM_PER_DEG * CELL_DEG * Math.max(0.01, cos);
		const maxRing = Math.min(COLS / 2, Math.ceil(maxKm / cellKm) + 1);
		let best = -1;
		let bestKm = maxKm;
		for (let ring = 0; ring <= maxRing; ring++) {
			// Every cell of this ring is at least (ring - 1) cells from the point.
			if (Math.max(0, ring - 1) * cellKm > bestKm) break;
			for (let dr = -ring; dr <= ring; dr++) {
				const r = r0 + dr;
				if (r < 0 || r >= ROWS) continue;
				const edge = dr === -ring || dr === ring;
				for (let d = -ring; d <= ring; d += edge ? 1 : 2 * ring || 1) {
					const c = r * COLS + ((((c0 + d) % COLS) + COLS) % COLS);
					for (let j = this.start[c]!, end = this.start[c + 1]!; j < end; j++) {
						const dy = (this.plat[j]! - lat) * KM_PER_DEG;
						if (Math.abs(dy) > bestKm) continue;
						let dx = Math.abs(this.plon[j]! - lon);
						if (dx > 180) dx = 360 - dx;
						dx *= KM_PER_DEG * Math.min(cosHere, this.pcos[j]!);
						// Skips only what is clearly farther: the flat distance with the smaller of the two cosines is not above the true one by more than a few per mille.
						if (dx * dx + dy * dy > bestKm * bestKm * 1.0201) continue;
						const km = distanceKm(lat, lon, this.plat[j]!, this.plon[j]!);
						if (km < bestKm || (km === bestKm && best < 0)) {
							bestKm = km;
							best = this.order[j]!;
						}
					}
				}
			}
		}
		return best;
	}
}

/** Whether a record is a point without a place name: coordinates, and neither a place identity nor a town text. */
export const isUnnamedPoint = (m: MemberRecord): boolean => isPlaced(m) && !m.placeId && !m.hometown.trim();

/**
 * Gives every point without a place name its group (placeId, place, population, and its country when
 * it had none), in place: the records are the importer's own, not yet shared. Returns how many changed.
 */
export function nameUnnamedPoints(grouper: PlaceGrouper, records: MemberRecord[], from = 0, to = records.length): number {
	let named = 0;
	for (let i = from; i < to; i++) {
		const m = records[i]!;
		if (!isUnnamedPoint(m)) continue;
		const g = grouper.group(m.lat, m.lon);
		if (!g) continue;
		m.placeId = g.placeId;
		m.place = g.place;
		m.population = g.population;
		if (!m.country) m.country = g.country;
		named++;
	}
	return named;
}
