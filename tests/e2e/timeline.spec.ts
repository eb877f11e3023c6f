import type { Page } from '@playwright/test';
import { test, expect, openDashboard, project, meanColor, colorDistance, animationFrames } from './fixtures';
import { emptyRecord, type MemberRecord } from '../../src/lib/core/data/member';

const BRUSSELS: [number, number] = [4.35, 50.85];

/**
 * Lets the page draw what the test just changed: Svelte flushes in a microtask, deck.gl redraws in its
 * next animation frame; three frames later the new picture is on screen.
 */
async function nextFrame(page: Page) {
	await page.evaluate(
		() =>
			new Promise<void>((resolve) => {
				let n = 0;
				const tick = () => (++n >= 3 ? resolve() : requestAnimationFrame(tick));
				requestAnimationFrame(tick);
			})
	);
}

async function colourAt(page: Page, lngLat: [number, number]) {
	const p = await project(page, lngLat);
	return meanColor(page, p.x, p.y);
}

/** Drags the slider's thumb from one end of the track to a fraction of its width. */
async function dragSliderTo(page: Page, fraction: number) {
	const box = (await page.getByTestId('time-slider').boundingBox())!;
	const y = box.y + box.height / 2;
	await page.mouse.move(box.x + 1, y);
	await page.mouse.down();
	await page.mouse.move(box.x + box.width * fraction, y, { steps: 8 });
	await page.mouse.up();
}

