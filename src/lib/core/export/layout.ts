/**
 * Where the exported image's furniture goes (pure, so browser tests can check the pixels drawn
 * there): the date top-left, the legend bottom-left, the synthetic-data label above the legend, the
 * attribution bottom-right. Sizes scale with the image height (720 px = 1).
 */
export interface Rect {
	x: number;
	y: number;
	width: number;
	height: number;
}

export interface ExportLayout {
	scale: number;
	date: Rect;
	legend: Rect;
	/** The colour ramp inside the legend. */
	ramp: Rect;
	synthetic: Rect;
	attribution: Rect;
}

export function exportLayout(width: number, height: number, synthetic: boolean): ExportLayout {
	const s = Math.max(0.5, height / 720);
	const pad = Math.round(16 * s);
	const legend = { x: pad, y: height - pad - Math.round(92 * s), width: Math.round(300 * s), height: Math.round(92 * s) };
	const ramp = { x: legend.x + Math.round(12 * s), y: legend.y + Math.round(34 * s), width: legend.width - Math.round(24 * s), height: Math.round(14 * s) };
	const syntheticRect = synthetic
		? { x: pad, y: legend.y - Math.round(8 * s) - Math.round(30 * s), width: Math.min(width - 2 * pad, Math.round(560 * s)), height: Math.round(30 * s) }
		: { x: 0, y: 0, width: 0, height: 0 };
	return {
		scale: s,
		date: { x: pad, y: pad, width: Math.round(420 * s), height: Math.round(52 * s) },
		legend,
		ramp,
		synthetic: syntheticRect,
		attribution: { x: width - pad - Math.round(380 * s), y: height - pad - Math.round(22 * s), width: Math.round(380 * s), height: Math.round(22 * s) }
	};
}

/** What the export says about the picture: filters and threshold, one line. */
export function exportCaption(shown: number, total: number, filterCount: number, k: number): string {
	const parts = [`${shown} of ${total} members`];
	if (filterCount) parts.push(`${filterCount} filter${filterCount === 1 ? '' : 's'} applied`);
	if (k > 1) parts.push(`places with fewer than ${k} members not named`);
	return parts.join(' · ');
}
