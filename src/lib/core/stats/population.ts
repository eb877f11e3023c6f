/**
 * Where a town's number of residents comes from. The rest of the app asks one question, through one
 * function: "how many people live in this town?" (PopulationOf), and gets a figure with its source and
 * date, or null. Today the answer is fed from a table the build writes for the demo's towns and from
 * the gazetteer's places for imported lists; a member record that carries its gazetteer place can
 * later answer it directly.
 */
import { haversineKm } from './geo';
import { runAtOnce, type Sliced } from '../slicing/slices';

export interface PopulationFigure {
	population: number;
	/** Where the figure comes from, e.g. "GeoNames cities1000". */
	source: string;
	/** The date the source gives for the figure or its record (ISO, a year or a full date). */
	asOf: string;
	/** A place this one lies inside (a Brussels commune inside Brussels): metro sums count it once. */
	partOf?: string;
}

export interface TownRef {
	name: string;
	/** ISO alpha-2 or ''. */
	country: string;
	lon: number;
	lat: number;
}

/** The seam: a town -> its population, or null when no source has one. */
export type PopulationOf = (town: TownRef) => PopulationFigure | null;

/** How names are compared: case, accents and spacing do not matter. */
export function placeKey(country: string, name: string): string {
	return `${country.toUpperCase()}|${name
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim()}`;
}

export interface PopulatedPlace {
	name: string;
	country: string;
	lon: number;
	lat: number;
	population: number;
	source: string;
	asOf: string;
	partOf?: string;
	/** Other names of the place (already in any spelling; placeKey folds them). */
	alt?: string[];
}

/** Same-name places farther than this from the member's point are another place of that name. */
export const SAME_PLACE_KM = 25;

/**
 * A lookup over named places with a population: same country and name (or alternate name), the nearest
 * one within SAME_PLACE_KM of the town's point. Places without a population are never returned.
 */
export const populationFromPlaces = (places: readonly PopulatedPlace[]): PopulationOf => runAtOnce(populationFromPlacesSliced(places));

/**
 * populationFromPlaces as sliced work (core/slicing): the gazetteer's hundred thousand places and their
 * alternate names take most of a second to fold into keys, too long for one task of the page.
 */
export function* populationFromPlacesSliced(places: readonly PopulatedPlace[]): Sliced<PopulationOf> {
	const byKey = new Map<string, PopulatedPlace[]>();
	const add = (key: string, p: PopulatedPlace) => {
		const list = byKey.get(key);
		if (list) {
			if (!list.includes(p)) list.push(p);
		} else byKey.set(key, [p]);
	};
	for (let i = 0; i < places.length; i++) {
		// Each place folds several names (placeKey's normalisation): yield more often than a plain loop.
		if ((i & 255) === 255) yield;
		const p = places[i]!;
		if (!(p.population > 0)) continue;
		add(placeKey(p.country, p.name), p);
		for (const a of p.alt ?? []) add(placeKey(p.country, a), p);
	}
	return (town) => {
		const candidates = byKey.get(placeKey(town.country, town.name));
		if (!candidates) return null;
		let best: PopulatedPlace | null = null;
		let bestKm = Infinity;
		for (const p of candidates) {
			const d = Number.isFinite(town.lon) && Number.isFinite(town.lat) ? haversineKm(town.lon, town.lat, p.lon, p.lat) : 0;
			if (d <= SAME_PLACE_KM && (d < bestKm || (d === bestKm && p.population > (best?.population ?? 0)))) [best, bestKm] = [p, d];
		}
		if (!best) return null;
		return { population: best.population, source: best.source, asOf: best.asOf, ...(best.partOf ? { partOf: best.partOf } : {}) };
	};
}

/** The first lookup that knows the town answers (a curated table before the gazetteer, for example). */
export function firstOf(...lookups: PopulationOf[]): PopulationOf {
	return (town) => {
		for (const lookup of lookups) {
			const figure = lookup(town);
			if (figure) return figure;
		}
		return null;
	};
}

export const noPopulation: PopulationOf = () => null;
