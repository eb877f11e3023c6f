/**
 * WebM video of the timeline animation, heat included: each step sets the date, waits until the map
 * and deck have drawn it, composites the frame (compose.ts) onto a canvas whose captureStream feeds a
 * MediaRecorder. Frames are requested one by one (captureStream(0) + requestFrame), so a slow
 * software-GL machine makes a longer video, never one with missing heat.
 */
import { drawFrame, mapCanvases, type FrameText } from './compose';

export interface VideoOptions {
	width: number;
	height: number;
	/** Length of the animation in the video, in seconds. */
	seconds: number;
	fps: number;
	from: number;
	to: number;
	setDay: (day: number) => void;
	text: (day: number) => FrameText;
	/** Resolves once the map shows the current state (deck redrawn). */
	frameDrawn: () => Promise<void>;
	onProgress?: (fraction: number) => void;
	signal?: AbortSignal;
}

export function videoMimeType(): string | null {
	if (typeof MediaRecorder === 'undefined') return null;
	return ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm'].find((t) => MediaRecorder.isTypeSupported(t)) ?? null;
}

export async function recordTimeline(mapElement: HTMLElement, o: VideoOptions): Promise<Blob> {
	const mimeType = videoMimeType();
	if (!mimeType) throw new Error('This browser cannot record WebM video (no MediaRecorder).');
	const canvas = document.createElement('canvas');
	canvas.width = o.width;
	canvas.height = o.height;
	const ctx = canvas.getContext('2d');
	if (!ctx) throw new Error('This browser cannot draw the video frames (no 2D canvas).');
	const stream = canvas.captureStream(0);
	const track = stream.getVideoTracks()[0] as CanvasCaptureMediaStreamTrack;
	const recorder = new MediaRecorder(stream, { mimeType, videoBitsPerSecond: Math.round(o.width * o.height * o.fps * 0.15) });
	const chunks: Blob[] = [];
	recorder.ondataavailable = (e) => e.data.size && chunks.push(e.data);
	const stopped = new Promise<void>((resolve) => (recorder.onstop = () => resolve()));
	const frames = Math.max(2, Math.round(o.seconds * o.fps));
	const frameMs = 1000 / o.fps;
	// Draw the first frame before starting, so the video never opens on a blank canvas.
	o.setDay(o.from);
	await o.frameDrawn();
	drawFrame(ctx, mapCanvases(mapElement), o.text(o.from));
	recorder.start(1000);
	track.requestFrame();
	try {
		for (let i = 1; i <= frames; i++) {
			if (o.signal?.aborted) throw new DOMException('Recording stopped', 'AbortError');
			const started = performance.now();
			const day = Math.round(o.from + ((o.to - o.from) * i) / frames);
			o.setDay(day);
			await o.frameDrawn();
			drawFrame(ctx, mapCanvases(mapElement), o.text(day));
			// Hold each frame for its share of the chosen length (longer when drawing is slower).
			const wait = frameMs - (performance.now() - started);
			if (wait > 0) await new Promise((r) => setTimeout(r, wait));
			track.requestFrame();
			o.onProgress?.(i / frames);
		}
		// Hold the last frame a moment so players show it.
		await new Promise((r) => setTimeout(r, Math.max(frameMs, 300)));
		track.requestFrame();
	} finally {
		recorder.stop();
		await stopped;
		track.stop();
	}
	return new Blob(chunks, { type: 'video/webm' });
}
