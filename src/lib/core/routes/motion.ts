/** Positions along a leg for the moving dots, from the cumulative distances the build stored. */
import type { Position } from 'geojson';

/** The point at `km` along a polyline whose vertex distances are `cumulative` (clamped to its ends). */
export function pointAtKm(coords: Position[], cumulative: number[], km: number): Position {
	if (coords.length === 0) throw new Error('empty line');
	if (km <= 0 || coords.length === 1) return coords[0]!;
	const total = cumulative[cumulative.length - 1]!;
	if (km >= total) return coords[coords.length - 1]!;
	let lo = 0;
	let hi = cumulative.length - 1;
	while (hi - lo > 1) {
		const mid = (lo + hi) >> 1;
		if (cumulative[mid]! <= km) lo = mid;
		else hi = mid;
	}
	const span = cumulative[hi]! - cumulative[lo]! || 1;
	const t = (km - cumulative[lo]!) / span;
	const a = coords[lo]!;
	const b = coords[hi]!;
	return [a[0]! + (b[0]! - a[0]!) * t, a[1]! + (b[1]! - a[1]!) * t];
}

/** Dots every `spacingKm` along a leg, shifted by `phase` (0..1 of one spacing) to move them forward. */
export function dotsAlong(coords: Position[], cumulative: number[], spacingKm: number, phase: number): Position[] {
	const total = cumulative[cumulative.length - 1] ?? 0;
	const dots: Position[] = [];
	const offset = (((phase % 1) + 1) % 1) * spacingKm;
	for (let km = offset; km <= total; km += spacingKm) dots.push(pointAtKm(coords, cumulative, km));
	return dots;
}
