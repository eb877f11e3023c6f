/**
 * One import through the panel, as the large-import and large-files benches measure it: the app opened
 * with a long-task observer, left to settle after its first heat, then the file chosen; the time to the
 * report ("N rows read") and to the first frame with the new data, the main thread's long tasks from the
 * choice to 2 s after that frame, and (when asked) the page's peak JavaScript heap sampled through the
 * DevTools protocol every half second (the import worker's own heap is not in it).
 */
import type { BenchContext } from './context';
import type {} from '../src/lib/test-hooks';

export interface ImportRun {
	longest: number;
	over200: number;
	total: number;
	reportMs: number;
	drawnMs: number;
	/** Peak JS heap of the page, MB (0 when not sampled). */
	heapMB: number;
}

export async function measureImport(
	ctx: BenchContext,
	file: string,
	rows: number,
	{ timeoutMs, sampleHeap, settle = false }: { timeoutMs: number; sampleHeap: boolean; settle?: boolean }
): Promise<ImportRun> {
	const browser = await ctx.launch();
	try {
		const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
		await page.addInitScript(() => {
			const w = window as unknown as { __long: number[]; __lastLongEnd: number };
			w.__long = [];
			w.__lastLongEnd = 0;
			new PerformanceObserver((list) => {
				for (const e of list.getEntries()) {
					w.__long.push(e.duration);
					w.__lastLongEnd = Math.max(w.__lastLongEnd, e.startTime + e.duration);
				}
			}).observe({ type: 'longtask' });
		});
		await page.goto(ctx.baseURL);
		await page.waitForFunction(() => window.__atlas?.heatDrawn === true, null, { timeout: 60_000 });
		await page.waitForTimeout(1500);
		// With `settle`: also until no long task for 3 s (30 s at most), so the page's own start (the shaders of
		// layers first drawn after the heat, over a second in software WebGL on a busy machine) is not counted as the import's.
		if (settle)
			await page.waitForFunction(
				(from) => {
					const now = performance.now();
					return now - (window as unknown as { __lastLongEnd: number }).__lastLongEnd > 3000 || now - from > 30_000;
				},
				await page.evaluate(() => performance.now()),
				{ timeout: 60_000, polling: 100 }
			);
		await page.evaluate(() => ((window as unknown as { __long: number[] }).__long = []));
		let heap = 0;
		let sampling = sampleHeap;
		const sampler = (async () => {
			if (!sampling) return;
			const cdp = await page.context().newCDPSession(page);
			await cdp.send('Performance.enable');
			while (sampling) {
				try {
					const { metrics } = await cdp.send('Performance.getMetrics');
					heap = Math.max(heap, metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0);
				} catch {
					return;
				}
				await new Promise((r) => setTimeout(r, 500));
			}
		})();
		const t0 = Date.now();
		await page.getByTestId('import-file').setInputFiles(file);
		await page
			.getByTestId('import-report')
			.filter({ hasText: `${rows.toLocaleString('en')} rows read` })
			.waitFor({ timeout: timeoutMs });
		const reportMs = Date.now() - t0;
		// Prepared (indexed, cells built) and drawn: then the first frames with the new data.
		// A small list is prepared at once and drawn already; a large one redraws once it is swapped in.
		await page.waitForFunction(() => window.__atlasState!.dataset.indexing === false, null, { timeout: timeoutMs });
		const since = await page.evaluate(() => [window.__atlas!.frames, performance.now()]);
		await page.waitForFunction(([frames, at]) => window.__atlas!.frames > frames! || performance.now() - at! > 1000, since, {
			timeout: 120_000
		});
		const drawnMs = Date.now() - t0;
		await page.waitForTimeout(2000);
		sampling = false;
		await sampler;
		const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
		return {
			longest: Math.max(0, ...long),
			total: long.reduce((a, b) => a + b, 0),
			over200: long.filter((d) => d > 200).length,
			reportMs,
			drawnMs,
			heapMB: heap / 2 ** 20
		};
	} finally {
		await browser.close();
	}
}
