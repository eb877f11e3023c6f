/**
 * Reverse geocoding offline: coordinates -> the nearest gazetteer place. A point inside a place's own
 * radius (grown with its population) is named after it; a point outside every radius is "near X".
 * Also gives each place a stable identity (`placeIdOf`), so the hotspot table, labels and exports
 * group members by the place they resolve to, not by how the row spelled it.
 *
 * The index is a grid of 0.25-degree cells; a lookup searches rings of cells outwards until no
 * unsearched cell can hold anything nearer than the best found.
 */
import { distanceKm, type Gazetteer } from './gazetteer';

const CELL_DEG = 0.25;
/** Nothing further than this is a "nearest place": an answer from 500 km away names nothing. */
export const MAX_NEAR_KM = 150;

/**
 * A place's own radius in km: about the radius of its built-up area, from its population (area grows
 * with people, radius with their square root). Paris (2.1M) 6.9 km, Molenbeek (96k) 2 km, a village 2 km.
 */
export function placeRadiusKm(population: number): number {
	return Math.max(2, Math.min(15, 0.15 * Math.sqrt(Math.max(0, population) / 1000)));
}

/**
 * A place's identity, stable across gazetteer builds as long as the place keeps its name and point:
 * country, normalised name and the point to 3 decimals (about 100 m).
 */
export function placeIdOf(gaz: Gazetteer, index: number): string {
	return gaz.placeId(index);
}

export interface ReversePlace {
	index: number;
	placeId: string;
	/** The gazetteer's name of the place. */
	name: string;
	country: string;
	lat: number;
	lon: number;
	population: number;
	/** Distance from the point to the place. */
	km: number;
	/** True when the point lies within the place's own radius; false: "near <name>". */
	within: boolean;
	/** What to call the point: the name, or "near <name>" beyond the place's radius. */
	label: string;
}

const cellOf = (lat: number, lon: number): [number, number] => [Math.floor((lat + 90) / CELL_DEG), Math.floor((lon + 180) / CELL_DEG)];
const COLS = Math.ceil(360 / CELL_DEG);
const cellKey = (row: number, col: number) => row * COLS + (((col % COLS) + COLS) % COLS);

export class ReverseIndex {
	private cells = new Map<number, number[]>();

	constructor(readonly gaz: Gazetteer) {
		for (let i = 0; i < gaz.size; i++) {
			const [r, c] = cellOf(gaz.lat[i]!, gaz.lon[i]!);
			const k = cellKey(r, c);
			const list = this.cells.get(k);
			if (list) list.push(i);
			else this.cells.set(k, [i]);
		}
	}

	/**
	 * Places within maxKm of the point, each with its distance, nearest first; `keep` filters them
	 * (a country, say) before the search stops, so "the nearest place in France" searches on until found.
	 */
	around(lat: number, lon: number, maxKm: number, keep?: (index: number) => boolean, limit = Infinity): { index: number; km: number }[] {
		if (!Number.isFinite(lat) || !Number.isFinite(lon)) return [];
		const gaz = this.gaz;
		const [r0, c0] = cellOf(lat, lon);
		const found: { index: number; km: number }[] = [];
		// A cell is at least this far (km) north-south; east-west cells shrink with latitude, so the
		// ring bound uses the narrower width at the point's latitude (never below 1 km a degree).
		const kmPerCellNs = CELL_DEG * 111.2;
		const kmPerCellEw = CELL_DEG * 111.2 * Math.max(0.01, Math.cos(((Math.min(89, Math.abs(lat)) + CELL_DEG) * Math.PI) / 180));
		const maxRing = Math.ceil(maxKm / Math.min(kmPerCellNs, kmPerCellEw)) + 1;
		for (let ring = 0; ring <= Math.min(maxRing, COLS / 2); ring++) {
			// Everything in rings beyond this one is at least (ring - 1) cells away.
			const ringFloorKm = Math.max(0, ring - 1) * Math.min(kmPerCellNs, kmPerCellEw);
			if (ringFloorKm > maxKm) break;
			if (found.length >= limit && found[limit - 1]!.km < ringFloorKm) break;
			for (let dr = -ring; dr <= ring; dr++) {
				const row = r0 + dr;
				if (row < 0 || row >= 180 / CELL_DEG) continue;
				const edge = Math.abs(dr) === ring;
				for (let dc = -ring; dc <= ring; dc += edge ? 1 : 2 * ring || 1) {
					const list = this.cells.get(cellKey(row, c0 + dc));
					if (!list) continue;
					for (const i of list) {
						if (keep && !keep(i)) continue;
						const km = distanceKm(lat, lon, gaz.lat[i]!, gaz.lon[i]!);
						if (km <= maxKm) found.push({ index: i, km });
					}
				}
			}
			found.sort((a, b) => a.km - b.km);
		}
		return limit < found.length ? found.slice(0, limit) : found;
	}

