/**
 * Draws one exported frame: the basemap canvas and deck's canvas (both keep their drawing buffer),
 * cropped to the output's aspect ratio, then the date, legend, synthetic label and attribution.
 * Browser-only; loaded on demand with the export menu.
 */
import { HEAT_RAMP_HEX } from '$lib/core/heat-scale';
import { exportLayout, type ExportLayout } from '$lib/core/export/layout';

export interface FrameText {
	date: string;
	caption: string;
	attribution: string;
	/** The synthetic-data label, or null for a real dataset. */
	synthetic: string | null;
	theme: 'light' | 'dark';
}

/** The map's canvases, bottom to top (MapLibre's, then deck's). */
export function mapCanvases(mapElement: HTMLElement): HTMLCanvasElement[] {
	return [...mapElement.querySelectorAll('canvas')];
}

/** The blend a canvas is shown with: its own or that of the box it sits in (deck's, see MapView). */
function blendOf(canvas: HTMLCanvasElement): GlobalCompositeOperation {
	if (typeof getComputedStyle !== 'function') return 'source-over';
	for (let e: Element | null = canvas, i = 0; e && i < 4; e = e.parentElement, i++) {
		const mode = getComputedStyle(e).mixBlendMode;
		if (mode === 'multiply' || mode === 'screen') return mode;
	}
	return 'source-over';
}

const FONT = 'system-ui, "DejaVu Sans", sans-serif';

export function drawFrame(ctx: CanvasRenderingContext2D, sources: HTMLCanvasElement[], text: FrameText): { layout: ExportLayout; drawn: string[] } {
	const { width, height } = ctx.canvas;
	const layout = exportLayout(width, height, !!text.synthetic);
	const s = layout.scale;
	const dark = text.theme === 'dark';
	const drawn: string[] = [];
	ctx.fillStyle = dark ? '#141a22' : '#dce6ee';
	ctx.fillRect(0, 0, width, height);
	for (const source of sources) {
		if (!source.width || !source.height) continue;
		// Cover: crop the source to the output's aspect ratio around its centre.
		const ratio = Math.max(width / source.width, height / source.height);
		const sw = width / ratio;
		const sh = height / ratio;
		// The heat canvas blends onto the map as on screen (multiply or screen, MapView's CSS).
		ctx.globalCompositeOperation = blendOf(source);
		ctx.drawImage(source, (source.width - sw) / 2, (source.height - sh) / 2, sw, sh, 0, 0, width, height);
		ctx.globalCompositeOperation = 'source-over';
		drawn.push('map');
	}
	const panel = dark ? 'rgba(24,30,39,0.92)' : 'rgba(255,255,255,0.92)';
	const ink = dark ? '#e6eaf0' : '#222222';
	const box = (r: { x: number; y: number; width: number; height: number }) => {
		ctx.fillStyle = panel;
		ctx.fillRect(r.x, r.y, r.width, r.height);
	};

	// Date
	box(layout.date);
	ctx.fillStyle = ink;
	ctx.textBaseline = 'middle';
	ctx.font = `700 ${Math.round(30 * s)}px ${FONT}`;
	ctx.fillText(text.date, layout.date.x + 12 * s, layout.date.y + layout.date.height / 2, layout.date.width - 24 * s);
	drawn.push('date');

	// Legend: title, the heat ramp, its ends, the caption (filters, threshold)
	box(layout.legend);
	ctx.fillStyle = ink;
	ctx.font = `600 ${Math.round(15 * s)}px ${FONT}`;
	ctx.fillText('Members\u2019 last-known hometowns', layout.legend.x + 12 * s, layout.legend.y + 18 * s, layout.legend.width - 24 * s);
	const gradient = ctx.createLinearGradient(layout.ramp.x, 0, layout.ramp.x + layout.ramp.width, 0);
	HEAT_RAMP_HEX.forEach((hex, i) => gradient.addColorStop(i / (HEAT_RAMP_HEX.length - 1), hex));
	ctx.fillStyle = gradient;
	ctx.fillRect(layout.ramp.x, layout.ramp.y, layout.ramp.width, layout.ramp.height);
	ctx.font = `${Math.round(12 * s)}px ${FONT}`;
	ctx.fillStyle = ink;
	const endsY = layout.ramp.y + layout.ramp.height + 11 * s;
	ctx.fillText('fewer members', layout.ramp.x, endsY);
	ctx.textAlign = 'right';
	ctx.fillText('more', layout.ramp.x + layout.ramp.width, endsY);
	ctx.textAlign = 'left';
	ctx.fillText(text.caption, layout.legend.x + 12 * s, layout.legend.y + layout.legend.height - 12 * s, layout.legend.width - 24 * s);
	drawn.push('legend');

	// Synthetic label, styled like the page's banner so it cannot be missed
	if (text.synthetic) {
		const r = layout.synthetic;
		ctx.fillStyle = '#fff4e5';
		ctx.fillRect(r.x, r.y, r.width, r.height);
		ctx.fillStyle = '#e67e22';
		ctx.fillRect(r.x, r.y, Math.round(6 * s), r.height);
		ctx.fillStyle = '#5a3200';
		ctx.font = `700 ${Math.round(14 * s)}px ${FONT}`;
		ctx.fillText(text.synthetic, r.x + 14 * s, r.y + r.height / 2, r.width - 20 * s);
		drawn.push('synthetic');
	}

	// Attribution
	box(layout.attribution);
	ctx.fillStyle = ink;
	ctx.font = `${Math.round(12 * s)}px ${FONT}`;
	ctx.textAlign = 'right';
	ctx.fillText(text.attribution, layout.attribution.x + layout.attribution.width - 8 * s, layout.attribution.y + layout.attribution.height / 2, layout.attribution.width - 16 * s);
	ctx.textAlign = 'left';
	drawn.push('attribution');
	return { layout, drawn };
}

export function download(blob: Blob, fileName: string) {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = fileName;
	a.rel = 'noopener';
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export async function exportPng(mapElement: HTMLElement, text: FrameText, width: number, height: number): Promise<{ blob: Blob; drawn: string[] }> {
	const canvas = document.createElement('canvas');
	canvas.width = width;
	canvas.height = height;
	const ctx = canvas.getContext('2d');
	if (!ctx) throw new Error('This browser cannot draw the image (no 2D canvas).');
	const { drawn } = drawFrame(ctx, mapCanvases(mapElement), text);
	const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
	if (!blob) throw new Error('The image could not be encoded.');
	return { blob, drawn };
}
