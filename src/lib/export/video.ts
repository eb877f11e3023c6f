/**
 * WebM video of the timeline animation, heat included. Each frame is rendered one by one: the date is
 * set, the map and deck have drawn it, the frame is composited (compose.ts) onto a canvas and handed
 * to a WebCodecs VP9 encoder (VP8 where VP9 is missing) with its own timestamp, i/fps. The file is
 * written by Mediabunny (loaded on demand with this module), which writes the WebM's Duration and a
 * Cues index: players know the length and can seek. The length and frame rate are the chosen ones
 * whatever the machine's speed; a slow machine only takes longer to make the file.
 */
import { drawFrame, mapCanvases, type FrameText } from './compose';
import { timeLeftMs, videoPlan, type VideoPlan } from '$lib/core/export/video-frames';

export interface VideoProgress {
	done: number;
	total: number;
	/** Estimated time left in ms (NaN before the first frame). */
	msLeft: number;
}

export interface VideoOptions {
	width: number;
	height: number;
	/** Length of the video in seconds. */
	seconds: number;
	fps: number;
	from: number;
	to: number;
	setDay: (day: number) => void;
	text: (day: number) => FrameText;
	/** Resolves once the map shows the current state (deck redrawn). */
	frameDrawn: () => Promise<void>;
	onProgress?: (progress: VideoProgress) => void;
	signal?: AbortSignal;
}

export interface Video {
	blob: Blob;
	plan: VideoPlan;
	codec: string;
	/** Measured cost of one frame here (render, composite, encode), for the next estimate. */
	msPerFrame: number;
}

/** Whether this browser has the encoder (WebCodecs exists only in secure contexts: https or localhost). */
export function canEncodeVideos(): boolean {
	return typeof VideoEncoder !== 'undefined';
}

/** VP9 where the browser encodes it at this size, else VP8; null when neither. */
async function pickCodec(width: number, height: number): Promise<'vp9' | 'vp8' | null> {
	const { canEncodeVideo } = await import('mediabunny');
	for (const codec of ['vp9', 'vp8'] as const) if (await canEncodeVideo(codec, { width, height })) return codec;
	return null;
}

const abortError = () => new DOMException('Recording stopped', 'AbortError');

export async function recordTimeline(mapElement: HTMLElement, o: VideoOptions): Promise<Video> {
	if (!canEncodeVideos()) throw new Error('This browser cannot encode video (no WebCodecs).');
	const { Output, WebMOutputFormat, BufferTarget, CanvasSource } = await import('mediabunny');
	const codec = await pickCodec(o.width, o.height);
	if (!codec) throw new Error('This browser has no VP9 or VP8 encoder.');
	const canvas = document.createElement('canvas');
	canvas.width = o.width;
	canvas.height = o.height;
	const ctx = canvas.getContext('2d');
	if (!ctx) throw new Error('This browser cannot draw the video frames (no 2D canvas).');

	const plan = videoPlan(o.seconds, o.fps, o.from, o.to);
	const target = new BufferTarget();
	// Not append-only: the muxer goes back to write the Duration and the Cues (the seek index) at the end.
	const output = new Output({ format: new WebMOutputFormat({ appendOnly: false }), target });
	// A key frame every second: a seek decodes at most a second of frames.
	const source = new CanvasSource(canvas, { codec, bitrate: Math.round(o.width * o.height * o.fps * 0.12), keyFrameInterval: 1 });
	output.addVideoTrack(source, { frameRate: o.fps });
	await output.start();
	const started = performance.now();
	try {
		for (let i = 0; i < plan.frames; i++) {
			if (o.signal?.aborted) throw abortError();
			const day = plan.days[i]!;
			o.setDay(day);
			await o.frameDrawn();
			drawFrame(ctx, mapCanvases(mapElement), o.text(day));
			// Waits for the encoder when it falls behind (backpressure), so memory stays bounded.
			await source.add(i / o.fps, 1 / o.fps);
			o.onProgress?.({ done: i + 1, total: plan.frames, msLeft: timeLeftMs(i + 1, plan.frames, performance.now() - started) });
		}
		source.close();
		await output.finalize();
	} catch (error) {
		await output.cancel().catch(() => {});
		throw error;
	}
	const buffer = target.buffer;
	if (!buffer) throw new Error('The video could not be written.');
	return { blob: new Blob([buffer], { type: 'video/webm' }), plan, codec, msPerFrame: (performance.now() - started) / plan.frames };
}

/**
 * What one frame costs here, measured on the current view without changing it: a redraw of the map,
 * a composite and an encode, twice (the first is a warm-up). For the menu's "takes about ..." line.
 */
export async function probeFrameMs(
	mapElement: HTMLElement,
	text: FrameText,
	redraw: () => Promise<void>,
	width: number,
	height: number
): Promise<number> {
	const canvas = document.createElement('canvas');
	canvas.width = width;
	canvas.height = height;
	const ctx = canvas.getContext('2d');
	if (!ctx || !canEncodeVideos()) return NaN;
	const codec = await pickCodec(width, height);
	if (!codec) return NaN;
	const encoder = new VideoEncoder({ output: () => {}, error: () => {} });
	encoder.configure({ codec: codec === 'vp9' ? 'vp09.00.10.08' : 'vp8', width, height, bitrate: width * height * 3 });
	const once = async (i: number) => {
		const t0 = performance.now();
		await redraw();
		drawFrame(ctx, mapCanvases(mapElement), text);
		const frame = new VideoFrame(canvas, { timestamp: i * 40_000 });
		encoder.encode(frame, { keyFrame: i === 0 });
		frame.close();
		await encoder.flush();
		return performance.now() - t0;
	};
	try {
		await once(0);
		return await once(1);
	} finally {
		encoder.close();
	}
}
