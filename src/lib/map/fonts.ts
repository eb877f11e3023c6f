/**
 * The map's font faces (MapLibre style `font-faces`): Noto Sans files copied to our origin by the
 * geodata build (geodata/scripts/build-fonts.ts). Each subset is declared with its Unicode range, so
 * the browser fetches only the files whose characters a visible label uses (latin for nearly all).
 * The ranges live in core (place-labels.ts), which decides which names the font can draw.
 */
// Relative, not $lib: the geodata build (tsx, no SvelteKit aliases) imports this file too.
import { FONT_SUBSETS } from '../core/places/place-labels';
export const FONT_REGULAR = 'Noto Sans Regular';
export const FONT_SEMIBOLD = 'Noto Sans SemiBold';

const SUBSETS = FONT_SUBSETS;
const WEIGHTS = { [FONT_REGULAR]: 400, [FONT_SEMIBOLD]: 600 } as const;

const fileName = (subset: string, weight: number) => `noto-sans-${subset}-${weight}-normal.woff2`;

/** Every file the build copies. */
export const FONT_FILES = Object.values(WEIGHTS).flatMap((w) => Object.keys(SUBSETS).map((s) => fileName(s, w)));

/** The style's `font-faces` entry, with absolute URLs under `root` (the app's own origin and base path, no trailing slash). */
export function fontFaces(root: string): Record<string, { url: string; 'unicode-range': string[] }[]> {
	return Object.fromEntries(
		Object.entries(WEIGHTS).map(([name, weight]) => [
			name,
			Object.entries(SUBSETS).map(([subset, ranges]) => ({
				url: `${root}/generated/fonts/${fileName(subset, weight)}`,
				'unicode-range': [...ranges]
			}))
		])
	);
}
