import { describe, expect, it } from 'vitest';
import { arrowSprite, dotSprite, insidePolygon, parseHex, ARROW_POINTS } from '$lib/core/sprites/sprites';

const px = (img: { width: number; data: Uint8ClampedArray }, x: number, y: number) => {
	const i = (y * img.width + x) * 4;
	return [...img.data.slice(i, i + 4)];
};

describe('parseHex', () => {
	it.each([
		['#ffffff', [255, 255, 255]],
		['#3b3b3b', [59, 59, 59]],
		['#E3E7ED', [227, 231, 237]],
		['#fa0', [255, 170, 0]]
	])('%s', (hex, rgb) => expect(parseHex(hex)).toEqual(rgb));
	it.each(['rgb(1,2,3)', '#12345', 'red', ''])('refuses %j', (s) => expect(() => parseHex(s)).toThrow(/hex/));
});

describe('insidePolygon (the arrowhead)', () => {
	it.each([
		[16, 10, true], // on the axis, below the tip
		[16, 25, false], // in the notch between the two barbs
		[5, 26, true], // left barb
		[27, 26, true], // right barb
		[5, 28.5, false], // under the left barb
		[2, 2, false], // corner
		[16, 1, false] // above the tip
	])('(%d, %d) -> %s', (x, y, inside) => expect(insidePolygon(ARROW_POINTS, x, y)).toBe(inside));
});

describe('dotSprite (12 px, as the city dot)', () => {
	const img = dotSprite(12, '#3b3b3b', '#ffffff', 1.5);
	it.each([
		['centre: the fill, opaque', 6, 6, [59, 59, 59, 255]],
		['corner: nothing', 0, 0, [0, 0, 0, 0]]
	])('%s', (_, x, y, rgba) => expect(px(img, x, y)).toEqual(rgba));
	it('has its white outline at the rim (left edge, middle row): lighter than the fill, opaque', () => {
		const [r, , , a] = px(img, 2, 6);
		expect(r).toBeGreaterThan(150);
		expect(a).toBe(255);
	});
	it('is a 12 x 12 RGBA image, symmetric left to right and top to bottom', () => {
		expect(img.data.length).toBe(12 * 12 * 4);
		for (let y = 0; y < 12; y++)
			for (let x = 0; x < 12; x++) {
				expect(px(img, x, y)).toEqual(px(img, 11 - x, y));
				expect(px(img, x, y)).toEqual(px(img, x, 11 - y));
			}
	});
	it('has partly covered (anti-aliased) pixels at its rim', () => {
		const alphas = new Set<number>();
		for (let i = 3; i < img.data.length; i += 4) alphas.add(img.data[i]!);
		expect([...alphas].some((a) => a > 0 && a < 255)).toBe(true);
	});
});

describe('arrowSprite', () => {
	const img = arrowSprite();
	it.each([
		['on the axis below the tip: white, opaque', 16, 12, [255, 255, 255, 255]],
		['in the notch: empty', 16, 26, [0, 0, 0, 0]],
		['outside: empty', 1, 1, [0, 0, 0, 0]]
	])('%s', (_, x, y, rgba) => expect(px(img, x, y)).toEqual(rgba));
	it('covers about the area of the chevron (13 x 27 / 2 x 2 less the notch: 351 - 91 = 260 px)', () => {
		let covered = 0;
		for (let i = 3; i < img.data.length; i += 4) covered += img.data[i]! / 255;
		expect(covered).toBeGreaterThan(250);
		expect(covered).toBeLessThan(270);
	});
});
