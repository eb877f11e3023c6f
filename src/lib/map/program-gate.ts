import type { Map as MapLibreMap } from 'maplibre-gl';

/**
 * MapLibre links a WebGL program the first time a frame draws a kind of layer, and at once asks for
 * its uniform blocks: a synchronous call that, in Chromium, waits for everything queued before it in
 * the GPU process. In software WebGL that queue is the frames before it, so each first link inside a
 * frame froze the page for 0.2-0.9 s at start (docs/ARCHITECTURE.md, "Start-up without a freeze").
 *
 * The gate takes MapLibre's program cache in hand: a program asked for inside a frame that the cache
 * does not hold yet is not linked there. The frame draws that layer with a stand-in that draws
 * nothing, and the program is linked in a task of its own once a fence shows that the GPU process has
 * finished what was queued before it (fences are polled without blocking); the map asks for no new frame
 * meanwhile. Then the map draws again, with the real program. The map is not 'idle' (nor 'loaded') while links wait, so screenshots,
 * exports and the tests that wait for idle never see a frame drawn with a stand-in.
 *
 * MapLibre internals used (guarded by a browser test that fails when the gate stops working):
 * `map.painter.programCache.getProgram(variant)`, the cache's `programs` by key, and a program's
 * `failedToCreate`, which makes its draw return at once.
 */

/** The parts of MapLibre's program variant the cache key is made of. */
export interface ProgramVariant {
	name: string;
	programConfiguration?: { cacheKey: string } | null;
	projectionShaderVariant: { name: string };
	showOverdrawInspector?: boolean;
	useTerrain?: boolean;
	defines?: string[];
}

/** MapLibre's program cache key (ProgramCache.getProgram), rebuilt here to look a program up without linking it. */
export function programKey(v: ProgramVariant): string {
	return (
		v.name +
		(v.programConfiguration ? v.programConfiguration.cacheKey : '') +
		`/${v.projectionShaderVariant.name}` +
		(v.showOverdrawInspector ? '/overdraw' : '') +
		(v.useTerrain ? '/terrain' : '') +
		(v.defines ? `/${v.defines.join('/')}` : '')
	);
}

interface ProgramCacheLike {
	programs: Record<string, unknown>;
	getProgram(variant: ProgramVariant): unknown;
}

export interface ProgramGate {
	/** Programs linked through the gate (outside any frame), and those MapLibre linked itself. */
	readonly linkedOutside: number;
	readonly linkedInside: number;
	/** Programs waiting for their link. */
	readonly pending: number;
	/** False once the cache key stopped matching MapLibre's (a MapLibre upgrade): the gate then lets every link through. */
	readonly working: boolean;
	/** Links waited for, in ms: the longest (each is a main-thread task of its own). */
	readonly longestLinkMs: number;
	/** Resolves once no link waits (at once when none does); the map has then been asked to draw again. */
	settled(): Promise<void>;
}

/** A stand-in program: MapLibre's draw returns at once for a program that failed to create. */
const STAND_IN = Object.freeze({ failedToCreate: true, program: null, attributes: {}, numAttributes: 0, draw() {} });

/**
 * How often a fence is polled, and how many rounds of fences a link waits for: another round when a
 * frame was drawn (by the map or deck) while one was pending. The map's repaints are held while links
 * wait (see below), so at most the frame already asked for comes between; deck draws only when its
 * layers or the view change.
 */
const POLL_MS = 4;
const MAX_FENCES = 4;

type PainterLike = { programCache?: ProgramCacheLike; context?: { gl?: WebGL2RenderingContext } };
const GATED = Symbol('gated');

/**
 * Other drawing on the page that shares the GPU process (deck's canvas): its context, fenced as well,
 * and a count of its frames, so a link also waits until that queue is done.
 */
export interface SharedDrawing {
	gl(): WebGL2RenderingContext | null;
	frames(): number;
}

