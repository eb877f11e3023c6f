/**
 * The heat kernel in kilometres and the colour scale in people.
 *
 * A radius in km stays the same ground distance while zooming: it is turned into the pixels deck.gl's
 * HeatmapLayer wants from the zoom and the latitude (Web Mercator at MapLibre's 512 px tiles:
 * metres per pixel = 40,075,016.686 x cos(latitude) / (512 x 2^zoom)). In software WebGL every pixel
 * of the kernel is work, and a kernel under a couple of pixels vanishes, so the pixels are clamped;
 * the legend then says the radius actually drawn.
 */
import { HEAT_RAMP_RGB } from './heat-scale';

export const KERNEL_KM = { min: 5, max: 200, default: 50 } as const;
export const INTENSITY = { min: 0.25, max: 4, default: 1 } as const;
export const KERNEL_PIXELS = { min: 3, max: 160 } as const;

const EQUATOR_M = 40_075_016.686;

export function metresPerPixel(zoom: number, latitude: number): number {
	return (EQUATOR_M * Math.cos((Math.max(-85, Math.min(85, latitude)) * Math.PI) / 180)) / (512 * 2 ** zoom);
}

export interface KernelPixels {
	pixels: number;
	/** The ground radius the pixels stand for (differs from the km asked when clamped). */
	km: number;
	clamped: 'min' | 'max' | null;
}

export function kernelPixels(km: number, zoom: number, latitude: number): KernelPixels {
	const mpp = metresPerPixel(zoom, latitude);
	const want = (km * 1000) / mpp;
	const pixels = Math.min(KERNEL_PIXELS.max, Math.max(KERNEL_PIXELS.min, want));
	const clamped = want < KERNEL_PIXELS.min ? 'min' : want > KERNEL_PIXELS.max ? 'max' : null;
	return { pixels, km: clamped ? (pixels * mpp) / 1000 : km, clamped };
}

export const clampKm = (km: number) =>
	Number.isFinite(km) ? Math.min(KERNEL_KM.max, Math.max(KERNEL_KM.min, Math.round(km))) : KERNEL_KM.default;
export const clampIntensity = (x: number) =>
	Number.isFinite(x) ? Math.min(INTENSITY.max, Math.max(INTENSITY.min, Math.round(x * 100) / 100)) : INTENSITY.default;

export type HeatScale = 'log' | 'linear';

/** Where `people` sits on the colour ramp (0..1) for a scale topped at `top` people. */
export function scalePosition(people: number, top: number, scale: HeatScale): number {
	if (!(top > 0)) return 0;
	const v = Math.max(0, Math.min(people, top));
	return scale === 'log' ? Math.log1p(v) / Math.log1p(top) : v / top;
}

/** YlOrRd at t (0..1), interpolated between the ramp's six colours in RGB. */
export function rampColor(t: number): [number, number, number] {
	const stops = HEAT_RAMP_RGB;
	const x = Math.max(0, Math.min(1, t)) * (stops.length - 1);
	const i = Math.min(stops.length - 2, Math.floor(x));
	const f = x - i;
	const a = stops[i]!;
	const b = stops[i + 1]!;
	return [0, 1, 2].map((k) => Math.round(a[k]! + (b[k]! - a[k]!) * f)) as [number, number, number];
}

/** Entries of the colour texture: enough that the log curve's first people get entries of their own. */
export const RAMP_STEPS = 256;

/**
 * The colour range handed to the HeatmapLayer. Its shader maps heat linearly onto the texture
 * (0 .. top people), so a logarithmic scale is a texture whose entry i holds the colour of
 * log(1 + v) / log(1 + top), v = the people entry i stands for. The linear scale is the six colours as
 * they were.
 */
export function heatColorRange(top: number, scale: HeatScale): [number, number, number][] {
	if (scale === 'linear') return HEAT_RAMP_RGB.map((c) => [...c] as [number, number, number]);
	return Array.from({ length: RAMP_STEPS }, (_, i) => rampColor(scalePosition(((i + 0.5) / RAMP_STEPS) * top, top, 'log')));
}

/**
 * The colour the layer draws for `people` (as the texture is sampled: linearly between texel centres).
 * Used by the legend and by the test that measures how far apart 1, 3, 10, 30 and 100 people are.
 */
export function colorForPeople(people: number, top: number, scale: HeatScale): [number, number, number] {
	const range = heatColorRange(top, scale);
	const u = Math.max(0, Math.min(1, people / top)) * range.length - 0.5;
	const i = Math.max(0, Math.min(range.length - 1, Math.floor(u)));
	const j = Math.min(range.length - 1, i + 1);
	const f = Math.max(0, Math.min(1, u - i));
	return [0, 1, 2].map((k) => Math.round(range[i]![k]! + (range[j]![k]! - range[i]![k]!) * f)) as [number, number, number];
}

/** CIE 1976 colour difference in L*a*b* (D65): about 2.3 is just noticeable, over 10 clearly different. */
export function deltaE(a: [number, number, number], b: [number, number, number]): number {
	const [l1, a1, b1] = lab(a);
	const [l2, a2, b2] = lab(b);
	return Math.hypot(l1 - l2, a1 - a2, b1 - b2);
}

function lab([r, g, b]: [number, number, number]): [number, number, number] {
	const lin = (c: number) => {
		const s = c / 255;
		return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
	};
	const [R, G, B] = [lin(r), lin(g), lin(b)];
	const x = (0.4124 * R + 0.3576 * G + 0.1805 * B) / 0.95047;
	const y = 0.2126 * R + 0.7152 * G + 0.0722 * B;
	const z = (0.0193 * R + 0.1192 * G + 0.9505 * B) / 1.08883;
	const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
	return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** Legend ticks: 1, 3, 10, 30, 100 ... up to the top, and the top itself. */
export function logTicks(top: number): number[] {
	const ticks: number[] = [];
	for (let p = 1; p <= top; p *= 10) for (const f of [1, 3]) if (f * p < top) ticks.push(f * p);
	ticks.push(top);
	return ticks;
}
