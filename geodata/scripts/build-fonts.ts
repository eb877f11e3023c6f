/**
 * The font the map draws its labels with, served from our own origin: static/generated/fonts/.
 * Noto Sans (SIL Open Font License 1.1) from the @fontsource/noto-sans package, regular and semibold,
 * in the four subsets the place names need (latin, latin-ext, greek, cyrillic). MapLibre's style
 * `font-faces` points at these files and rasterises each glyph in the page, so no glyph server is
 * needed; a file is fetched only when a label needs a character it covers (basemap-style.ts).
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { FONT_FILES } from '../../src/lib/map/fonts';

const require = createRequire(import.meta.url);
export const FONTS_DIR = 'static/generated/fonts';

export function buildFonts(): void {
	const pkg = dirname(require.resolve('@fontsource/noto-sans/package.json'));
	mkdirSync(FONTS_DIR, { recursive: true });
	for (const file of FONT_FILES) copyFileSync(`${pkg}/files/${file}`, `${FONTS_DIR}/${file}`);
	const version = (JSON.parse(readFileSync(`${pkg}/package.json`, 'utf8')) as { version: string }).version;
	writeFileSync(
		`${FONTS_DIR}/LICENSE.txt`,
		`Noto Sans, from @fontsource/noto-sans ${version}.\n\n${readFileSync(`${pkg}/LICENSE`, 'utf8')}`
	);
	console.log(`fonts: ${FONT_FILES.length} Noto Sans files (OFL-1.1) -> ${FONTS_DIR}`);
}
