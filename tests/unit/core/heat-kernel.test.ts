import { describe, expect, it } from 'vitest';
import {
	colorForPeople,
	deltaE,
	heatColorRange,
	kernelPixels,
	logTicks,
	metresPerPixel,
	clampKm,
	clampIntensity,
	KERNEL_PIXELS
} from '../../../src/lib/core/heat-kernel';

describe('kernel radius: km to pixels from zoom and latitude', () => {
	const CASES = [
		// At the equator, zoom 0: 40,075,016.686 / 512 = 78,271.5 m per pixel.
		{ title: 'equator, zoom 0', zoom: 0, lat: 0, mpp: 78_271.517 },
		{ title: 'each zoom level halves it', zoom: 1, lat: 0, mpp: 39_135.758 },
		{ title: 'latitude 60: half of the equator', zoom: 0, lat: 60, mpp: 39_135.758 }
	];
	for (const t of CASES) it(t.title, () => expect(metresPerPixel(t.zoom, t.lat)).toBeCloseTo(t.mpp, 2));

	it('the same ground distance at every zoom (pixels double with each zoom level)', () => {
		const a = kernelPixels(40, 6, 50);
		const b = kernelPixels(40, 7, 50);
		expect(b.pixels / a.pixels).toBeCloseTo(2, 9);
		expect(a.clamped).toBeNull();
		expect(a.km).toBe(40);
	});
	it('clamped far out and far in, and then says the radius actually drawn', () => {
		const far = kernelPixels(40, 1, 50);
		expect(far.pixels).toBe(KERNEL_PIXELS.min);
		expect(far.clamped).toBe('min');
		expect(far.km).toBeGreaterThan(40);
		const near = kernelPixels(40, 12, 50);
		expect(near.pixels).toBe(KERNEL_PIXELS.max);
		expect(near.clamped).toBe('max');
		expect(near.km).toBeLessThan(40);
	});
	const LIMITS: [number, number, number][] = [
		[0, 5, 1],
		[40, 40, 1],
		[999, 200, 1],
		[NaN, 50, 1]
	];
	for (const [km, want] of LIMITS) it(`clampKm(${km}) = ${want}`, () => expect(clampKm(km)).toBe(want));
	it('intensity limits', () => {
		expect(clampIntensity(0)).toBe(0.25);
		expect(clampIntensity(10)).toBe(4);
		expect(clampIntensity(NaN)).toBe(1);
	});
});

describe('the colour scale tells 1, 3, 10, 30 and 100 people apart', () => {
	const PEOPLE = [1, 3, 10, 30, 100];
	const steps = (scale: 'log' | 'linear') => {
		const colours = PEOPLE.map((p) => colorForPeople(p, 100, scale));
		return colours.slice(1).map((c, i) => deltaE(colours[i]!, c));
	};
	it('logarithmic: every step is a clearly visible difference (CIE76 delta E over 10)', () => {
		for (const d of steps('log')) expect(d).toBeGreaterThan(10);
	});
	it('linear (the old scale): 1 and 3 people draw the same colour, 3 and 10 barely differ', () => {
		const [d1, d2] = steps('linear');
		expect(d1).toBeLessThan(1);
		expect(d2).toBeLessThan(3);
	});
	it('the old linear scale gives the colours reported (255,255,178 for 1 and 255,251,172 for 10)', () => {
		expect(colorForPeople(1, 100, 'linear')).toEqual([255, 255, 178]);
		expect(colorForPeople(100, 100, 'linear')).toEqual([189, 0, 38]);
	});
	it('the log texture runs from pale yellow to dark red in 256 steps', () => {
		const range = heatColorRange(100, 'log');
		expect(range).toHaveLength(256);
		expect(range.at(-1)).toEqual([189, 0, 38]);
	});
	const TICKS: [number, number[]][] = [
		[100, [1, 3, 10, 30, 100]],
		[50, [1, 3, 10, 30, 50]],
		[5, [1, 3, 5]],
		[1, [1]]
	];
	for (const [top, ticks] of TICKS) it(`legend ticks up to ${top}`, () => expect(logTicks(top)).toEqual(ticks));
});
