/**
 * Evidence: the per-resident view, the tested clusters and the heat kernel in km change the map and the
 * tables together, and survive a permalink.
 */
import type { Page } from '@playwright/test';
import { test, expect, openDashboard, project, meanColor, colorDistance } from './fixtures';
import { emptyRecord } from '../../src/lib/core/data/member';
import { dayFromIso } from '../../src/lib/core/time/days';

const LUNEL: [number, number] = [4.13611, 43.67778];
/** Ghent: no member lives there; 50 km from Brussels, so a wide kernel warms it and a narrow one does not. */
const GHENT: [number, number] = [3.7174, 51.0543];

type Serialised = { data: { features: { properties: Record<string, unknown> }[] } };

/** The hotspot table's row for a place, once the rates are in. */
const row = (page: Page, name: string) =>
	page.getByTestId('hotspot-table').locator('tbody tr', { has: page.getByRole('button', { name: `${name}: show on the map` }) });

async function sourceFeatures(page: Page, id: string) {
	return page.evaluate((source) => {
		// The source's whole data (querySourceFeatures would only see the tiles in view).
		const data = window.__atlas!.map.getSource(source)?.serialize() as Serialised | undefined;
		return data ? data.data.features.map((f) => f.properties) : null;
	}, id);
}

// The scan's 999 replicates and three page loads per test take a while in software WebGL on shared CPUs.
test.describe.configure({ timeout: 180_000 });

const rgb = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));

test('the per-resident view: rates in the table, smoothed rates on the map, its own legend, kept in the link', async ({ page, watch }) => {
	await openDashboard(page, '?v=3.2,46.5,5');
	// Lunel: 12 members for 26,588 residents (GeoNames) = 45.1 per 100,000.
	const lunel = row(page, 'Lunel');
	await expect(lunel.getByTestId('rate-cell')).toHaveText('45.1');
	await expect(lunel.getByTestId('rate-cell')).toHaveAttribute('data-status', 'shown');
	// Fewer than the minimum count: no rate, said why.
	await expect(row(page, 'Chartres').getByTestId('rate-cell')).toHaveAttribute('data-status', 'below-minimum');

	const at = await project(page, LUNEL);
	const heatBefore = await meanColor(page, at.x, at.y, 2);
	await page.getByTestId('show-rate').check();
	await expect(page.getByTestId('rate-legend')).toBeVisible();
	await expect(page.getByTestId('legend')).toHaveCount(0);
	// The map draws each named town in the class of its smoothed rate; Lunel's circle is where the heat was.
	await expect.poll(async () => (await sourceFeatures(page, 'evidence-rates'))?.length ?? 0).toBeGreaterThan(0);
	const drawn = (await sourceFeatures(page, 'evidence-rates'))!;
	const lunelOnMap = drawn.find((f) => f.name === 'Lunel')!;
	expect(lunelOnMap.count).toBe(12);
	await expect
		.poll(async () => colorDistance(await meanColor(page, at.x, at.y, 2), rgb(String(lunelOnMap.color))), { timeout: 20_000 })
		.toBeLessThan(40);
	expect(colorDistance(heatBefore, rgb(String(lunelOnMap.color)))).toBeGreaterThan(40);
	// Smoothing keeps the order of well-populated towns: Lunel (45.1 raw) above Paris (1.0 raw).
	const paris = drawn.find((f) => f.name === 'Paris')!;
	expect(Number(lunelOnMap.smoothed)).toBeGreaterThan(Number(paris.smoothed));
	const legendCount = Number((await page.getByTestId('rate-legend-count').textContent())!.match(/^(\d+) towns/)![1]);
	expect(drawn.length).toBe(legendCount);

	// The same view from its link.
	await expect.poll(() => page.url()).toContain('show=rate');
	const link = page.url();
	await page.goto(link);
	// The per-resident view draws no deck heat (its rates are MapLibre's): wait for the members, then the rate colour.
	await page.waitForFunction(() => (window.__atlasState?.views.visibleCount ?? 0) > 0, null, { timeout: 60_000 });
	await expect(page.getByTestId('rate-legend')).toBeVisible();
	await expect(page.getByTestId('show-rate')).toBeChecked();
	await expect
		.poll(async () => colorDistance(await meanColor(page, at.x, at.y, 2), rgb(String(lunelOnMap.color))), { timeout: 30_000 })
		.toBeLessThan(40);
	void watch;
});