	/** The nearest place (optionally within one country) up to maxKm away, or null. */
	nearest(lat: number, lon: number, maxKm = MAX_NEAR_KM, country?: string): { index: number; km: number } | null {
		const keep = country ? (i: number) => this.gaz.country[i] === country : undefined;
		return this.around(lat, lon, maxKm, keep, 1)[0] ?? null;
	}

	/**
	 * The place a point resolves to: of the places whose own radius holds it, the nearest; when none
	 * does, the nearest place, as "near <name>". Null when nothing lies within MAX_NEAR_KM (at sea,
	 * or outside the gazetteer's coverage).
	 */
	resolve(lat: number, lon: number): ReversePlace | null {
		const gaz = this.gaz;
		const near = this.around(lat, lon, Math.max(30, 0), undefined, 64);
		let best: { index: number; km: number } | null = null;
		for (const h of near) {
			if (h.km <= placeRadiusKm(gaz.population[h.index]!)) {
				best = h;
				break;
			}
		}
		const within = best !== null;
		if (!best) best = near[0] ?? this.nearest(lat, lon, MAX_NEAR_KM);
		if (!best) return null;
		// A numbered district ("Paris 04 Hotel-de-Ville", "Lyon 01") is its city, when the city's own
		// radius holds the point: the city is the place analysts mean and count.
		const district = /^(.+?)\s+\d{1,2}(\s|$)/.exec(gaz.placeName(best.index));
		if (district) {
			const city = near.find(
				(h) =>
					gaz.placeName(h.index) === district[1] &&
					gaz.country[h.index] === gaz.country[best!.index] &&
					h.km <= placeRadiusKm(gaz.population[h.index]!)
			);
			if (city) best = city;
		}
		const name = gaz.placeName(best.index);
		return {
			index: best.index,
			placeId: placeIdOf(gaz, best.index),
			name,
			country: gaz.country[best.index]!,
			lat: gaz.lat[best.index]!,
			lon: gaz.lon[best.index]!,
			population: gaz.population[best.index]!,
			km: best.km,
			within,
			label: within ? name : `near ${name}`
		};
	}
}

/** What resolvePlace sets on a record with coordinates. */
export interface ResolvedPlace {
	placeId: string;
	place: string;
	population: number;
	/** The country the point lies in (its resolved place's), for rows that gave none. */
	country: string;
}

/**
 * The gazetteer identity of a point: the place whose radius holds it; beyond every radius, a point of
 * its own named "near X" (or by the row's own text), so two rows 20 km apart near one town stay two
 * rows of the table. Null when no place lies within MAX_NEAR_KM.
 */
export function resolvePlace(index: ReverseIndex, lat: number, lon: number, hometown = ''): ResolvedPlace | null {
	const r = index.resolve(lat, lon);
	if (!r) return null;
	if (r.within) return { placeId: r.placeId, place: r.name, population: r.population, country: r.country };
	return {
		placeId: `~${r.country}@${lat.toFixed(2)},${lon.toFixed(2)}`,
		place: hometown.trim() || r.label,
		population: 0,
		country: r.country
	};
}

/**
 * Gives every record with coordinates and no gazetteer identity yet its resolved place (and its
 * country when it had none). Returns new records for the changed ones; the rest are passed through.
 * A record whose place name and point disagree keeps its point: the cross-checks report that.
 */
export function resolveRecordPlaces<
	T extends { lat: number; lon: number; hometown: string; country: string; placeId?: string; place?: string; population?: number }
>(index: ReverseIndex, records: readonly T[]): { records: T[]; named: number; countries: number } {
	let named = 0,
		countries = 0;
	const memo = new Map<string, ResolvedPlace | null>();
	const out = records.map((m) => {
		if (m.placeId || !Number.isFinite(m.lat) || !Number.isFinite(m.lon)) return m;
		const key = `${m.lat},${m.lon}`;
		let p = memo.get(key);
		if (p === undefined) memo.set(key, (p = resolvePlace(index, m.lat, m.lon)));
		if (!p) return m;
		named++;
		const country = m.country || p.country;
		if (!m.country && p.country) countries++;
		// "near X" names only points without a text of their own.
		const place = p.placeId.startsWith('~') ? m.hometown.trim() || p.place : p.place;
		return { ...m, placeId: p.placeId, place, population: p.population, country };
	});
	return { records: out, named, countries };
}
