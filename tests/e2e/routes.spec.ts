import type { Page } from '@playwright/test';
import { test, expect, openDashboard, project, meanColor, colorDistance, animationFrames, mapIdle } from './fixtures';

/** Waits until the routes are loaded (deck draws them on its next frame; pixel checks poll). */
async function openWithRoutes(page: Page, query = '') {
	await openDashboard(page, query);
	await page.waitForFunction(() => window.__atlasState!.routes.data !== null);
}

/** A vertex in the middle of a leg: a pixel that lies on the drawn line. */
async function legMidpoint(page: Page, route: string, from: string, to: string): Promise<[number, number]> {
	return page.evaluate(
		([route, from, to]) => {
			const leg = window.__atlasState!.routes.data!.features.find(
				(f) => f.properties.kind === 'leg' && f.properties.route === route && f.properties.from === from && f.properties.to === to
			)!;
			const c = leg.geometry.coordinates;
			return c[Math.floor(c.length / 2)] as [number, number];
		},
		[route, from, to]
	);
}

/**
 * Waits until MapLibre has drawn a route feature under the screen point (what the hover handler
 * queries), so that a pointer move there is answered: the routes source is rebuilt when the slider
 * date changes, and a move that lands before the rebuilt tiles are drawn rightly finds nothing.
 */
async function routeDrawnAt(page: Page, at: { x: number; y: number }) {
	await page.waitForFunction((at) => {
		const map = window.__atlas!.map;
		const box = map.getContainer().getBoundingClientRect();
		const x = at.x - box.left,
			y = at.y - box.top;
		const layers = ['routes-events', 'routes-arrows', 'routes-land', 'routes-sea'].filter((id) => map.getLayer(id));
		return (
			map.queryRenderedFeatures(
				[
					[x - 3, y - 3],
					[x + 3, y + 3]
				],
				{ layers }
			).length > 0
		);
	}, at);
}

async function setDate(page: Page, iso: string) {
	await page.evaluate((iso) => {
		window.__atlasState!.timeline.setTime(Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.UTC(2014, 0, 1)) / 86_400_000));
	}, iso);
}

