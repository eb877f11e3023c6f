/**
 * What leaves the app is what the user saw: the PNG's key names the numbers, mode, filters and
 * threshold; data exports hold the slider's date unless every date is asked for, and are named so;
 * the timeline video has the chosen length, a seek index, and the frame at 80% shows the date there.
 */
import type { Page } from '@playwright/test';
import { test, expect, openDashboard } from './fixtures';
import { exportLayout } from '../../src/lib/core/export/layout';
import { frameAt, videoPlan } from '../../src/lib/core/export/video-frames';

import './hooks';

const app = (page: Page) =>
	page.evaluate(() => {
		const a = window.__atlasState!;
		return {
			visible: a.views.visibleCount,
			total: a.dataset.index.members.length,
			time: a.timeline.time,
			domain: [...a.timeline.domain] as [number, number]
		};
	});

async function openExport(page: Page) {
	await page.getByTestId('export-menu-button').click();
	await expect(page.getByTestId('export-menu')).toBeVisible();
}

async function downloadOf(page: Page, testId: string, timeout = 30_000) {
	const [download] = await Promise.all([page.waitForEvent('download', { timeout }), page.getByTestId(testId).click()]);
	const { readFileSync } = await import('node:fs');
	return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
}

test('the PNG key names the mode, the window and the filters, and the threshold only when one applies', async ({ page }) => {
	await openDashboard(page, '?t=2015-11-13&mode=window&w=6&f.role=inner&k=3');
	await openExport(page);
	const png = await downloadOf(page, 'export-png');
	expect(png.name).toBe('hometown-atlas-synthetic-2015-11-13-window-6m-filtered.png');
	const key = await page.getByTestId('export-menu').getAttribute('data-key');
	expect(key).toMatch(/^1 \| \d+(\.\d)? \| \d+\+ people \| /);
	expect(key).toContain('6-month window to 13 November 2015');
	expect(key).toContain('Filter: Role: Inner circle');
	expect(key).toContain('Places with fewer than 3 members not named');
});

test('the PNG key of an unfiltered view without a threshold says neither', async ({ page }) => {
	await openDashboard(page, '?t=2015-11-13');
	await openExport(page);
	await downloadOf(page, 'export-png');
	const plain = await page.getByTestId('export-menu').getAttribute('data-key');
	expect(plain).toContain('cumulative to 13 November 2015');
	expect(plain).not.toContain('Places with fewer');
	expect(plain).not.toContain('Filter:');
});

test("the CSV holds what the screen shows at the slider's date, or every date when asked, and says which", async ({ page }) => {
	await openDashboard(page, '?t=2015-11-13');
	const { visible, total } = await app(page);
	expect(visible).toBeLessThan(total);
	await openExport(page);
	await page.getByTestId('export-k').fill('0');
	await page.getByTestId('export-k').dispatchEvent('change');
	const Papa = (await import('papaparse')).default;
	const rowsOf = (bytes: Buffer) =>
		Papa.parse<Record<string, string>>(bytes.toString('utf8').replace(/^\ufeff/, ''), { header: true, skipEmptyLines: true }).data;

	const atDate = await downloadOf(page, 'export-csv');
	expect(atDate.name).toBe('hometown-atlas-synthetic-2015-11-13-cumulative.csv');
	const rows = rowsOf(atDate.bytes);
	expect(rows).toHaveLength(visible);
	expect(rows.every((r) => r.first_act_date! <= '2015-11-13')).toBe(true);
	await expect(page.getByTestId('export-status')).toContainText(`${visible} members at 13 November 2015 exported`);

	await page.getByTestId('export-all-dates').check();
	const all = await downloadOf(page, 'export-csv');
	expect(all.name).toBe('hometown-atlas-synthetic-all-dates.csv');
	expect(rowsOf(all.bytes)).toHaveLength(total);
});

