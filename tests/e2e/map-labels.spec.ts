/**
 * Names on the map: the gazetteer's places at every zoom (Brussels communes, Paris towns), hometowns
 * named with their counts under the privacy threshold, the selected hotspot ringed, every name drawn
 * from our own origin's font and tiles. Names are read from what MapLibre rendered
 * (queryRenderedFeatures), so a name hidden by a collision does not count.
 */
import type { Page, TestInfo } from '@playwright/test';
import { test, expect, openDashboard } from './fixtures';

const NAME_LAYERS = ['place-labels', 'place-labels-dot', 'hometown-labels', 'country-labels', 'admin1-labels'];

/** Waits until MapLibre has drawn the view with every tile and label placed. */
async function settled(page: Page): Promise<void> {
	await page.waitForFunction(() => window.__atlas!.map.areTilesLoaded(), null, { timeout: 30_000 });
	await page.evaluate(
		() =>
			new Promise<void>((resolve) => {
				const map = window.__atlas!.map;
				map.once('idle', () => resolve());
				map.triggerRepaint();
			})
	);
}

/** Rendered names by layer, as "layer:name". */
async function renderedNames(page: Page): Promise<{ layer: string; name: string; count?: number }[]> {
	return page.evaluate((layers) => {
		const map = window.__atlas!.map;
		return map.queryRenderedFeatures({ layers: layers.filter((l) => map.getLayer(l)) }).map((f) => ({
			layer: f.layer.id,
			name: String(f.properties.name),
			...(typeof f.properties.count === 'number' ? { count: f.properties.count as number } : {})
		}));
	}, NAME_LAYERS);
}

/** Polls until the rendered names include `wanted` (labels arrive with their tiles and fonts). */
async function expectNames(page: Page, wanted: string[], message: string) {
	await expect
		.poll(
			async () => {
				const names = new Set((await renderedNames(page)).map((n) => n.name));
				return wanted.filter((w) => !names.has(w));
			},
			{ message, timeout: 30_000 }
		)
		.toEqual([]);
}

async function shot(page: Page, testInfo: TestInfo, name: string) {
	await settled(page);
	await testInfo.attach(name, { body: await page.screenshot(), contentType: 'image/png' });
}

