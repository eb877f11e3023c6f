/**
 * The scan's locations from the population baseline (core/stats/population-data: GeoNames residents summed
 * into small cells per country) and the visible members' towns. Every cell of the countries the members
 * come from is a location, with or without members: the expected counts are spread over all of their
 * residents, not only over the towns that happen to have members. A town goes into the cell that holds
 * its point (or the nearest cell next to it); a town with no cell near it keeps its members out of the test.
 */
import type { ScanLocation } from './scan';

export interface TownCount {
	name: string;
	country: string;
	lon: number;
	lat: number;
	count: number;
}

export interface ScanInput {
	locations: ScanLocation[];
	/** names[i]: the member towns inside location i, most members first. */
	names: string[][];
	countries: string[];
}

export function scanInput(towns: readonly TownCount[], cells: Readonly<Record<string, number[]>>, cellDegrees: number): ScanInput {
	const countries = [...new Set(towns.filter((t) => t.count > 0 && t.country).map((t) => t.country))].sort();
	const locations: ScanLocation[] = [];
	const names: string[][] = [];
	const byCell = new Map<string, number>();
	const key = (country: string, lat: number, lon: number) =>
		`${country}|${Math.floor(lat / cellDegrees + 1e-9)}|${Math.floor(lon / cellDegrees + 1e-9)}`;
	for (const country of countries) {
		const flat = cells[country] ?? [];
		for (let k = 0; k < flat.length; k += 3) {
			const lat = flat[k]! / 100;
			const lon = flat[k + 1]! / 100;
			byCell.set(key(country, lat, lon), locations.length);
			locations.push({ lat, lon, population: flat[k + 2]!, count: 0 });
			names.push([]);
		}
	}
	const order = [...towns].filter((t) => t.count > 0).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
	for (const t of order) {
		let at = byCell.get(key(t.country, t.lat, t.lon));
		if (at === undefined) {
			// The weighted centre of a cell can sit across the cell's edge from a town: look next door.
			let bestKm = Infinity;
			for (const dLat of [-1, 0, 1])
				for (const dLon of [-1, 0, 1]) {
					const i = byCell.get(key(t.country, t.lat + dLat * cellDegrees, t.lon + dLon * cellDegrees));
					if (i === undefined) continue;
					const d = Math.hypot(locations[i]!.lat - t.lat, (locations[i]!.lon - t.lon) * Math.cos((t.lat * Math.PI) / 180));
					if (d < bestKm) [at, bestKm] = [i, d];
				}
		}
		if (at === undefined) {
			at = locations.length;
			locations.push({ lat: t.lat, lon: t.lon, population: 0, count: 0 });
			names.push([]);
		}
		locations[at]!.count += t.count;
		names[at]!.push(t.name);
	}
	return { locations, names, countries };
}
