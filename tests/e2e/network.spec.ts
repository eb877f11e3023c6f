/**
 * The network beside the map: a plot's selection lights its members' hometowns and draws arcs; a
 * hotspot row lights its members in the graph; the time slider changes the graph; a permalink
 * restores the selection; a GEXF file imports and shows beside the map. Every wait is on a signal the
 * app gives (data attributes of the panel and the map, the app state), never a sleep.
 */
import type { Page } from '@playwright/test';
import { test, expect, openDashboard } from './fixtures';
import type {} from '../../src/lib/test-hooks';

/**
 * openDashboard's wait with more room: each test here loads the dashboard (and some twice) and then
 * a WebGL graph beside it; on a shared two-core machine in software GL the first complete frame alone
 * has taken over 30 s.
 */

const view = (page: Page) => page.getByTestId('network-view');
const attr = async (page: Page, name: string) => Number(await view(page).getAttribute(name));
const mapAttr = (page: Page, name: string) => page.getByTestId('map').getAttribute(name);

/** Hometowns (lon,lat) of the members tied to a plot, from the member list itself. */
function plotTowns(page: Page, plot: string) {
	return page.evaluate((id) => {
		const towns = new Set(window.__atlasState!.dataset.current.members.filter((m) => m.plots.includes(id)).map((m) => `${m.lon},${m.lat}`));
		return [...towns].sort();
	}, plot);
}
const overlayTowns = (page: Page) =>
	page.evaluate(() => (window.__atlasState!.network.mapOverlay?.towns ?? []).map(([lon, lat]) => `${lon},${lat}`).sort());

async function openNetwork(page: Page, query = '?net=1') {
	await openDashboard(page, query);
	await expect(view(page)).toBeVisible();
	// Drawn by sigma with the worker's layout.
	await expect(view(page)).toHaveAttribute('data-layout', 'done', { timeout: 30_000 });
	await expect.poll(() => attr(page, 'data-drawn'), { timeout: 30_000 }).toBeGreaterThan(0);
}