test.describe('route overlays', () => {
	test('toggling a route hides and shows its pixels; the link follows', async ({ page }) => {
		await openWithRoutes(page);
		await setDate(page, '2015-06-01');
		const at = await project(page, await legMidpoint(page, 'central-med', 'tripoli', 'pozzallo'));
		const empty = await project(page, [18, 34]);
		const sea = await meanColor(page, empty.x, empty.y, 5);
		const here = () => meanColor(page, at.x, at.y, 5);
		await expect
			.poll(async () => colorDistance(await here(), sea), { message: 'the route is drawn over the sea there' })
			.toBeGreaterThan(40);
		const shown = await here();

		await page.getByTestId('route-toggle-central-med').uncheck();
		await expect.poll(async () => colorDistance(await here(), sea), { message: 'hidden: bare sea' }).toBeLessThan(6);
		const hidden = await here();
		expect(colorDistance(shown, hidden)).toBeGreaterThan(40);
		await expect(page).toHaveURL(/routes=western-balkans%2Ceastern-med%2Cwestern-med|routes=western-balkans,eastern-med,western-med/);
		await expect(page.getByTestId('route-toggle-all')).not.toBeChecked();

		await page.getByTestId('route-toggle-central-med').check();
		await expect.poll(async () => colorDistance(shown, await here()), { message: 'and comes back' }).toBeLessThan(8);
		await expect(page).not.toHaveURL(/routes=/);

		await page.getByTestId('route-toggle-all').uncheck();
		await expect.poll(async () => colorDistance(hidden, await here()), { message: '"all" off hides it too' }).toBeLessThan(6);
		await expect(page).toHaveURL(/routes=-/);
	});

	test('a link with routes= shows only those routes', async ({ page }) => {
		await openWithRoutes(page, '?routes=eastern-med');
		await expect(page.getByTestId('route-toggle-eastern-med')).toBeChecked();
		await expect(page.getByTestId('route-toggle-central-med')).not.toBeChecked();
		await expect(page.getByTestId('route-toggle-western-balkans')).not.toBeChecked();
	});

	test("the tooltip shows the slider year's Frontex figure, labelled as detections", async ({ page }) => {
		await openWithRoutes(page);
		const at = await project(page, await legMidpoint(page, 'western-balkans', 'presevo', 'belgrade'));
		const tooltip = page.getByTestId('route-tooltip');

		await setDate(page, '2015-06-01');
		await routeDrawnAt(page, at);
		await page.mouse.move(at.x, at.y);
		await expect(tooltip).toContainText('Western Balkans');
		await expect(tooltip).toContainText('2015: 764,038 detections');
		await expect(tooltip).toContainText('not people');
		await expect(tooltip).toContainText('Source: Frontex, Risk Analysis for 2016');
		await expect(page.getByTestId('route-figure-western-balkans')).toHaveText('764,038 detections');

		await page.mouse.move(0, 400);
		await expect(tooltip).toBeHidden();
		await setDate(page, '2014-03-01');
		await routeDrawnAt(page, at);
		await page.mouse.move(at.x, at.y);
		await expect(tooltip).toContainText('2014: 43,357 detections');

		const roszke = await project(page, [20.0337, 46.188]);
		await routeDrawnAt(page, roszke);
		await page.mouse.move(roszke.x, roszke.y);
		await expect(tooltip, 'the date marker explains the route change').toContainText('2015-09-15 Hungary closes its border with Serbia');
		await expect(page.locator('.map-tooltip:visible'), 'no second (town) tooltip for route features').toHaveCount(0);
	});

	test('arrowheads do not pile up where legs are short on screen, and all show where there is room', async ({ page }) => {
		await openWithRoutes(page);
		/** The arrowheads MapLibre placed, once each (a point near a tile's edge is in two tiles), in screen pixels. */
		const drawn = () =>
			page.evaluate(() => {
				const map = window.__atlas!.map;
				const seen = new Map<string, [number, number]>();
				for (const f of map.queryRenderedFeatures({ layers: ['routes-arrows'] })) {
					const [lng, lat] = (f.geometry as GeoJSON.Point).coordinates as [number, number];
					const p = map.project([lng, lat]);
					seen.set(`${lng.toFixed(5)},${lat.toFixed(5)}`, [p.x, p.y]);
				}
				return [...seen.values()];
			});
		await mapIdle(page);
		const start = await drawn();
		expect(start.length, 'arrowheads at the start view').toBeGreaterThan(5);
		let closest = Infinity;
		for (let i = 0; i < start.length; i++)
			for (let j = i + 1; j < start.length; j++)
				closest = Math.min(closest, Math.hypot(start[i]![0] - start[j]![0], start[i]![1] - start[j]![1]));
		expect(closest, 'no two arrowheads drawn on top of each other').toBeGreaterThanOrEqual(8);

		// The Strait of Sicily up close: every arrowhead of the legs there is drawn.
		await page.evaluate(() => window.__atlas!.map.jumpTo({ center: [12.9, 34.6], zoom: 7.5 }));
		await mapIdle(page);
		const inView = await page.evaluate(() => {
			const map = window.__atlas!.map;
			const bounds = map.getBounds();
			return window.__atlasState!.routes.data!.features.filter(
				(f) => f.properties.kind === 'arrow' && bounds.contains(f.geometry.coordinates as [number, number])
			).length;
		});
		expect(inView, 'arrowheads of the data in this view').toBeGreaterThanOrEqual(3);
		expect((await drawn()).length, 'all of them drawn').toBe(inView);
	});

	test('text from a route file is shown as text, never as markup', async ({ page }) => {
		await openWithRoutes(page);
		await page.evaluate(() => {
			const s = window.__atlasState!;
			const data = structuredClone(s.routes.data!);
			data.routes[0]!.name = '<img src=x data-evil=1>Evil';
			s.routes.setData(data);
		});
		await expect(page.getByTestId('route-legend')).toContainText('<img src=x data-evil=1>Evil');
		expect(await page.locator('[data-evil]').count()).toBe(0);
	});

	test('moving dots can be switched on and off for presenters', async ({ page }) => {
		await openWithRoutes(page);
		const phase = () => page.evaluate(() => window.__atlasState!.routes.motionPhase);
		await page.getByTestId('route-motion').check();
		const first = await phase();
		await animationFrames(page, 30);
		expect(await phase(), 'the dots move while on').not.toBe(first);
		await page.getByTestId('route-motion').uncheck();
		const stopped = await phase();
		await animationFrames(page, 30);
		expect(await phase(), 'and stop when off').toBe(stopped);
	});
});
