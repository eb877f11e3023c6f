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

test('unnamed points that come after thousands of named rows are named too (rows already on their way to the page)', async ({ page }) => {
	// Named rows go to the page while the file is read, 2,000 at a time; from the first point without a name
	// on, the worker keeps the rows until it can name them from the gazetteer at the end.
	const lines = ['id,hometown,country,lat,lon'];
	for (let i = 0; i < 4_500; i++) lines.push(`n${i},Lunel,FR,43.67${i % 10},4.13${i % 7}`);
	for (let i = 0; i < 2_500; i++)
		lines.push(`u${i},,,${(50.8467 + ((i % 40) - 20) / 4000).toFixed(5)},${(4.3525 + ((i % 30) - 15) / 3000).toFixed(5)}`);
	await openDashboard(page);
	await page.getByTestId('import-file').setInputFiles({ name: 'mixed.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
	await expect(page.getByTestId('import-accepted')).toHaveText('7,000', { timeout: 60_000 });
	await page.waitForFunction(() => window.__atlasState!.dataset.name === 'mixed.csv' && !window.__atlasState!.dataset.indexing);
	const places = await page.evaluate(() => {
		const count = new Map<string, number>();
		for (const m of window.__atlasState!.dataset.current.members) {
			const key = `${m.id[0]}:${m.place ?? m.hometown}`;
			count.set(key, (count.get(key) ?? 0) + 1);
		}
		return Object.fromEntries(count);
	});
	expect(places['n:Lunel']).toBe(4_500);
	const unnamed = Object.entries(places).filter(([key]) => key.startsWith('u:'));
	// Every unnamed point is named after a place (Brussels or a neighbouring commune), none left blank.
	expect(unnamed.reduce((a, [, n]) => a + n, 0)).toBe(2_500);
	expect(places['u:']).toBeUndefined();
	expect(places['u:Brussels']).toBeGreaterThan(0);
});