test.describe('network beside the map', () => {
	test.slow();
	test('opens on demand beside the map, with the whole demo network at the end of the timeline', async ({ page, watch }) => {
		await openDashboard(page);
		await expect(view(page)).toHaveCount(0);
		const before = (await page.getByTestId('map').boundingBox())!;
		await page.getByTestId('network-open').click();
		await expect(view(page)).toHaveAttribute('data-layout', 'done', { timeout: 30_000 });
		await expect(view(page)).toHaveAttribute('data-members-shown', '352');
		await expect(view(page)).toHaveAttribute('data-edges-shown', '1024');
		// Beside, not over: the map gives up the panel's width.
		await expect.poll(async () => (await page.getByTestId('map').boundingBox())!.width).toBeLessThan(before.width - 100);
		const panel = (await view(page).boundingBox())!;
		const map = (await page.getByTestId('map').boundingBox())!;
		expect(map.x + map.width).toBeLessThanOrEqual(panel.x + 1);
		await expect(page).toHaveURL(/net=1/);
		void watch;
	});

	test("selecting a plot lights its members' hometowns and draws arcs; another plot changes both", async ({ page }) => {
		await openNetwork(page);
		const plot = page.getByTestId('network-plot');
		await plot.selectOption('plot-2015-11-13-paris');
		const paris = await plotTowns(page, 'plot-2015-11-13-paris');
		expect(paris.length).toBeGreaterThan(3);
		await expect.poll(() => overlayTowns(page)).toEqual(paris);
		await expect.poll(() => mapAttr(page, 'data-network-towns')).toBe(String(paris.length));
		await expect.poll(() => mapAttr(page, 'data-network-arcs')).toBe(String(paris.length));
		// The graph lights the plot and its members.
		await expect.poll(() => attr(page, 'data-lit')).toBeGreaterThan(paris.length);

		await page.getByTestId('network-next-plot').click();
		await expect(plot).toHaveValue('plot-2015-11-18-la-defense');
		const defense = await plotTowns(page, 'plot-2015-11-18-la-defense');
		expect(defense).not.toEqual(paris);
		await expect.poll(() => overlayTowns(page)).toEqual(defense);
		await expect.poll(() => mapAttr(page, 'data-network-towns')).toBe(String(defense.length));
		await expect(page).toHaveURL(/sel=plot%3Aplot-2015-11-18-la-defense/);

		// Cleared: nothing lit, no arcs.
		await page.getByTestId('network-selection').getByRole('button', { name: 'Clear' }).click();
		await expect.poll(() => mapAttr(page, 'data-network-arcs')).toBe('0');
		await expect(view(page)).toHaveAttribute('data-lit', '0');
	});

	test('selecting a hotspot row lights its members in the graph', async ({ page }) => {
		await openNetwork(page);
		await expect(view(page)).toHaveAttribute('data-lit', '0');
		const row = page
			.getByTestId('hotspot-table')
			.locator('tbody tr', { has: page.getByRole('button', { name: /^Molenbeek-Saint-Jean: show on the map/ }) });
		const count = await row.getAttribute('data-count');
		await row.getByRole('button', { name: /^Molenbeek-Saint-Jean/ }).click();
		await expect(view(page)).toHaveAttribute('data-lit', count!);
		await expect(row.getByRole('button', { name: /^Molenbeek-Saint-Jean/ })).toHaveAttribute('aria-pressed', 'true');
		await expect(page).toHaveURL(/sel=town%3ABE%7Cmolenbeek-saint-jean/);
		// Another town: another set.
		const other = page
			.getByTestId('hotspot-table')
			.locator('tbody tr', { has: page.getByRole('button', { name: /^Lunel: show on the map/ }) });
		await other.getByRole('button', { name: /^Lunel/ }).click();
		await expect(view(page)).toHaveAttribute('data-lit', (await other.getAttribute('data-count'))!);
	});

	test("the time slider changes the graph: it shows who was active at the slider's date, as the map does", async ({ page }) => {
		await openNetwork(page);
		await expect(view(page)).toHaveAttribute('data-members-shown', '352');
		const slider = page.getByRole('slider', { name: 'Date' });
		await slider.focus();
		await page.keyboard.press('PageDown'); // a year back: 2015-12-31
		await expect(view(page)).toHaveAttribute('data-counts-date', '2015-12-31');
		const shown = await attr(page, 'data-members-shown');
		expect(shown).toBeLessThan(352);
		expect(shown).toBe(await page.evaluate(() => window.__atlasState!.views.visibleCount));
		const edges = await attr(page, 'data-edges-shown');
		expect(edges).toBeLessThan(1024);
		await page.keyboard.press('PageDown');
		await expect(view(page)).toHaveAttribute('data-counts-date', '2014-12-31');
		expect(await attr(page, 'data-members-shown')).toBeLessThan(shown);
		expect(await attr(page, 'data-members-shown')).toBe(await page.evaluate(() => window.__atlasState!.views.visibleCount));
	});

	test('a permalink restores the selection, and scenes step from plot to plot', async ({ page }) => {
		await openNetwork(page, '?net=1&sel=plot%3Aplot-2016-03-22-brussels');
		await expect(page.getByTestId('network-plot')).toHaveValue('plot-2016-03-22-brussels');
		const brussels = await plotTowns(page, 'plot-2016-03-22-brussels');
		await expect.poll(() => mapAttr(page, 'data-network-towns')).toBe(String(brussels.length));
		await expect.poll(() => attr(page, 'data-lit')).toBeGreaterThan(1);

		// A link with the selection but the panel closed still draws the arcs on the map.
		await openDashboard(page, '?sel=plot%3Aplot-2015-01-15-verviers-cell');
		await expect(page.getByTestId('network-open')).toBeVisible();
		const verviers = await plotTowns(page, 'plot-2015-01-15-verviers-cell');
		await expect.poll(() => mapAttr(page, 'data-network-towns')).toBe(String(verviers.length));

		// One scene per plot; showing a scene selects its plot.
		await page.getByTestId('network-open').click();
		await page.getByTestId('network-plot-scenes').click();
		await expect.poll(() => page.evaluate(() => window.__atlasState!.scenes.list.length)).toBe(12);
		const scenes = page.getByTestId('scenes');
		await scenes
			.getByRole('button', { name: /2015-01-07 Paris/ })
			.first()
			.click();
		await expect
			.poll(() => page.evaluate(() => window.__atlasState!.network.selection))
			.toBe('plot:plot-2015-01-07-paris-charlie-hebdo-hypercacher');
		await expect(page.getByTestId('network-plot')).toHaveValue('plot-2015-01-07-paris-charlie-hebdo-hypercacher');
	});

	test('a GEXF file from Gephi imports through the import input and shows beside the map, with its report', async ({ page }) => {
		await openDashboard(page);
		const gexf = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph defaultedgetype="undirected">
    <attributes class="edge"><attribute id="0" title="type" type="string"/></attributes>
    <nodes>
      <node id="0" label="M-001"/>
      <node id="1" label="M-002"/>
      <node id="2" label="M-003"/>
      <node id="3" label="Safe house A"/>
    </nodes>
    <edges>
      <edge id="0" source="0" target="1"><attvalues><attvalue for="0" value="contact"/></attvalues></edge>
      <edge id="1" source="1" target="2"><attvalues><attvalue for="0" value="contact"/></attvalues></edge>
      <edge id="2" source="2" target="3"/>
      <edge id="3" source="3" target="9"/>
    </edges>
  </graph>
</gexf>`;
		await page
			.getByTestId('import-file')
			.setInputFiles({ name: 'gephi-export.gexf', mimeType: 'application/xml', buffer: Buffer.from(gexf) });
		const report = page.getByTestId('import-ties-report');
		await expect(report.getByTestId('ties-accepted')).toHaveText('3');
		await expect(report.getByTestId('ties-rejected-count')).toHaveText('1');
		await expect(report.getByTestId('ties-rejected')).toContainText('target "9" is not a node of the file');
		await expect(report.getByTestId('ties-rejected').locator('tbody tr').first().locator('td').first()).toHaveText('15'); // its line in the file
		await expect(report.getByTestId('ties-unknown-count')).toHaveText('1');
		// The members are the demo's: the map is unchanged, the graph opens beside it with the file's ties.
		await expect(page.getByTestId('synthetic-banner')).toBeVisible();
		await expect(view(page)).toBeVisible();
		await expect(view(page)).toContainText('gephi-export.gexf');
		await expect(view(page)).toHaveAttribute('data-layout', 'done', { timeout: 30_000 });
		// Member columns' ties (plots, organisations) plus the file's 3.
		await expect(view(page)).toHaveAttribute('data-edges-shown', String(106 + 251 + 3));
		await page.getByTestId('network-search').fill('Safe');
		await page
			.getByTestId('network-matches')
			.getByRole('button', { name: /Safe house A/ })
			.click();
		await expect(view(page)).toHaveAttribute('data-lit', '2');
	});
});
