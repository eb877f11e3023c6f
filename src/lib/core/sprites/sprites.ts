/**
 * The map's two small images (a city's dot, a route's arrowhead), drawn into RGBA arrays in plain
 * JavaScript. A 2D canvas would do it in fewer lines, but creating one and reading it back makes the
 * page wait for the GPU process, which at start-up is busy drawing the map (docs/ARCHITECTURE.md,
 * "Start-up without a freeze"); these take well under a millisecond and wait for nothing.
 *
 * Each pixel is sampled on a 4 x 4 grid (anti-aliased edges); colours are straight (not premultiplied)
 * alpha, as a canvas's getImageData returns them and MapLibre's addImage expects.
 */

export interface SpriteImage {
	width: number;
	height: number;
	data: Uint8ClampedArray;
}

type Rgb = readonly [number, number, number];
/** What a sample point is covered by: a colour, or nothing. */
type Shader = (x: number, y: number) => Rgb | null;

const GRID = 4;

/** '#rgb' or '#rrggbb' to [r, g, b]; anything else is an error (the palettes hold hex colours only). */
export function parseHex(hex: string): Rgb {
	const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
	if (!m) throw new Error(`not a hex colour: ${hex}`);
	const h = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
	return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
}

function rasterize(width: number, height: number, shade: Shader): SpriteImage {
	const data = new Uint8ClampedArray(width * height * 4);
	const n = GRID * GRID;
	for (let py = 0; py < height; py++) {
		for (let px = 0; px < width; px++) {
			let r = 0;
			let g = 0;
			let b = 0;
			let covered = 0;
			for (let sy = 0; sy < GRID; sy++) {
				for (let sx = 0; sx < GRID; sx++) {
					const c = shade(px + (sx + 0.5) / GRID, py + (sy + 0.5) / GRID);
					if (!c) continue;
					r += c[0];
					g += c[1];
					b += c[2];
					covered++;
				}
			}
			if (!covered) continue;
			const i = (py * width + px) * 4;
			data[i] = Math.round(r / covered);
			data[i + 1] = Math.round(g / covered);
			data[i + 2] = Math.round(b / covered);
			data[i + 3] = Math.round((covered / n) * 255);
		}
	}
	return { width, height, data };
}

/**
 * A filled disc of radius size/2 - 2 with an outline of `lineWidth` centred on its edge (the outline
 * over the fill, as a canvas strokes after filling).
 */
export function dotSprite(size: number, fill: string, outline: string, lineWidth: number): SpriteImage {
	const f = parseHex(fill);
	const o = parseHex(outline);
	const c = size / 2;
	const radius = size / 2 - 2;
	return rasterize(size, size, (x, y) => {
		const d = Math.hypot(x - c, y - c);
		if (Math.abs(d - radius) <= lineWidth / 2) return o;
		return d <= radius ? f : null;
	});
}

/** Whether (x, y) is inside a closed polygon (non-zero winding, as a canvas fills). */
export function insidePolygon(points: readonly (readonly [number, number])[], x: number, y: number): boolean {
	let winding = 0;
	for (let i = 0; i < points.length; i++) {
		const [x0, y0] = points[i]!;
		const [x1, y1] = points[(i + 1) % points.length]!;
		const side = (x1 - x0) * (y - y0) - (x - x0) * (y1 - y0);
		if (y0 <= y) {
			if (y1 > y && side > 0) winding++;
		} else if (y1 <= y && side < 0) winding--;
	}
	return winding !== 0;
}

/** The route arrowhead: a white chevron pointing up in a 32 px square, used by MapLibre as a signed-distance image. */
export const ARROW_POINTS: readonly (readonly [number, number])[] = [
	[16, 2],
	[29, 29],
	[16, 22],
	[3, 29]
];
export function arrowSprite(size = 32): SpriteImage {
	const white: Rgb = [255, 255, 255];
	const scale = size / 32;
	return rasterize(size, size, (x, y) => (insidePolygon(ARROW_POINTS, x / scale, y / scale) ? white : null));
}