test('the video has the chosen length and a seek index, and the frame at 80% shows the date expected there', async ({ page }) => {
	// Drawing 30 frames in software WebGL takes as long as the machine needs: the steps below wait on the
	// app's signals (the estimate measured, the progress lines, the download) with no bound of their own;
	// the test's timeout is the only limit, generous for a shared machine.
	test.setTimeout(360_000);
	await openDashboard(page);
	const { domain } = await app(page);
	await openExport(page);
	await page.getByLabel('Video size').selectOption('854x480');
	await page.getByLabel('Video length (speed)').selectOption('3');
	await page.getByLabel('Frame rate').selectOption('10');
	await expect(page.getByTestId('video-estimate')).toContainText(/30 frames of 3 s at 10 fps: takes about \d+ (s|min) here/, {
		timeout: 0
	});
	// Every progress line the menu shows is recorded as it appears, so none is missed however fast it goes.
	await page.evaluate(() => {
		const seen: string[] = ((window as unknown as { __progressSeen: string[] }).__progressSeen = []);
		new MutationObserver(() => {
			const text = document.querySelector('[data-testid="video-progress"]')?.textContent ?? '';
			if (text && seen[seen.length - 1] !== text) seen.push(text);
		}).observe(document.body, { subtree: true, childList: true, characterData: true });
	});
	const downloaded = page.waitForEvent('download', { timeout: 0 });
	await page.getByTestId('export-video').click();
	const download = await downloaded;
	const progressSeen = await page.evaluate(() => (window as unknown as { __progressSeen: string[] }).__progressSeen);
	expect(
		progressSeen.some((t) => /^Frame \d+ of 30, about \d+ (s|min) left$/.test(t)),
		`progress lines: ${progressSeen.join(' | ')}`
	).toBe(true);
	const { readFileSync } = await import('node:fs');
	const bytes = readFileSync((await download.path())!);
	expect(download.suggestedFilename()).toBe('hometown-atlas-synthetic-timeline-854x480-3s.webm');
	expect(bytes.subarray(0, 4).toString('hex'), 'WebM (EBML) header').toBe('1a45dfa3');
	expect(bytes.includes(Buffer.from('1c53bb6b', 'hex')), 'a Cues element (the seek index)').toBe(true);
	await expect(page.getByTestId('export-status')).toContainText('30 frames, 3 s');

	const plan = videoPlan(3, 10, domain[0], domain[1]);
	const layout = exportLayout(854, 480, true);
	const seen = await page.evaluate(
		async ({ b64, at, bar }) => {
			const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
			const el = document.createElement('video');
			el.muted = true;
			el.preload = 'auto';
			el.src = URL.createObjectURL(new Blob([data], { type: 'video/webm' }));
			await new Promise((resolve, reject) => {
				el.onloadedmetadata = resolve;
				el.onerror = () => reject(new Error('video error'));
			});
			const duration = el.duration;
			el.currentTime = duration * at;
			await new Promise((resolve) => (el.onseeked = resolve));
			const c = document.createElement('canvas');
			c.width = el.videoWidth;
			c.height = el.videoHeight;
			const ctx = c.getContext('2d', { willReadFrequently: true })!;
			// 'seeked' can come before the decoder has the frame (a busy machine decodes in software):
			// until then the element draws nothing. Drawn again each animation frame until it has pixels.
			for (let i = 0; i < 600; i++) {
				ctx.clearRect(0, 0, c.width, c.height);
				ctx.drawImage(el, 0, 0);
				if (ctx.getImageData(0, 0, c.width, c.height).data.some((v) => v !== 0)) break;
				await new Promise((resolve) => requestAnimationFrame(resolve));
			}
			// The progress bar under the date: its blue (#2c6fb7) part is how far through the period the frame is.
			const row = ctx.getImageData(bar.x, Math.round(bar.y + bar.height / 2), bar.width, 1).data;
			let filled = 0;
			for (let i = 0; i < row.length; i += 4) if (row[i]! < 110 && row[i + 2]! > 140 && row[i + 2]! - row[i]! > 60) filled++;
			const all = ctx.getImageData(0, 0, c.width, c.height).data;
			let heat = 0;
			for (let i = 0; i < all.length; i += 4) if (all[i]! > 200 && all[i + 1]! < 150 && all[i + 2]! < 90) heat++;
			return { duration, time: el.currentTime, fraction: filled / bar.width, heat, width: c.width };
		},
		{ b64: bytes.toString('base64'), at: 0.8, bar: layout.progress }
	);
	expect(seen.width).toBe(854);
	expect(Math.abs(seen.duration - 3), `duration ${seen.duration}`).toBeLessThanOrEqual(1 / 10);
	const frame = frameAt(plan, seen.time);
	const expectedDay = plan.days[frame]!;
	const shownDay = domain[0] + seen.fraction * (domain[1] - domain[0]);
	const dayStep = (domain[1] - domain[0]) / (plan.frames - 1);
	expect(Math.abs(shownDay - expectedDay), `frame ${frame}: bar at ${seen.fraction.toFixed(3)}`).toBeLessThanOrEqual(dayStep);
	expect(seen.heat, 'heat-coloured pixels in the frame at 80%').toBeGreaterThan(200);
});
