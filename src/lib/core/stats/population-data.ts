/**
 * static/generated/data/populations.json, written by geodata/scripts/build-populations.ts: the residents
 * the rates, the size classes and the scan's baseline use. Loaded on demand (never in the first view).
 */
import type { PopulationFigure, PopulatedPlace } from './population';
import type { CountryClasses } from './size-classes';

export interface PopulationData {
	version: 1;
	attribution: string;
	/** The GeoNames extract the figures come from, with its date, for the UI. */
	source: string;
	/** Demo towns: placeKey(country, name) -> figure (built from the demo CSV's coordinates). */
	towns: Record<string, PopulationFigure & { classPopulation?: number }>;
	/** Curated figures for places the GeoNames extract has none for (geodata/populations.csv). */
	supplement: PopulatedPlace[];
	/** Residents of places of 1,000 or more by size class, and number of places, per country. */
	countries: Record<string, CountryClasses>;
}

/** static/generated/data/population-cells.json: the scan statistic's baseline (fetched only for the clusters). */
export interface PopulationCells {
	version: 1;
	attribution: string;
	/**
	 * The scan's baseline: residents of every GeoNames place summed into cells of CELL_DEGREES, per
	 * country, flat [lat x 100, lon x 100, residents, ...] with the point the residents' weighted centre.
	 */
	cellDegrees: number;
	cells: Record<string, number[]>;
}
