/**
 * Analyst and presenter workflow (issue 7): filters, hotspot table, privacy threshold, tooltips,
 * permalinks, present mode, exports, saved work, themes.
 */
import type { Page } from '@playwright/test';
import { test, expect, openDashboard, project, meanColor, colorDistance } from './fixtures';

interface Member {
	id: string;
	hometown: string;
	country: string;
	lon: number;
	lat: number;
	role: string;
	arrested: string;
	died: string;
	descent: string;
	lastResidence: string;
	recruiter: string;
}
type W = { __atlasState: { dataset: { members: Member[] }; filteredMembers: Member[]; visibleMembers: Member[] } & Record<string, unknown>; __atlas: { frames: number } };

const members = (page: Page) => page.evaluate(() => (window as unknown as W).__atlasState.dataset.members.map((m) => ({ ...m, plots: [] })));

/** Rows of the hotspot table as {name, count}. */
async function tableRows(page: Page) {
	return page.getByTestId('hotspot-table').locator('tbody tr[data-count]').evaluateAll((rows) =>
		rows.map((r) => ({ name: r.querySelector('th')!.textContent!.trim().replace(/\s*\+\d+$/, ''), count: Number(r.getAttribute('data-count')) }))
	);
}


/** Inside the part of the map no panel covers at 1280x800 (right of the legend, left of the panel). */
const inOpenMap = (p: { x: number; y: number }) => p.x > 360 && p.x < 890 && p.y > 165 && p.y < 690;
const degreesApart = (a: Member, b: Member) => Math.hypot(a.lon - b.lon, a.lat - b.lat);
function kmApart(a: { lon: number; lat: number }, b: { lon: number; lat: number }) {
	const r = Math.PI / 180;
	const h = Math.sin(((b.lat - a.lat) * r) / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(((b.lon - a.lon) * r) / 2) ** 2;
	return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}

const FIELD_OF: Record<string, keyof Member> = { role: 'role', arrested: 'arrested', died: 'died', descent: 'descent', residence: 'lastResidence', recruiter: 'recruiter' };

test.describe('filters and hotspot table', () => {
	test('each filter changes the heat and the table consistently', async ({ page }) => {
		await openDashboard(page);
		const all = await members(page);
		let tested = 0;
		for (const [field, key] of Object.entries(FIELD_OF)) {
			const values = [...new Set(all.map((m) => (String(m[key] ?? '').trim() || 'none')))];
			// A value that leaves a town (in the open part of the map, with nobody kept near it) with no
			// member at all: its heat must go and its row too.
			for (const value of values) {
				const kept = all.filter((m) => (String(m[key] ?? '').trim() || 'none') === value);
				const keptTowns = new Set(kept.map((m) => m.hometown));
				const size = (m: Member) => all.filter((o) => o.hometown === m.hometown).length;
				let lost: Member | undefined;
				let at = { x: 0, y: 0 };
				for (const m of all.filter((m) => !keptTowns.has(m.hometown) && size(m) >= 2).sort((a, b) => size(b) - size(a))) {
					if (kept.some((k) => degreesApart(k, m) < 1.5)) continue;
					at = await project(page, [m.lon, m.lat]);
					if (!inOpenMap(at)) continue;
					lost = m;
					break;
				}
				if (!kept.length || !lost) continue;
				const before = await meanColor(page, at.x, at.y, 3);
				await page.getByTestId(`filter-${field}-${value}`).check();
				await expect(page.getByTestId('filtered-count')).toHaveText(`${kept.length} of ${all.length}`);
				await expect.poll(async () => (await tableRows(page)).reduce((s, r) => s + r.count, 0)).toBe(kept.length);
				expect((await tableRows(page)).map((r) => r.name)).not.toContain(lost.hometown);
				await expect(page.getByTestId('legend')).toContainText(`${kept.length} of ${all.length} members shown`);
				await expect.poll(async () => colorDistance(before, await meanColor(page, at.x, at.y, 3)), `heat at ${lost.hometown} fades when filtering ${field}=${value}`).toBeGreaterThan(40);
				await page.getByTestId('filters-clear').click();
				await expect(page.getByTestId('filtered-count')).toHaveText(`${all.length} of ${all.length}`);
				await expect.poll(async () => colorDistance(before, await meanColor(page, at.x, at.y, 3)), 'heat comes back').toBeLessThan(10);
				tested++;
				break;
			}
		}
		expect(tested, 'at least one filter field could be tested on this dataset').toBeGreaterThan(0);
	});

	test('table counts by town, metro area and country; sorts; a row flies the map there', async ({ page }) => {
		await openDashboard(page);
		const all = await members(page);
		const table = page.getByTestId('hotspot-table');
		await expect(table.locator('caption')).toContainText('Members by hometown');
		const towns = await tableRows(page);
		expect(towns.reduce((s, r) => s + r.count, 0)).toBe(all.length);
		const brussels = all.find((m) => m.hometown === 'Brussels')!;
		const brusselsCommunes = all.filter((m) => kmApart(m, brussels) <= 15).length;

		await page.getByTestId('hotspot-level-metro').check();
		await expect(table).toHaveAttribute('data-level', 'metro');
		const metros = await tableRows(page);
		expect(metros.find((r) => r.name === 'Brussels')?.count, 'the Brussels communes merge into Brussels').toBe(brusselsCommunes);
		expect(metros.length).toBeLessThan(towns.length);

		await page.getByTestId('hotspot-level-country').check();
		const countries = await tableRows(page);
		expect(countries.find((r) => r.name === 'Belgium')?.count).toBe(all.filter((m) => m.country === 'BE').length);

		// Sorting: by members ascending, announced with aria-sort.
		const countHeader = table.locator('thead th').nth(2);
		await expect(countHeader).toHaveAttribute('aria-sort', 'descending');
		await page.getByTestId('hotspot-sort-count').click();
		await expect(countHeader).toHaveAttribute('aria-sort', 'ascending');
		const ascending = (await tableRows(page)).map((r) => r.count);
		expect(ascending).toEqual([...ascending].sort((a, b) => a - b));

		// Keyboard: focus a row's place and press Enter; the map flies there.
		await page.getByTestId('hotspot-level-town').check();
		await table.getByRole('button', { name: /^Brussels: show on the map/ }).focus();
		await page.keyboard.press('Enter');
		await expect
			.poll(() => page.evaluate(() => (window as unknown as W).__atlasState.view as unknown as { zoom: number; longitude: number }), { timeout: 20_000 })
			.toMatchObject({ zoom: expect.closeTo(9, 1) });
		const view = await page.evaluate(() => (window as unknown as W).__atlasState.view as unknown as { longitude: number; latitude: number });
		expect(view.longitude).toBeCloseTo(4.35, 1);
		expect(view.latitude).toBeCloseTo(50.85, 1);
	});

	test('with k = 3 no row of the table has fewer than 3 members, and tooltips name only such towns', async ({ page }) => {
		await openDashboard(page);
		const all = await members(page);
		await page.getByTestId('privacy-toggle').check();
		for (const level of ['town', 'metro', 'country']) {
			await page.getByTestId(`hotspot-level-${level}`).check();
			const rows = await tableRows(page);
			expect(rows.length).toBeGreaterThan(0);
			for (const row of rows) expect(row.count, `${level} row ${row.name}`).toBeGreaterThanOrEqual(3);
		}
		// A town with one member gives no tooltip; the biggest town does, with its count.
		const byTown = new Map<string, Member[]>();
		for (const m of all) byTown.set(m.hometown, [...(byTown.get(m.hometown) ?? []), m]);
		const [bigName, big] = [...byTown].sort((a, b) => b[1].length - a[1].length)[0]!;
		let lonely: Member | undefined;
		let far = { x: 0, y: 0 };
		for (const ms of byTown.values()) {
			if (ms.length !== 1 || all.some((o) => o !== ms[0] && degreesApart(o, ms[0]!) < 1.5)) continue;
			far = await project(page, [ms[0]!.lon, ms[0]!.lat]);
			if (inOpenMap(far)) {
				lonely = ms[0];
				break;
			}
		}
		expect(lonely, 'a town with one member, alone in the open part of the map').toBeDefined();
		const tooltip = page.locator('.deck-tooltip');
		const at = await project(page, [big[0]!.lon, big[0]!.lat]);
		await page.mouse.move(at.x, at.y);
		await expect(tooltip).toBeVisible();
		await expect(tooltip).toContainText(`${bigName} (${big[0]!.country}): ${big.length} members`);
		await page.mouse.move(far.x, far.y);
		await expect(tooltip).toBeHidden();
		await page.getByTestId('privacy-toggle').uncheck();
		await page.mouse.move(far.x + 1, far.y);
		await expect(tooltip).toContainText(`${lonely!.hometown} (${lonely!.country}): 1 member`);
	});
});

/** The map alone (panels hidden), as PNG pixels. */
async function mapPixels(page: Page) {
	await page.addStyleTag({ content: '.dashboard > :not(.map):not(.webgl-missing) { visibility: hidden !important; } .deck-tooltip { display: none !important; }' });
	const { PNG } = await import('pngjs');
	return PNG.sync.read(await page.screenshot());
}

/** Share of pixels that differ by more than a small tolerance per channel. */
function differingShare(a: { data: Buffer }, b: { data: Buffer }) {
	let differ = 0;
	for (let i = 0; i < a.data.length; i += 4) {
		if (Math.abs(a.data[i]! - b.data[i]!) > 8 || Math.abs(a.data[i + 1]! - b.data[i + 1]!) > 8 || Math.abs(a.data[i + 2]! - b.data[i + 2]!) > 8) differ++;
	}
	return differ / (a.data.length / 4);
}

async function stablePixels(page: Page) {
	let last = await mapPixels(page);
	for (let i = 0; i < 20; i++) {
		await page.waitForTimeout(400);
		const next = await mapPixels(page);
		if (differingShare(last, next) === 0) return next;
		last = next;
	}
	return last;
}

test.describe('permalinks', () => {
	test('a link restores the same view, time, filters, threshold and theme: the same pixels', async ({ page, context }) => {
		test.setTimeout(120_000);
		await openDashboard(page);
		const all = await members(page);
		const role = all.some((m) => m.role === 'inner') ? 'inner' : all[0]!.role;
		await page.getByTestId(`filter-role-${role}`).check();
		await page.getByTestId('privacy-toggle').check();
		await page.getByTestId('theme-toggle').click();
		await page.evaluate(() => {
			const app = (window as unknown as W).__atlasState as unknown as { time: number; flyTo(v: object): void };
			app.time = 700;
			app.flyTo({ longitude: 4.5, latitude: 50.5, zoom: 5 });
		});
		await expect.poll(() => page.url(), { timeout: 20_000 }).toContain('v=4.5000%2C50.5000%2C5.00');
		const url = page.url();
		expect(url).toContain(`f.role=${role}`);
		expect(url).toContain('k=3');
		expect(url).toContain('theme=dark');
		expect(url).toContain('t=2015-12-02');
		const original = await stablePixels(page);

		const second = await context.newPage();
		await openDashboard(second, url.slice(url.indexOf('?')));
		await expect(second.getByTestId(`filter-role-${role}`)).toBeChecked();
		await expect(second.getByTestId('privacy-toggle')).toBeChecked();
		const restored = await stablePixels(second);
		expect(differingShare(original, restored), 'share of differing pixels').toBeLessThan(0.002);
		// And the link is not a no-op: the default view looks different.
		const third = await context.newPage();
		await openDashboard(third);
		expect(differingShare(original, await stablePixels(third))).toBeGreaterThan(0.2);
	});

	test('the copy-link button gives the current link; bad parameters become a visible note', async ({ page, context }) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		await openDashboard(page, '?k=banana&theme=dark');
		await expect(page.getByTestId('url-notes')).toContainText('Ignored "k"');
		await page.getByTestId('copy-link').click();
		const field = page.getByTestId('copy-link-fallback');
		const copied = (await field.count()) ? await field.inputValue() : await page.evaluate(() => navigator.clipboard.readText());
		expect(copied).toContain('theme=dark');
		expect(copied).not.toContain('banana');
	});
});

