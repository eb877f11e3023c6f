/**
 * The geocoder in the browser: the worker loads the gazetteer only when asked, geocodes a list with
 * progress, and the review panel lets the analyst settle doubtful rows, remembers the choices
 * (IndexedDB) across reloads, and exports and imports them.
 */
import { readFileSync } from 'node:fs';
import { test, expect, openDashboard } from './fixtures';

const PAGE = '/test/geocode-review';

test('the first view never loads the gazetteer or the geocoder', async ({ page }) => {
	const urls: string[] = [];
	page.on('request', (r) => urls.push(r.url()));
	await openDashboard(page);
	expect(urls.filter((u) => /gazetteer|geocode/i.test(u))).toEqual([]);
});

test('the worker geocodes a list and the panel lists only the doubtful rows', async ({ page }) => {
	const urls: string[] = [];
	page.on('request', (r) => urls.push(r.url()));
	await page.goto(PAGE);
	await expect(page.getByTestId('geocode-summary')).toContainText('exact 0, alias 3, fuzzy 0, ambiguous 3, unresolved 1', {
		timeout: 45_000
	});
	await expect(page.getByTestId('geocode-progress')).toContainText('geocoding: 7 / 7');
	expect(urls.some((u) => u.endsWith('/generated/gazetteer/gazetteer.bin'))).toBe(true);
	const panel = page.getByTestId('geocode-review');
	// Tripoli (rows 4 and 8), Saint-Denis (5), the unknown word (6); never Bruxelles or Raqqa.
	for (const row of [4, 5, 6, 8]) await expect(panel.getByTestId(`review-row-${row}`)).toBeVisible();
	for (const row of [2, 3, 7]) await expect(panel.getByTestId(`review-row-${row}`)).toHaveCount(0);
	await expect(panel.getByTestId('review-count')).toHaveText('0 of 4 decided');
});

test('picking a candidate decides every row of that text, survives a reload, and round-trips as JSON', async ({ page }) => {
	await page.goto(PAGE);
	const panel = page.getByTestId('geocode-review');
	await panel.getByTestId('review-row-4').click();
	await expect(page.locator('.reason')).toContainText('Lebanon');
	await panel.getByRole('button', { name: /^Tripoli \(LB\)/ }).click();
	await expect(panel.getByTestId('review-choice-4')).toContainText('Tripoli (LB) 34.434, 35.844');
	await expect(panel.getByTestId('review-choice-8')).toContainText('Tripoli (LB)');
	await expect(page.getByTestId('decisions')).toContainText('"4":"34.434,35.844"');
	await expect(panel.getByTestId('review-count')).toHaveText('2 of 4 decided');
	// The choice shows at once; it is remembered only once IndexedDB has committed it.
	await expect(panel).toHaveAttribute('data-saved', 'true');

	await page.reload();
	await expect(panel.getByTestId('review-choice-4')).toContainText('Tripoli (LB)', { timeout: 45_000 });
	await expect(page.getByTestId('decisions')).toContainText('"8":"34.434,35.844"');

	const [download] = await Promise.all([page.waitForEvent('download'), panel.getByTestId('review-export').click()]);
	const file = await download.path();
	const exported = JSON.parse(readFileSync(file, 'utf8'));
	expect(exported.format).toBe('hometown-atlas-geocode-choices');
	expect(exported.choices).toHaveLength(1);
	expect(exported.choices[0]).toMatchObject({ hometown: 'Tripoli', place: 'Tripoli', place_country: 'LB' });

	// Clear it, then bring it back from the exported file.
	await panel.getByTestId('review-row-4').click();
	await panel.getByTestId('review-clear').click();
	await expect(panel.getByTestId('review-choice-4')).toHaveCount(0);
	await expect(page.getByTestId('decisions')).toContainText('"4":"cleared"');
	await panel.getByTestId('review-import-file').setInputFiles(file);
	await expect(panel.getByTestId('review-choice-4')).toContainText('Tripoli (LB)');
	await expect(page.getByRole('status')).toContainText('Imported 1 choice (1 for this list)');
});

test('clicking the map sets a point for an unresolved row', async ({ page }) => {
	await page.goto(PAGE);
	const panel = page.getByTestId('geocode-review');
	await panel.getByTestId('review-row-6').click();
	await page.waitForFunction(() => window.__reviewMap?.loaded() === true);
	const map = panel.getByTestId('review-map');
	const box = (await map.boundingBox())!;
	const expected = await page.evaluate(([x, y]) => window.__reviewMap!.unproject([x, y]), [box.width / 3, box.height / 3] as [
		number,
		number
	]);
	await map.click({ position: { x: box.width / 3, y: box.height / 3 } });
	await expect(panel.getByTestId('review-choice-6')).toContainText('point on map');
	const [lat, lon] = ((await panel.getByTestId('review-choice-6').textContent()) ?? '').match(/-?\d+\.\d+/g)!.map(Number);
	// Within a few pixels at this zoom: the click lands where we aimed, not on a candidate or at 0,0.
	expect(Math.abs(lat! - expected.lat)).toBeLessThan(0.2);
	expect(Math.abs(lon! - expected.lng)).toBeLessThan(0.2);
});

test('an import file that is not a choices file is refused with a message', async ({ page }) => {
	await page.goto(PAGE);
	const panel = page.getByTestId('geocode-review');
	await panel
		.getByTestId('review-import-file')
		.setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
	await expect(page.getByRole('status')).toContainText('rejected: not a hometown-atlas-geocode-choices file');
});