test('tested clusters: run in the worker with progress, listed and drawn, follow the filters, kept in the link', async ({
	page,
	watch
}) => {
	await openDashboard(page, '?v=4.3,50.8,7');
	await page.getByTestId('scan-toggle').check();
	await expect(page.getByTestId('p-value-meaning')).toContainText('does not');
	const table = page.getByTestId('cluster-table');
	await expect(table).toBeVisible({ timeout: 45_000 });
	const first = table.locator('tbody tr').first();
	await expect(first.locator('th')).toContainText('Molenbeek-Saint-Jean');
	await expect(first).toHaveAttribute('data-p', '0.001');
	const listed = await table.locator('tbody tr').count();
	await expect.poll(async () => (await sourceFeatures(page, 'evidence-clusters'))?.length ?? 0).toBeGreaterThan(0);
	const ranks = new Set((await sourceFeatures(page, 'evidence-clusters'))!.map((f) => f.rank));
	expect(ranks.size).toBe(listed);
	const before = await first.locator('td').nth(1).textContent();

	// Filters change the members, so the scan runs again and the list and the circles follow.
	await page.evaluate(() => window.__atlasState!.filters.toggle('role', 'inner'));
	await expect(first.locator('td').nth(1)).not.toHaveText(before!, { timeout: 45_000 });
	const observedInner = Number(await first.locator('td').nth(1).textContent());
	expect(observedInner).toBeLessThanOrEqual(85);
	const listedInner = await table.locator('tbody tr').count();
	await expect.poll(async () => new Set((await sourceFeatures(page, 'evidence-clusters'))!.map((f) => f.rank)).size).toBe(listedInner);

	await expect.poll(() => page.url()).toContain('scan=on');
	await page.goto(page.url());
	await expect(page.getByTestId('scan-toggle')).toBeChecked();
	await expect(page.getByTestId('cluster-table').locator('tbody tr').first().locator('td').nth(1)).toHaveText(String(observedInner), {
		timeout: 45_000
	});
	void watch;
});

test('the heat kernel in km: the legend says the radius, a wider kernel warms a town without members, the table stays, kept in the link', async ({
	page,
	watch
}) => {
	await openDashboard(page, '?v=4.2,50.9,5');
	await expect(page.getByTestId('kernel-km')).toHaveText('50 km');
	const counts = await page
		.getByTestId('hotspot-table')
		.locator('tbody tr[data-count]')
		.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-count')).join(','));
	const ghent = await project(page, GHENT);
	const cold = await meanColor(page, ghent.x, ghent.y, 3);
	await page.getByTestId('kernel-toggle').click();
	await page.getByTestId('kernel-km-input').fill('120');
	await expect(page.getByTestId('kernel-km')).toHaveText('120 km');
	await expect.poll(async () => colorDistance(await meanColor(page, ghent.x, ghent.y, 3), cold), { timeout: 20_000 }).toBeGreaterThan(25);
	// The table counts members, not heat: unchanged.
	expect(
		await page
			.getByTestId('hotspot-table')
			.locator('tbody tr[data-count]')
			.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-count')).join(','))
	).toBe(counts);
	await expect.poll(() => page.url()).toContain('kr=120');

	// Zooming in keeps the ground radius: the legend still says 120 km (156 px at zoom 6, under the 160 px cap).
	await page.evaluate(() => window.__atlas!.map.jumpTo({ zoom: 6 }));
	await expect(page.getByTestId('kernel-km')).toHaveText('120 km');

	await page.goto(page.url());
	await page.waitForFunction(() => window.__atlas?.heatDrawn === true, null, { timeout: 60_000 });
	await expect(page.getByTestId('kernel-km')).toHaveText('120 km');
	void watch;
});

test("an imported list's towns get their residents from the gazetteer (read in slices): a rate in the table", async ({ page }) => {
	await openDashboard(page, '');
	// Vilvoorde is not among the demo's towns, so its figure can only come from the gazetteer.
	const members = Array.from({ length: 12 }, (_, i) => ({
		...emptyRecord(`v-${i}`),
		hometown: 'Vilvoorde',
		country: 'BE',
		lon: 4.4297,
		lat: 50.928,
		day: dayFromIso('2015-03-01') + i,
		dayEnd: dayFromIso('2015-03-01') + i,
		datePrecision: 'day' as const
	}));
	await page.evaluate((list) => window.__atlasState!.importSession.importRecords(list, 'Vilvoorde list'), members);
	const vilvoorde = row(page, 'Vilvoorde');
	await expect(vilvoorde.getByTestId('rate-cell')).toHaveAttribute('data-status', 'shown', { timeout: 60_000 });
	// 12 members over Vilvoorde's GeoNames population (tens of thousands): a rate of tens per 100,000.
	const rate = Number(await vilvoorde.getByTestId('rate-cell').textContent());
	expect(rate).toBeGreaterThan(10);
	expect(rate).toBeLessThan(100);
});
