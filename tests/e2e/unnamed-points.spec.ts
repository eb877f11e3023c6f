/**
 * A file of points with coordinates and no place name (an incident table exported without its place
 * column): the points are grouped into the places they lie in, a few named rows in the hotspot table,
 * not one row per point, and every point stays on the map at its own coordinates.
 */
import { test, expect, openDashboard } from './fixtures';

/** 40 points around Brussels and 40 around Paris, a few hundred metres to a few km apart, no name column. */
function unnamedCsv(): { csv: string; points: [number, number][] } {
	const points: [number, number][] = [];
	for (let i = 0; i < 80; i++) {
		const [lat, lon] = i % 2 ? [50.8467, 4.3525] : [48.8566, 2.3522];
		points.push([+(lat + (((i * 37) % 40) - 20) / 2000).toFixed(5), +(lon + (((i * 53) % 40) - 20) / 1500).toFixed(5)]);
	}
	return { csv: ['id,lat,lon', ...points.map(([lat, lon], i) => `p${i},${lat},${lon}`)].join('\n'), points };
}

test('unnamed points are counted under the places they lie in, each still on the map where the file put it', async ({ page }) => {
	await openDashboard(page);
	const { csv, points } = unnamedCsv();
	await page.getByTestId('import-file').setInputFiles({ name: 'unnamed.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
	await expect(page.getByTestId('import-accepted')).toHaveText('80', { timeout: 60_000 });
	await page.waitForFunction(() => window.__atlasState!.dataset.name === 'unnamed.csv' && !window.__atlasState!.dataset.indexing);

	const rows = page.getByTestId('hotspot-table').locator('tbody tr[data-key]');
	await expect(rows.filter({ hasText: /^Paris/ })).toHaveCount(1);
	await expect(rows.filter({ hasText: /^Brussels/ })).toHaveCount(1);
	const names = await rows.locator('th').allInnerTexts();
	// A few places (the points spread over some km: Paris, Brussels and a neighbouring commune or two), not 80.
	expect(names.length).toBeGreaterThanOrEqual(2);
	expect(names.length).toBeLessThanOrEqual(8);
	// Every row is a place's name, never a point's coordinates.
	for (const name of names) expect(name).not.toMatch(/\d+\.\d+/);
	const counts = await rows.evaluateAll((trs) => trs.map((tr) => Number((tr as HTMLElement).dataset.count)));
	expect(counts.reduce((a, b) => a + b, 0)).toBe(80);

	// On the map: all 80, at the file's own coordinates (the grouping moves no point).
	const shown = await page.evaluate(() => {
		const s = window.__atlasState!;
		const { lat, lon } = s.dataset.index.columns;
		return { visible: s.views.visibleCount, points: Array.from(lat, (y, i) => [y, lon[i]]) };
	});
	expect(shown.visible).toBe(80);
	expect(shown.points).toEqual(points);
});
