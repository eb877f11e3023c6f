/**
 * Which gazetteer places the map names, from which zoom, and under which spelling. Used at build time
 * (geodata/scripts/build-places.ts writes the place-name tiles) and by tests; no map code here.
 */

/**
 * The Unicode ranges of the map's font files (Noto Sans subsets as @fontsource/noto-sans cuts them;
 * src/lib/map/fonts.ts declares one file per subset). MapLibre draws each glyph on its own and,
 * without its RTL plugin, would show Arabic or Hebrew letters unjoined and in the wrong order; so a
 * name with a character outside these ranges is not drawn as is but replaced by a Latin spelling.
 */
export const FONT_SUBSETS: Record<'latin' | 'latin-ext' | 'greek' | 'cyrillic', readonly string[]> = {
	latin: [
		'U+0000-00FF',
		'U+0131',
		'U+0152-0153',
		'U+02BB-02BC',
		'U+02C6',
		'U+02DA',
		'U+02DC',
		'U+0304',
		'U+0308',
		'U+0329',
		'U+2000-206F',
		'U+20AC',
		'U+2122',
		'U+2191',
		'U+2193',
		'U+2212',
		'U+2215',
		'U+FEFF',
		'U+FFFD'
	],
	'latin-ext': [
		'U+0100-02BA',
		'U+02BD-02C5',
		'U+02C7-02CC',
		'U+02CE-02D7',
		'U+02DD-02FF',
		'U+0304',
		'U+0308',
		'U+0329',
		'U+1D00-1DBF',
		'U+1E00-1E9F',
		'U+1EF2-1EFF',
		'U+2020',
		'U+20A0-20AB',
		'U+20AD-20C0',
		'U+2113',
		'U+2C60-2C7F',
		'U+A720-A7FF'
	],
	greek: ['U+0370-0377', 'U+037A-037F', 'U+0384-038A', 'U+038C', 'U+038E-03A1', 'U+03A3-03FF'],
	cyrillic: ['U+0301', 'U+0400-045F', 'U+0490-0491', 'U+04B0-04B1', 'U+2116']
};

const RANGES: [number, number][] = Object.values(FONT_SUBSETS)
	.flat()
	.map((r) => {
		const [a, b = a] = r.slice(2).split('-');
		return [parseInt(a!, 16), parseInt(b!, 16)];
	});

/** Whether every character of the text is in the font's files (and the text is not blank). */
export function isDrawable(text: string): boolean {
	if (!text.trim()) return false;
	for (const ch of text) {
		const cp = ch.codePointAt(0)!;
		if (!RANGES.some(([a, b]) => cp >= a && cp <= b)) return false;
	}
	return true;
}

/**
 * The spelling to draw: the place's own name when the font can draw it, else the first drawable
 * alternative (GeoNames' ASCII name, an English name), else null: the place is left unnamed rather
 * than drawn as boxes or as disjoined letters.
 */
export function labelName(name: string, alternatives: readonly string[] = []): string | null {
	for (const candidate of [name, ...alternatives]) if (isDrawable(candidate)) return candidate.trim();
	return null;
}

/**
 * The zoom from which a place is named: capitals of 600,000 and more from zoom 2 (the start view on a
 * phone is about 2.3, on a 1280 x 720 laptop 2.9), cities of 3 million from 4, towns of 10,000 from 9
 * (a region), villages and unranked districts from 11 (a city). Places of unknown population (0: the
 * Brussels communes come from a source without it) rank with the smallest. Whole zooms, because
 * MapLibre evaluates a filter's `zoom` at the tile's whole zoom, not the map's: a half step shows from
 * the next whole zoom (capitals at 2.5 were first named at 3, so not at all on phones). A vector tile
 * of zoom z holds exactly the places with mz <= z (docs/ARCHITECTURE.md, "Place names by zoom and area").
 */
export function placeMinZoom(population: number, capital: boolean): number {
	if (capital) return population >= 600_000 ? 2 : 4;
	if (population >= 3_000_000) return 4;
	if (population >= 1_000_000) return 5;
	if (population >= 300_000) return 6;
	if (population >= 100_000) return 7;
	if (population >= 30_000) return 8;
	if (population >= 10_000) return 9;
	if (population >= 3_000) return 10;
	return 11;
}

/** Label rank, 0 the most important: MapLibre places lower `symbol-sort-key`s first when labels collide. */
export function placeRank(population: number, capital: boolean): number {
	return Math.round((capital ? 0 : 1_000) + 10_000 - Math.log10(population + 1) * 1_000);
}
