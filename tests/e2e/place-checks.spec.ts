/**
 * Given coordinates in the dashboard: a file written with latitude and longitude swapped is caught
 * (each row in the review items, with its reason and fix, and one whole-file suggestion), and fixed
 * from there; rows with coordinates and no name are named from the gazetteer and grouped by place;
 * members without a date are on the map at every date and counted apart.
 */
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';

// Pseudonymous ids; Brussels, Oslo, Tangier and Paris written lon-first (swapped), one row right.
const SWAPPED = [
	'id,hometown,lat,lon,date',
	'S1,Brussels,4.3517,50.8503,2015-03-01',
	'S2,Oslo,10.7522,59.9139,2015-04-01',
	'S3,Tangier,-5.8340,35.7595,2015-05-01',
	'S4,Paris,2.3522,48.8566,2015-06-01',
	'S5,Lyon,45.7640,4.8357,2015-07-01'
].join('\n');

/**
 * These tests read the import panel and the state, not the heat: they wait for the state owners, not
 * for the first heat frame (a software-GL shader link that takes tens of seconds on a loaded machine).
 */
async function openApp(page: Page) {
	await page.goto('/');
	await page.waitForFunction(() => window.__atlasState !== undefined && window.__atlasState.dataset.current.members.length > 0, null, {
		timeout: 60_000
	});
}

const members = (page: Page) =>
	page.evaluate(() =>
		Object.fromEntries(
			window.__atlasState!.dataset.current.members.map(
				(m) =>
					[
						m.id,
						{ lat: Math.round(m.lat * 100) / 100, lon: Math.round(m.lon * 100) / 100, country: m.country, place: m.place ?? '' }
					] as const
			)
		)
	);

test('a file with swapped coordinates is caught and fixed from the review items', async ({ page }) => {
	test.setTimeout(180_000);
	await openApp(page);
	await page.getByTestId('import-file').setInputFiles({ name: 'swapped.csv', mimeType: 'text/csv', buffer: Buffer.from(SWAPPED) });
	await expect(page.getByTestId('import-accepted')).toHaveText('5', { timeout: 60_000 });
	// The gazetteer loads in the worker on first use: allow time, assert nothing about speed.
	const checks = page.getByTestId('import-checks');
	await expect(checks.getByTestId('checks-summary')).toContainText('Checked 5 rows with coordinates: 4 to review', { timeout: 90_000 });
	const items = checks.getByTestId('check-item');
	await expect(items).toHaveCount(4);
	await expect(checks.locator('[data-row="2"]')).toContainText(/row 2: looks swapped: .*from Brussels/);
	await expect(checks.locator('[data-row="2"]')).toContainText('Suggested: swap lat and lon: lat 50.8503, lon 4.3517');
	// Given coordinates are kept as given until the analyst decides.
	expect((await members(page)).S1).toMatchObject({ lat: 4.35, lon: 50.85 });

	// One row settled by its own button.
	await checks.locator('[data-row="2"]').getByTestId('check-swap').click();
	await expect(items).toHaveCount(3);
	await expect.poll(async () => (await members(page)).S1).toMatchObject({ lat: 50.85, lon: 4.35, country: 'BE', place: 'Brussels' });

	// Then the whole file: every row swapped, the checks run again; the row that was right (Lyon) now looks swapped.
	await checks.getByTestId('checks-swap-file').click();
	await expect(checks.getByTestId('checks-summary')).toContainText('(swapped for the whole file): 1 to review', { timeout: 60_000 });
	await expect(checks.locator('[data-row="6"]')).toContainText('looks swapped');
	await checks.locator('[data-row="6"]').getByTestId('check-swap').click();
	await expect(checks.getByTestId('checks-summary')).toContainText('nothing to review');
	await expect
		.poll(() => members(page))
		.toMatchObject({
			S2: { lat: 59.91, lon: 10.75, country: 'NO', place: 'Oslo' },
			S3: { lat: 35.76, lon: -5.83, country: 'MA' },
			S4: { lat: 48.86, lon: 2.35, country: 'FR', place: 'Paris' },
			S5: { lat: 45.76, lon: 4.84, country: 'FR', place: 'Lyon' }
		});
});

// Hometowns with coordinates and no names or dates: named from the gazetteer, one table row per place,
// on the map at every date and counted apart.
const UNDATED = ['id,lat,lon', 'U1,50.8467,4.3525', 'U2,50.8467,4.3525', 'U3,51.2194,4.4025', 'U4,48.8566,2.3522'].join('\n');

test('a list of coordinates without names or dates: named, grouped, and shown at every date', async ({ page }) => {
	test.setTimeout(180_000);
	await openApp(page);
	await page.getByTestId('import-file').setInputFiles({ name: 'points.csv', mimeType: 'text/csv', buffer: Buffer.from(UNDATED) });
	await expect(page.getByTestId('import-accepted')).toHaveText('4', { timeout: 60_000 });
	await expect(page.getByTestId('import-undated')).toHaveText('4 members without a date, shown throughout.');
	await expect(page.getByTestId('timeline-summary')).toHaveText('No dates in this list: its 4 members are shown at every date');
	await expect(page.getByTestId('legend-count')).toHaveText('4 of 4 members shown');
	await expect(page.getByTestId('legend-undated')).toContainText('4 members without a date, shown throughout');
	await expect(page.getByTestId('import-checks').getByTestId('checks-summary')).toContainText(
		'Checked 4 rows with coordinates: nothing to review',
		{ timeout: 90_000 }
	);
	await expect
		.poll(async () =>
			Object.values(await members(page))
				.map((m) => `${m.place}|${m.country}`)
				.sort()
		)
		.toEqual(['Antwerpen|BE', 'Brussels|BE', 'Brussels|BE', 'Paris|FR']);
	// At the start of the timeline too: nobody disappears for lack of a date.
	await page.evaluate(() => window.__atlasState!.timeline.setTime(window.__atlasState!.timeline.domain[0]));
	await expect(page.getByTestId('legend-count')).toHaveText('4 of 4 members shown');
	// The analyst can hide them.
	await page.getByTestId('show-undated').uncheck();
	await expect(page.getByTestId('legend-count')).toHaveText('0 of 4 members shown');
	await expect(page.getByTestId('legend-undated')).toContainText('4 members without a date, hidden');
});
