import { test, expect, openDashboard, project, meanColor, colorDistance } from './fixtures';

type AtlasMap = {
	jumpTo(o: { center: [number, number]; zoom: number }): void;
	getSource(id: string): unknown;
	getLayer(id: string): { maxzoom?: number } | undefined;
	queryRenderedFeatures(p: [number, number], o: { layers: string[] }): unknown[];
	once(event: string, f: () => void): void;
	triggerRepaint(): void;
};
const onMap = <T>(page: import('@playwright/test').Page, f: (map: AtlasMap) => T) =>
	page.evaluate(`(${f.toString()})(window.__atlas.map)`) as Promise<T>;
const idle = (page: import('@playwright/test').Page) =>
	page.evaluate(
		() =>
			new Promise<void>((resolve) => {
				const map = window.__atlas!.map;
				map.once('idle', () => resolve());
				map.triggerRepaint();
			})
	);

const LAND: [number, number, number] = [0xf6, 0xf4, 0xef];
const SEA: [number, number, number] = [0xdc, 0xe6, 0xee];

test.describe('basemap level of detail', () => {
	test('the start view fetches only the coarse basemap; zooming in brings the 50m one and draws it', async ({ page }) => {
		const fetched: string[] = [];
		page.context().on('request', (r) => fetched.push(new URL(r.url()).pathname));
		await openDashboard(page);
		await idle(page);
		expect(fetched).toContain('/generated/basemap/countries-110m.json');
		expect(fetched, 'no 50m at the start view').not.toContain('/generated/basemap/countries-50m.json');
		expect(await onMap(page, (map) => !!map.getSource('50m'))).toBe(false);

		// Heat and names off: the colours checked below are the basemap's alone.
		await page.evaluate(() => {
			window.__atlasState!.view.setLayerVisible('heat', false);
			window.__atlasState!.view.setLayerVisible('labels', false);
		});
		const detail = page.waitForRequest(/countries-50m\.json$/);
		await onMap(page, (map) => map.jumpTo({ center: [4.35, 50.85], zoom: 6 }));
		await detail;
		await expect.poll(() => onMap(page, (map) => map.getLayer('land-110m')?.maxzoom)).toBe(4.5);
		await idle(page);

		const land = await project(page, [7.6, 50.3]); // the Westerwald: inland, no hometowns near
		const sea = await project(page, [2.6, 51.6]); // the North Sea off Dunkirk
		expect(await onMap(page, (map) => map.queryRenderedFeatures([640, 400], { layers: ['land-50m'] }).length)).toBeGreaterThan(0);
		expect(colorDistance(await meanColor(page, land.x, land.y, 4), LAND), 'land colour inland').toBeLessThan(12);
		expect(colorDistance(await meanColor(page, sea.x, sea.y, 4), SEA), 'sea colour offshore').toBeLessThan(12);
	});
});
