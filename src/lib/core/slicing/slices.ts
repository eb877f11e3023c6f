/**
 * Long computations written once, as generators that `yield` at safe points, and run either at once
 * (small inputs: the result is there synchronously, as tests and small datasets expect) or in slices
 * of a few tens of milliseconds with the event loop let in between (large inputs: the page keeps
 * answering and no task grows past the 200 ms the browser calls long).
 */
export type Sliced<T> = Generator<void, T, void>;

export function runAtOnce<T>(work: Sliced<T>): T {
	for (;;) {
		const step = work.next();
		if (step.done) return step.value;
	}
}

export interface SliceOptions {
	/** Work this long, then let the event loop run. */
	budgetMs?: number;
	/** Resolves once the event loop has had its turn (a macrotask: timers, input, rendering). */
	yieldToEventLoop?: () => Promise<void>;
	/** Asked after every break: true abandons the work (a newer input replaced it). */
	cancelled?: () => boolean;
	now?: () => number;
}

/** Runs the generator in slices; null when cancelled. */
export async function runInSlices<T>(work: Sliced<T>, options: SliceOptions = {}): Promise<T | null> {
	const {
		budgetMs = 30,
		yieldToEventLoop = () => new Promise<void>((r) => setTimeout(r, 0)),
		cancelled = () => false,
		now = () => performance.now()
	} = options;
	let sliceStart = now();
	for (;;) {
		const step = work.next();
		if (step.done) return step.value;
		if (now() - sliceStart >= budgetMs) {
			await yieldToEventLoop();
			if (cancelled()) {
				work.return(undefined as never);
				return null;
			}
			sliceStart = now();
		}
	}
}

/** How many loop iterations between yields: cheap enough to test often, small enough to stop on time. */
export const YIELD_EVERY = 1024; // a power of two: callers test (i & (YIELD_EVERY - 1)); small, so a slice overruns its budget by little

/** A macrotask break that is not clamped to 4 ms like nested setTimeout (the browser's and Node's MessageChannel). */
export function nextTask(): Promise<void> {
	return new Promise((resolve) => {
		const channel = new MessageChannel();
		channel.port1.onmessage = () => {
			channel.port1.close();
			resolve();
		};
		channel.port2.postMessage(null);
	});
}