type App = { time: number; view: { longitude: number; latitude: number; zoom: number }; flyTo(v: object): void; presenting: boolean; filters: Record<string, string[]> };
const app = (page: Page) => page.evaluate(() => {
	const a = (window as unknown as W).__atlasState as unknown as App;
	return { time: a.time, view: { ...a.view }, presenting: a.presenting, role: [...a.filters.role!] };
});

test.describe('present mode', () => {
	test('scenes step with PageDown/PageUp and the arrow keys, Space plays, Esc leaves; scenes travel in the link', async ({ page, context }) => {
		test.setTimeout(150_000);
		await openDashboard(page);
		// Scene 1: Brussels late 2015, inner circle only. Scene 2: the whole map, mid 2014.
		await page.evaluate(() => {
			const a = (window as unknown as W).__atlasState as unknown as App;
			a.time = 680;
			a.flyTo({ longitude: 4.35, latitude: 50.85, zoom: 7 });
		});
		await expect.poll(async () => (await app(page)).view.zoom, { timeout: 20_000 }).toBeCloseTo(7, 1);
		await page.getByTestId('filter-role-inner').check();
		await page.getByTestId('scenes').locator('summary').click();
		await page.getByTestId('scene-name').fill('Brussels');
		await page.getByTestId('scene-add').click();
		await page.getByTestId('filters-clear').click();
		await page.evaluate(() => {
			const a = (window as unknown as W).__atlasState as unknown as App;
			a.time = 200;
			a.flyTo({ longitude: 14, latitude: 43.5, zoom: 3.35 });
		});
		await expect.poll(async () => (await app(page)).view.zoom, { timeout: 20_000 }).toBeCloseTo(3.35, 1);
		await page.getByTestId('scene-name').fill('Europe 2014');
		await page.getByTestId('scene-add').click();

		await page.getByTestId('present').click();
		const present = page.getByTestId('present-mode');
		await expect(present).toBeVisible();
		await expect(page.getByTestId('hotspot-table')).toBeHidden();
		await expect(page.getByTestId('legend')).toBeVisible();

		await page.keyboard.press('PageDown');
		await expect(page.getByTestId('present-scene')).toHaveText('Brussels (1 / 2)');
		await expect.poll(async () => (await app(page)).view.zoom, { timeout: 20_000 }).toBeCloseTo(7, 1);
		expect(await app(page)).toMatchObject({ time: 680, role: ['inner'] });
		await expect(page.getByTestId('present-date')).toHaveText('12 November 2015');

		await page.keyboard.press('ArrowRight');
		await expect(page.getByTestId('present-scene')).toHaveText('Europe 2014 (2 / 2)');
		await expect.poll(async () => (await app(page)).view.zoom, { timeout: 20_000 }).toBeCloseTo(3.35, 1);
		expect(await app(page)).toMatchObject({ time: 200, role: [] });

		await page.keyboard.press('PageUp');
		await expect(page.getByTestId('present-scene')).toHaveText('Brussels (1 / 2)');
		await page.keyboard.press('ArrowLeft');
		await expect(page.getByTestId('present-scene')).toHaveText('Brussels (1 / 2)');

		await page.keyboard.press('Space');
		await expect(present).toHaveAttribute('data-playing', 'true');
		await expect.poll(async () => (await app(page)).time).toBeGreaterThan(700);
		await page.keyboard.press('Space');
		await expect(present).toHaveAttribute('data-playing', 'false');

		await page.keyboard.press('Escape');
		await expect(present).toBeHidden();
		await expect(page.getByTestId('hotspot-table')).toBeVisible();

		// The link carries the scenes.
		await expect.poll(() => page.url()).toContain('scenes=');
		const url = page.url();
		const other = await context.newPage();
		await openDashboard(other, url.slice(url.indexOf('?')));
		await expect(other.getByTestId('scenes').getByRole('button', { name: 'Europe 2014', exact: true })).toBeVisible();
		await other.getByTestId('present').click();
		await other.keyboard.press('PageDown');
		await expect(other.getByTestId('present-scene')).toHaveText('Brussels (1 / 2)');
	});
});
