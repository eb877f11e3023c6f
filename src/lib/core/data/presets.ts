/**
 * Column-mapping presets per source: the big incident databases as they are downloaded (the Global
 * Terrorism Database's codebook columns, ACLED's export columns) are recognised by their header, and
 * a mapping the user made for a file is kept under that file's header signature, so the next file
 * from the same source (the next month's export) is read the same way without asking again.
 *
 * A preset is only a ColumnMapping: it enters the importer exactly where the user's choices do.
 */
import { foldHeader, type ColumnMapping, type Field } from './columns';

export interface SourcePreset {
	/** 'gtd', 'acled', or the signature of a saved mapping. */
	key: string;
	/** What the import report and the legend call the source. */
	name: string;
	origin: 'built-in' | 'saved';
	/** Folded header -> field; columns it does not name are matched by their names as usual. */
	mapping: Record<string, Field | 'ignore'>;
	/** What the weight column counts, for the legend ("people killed"); '' when it has none. */
	weightMeaning: string;
}

interface BuiltIn {
	key: string;
	name: string;
	/** Folded headers that must all be present. */
	requires: string[];
	mapping: Record<string, Field | 'ignore'>;
	weightMeaning: string;
}

/**
 * From the public codebooks: GTD Codebook (START, University of Maryland), "Incident date",
 * "Incident location" and "Casualties and consequences" sections; ACLED Codebook, "Event date",
 * "Location" and "Fatalities" sections.
 */
export const BUILT_IN_PRESETS: readonly BuiltIn[] = [
	{
		// What `npm run atlas -- aggregate` writes (src/cli/aggregate.ts): heat cells by month.
		key: 'atlas-aggregate',
		name: 'Hometown Atlas aggregate (heat cells by month)',
		requires: ['atlas cell', 'cell lat', 'cell lon', 'month', 'rows'],
		mapping: {
			id: 'id',
			'atlas cell': 'ignore',
			'cell lat': 'lat',
			'cell lon': 'lon',
			month: 'date',
			rows: 'weight',
			category: 'category'
		},
		weightMeaning: 'source rows per 5 km cell and month (an aggregate: only the months and its category column can be filtered)'
	},
	{
		key: 'gtd',
		name: 'Global Terrorism Database',
		requires: ['eventid', 'iyear', 'imonth', 'iday'],
		mapping: {
			eventid: 'id',
			iyear: 'year',
			imonth: 'month',
			iday: 'day',
			// `country` is a numeric code in the GTD; `country_txt` is its name.
			'country txt': 'country',
			country: 'ignore',
			city: 'hometown',
			// Free-text notes on the place ("near the border"): never a place name to geocode.
			location: 'ignore',
			latitude: 'lat',
			longitude: 'lon',
			nkill: 'weight',
			'attacktype1 txt': 'category'
		},
		weightMeaning: 'people killed (nkill)'
	},
	{
		key: 'acled',
		name: 'ACLED',
		requires: ['event id cnty', 'event date', 'fatalities'],
		mapping: {
			'event id cnty': 'id',
			'event date': 'date',
			// The date column is exact; ACLED's `year` repeats its year.
			year: 'ignore',
			country: 'country',
			// ACLED's `iso` is the numeric ISO 3166 code, not the alpha-2 the country field reads.
			iso: 'ignore',
			location: 'hometown',
			latitude: 'lat',
			longitude: 'lon',
			fatalities: 'weight',
			'event type': 'category'
		},
		weightMeaning: 'reported fatalities'
	}
];

/** The header signature a saved mapping is kept under: its folded column names, in order. */
export function headerSignature(headers: readonly string[]): string {
	return headers.map(foldHeader).join('|');
}

/**
 * The preset for a header: a mapping saved for this exact header first, else a built-in source
 * whose required columns are all present, else null.
 */
export function presetFor(headers: readonly string[], saved: Record<string, ColumnMapping> = {}): SourcePreset | null {
	const signature = headerSignature(headers);
	const own = Object.prototype.hasOwnProperty.call(saved, signature) ? saved[signature] : undefined;
	const folded = new Set(headers.map(foldHeader));
	const builtIn = BUILT_IN_PRESETS.find((p) => p.requires.every((h) => folded.has(h)));
	if (own && typeof own === 'object') {
		const mapping: SourcePreset['mapping'] = {};
		for (const [header, field] of Object.entries(own)) if (typeof field === 'string') mapping[foldHeader(header)] = field;
		return {
			key: signature,
			name: builtIn ? `${builtIn.name} (your saved mapping)` : 'your saved mapping',
			origin: 'saved',
			mapping: { ...builtIn?.mapping, ...mapping },
			weightMeaning: builtIn?.weightMeaning ?? ''
		};
	}
	if (!builtIn) return null;
	return { key: builtIn.key, name: builtIn.name, origin: 'built-in', mapping: builtIn.mapping, weightMeaning: builtIn.weightMeaning };
}

/** The preset as the importer's header -> field mapping for these headers (the user's choices win). */
export function mappingFor(headers: readonly string[], preset: SourcePreset | null, user: ColumnMapping = {}): ColumnMapping {
	const out: ColumnMapping = {};
	if (preset)
		for (const h of headers) {
			const field = preset.mapping[foldHeader(h)];
			if (field) out[h] = field;
		}
	return { ...out, ...user };
}
