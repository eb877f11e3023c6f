/**
 * A gazetteer of a few hand-picked places for table tests: each place as [name, country, lat, lon,
 * population, other names], stored as the build stores them (coordinates in 1e-4 degrees, other
 * names normalised and joined by '|').
 */
import { normalizeName, type GazetteerData } from '$lib/core/geocode';

export type SmallPlace = readonly [name: string, country: string, lat: number, lon: number, population: number, alt?: readonly string[]];

export function smallGazetteerData(
	places: readonly SmallPlace[],
	rest: Partial<Pick<GazetteerData, 'attribution' | 'aliases' | 'countryNames' | 'countryLabels'>> = {}
): GazetteerData {
	return {
		version: 1,
		attribution: rest.attribution ?? 'test',
		name: places.map((p) => p[0]),
		country: places.map((p) => p[1]),
		lat: places.map((p) => Math.round(p[2] * 1e4)),
		lon: places.map((p) => Math.round(p[3] * 1e4)),
		pop: places.map((p) => p[4]),
		alt: places.map((p) => (p[5] ?? []).map(normalizeName).join('|')),
		aliases: rest.aliases ?? {},
		countryNames: rest.countryNames ?? {},
		countryLabels: rest.countryLabels ?? {}
	};
}