test.describe('place names', () => {
	test('Brussels at zoom 11 names its communes, and the hometowns with their counts', async ({ page }, testInfo) => {
		await openDashboard(page, '?v=4.35,50.85,11');
		await expectNames(page, ['Molenbeek-Saint-Jean', 'Schaerbeek', 'Anderlecht'], 'the communes of the study are named');
		await settled(page);
		const names = await renderedNames(page);
		const gazetteer = names.filter((n) => n.layer === 'place-labels').map((n) => n.name);
		expect(gazetteer.length, 'the other communes and towns around are named too').toBeGreaterThan(10);
		expect(gazetteer).toEqual(expect.arrayContaining(['Ixelles', 'Uccle']));
		const hometowns = names.filter((n) => n.layer === 'hometown-labels');
		expect(hometowns.map((h) => h.name)).toContain('Molenbeek-Saint-Jean');
		expect(
			hometowns.every((h) => typeof h.count === 'number' && h.count > 0),
			'each hometown label carries its count'
		).toBe(true);
		await shot(page, testInfo, 'brussels-z11');
	});

	test('the Paris region at zoom 9 names its towns', async ({ page }, testInfo) => {
		await openDashboard(page, '?v=2.35,48.86,9');
		await expectNames(page, ['Saint-Denis', 'Sarcelles', 'Trappes'], 'the towns of the Paris region are named');
		const names = await renderedNames(page);
		expect(names.filter((n) => n.layer === 'place-labels').length, 'dozens of towns').toBeGreaterThan(30);
		await shot(page, testInfo, 'paris-z9');
	});

	test('the start view names countries and capitals only, not towns', async ({ page }) => {
		await openDashboard(page);
		await expectNames(page, ['France', 'Paris', 'Rome'], 'countries and capitals at the start view');
		const names = await renderedNames(page);
		expect(names.map((n) => n.name)).not.toContain('Molenbeek-Saint-Jean');
		expect(
			names.filter((n) => n.layer === 'hometown-labels'),
			'hometowns are named only once towns separate'
		).toEqual([]);
	});

	test('the smaller start view of a laptop (1280 x 720, zoom under 3) names capitals too', async ({ page }) => {
		await page.setViewportSize({ width: 1280, height: 720 });
		await openDashboard(page);
		expect(await page.evaluate(() => window.__atlas!.map.getZoom()), 'the start view is zoomed out further here').toBeLessThan(3);
		await expectNames(page, ['Paris', 'Rome', 'Berlin'], 'capitals at the start view');
	});

	test('names in Arabic script are drawn in a Latin spelling (northern Syria at zoom 8.5)', async ({ page }) => {
		await openDashboard(page, '?v=38.5,36.2,8.5');
		await expectNames(page, ['Ar Raqqah', 'Manbij', 'Aleppo'], 'Raqqa, Manbij and the Aleppo governorate are named');
		const names = (await renderedNames(page)).map((n) => n.name);
		expect(
			names.filter((n) => /[\u0590-\u08ff\ufb1d-\ufeff]/u.test(n)),
			'no Hebrew or Arabic letters reach the renderer'
		).toEqual([]);
	});

	test('with the privacy threshold, only towns of k or more members are named on the heat', async ({ page }) => {
		await openDashboard(page, '?v=4.35,50.85,11&k=3');
		await expectNames(page, ['Schaerbeek'], 'a town of many members is named');
		const named = await page.evaluate(() => window.__atlasState!.views.namedTowns.filter((t) => !t.folded).map((t) => t.name));
		const small = await page.evaluate(() => window.__atlasState!.views.visibleTowns.filter((t) => t.count < 3).map((t) => t.name));
		expect(small.length, 'the demo has towns under the threshold').toBeGreaterThan(0);
		await settled(page);
		const hometowns = (await renderedNames(page)).filter((n) => n.layer === 'hometown-labels');
		expect(hometowns.length).toBeGreaterThan(0);
		for (const h of hometowns) {
			expect(named, `${h.name} may be named`).toContain(h.name);
			expect(h.count!, `${h.name} has k or more members`).toBeGreaterThanOrEqual(3);
		}
	});

	test('choosing a hotspot row rings its place on the map', async ({ page }) => {
		await openDashboard(page);
		const first = page.getByTestId('hotspot-table').locator('tbody tr[data-count] button.place').first();
		const name = (await first.textContent())!.trim();
		await first.click();
		await expect
			.poll(
				() =>
					page.evaluate(() => {
						const map = window.__atlas!.map;
						return map
							.queryRenderedFeatures({ layers: ['highlight-ring', 'highlight-label'] })
							.map((f) => `${f.layer.id}:${String(f.properties.name)}`);
					}),
				{ timeout: 30_000 }
			)
			.toEqual(expect.arrayContaining([`highlight-ring:${name}`, `highlight-label:${name}`]));
	});
});

test('fonts, names and geometry come from our own origin at every zoom', async ({ page, baseURL }) => {
	// Views drawn to the last tile in software WebGL, on a machine that may be shared.
	test.setTimeout(300_000);
	const requests: string[] = [];
	page.context().on('request', (r) => requests.push(r.url()));
	await openDashboard(page);
	for (const [center, zoom] of [
		[[4.35, 50.85], 5],
		[[4.35, 50.85], 11]
	] as [[number, number], number][]) {
		await page.evaluate(([center, zoom]) => window.__atlas!.map.jumpTo({ center, zoom }), [center, zoom] as const);
		await settled(page);
	}
	const origin = new URL(baseURL!).origin;
	const paths = requests.map((u) => new URL(u));
	expect(
		paths.filter((u) => u.origin !== origin && u.protocol !== 'blob:' && u.protocol !== 'data:').map(String),
		'requests off our origin'
	).toEqual([]);
	const fetched = paths.map((u) => u.pathname);
	expect(
		fetched.some((p) => /^\/generated\/fonts\/noto-sans-latin-(400|600)-normal\.woff2$/.test(p)),
		'the font comes from our origin'
	).toBe(true);
	expect(
		fetched.some((p) => /^\/generated\/places\/8\/\d+\/\d+\.pbf$/.test(p)),
		'place tiles'
	).toBe(true);
	expect(fetched, 'finer geometry and divisions when zoomed in').toEqual(
		expect.arrayContaining(['/generated/basemap/countries-10m.json', '/generated/basemap/admin1.json'])
	);
});