export function gateProgramLinks(map: MapLibreMap, shared?: SharedDrawing): ProgramGate | null {
	const painterOf = () => (map as unknown as { painter?: PainterLike }).painter;
	const waiting = new Map<string, ProgramVariant>();
	let pumping = false;
	let frames = 0;
	let whenSettled: (() => void)[] = [];
	const state = { linkedOutside: 0, linkedInside: 0, working: true, longestLinkMs: 0 };
	// The painter's cache and context, and its own getProgram, which links.
	let cache: ProgramCacheLike;
	let gl: WebGL2RenderingContext;
	let link: (variant: ProgramVariant) => unknown;

	/** Takes the current painter's cache in hand; false where MapLibre's internals are not as expected. */
	function gatePainter(): boolean {
		const painter = painterOf();
		const c = painter?.programCache as (ProgramCacheLike & { [GATED]?: true }) | undefined;
		const g = painter?.context?.gl;
		if (!c || typeof c.getProgram !== 'function' || !c.programs || !g || typeof g.fenceSync !== 'function') return false;
		if (c[GATED]) return true;
		c[GATED] = true;
		cache = c;
		gl = g;
		link = c.getProgram.bind(c);
		waiting.clear();
		c.getProgram = (variant: ProgramVariant) => {
			const key = programKey(variant);
			const held = c.programs[key];
			if (held) return held;
			if (!state.working || g.isContextLost()) {
				state.linkedInside++;
				return link(variant);
			}
			waiting.set(key, variant);
			if (!pumping) void pump();
			return STAND_IN;
		};
		return true;
	}
	if (!gatePainter()) return null;
	// MapLibre makes a new painter (and program cache) when its lost context comes back; its own
	// listener, added when the map was made, runs before this one.
	map.getCanvas().addEventListener('webglcontextrestored', () => gatePainter());
	map.on('render', () => frames++);

	// Neither 'load' nor 'idle' while a link waits: MapLibre fires both only when loaded() says so.
	const loaded = map.loaded.bind(map);
	map.loaded = () => loaded() && waiting.size === 0 && !pumping;
	// No new frame while links wait: a frame drawn then would lack those layers anyway, and would fill the
	// GPU queue the link is waiting to see empty (while the map draws every frame, in playback or route
	// motion, it never would be). The repaint asked for meanwhile comes once the links are done.
	const repaint = map.triggerRepaint.bind(map);
	map.triggerRepaint = () => {
		if (!pumping) repaint();
	};

	const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
	/** Resolves in a task where the GPU process has done all MapLibre queued before it, no frame drawn since. */
	async function caughtUp() {
		for (let i = 0; i < MAX_FENCES; i++) {
			const before = frames + (shared?.frames() ?? 0);
			const other = shared?.gl() ?? null;
			const fences = [fenceIn(gl), other && !other.isContextLost() ? fenceIn(other) : null];
			for (const f of fences) {
				if (!f) continue;
				while (!f.gl.isContextLost() && f.gl.getSyncParameter(f.sync, f.gl.SYNC_STATUS) !== f.gl.SIGNALED) await sleep(POLL_MS);
				f.gl.deleteSync(f.sync);
			}
			if (frames + (shared?.frames() ?? 0) === before) return;
		}
	}
	function fenceIn(g: WebGL2RenderingContext) {
		const sync = g.fenceSync(g.SYNC_GPU_COMMANDS_COMPLETE, 0);
		if (!sync) return null;
		g.flush();
		return { gl: g, sync };
	}

	async function pump() {
		pumping = true;
		try {
			while (waiting.size) {
				await caughtUp();
				const [key, variant] = waiting.entries().next().value!;
				waiting.delete(key);
				if (cache.programs[key]) continue;
				const t0 = performance.now();
				const program = link(variant);
				state.longestLinkMs = Math.max(state.longestLinkMs, performance.now() - t0);
				state.linkedOutside++;
				// The key no longer matches MapLibre's: stop gating rather than link a program again every frame.
				if (cache.programs[key] !== program) state.working = false;
			}
		} finally {
			pumping = false;
			repaint();
			const done = whenSettled;
			whenSettled = [];
			for (const resolve of done) resolve();
		}
	}

	return {
		get linkedOutside() {
			return state.linkedOutside;
		},
		get linkedInside() {
			return state.linkedInside;
		},
		get pending() {
			return waiting.size + (pumping ? 1 : 0);
		},
		get working() {
			return state.working;
		},
		get longestLinkMs() {
			return state.longestLinkMs;
		},
		settled() {
			return waiting.size || pumping ? new Promise<void>((resolve) => whenSettled.push(resolve)) : Promise.resolve();
		}
	};
}
