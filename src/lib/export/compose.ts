/**
 * Draws one exported frame: the basemap canvas and deck's canvas (both keep their drawing buffer),
 * cropped to the output's aspect ratio, then the date, legend, synthetic label and attribution.
 * Browser-only; loaded on demand with the export menu.
 */
import { HEAT_RAMP_HEX } from '$lib/core/heat-scale';
import { exportLayout, type ExportLayout } from '$lib/core/export/layout';
import type { ExportKey } from '$lib/core/export/describe';

export interface FrameText {
	date: string;
	/** The legend's numbers and what the picture shows (core/export/describe.ts). */
	key: ExportKey;
	/** How far through the period the frame is (0..1), drawn as a bar under the date; null = none. */
	progress: number | null;
	attribution: string;
	/** The synthetic-data label, or null for a real dataset. */
	synthetic: string | null;
	theme: 'light' | 'dark';
	/** The findings strip's sentences, drawn top right (none: no box). */
	findings?: string[];
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

export function drawFrame(
	ctx: CanvasRenderingContext2D,
	sources: HTMLCanvasElement[],
	text: FrameText
): { layout: ExportLayout; drawn: string[] } {
	const { width, height } = ctx.canvas;
	const width0 = width;
	const layout = exportLayout(width, height, !!text.synthetic, text.key.lines.length);
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
	if (text.progress !== null) {
		const r = layout.progress;
		ctx.fillStyle = dark ? '#3a4452' : '#c9d1da';
		ctx.fillRect(r.x, r.y, r.width, r.height);
		ctx.fillStyle = '#2c6fb7';
		ctx.fillRect(r.x, r.y, Math.round(r.width * Math.min(1, Math.max(0, text.progress))), r.height);
		drawn.push('progress');
	}

	// Legend: title, the heat ramp with the legend's numbers, then what the picture shows, a line each
	box(layout.legend);
	ctx.fillStyle = ink;
	ctx.font = `600 ${Math.round(15 * s)}px ${FONT}`;
	ctx.fillText(text.key.title, layout.legend.x + 12 * s, layout.legend.y + 16 * s, layout.legend.width - 24 * s);
	const gradient = ctx.createLinearGradient(layout.ramp.x, 0, layout.ramp.x + layout.ramp.width, 0);
	HEAT_RAMP_HEX.forEach((hex, i) => gradient.addColorStop(i / (HEAT_RAMP_HEX.length - 1), hex));
	ctx.fillStyle = gradient;
	ctx.fillRect(layout.ramp.x, layout.ramp.y, layout.ramp.width, layout.ramp.height);
	ctx.font = `${Math.round(12 * s)}px ${FONT}`;
	ctx.fillStyle = ink;
	const ticksY = layout.ramp.y + layout.ramp.height + 11 * s;
	const [low, mid, high] = text.key.ticks;
	ctx.fillText(low, layout.ramp.x, ticksY);
	ctx.textAlign = 'center';
	ctx.fillText(mid, layout.ramp.x + layout.ramp.width / 2, ticksY);
	ctx.textAlign = 'right';
	ctx.fillText(high, layout.ramp.x + layout.ramp.width, ticksY);
	ctx.textAlign = 'left';
	const firstLineY = ticksY + 8 * s + layout.lineHeight / 2;
	text.key.lines.forEach((line, i) =>
		ctx.fillText(line, layout.legend.x + 12 * s, firstLineY + i * layout.lineHeight, layout.legend.width - 24 * s)
	);
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

	// Findings: the strip's sentences, wrapped, in a box at the top right
	if (text.findings?.length) {
		ctx.font = `${Math.round(13 * s)}px ${FONT}`;
		const width = Math.min(Math.round(470 * s), width0 - layout.date.width - 48 * s);
		const lines = text.findings.flatMap((f) => wrap(ctx, `\u2022 ${f}`, width - 24 * s));
		const lineH = Math.round(17 * s);
		const r = { x: width0 - 16 * s - width, y: 16 * s, width, height: lines.length * lineH + 30 * s };
		box(r);
		ctx.fillStyle = ink;
		ctx.font = `700 ${Math.round(13 * s)}px ${FONT}`;
		ctx.fillText('Findings', r.x + 12 * s, r.y + 12 * s);
		ctx.font = `${Math.round(13 * s)}px ${FONT}`;
		lines.forEach((line, i) => ctx.fillText(line, r.x + 12 * s, r.y + 12 * s + (i + 1) * lineH));
		drawn.push('findings');
	}

	// Attribution
	box(layout.attribution);
	ctx.fillStyle = ink;
	ctx.font = `${Math.round(12 * s)}px ${FONT}`;
	ctx.textAlign = 'right';
	ctx.fillText(
		text.attribution,
		layout.attribution.x + layout.attribution.width - 8 * s,
		layout.attribution.y + layout.attribution.height / 2,
		layout.attribution.width - 16 * s
	);
	ctx.textAlign = 'left';
	drawn.push('attribution');
	return { layout, drawn };
}

/** Words into lines no wider than maxWidth (canvas text does not wrap by itself). */
function wrap(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(' ')) {
		const next = line ? `${line} ${word}` : word;
		if (line && ctx.measureText(next).width > maxWidth) {
			lines.push(line);
			line = word;
		} else line = next;
	}
	if (line) lines.push(line);
	return lines;
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

export async function exportPng(
	mapElement: HTMLElement,
	text: FrameText,
	width: number,
	height: number
): Promise<{ blob: Blob; drawn: string[] }> {
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