test.describe('timeline', () => {
	test('moving the slider from January 2014 to December 2016 raises the heat over Brussels', async ({ page }) => {
		await openDashboard(page, '?t=2014-01-01');
		const slider = page.getByTestId('time-slider');
		await expect(slider).toHaveAttribute('aria-valuetext', /^1 January 2014/);
		await nextFrame(page);
		const early = await colourAt(page, BRUSSELS);

		// Drag the thumb to the end of the track, then a year back with the keyboard: 31 December 2016.
		await dragSliderTo(page, 0.999);
		await page.keyboard.press('End');
		// The demo's dates may reach past 2016: back a year at a time to 31 December 2016.
		while (Number(await slider.getAttribute('aria-valuenow')) > 1095) await page.keyboard.press('PageDown');
		await expect(slider).toHaveAttribute('aria-valuetext', /^31 December 2016/);
		await nextFrame(page);
		const late = await colourAt(page, BRUSSELS);

		expect(colorDistance(early, late), 'the heat over Brussels changes').toBeGreaterThan(30);
		// Up the YlOrRd ramp, blue falls (pale yellow 178 ... red 32): hotter, not just different.
		expect(late[2], 'hotter over Brussels').toBeLessThan(early[2] - 20);
	});

	test('in window mode a date before any member shows no heat at all', async ({ page }) => {
		// The whole data period: the study period (the default) starts after the first members.
		await openDashboard(page, '?period=2012-2016');
		await page.getByTestId('mode-toggle').getByRole('radio', { name: 'Window' }).check();
		const slider = page.getByTestId('time-slider');
		await slider.focus();
		await page.keyboard.press('Home');
		const { first, start } = await page.evaluate(() => {
			const s = window.__atlasState!;
			return { first: s.views.timeIndex.days[0]!, start: s.timeline.domain[0] };
		});
		expect(first, 'the data starts after the slider does').toBeGreaterThan(start);
		// Day by day to the day before the first member.
		for (let day = start; day < first - 1; day++) await page.keyboard.press('Shift+ArrowRight');
		await expect(slider).toHaveAttribute('aria-valuenow', String(first - 1));
		expect(await page.evaluate(() => window.__atlasState!.views.visibleCount)).toBe(0);
		await expect(page.getByTestId('legend')).toContainText('0 of');
		await nextFrame(page);
		const empty = await colourAt(page, BRUSSELS);

		await page.evaluate(() => window.__atlasState!.view.setLayerVisible('heat', false));
		await nextFrame(page);
		const bare = await colourAt(page, BRUSSELS);
		expect(colorDistance(empty, bare), 'Brussels looks like the bare map').toBeLessThan(2);
	});

	test('Space starts and stops playing, on the slider and anywhere on the page', async ({ page }) => {
		await openDashboard(page, '?t=2014-03-01');
		const play = page.getByTestId('play');
		const slider = page.getByTestId('time-slider');
		await slider.focus();
		const start = Number(await slider.getAttribute('aria-valuenow'));

		await page.keyboard.press('Space');
		await expect(play).toHaveAttribute('aria-pressed', 'true');
		await expect(play).toHaveAccessibleName('Pause');
		await expect.poll(async () => Number(await slider.getAttribute('aria-valuenow'))).toBeGreaterThan(start);

		await page.keyboard.press('Space');
		await expect(play).toHaveAttribute('aria-pressed', 'false');
		await expect(play).toHaveAccessibleName('Play');
		const stopped = await slider.getAttribute('aria-valuenow');
		// Playing moves the date every frame: after 20 more frames a running clock would show.
		await animationFrames(page, 20);
		await expect(slider).toHaveAttribute('aria-valuenow', stopped!);

		// From the page itself (nothing focused), as a presenter would.
		await slider.blur();
		await page.keyboard.press('Space');
		await expect(play).toHaveAttribute('aria-pressed', 'true');
		await page.keyboard.press('Space');
		await expect(play).toHaveAttribute('aria-pressed', 'false');
	});

	test('while the date moves, the route motion dots go to MapLibre only when motion is on', async ({ page }) => {
		// Sending them again at every date (the same empty collection) made MapLibre redraw the basemap on every
		// frame of playback. Counted at the source's setData, with motion on as the case that must send.
		await openDashboard(page, '?t=2015-01-01');
		const sent = await page.evaluate(async () => {
			const map = window.__atlas!.map;
			const app = window.__atlasState!;
			const source = map.getSource('routes-motion') as unknown as { setData(data: unknown): unknown };
			let calls = 0;
			const setData = source.setData.bind(source);
			source.setData = (data) => {
				calls++;
				return setData(data);
			};
			const twoFrames = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
			const stepDates = async (from: number) => {
				for (let k = 1; k <= 10; k++) {
					app.timeline.setTime(from + 7 * k);
					await twoFrames();
				}
			};
			app.timeline.playStepped(365);
			await stepDates(365);
			const off = calls;
			app.routes.setMotion(true);
			await stepDates(500);
			app.routes.setMotion(false);
			app.timeline.pause();
			return { off, on: calls - off };
		});
		expect(sent.off).toBe(0);
		expect(sent.on).toBeGreaterThanOrEqual(10);
	});

	test('the named hometowns go to MapLibre only where their labels show, and only when a name or count changes', async ({ page }) => {
		// Each setData is re-tiled in MapLibre's worker and redraws the basemap; the lists change with the date.
		await openDashboard(page, '?t=2015-01-01');
		const stepAndCount = (from: number) =>
			page.evaluate(async (from) => {
				const map = window.__atlas!.map;
				const app = window.__atlasState!;
				const source = map.getSource('hometowns') as unknown as { setData(data: unknown): unknown; __calls?: number };
				if (source.__calls === undefined) {
					source.__calls = 0;
					const setData = source.setData.bind(source);
					source.setData = (data) => {
						source.__calls!++;
						return setData(data);
					};
				}
				const before = source.__calls;
				const twoFrames = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
				const towns = new Set<string>();
				for (let k = 1; k <= 10; k++) {
					app.timeline.setTime(from + 30 * k);
					await twoFrames();
					towns.add(app.views.namedTowns.map((t) => `${t.name} ${t.count}`).join());
				}
				return { sent: source.__calls - before, differentLists: towns.size };
			}, from);
		const far = await stepAndCount(365);
		expect(far.differentLists, 'the named towns changed with the date').toBeGreaterThan(1);
		expect(far.sent, 'at the start view (labels hidden at this zoom)').toBe(0);
		await page.evaluate(() => window.__atlas!.map.jumpTo({ center: [4.35, 50.85], zoom: 11 }));
		const near = await stepAndCount(365);
		expect(near.sent, 'zoomed in: sent when what the labels show changes').toBeGreaterThanOrEqual(1);
		expect(near.sent).toBeLessThanOrEqual(near.differentLists + 1);
	});

	test('while the date moves, deck.gl redraws without measuring its canvas (no forced layout a frame)', async ({ page }) => {
		// Handing the overlay a pixel ratio with every new set of layers made luma.gl read the canvas's
		// position each time: a layout forced at every date, after the date's text had changed.
		await openDashboard(page, '?t=2015-01-01');
		const seen = await page.evaluate(async () => {
			const canvas = document.getElementById('deckgl-overlay') as HTMLCanvasElement;
			let measured = 0;
			const measure = canvas.getBoundingClientRect.bind(canvas);
			canvas.getBoundingClientRect = () => {
				measured++;
				return measure();
			};
			const app = window.__atlasState!;
			const frames0 = window.__atlas!.frames;
			const twoFrames = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
			app.timeline.playStepped(365);
			for (let k = 1; k <= 10; k++) {
				app.timeline.setTime(365 + 7 * k);
				await twoFrames();
			}
			app.timeline.pause();
			return { measured, frames: window.__atlas!.frames - frames0 };
		});
		expect(seen.frames, 'deck.gl drew the new dates').toBeGreaterThanOrEqual(5);
		expect(seen.measured).toBe(0);
	});

	test('the slider has ARIA slider semantics, arrows step a month, Home and End jump', async ({ page }) => {
		await openDashboard(page, '?t=2016-01-31');
		const slider = page.getByRole('slider', { name: 'Date' });
		const [min, max] = await page.evaluate(() => window.__atlasState!.timeline.domain);
		expect(min).toBeLessThanOrEqual(0); // never narrower than 2014-2016
		expect(max).toBeGreaterThanOrEqual(1095);
		await expect(slider).toHaveAttribute('aria-valuemin', String(min));
		await expect(slider).toHaveAttribute('aria-valuemax', String(max));
		await slider.focus();
		await page.keyboard.press('ArrowRight');
		await expect(slider).toHaveAttribute('aria-valuetext', /^29 February 2016/);
		await page.keyboard.press('ArrowLeft');
		await expect(slider).toHaveAttribute('aria-valuetext', /^29 January 2016/);
		await page.keyboard.press('End');
		await expect(slider).toHaveAttribute('aria-valuenow', String(max));
		await expect(page.getByTestId('current-date')).toHaveText(/^31 December 20\d\d$/);
		await page.keyboard.press('Home');
		await expect(slider).toHaveAttribute('aria-valuenow', String(min));
		await expect(page.getByTestId('current-date')).toHaveText(/^1 January 20\d\d$/);
	});

	test('the URL round-trips the time, the mode and the window', async ({ page }) => {
		await openDashboard(page, '?t=2015-11-13&mode=window&w=6');
		const slider = page.getByTestId('time-slider');
		await expect(slider).toHaveAttribute('aria-valuenow', '681');
		await expect(page.getByTestId('current-date')).toHaveText('13 November 2015');
		await expect(page.getByTestId('mode-toggle').getByRole('radio', { name: 'Window' })).toBeChecked();
		await expect(page.getByLabel('Window width')).toHaveValue('6');
		await expect.poll(() => new URL(page.url()).search).toContain('t=2015-11-13');
		expect(new URL(page.url()).searchParams.get('mode')).toBe('window');
		expect(new URL(page.url()).searchParams.get('w')).toBe('6');

		await slider.focus();
		await page.keyboard.press('ArrowRight');
		await expect.poll(() => new URL(page.url()).searchParams.get('t')).toBe('2015-12-13');
		await page.reload();
		await expect(page.getByTestId('time-slider')).toHaveAttribute('aria-valuetext', /^13 December 2015/);
	});

	test('plots and policy dates sit on the track with a tooltip each', async ({ page }) => {
		await openDashboard(page);
		const markers = page.getByTestId('timeline-event');
		expect(await markers.count()).toBeGreaterThanOrEqual(3);
		const paris = page.locator('[data-testid="timeline-event"].plot.successful').first();
		await paris.hover();
		const tip = page.getByRole('tooltip');
		await expect(tip).toContainText('Successful attack');
		await expect(tip).toContainText('Source:');
		await expect(page.locator('[data-testid="timeline-event"].plot.foiled').first()).toHaveAccessibleName(/^Foiled plot/);
		await expect(page.locator('[data-testid="timeline-event"].policy').first()).toHaveAccessibleName(/^Policy/);
	});

	test('a plot appears on the map at its date, with a tooltip giving date, place, outcome and source', async ({ page }) => {
		// A 3-month window: the earlier Paris plots (January, August 2015) are out of it on 12 November.
		await openDashboard(page, '?t=2015-11-12&mode=window&w=3');
		// The events file loads after the first view: wait for it, then read the Bataclan entry.
		await page.waitForFunction(() => window.__atlasState!.timeline.events.length > 0);
		const event = await page.evaluate(() =>
			window.__atlasState!.timeline.events.find((e) => e.date === '2015-11-13' && e.kind === 'plot')!
		);
		// Zoomed in on Paris so the marker stands apart from the heat.
		await page.evaluate((c) => window.__atlas!.map.jumpTo({ center: c, zoom: 7 }), [event.lon, event.lat] as [number, number]);
		// MapLibre draws the markers: wait until the view is drawn to its last tile.
		await page.evaluate(
			() =>
				new Promise<void>((resolve) => {
					const map = window.__atlas!.map;
					map.once('idle', () => resolve());
					map.triggerRepaint();
				})
		);
		const paris = await project(page, [event.lon, event.lat]);
		const before = await meanColor(page, paris.x, paris.y, 3);

		const slider = page.getByTestId('time-slider');
		await slider.focus();
		await page.keyboard.press('Shift+ArrowRight');
		await expect(slider).toHaveAttribute('aria-valuetext', /^13 November 2015/);
		// The marker's data goes through MapLibre's worker: poll until it is drawn.
		await expect
			.poll(async () => colorDistance(before, await meanColor(page, paris.x, paris.y, 3)), { message: 'the Paris marker appears' })
			.toBeGreaterThan(60);

		await page.mouse.move(paris.x, paris.y);
		const tooltip = page.locator('.map-tooltip');
		await expect(tooltip).toContainText('2015-11-13');
		await expect(tooltip).toContainText('Bataclan');
		await expect(tooltip).toContainText('Successful attack');
		await expect(tooltip).toContainText('Source:');
	});

	test('the heat colour of a place holds while others grow, unless rescaling is chosen', async ({ page }) => {
		await openDashboard(page);
		// Three people in Lyon early on; forty in Hamburg later.
		const member = (id: string, lon: number, lat: number, day: number): MemberRecord => ({
			...emptyRecord(id),
			lon,
			lat,
			day,
			dayEnd: day,
			datePrecision: 'day',
			role: 'wider',
			source: 'test'
		});
		const members = [
			...[0, 1, 2].map((i) => member(`lyon${i}`, 4.83, 45.76, 100)),
			...Array.from({ length: 40 }, (_, i) => member(`hh${i}`, 9.99, 53.55, 800))
		];
		await page.evaluate((members) => window.__atlasState!.dataset.set({ synthetic: true, members }, 'test'), members);
		const lyon: [number, number] = [4.83, 45.76];
		const slider = page.getByTestId('time-slider');
		await slider.focus();
		await page.keyboard.press('Home');
		await page.keyboard.press('PageUp'); // 1 January 2015: only Lyon
		await nextFrame(page);
		const alone = await colourAt(page, lyon);
		await page.keyboard.press('End'); // Hamburg too
		await nextFrame(page);
		const withOthers = await colourAt(page, lyon);
		expect(colorDistance(alone, withOthers), 'fixed scale: Lyon keeps its colour').toBeLessThan(4);

		await page.getByTestId('heat-rescale').check();
		await expect(page.getByTestId('heat-scale-note')).toContainText('not comparable');
		await nextFrame(page);
		const rescaledWithOthers = await colourAt(page, lyon);
		await slider.focus();
		await page.keyboard.press('Home');
		await page.keyboard.press('PageUp');
		await nextFrame(page);
		const rescaledAlone = await colourAt(page, lyon);
		expect(colorDistance(rescaledAlone, rescaledWithOthers), 'rescaled: Lyon cools when Hamburg grows').toBeGreaterThan(20);
	});
});
