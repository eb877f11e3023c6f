/**
 * Where the exported image's furniture goes (pure, so browser tests can check the pixels drawn
 * there): the date top-left, the key bottom-left (taller with each line it holds), the synthetic-data
 * label above the key, the attribution bottom-right. Sizes scale with the image height (720 px = 1).
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
	/** A bar under the date: how far through the period the frame is (videos). */
	progress: Rect;
	legend: Rect;
	/** The colour ramp inside the legend. */
	ramp: Rect;
	/** Height of one line of the key's text. */
	lineHeight: number;
	synthetic: Rect;
	attribution: Rect;
}

export function exportLayout(width: number, height: number, synthetic: boolean, keyLines = 1): ExportLayout {
	const s = Math.max(0.5, height / 720);
	const pad = Math.round(16 * s);
	const lineHeight = Math.round(16 * s);
	const legendHeight = Math.round(66 * s) + keyLines * lineHeight;
	const legend = { x: pad, y: height - pad - legendHeight, width: Math.min(width - 2 * pad, Math.round(420 * s)), height: legendHeight };
	const ramp = {
		x: legend.x + Math.round(12 * s),
		y: legend.y + Math.round(30 * s),
		width: legend.width - Math.round(24 * s),
		height: Math.round(14 * s)
	};
	const syntheticRect = synthetic
		? {
				x: pad,
				y: legend.y - Math.round(8 * s) - Math.round(30 * s),
				width: Math.min(width - 2 * pad, Math.round(560 * s)),
				height: Math.round(30 * s)
			}
		: { x: 0, y: 0, width: 0, height: 0 };
	const date = { x: pad, y: pad, width: Math.round(420 * s), height: Math.round(52 * s) };
	return {
		scale: s,
		date,
		progress: { x: date.x, y: date.y + date.height, width: date.width, height: Math.max(4, Math.round(8 * s)) },
		legend,
		ramp,
		lineHeight,
		synthetic: syntheticRect,
		attribution: {
			x: width - pad - Math.round(380 * s),
			y: height - pad - Math.round(22 * s),
			width: Math.round(380 * s),
			height: Math.round(22 * s)
		}
	};
}
