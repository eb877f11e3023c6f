/**
 * Re-geocoding rows that came with coordinates, as the analyst's explicit choice in the import dialog:
 * a row with a wrong point is placed at its named place, and the point the file gave is kept (listed
 * in the report, exported as given_lat / given_lon). Without the choice the given point stays.
 */
import { test, expect, openDashboard } from './fixtures';
import type { Page } from '@playwright/test';

// Three rows name Lunel (France) but carry a point in Niger; one row has coordinates and no name.
const CSV = [
	'id,hometown,country,lat,lon,date',
	'R1,Lunel,FR,10.5,10.5,2015-03-01',
	'R2,Lunel,FR,10.5,10.5,2015-04-01',
	'R3,Lunel,FR,10.5,10.5,2015-05-01',
	'R4,,,48.8566,2.3522,2015-06-01'
].join('\n');
const FILE = { name: 'given-points.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) };
const LUNEL = { lat: 43.68, lon: 4.14 };

const members = (page: Page) =>
	page.evaluate(() =>
		Object.fromEntries(
			window.__atlasState!.dataset.current.members.map(
				(m) =>
					[
						m.id,
						{
							lat: Math.round(m.lat * 100) / 100,
							lon: Math.round(m.lon * 100) / 100,
							givenLat: m.givenLat ?? null,
							givenLon: m.givenLon ?? null
						}
					] as const
			)
		)
	);

test('the re-geocode option places rows at their named place and keeps the given coordinates', async ({ page }) => {
	test.setTimeout(180_000);
	await openDashboard(page);
	await page.getByTestId('import-file').setInputFiles(FILE);
	await expect(page.getByTestId('import-accepted')).toHaveText('4', { timeout: 60_000 });
	// Off by default: the given points are used as they are.
	const option = page.getByTestId('import-regeocode');
	await expect(option).not.toBeChecked();
	expect(await members(page)).toMatchObject({ R1: { lat: 10.5, lon: 10.5, givenLat: null }, R4: { lat: 48.86, lon: 2.35 } });
	await expect(page.getByTestId('import-regeocoded')).toHaveCount(0);

	await option.check();
	// The file is read again; the three named rows wait for the geocoder, their given points listed.
	const listed = page.getByTestId('import-regeocoded');
	await expect(listed.locator('tbody tr')).toHaveCount(3, { timeout: 60_000 });
	await expect(listed.locator('tbody tr').first()).toContainText('Lunel');
	await expect(listed.locator('tbody tr').first()).toContainText('10.5, 10.5');
	await expect(page.getByTestId('geocode-summary')).toContainText('3 exact', { timeout: 90_000 });
	await expect(page.getByTestId('import-regeocode')).toBeChecked();
	await expect
		.poll(() => members(page))
		.toMatchObject({
			R1: { ...LUNEL, givenLat: 10.5, givenLon: 10.5 },
			R2: { ...LUNEL, givenLat: 10.5, givenLon: 10.5 },
			R3: { ...LUNEL, givenLat: 10.5, givenLon: 10.5 },
			// No name: nothing to re-geocode, its point kept as it is.
			R4: { lat: 48.86, lon: 2.35, givenLat: null }
		});

	// The CSV export carries the given point beside the new one (k = 3: Lunel's three are not folded).
	await page.getByTestId('export-menu-button').click();
	await expect(page.getByTestId('export-menu')).toBeVisible();
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
	const { readFileSync } = await import('node:fs');
	const Papa = (await import('papaparse')).default;
	const rows = Papa.parse<Record<string, string>>(readFileSync((await download.path())!, 'utf8').replace(/^\ufeff/, ''), {
		header: true,
		skipEmptyLines: true
	}).data;
	const r1 = rows.find((r) => r.id === 'R1');
	expect(r1).toMatchObject({
		lat: expect.stringMatching(/^43\.6/),
		lon: expect.stringMatching(/^4\.1/),
		given_lat: '10.5',
		given_lon: '10.5'
	});

	// Unticked: read again, the given points are used once more.
	await page.getByTestId('import-regeocode').uncheck();
	await expect.poll(() => members(page)).toMatchObject({ R1: { lat: 10.5, lon: 10.5, givenLat: null } });
	await expect(page.getByTestId('import-regeocoded')).toHaveCount(0);
});
