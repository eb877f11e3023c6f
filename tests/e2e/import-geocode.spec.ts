/**
 * Import and geocoder joined in the dashboard: a member list with place names only is geocoded in the
 * worker after the import; confident matches make heat at once, doubtful ones wait in the review panel,
 * a choice there puts its member on the map, and the same list imported again starts with that choice.
 */
import { test, expect, openDashboard, project, meanColor, colorDistance, setLayerDrawn } from './fixtures';
import type { Page } from '@playwright/test';

// Place names only (pseudonymous ids, no people). Atlantis is a real town in South Africa (67,000
// people), so the geocoder rightly places it; Ankh-Morpork is the place no gazetteer knows.
const CSV = [
	'id,hometown,country,date,role',
	'M01,Bruxelles,,2015-03-01,inner',
	'M02,Bruxelles,,2015-04-01,wider',
	'M03,Sint-Jans-Molenbeek,BE,2015-05-01,inner',
	'M04,Malmo,,2015-06-01,wider',
	'M05,Tripoli,,2015-07-01,wider',
	'M06,Saint-Denis,,2015-08-01,wider',
	'M07,Atlantis,,2015-09-01,wider',
	'M08,Ankh-Morpork,,2015-09-01,wider',
	'M09,"Raqqa, Syria",,2015-10-01,inner'
].join('\n');
const FILE = { name: 'network-list.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) };

const PLACES = {
	brussels: [4.3488, 50.8505],
	malmo: [13.0007, 55.6059],
	raqqa: [39.0079, 35.9528],
	tripoliLibya: [13.1873, 32.8874],
	tripoliLebanon: [35.8442, 34.4335]
} satisfies Record<string, [number, number]>;

const atlas = (page: Page) =>
	page.evaluate(() => {
		const s = window.__atlasState!;
		return {
			placed: Object.fromEntries(
				s.dataset.current.members.map((m) => [m.id, [Math.round(m.lat * 100) / 100, Math.round(m.lon * 100) / 100]] as const)
			),
			pending: s.importSession.pending.map((m) => m.id).sort(),
			pendingCoordinates: s.importSession.pending.map((m) => [m.lat, m.lon])
		};
	});
/** How much the heat layer changes the colour at a place: heat off vs heat on, each once drawn. */
async function heatAt(page: Page, lngLat: [number, number]): Promise<number> {
	const at = await project(page, lngLat);
	await setLayerDrawn(page, 'heat', false);
	const without = await meanColor(page, at.x, at.y, 4);
	await setLayerDrawn(page, 'heat', true);
	const withHeat = await meanColor(page, at.x, at.y, 4);
	return colorDistance(withHeat, without);
}

async function importList(page: Page) {
	await page.getByTestId('import-file').setInputFiles(FILE);
	await expect(page.getByTestId('import-accepted')).toHaveText('9', { timeout: 60_000 }); // a loaded machine parses slowly
	// The gazetteer loads in the worker on first use: allow time, assert nothing about speed.
	await expect(page.getByTestId('geocode-summary')).toHaveText('2 exact, 4 alias, 0 fuzzy, 2 ambiguous, 1 unresolved', { timeout: 60_000 });
}

test('imported place names are geocoded, doubtful ones reviewed, and the choice is remembered', async ({ page }) => {
	test.setTimeout(180_000);
	await openDashboard(page);
	// The heat alone: labels, route lines and plot markers would sit on the same pixels.
	for (const id of ['labels', 'routes', 'plots'] as const) await setLayerDrawn(page, id, false);
	// The findings strip (shown after the first heat) would lie over southern Sweden when open: it starts folded.
	const fold = page.getByTestId('findings').getByRole('button', { name: /^Findings/ });
	await expect(fold).toHaveAttribute('aria-expanded', 'false');

	await importList(page);
	let state = await atlas(page);
	// Confident matches are on the map; Tripoli, Saint-Denis and Ankh-Morpork wait, never at 0,0.
	expect(state.placed).toMatchObject({
		M01: [50.85, 4.35],
		M03: [50.85, 4.31],
		M04: [55.61, 13],
		M07: [-33.57, 18.48],
		M09: [35.95, 39.01]
	});
	expect(state.pending).toEqual(['M05', 'M06', 'M08']);
	expect(state.pendingCoordinates.flat().every((v) => Number.isNaN(v))).toBe(true);
	await page.getByText(/Not on the map \(1\)/).click();
	await expect(page.getByTestId('geocode-unresolved')).toHaveText('row 9: Ankh-Morpork');

	for (const place of ['brussels', 'malmo', 'raqqa'] as const) {
		await expect.poll(() => heatAt(page, PLACES[place]), { message: `heat at ${place}` }).toBeGreaterThan(40);
	}
	expect(await heatAt(page, PLACES.tripoliLibya), 'no heat at Tripoli before the review').toBeLessThan(10);

	// The review lists the ambiguous and unresolved rows with their candidates.
	await page.getByTestId('geocode-review-open').click();
	const review = page.getByTestId('geocode-review');
	await expect(review.getByTestId('review-count')).toHaveText('0 of 3 decided');
	for (const row of [6, 7, 9]) await expect(review.getByTestId(`review-row-${row}`)).toBeVisible();
	await expect(review.getByTestId('review-row-6')).toContainText('ambiguous');
	await expect(review.getByTestId('review-row-7')).toContainText('ambiguous');
	await expect(review.getByTestId('review-row-9')).toContainText('unresolved');
	await review.getByTestId('review-row-7').click();
	await expect(review.getByRole('button', { name: /^Saint-Denis \(FR\)/ })).toBeVisible();
	await expect(review.getByRole('button', { name: /^Saint-Denis \(RE\)/ })).toBeVisible();
	await review.getByTestId('review-row-6').click();
	await expect(review.getByRole('button', { name: /^Tripoli \(LB\)/ })).toBeVisible();

	// Picking the Libyan Tripoli places the member at once.
	await review.getByRole('button', { name: /^Tripoli \(LY\)/ }).click();
	await expect(review.getByTestId('review-choice-6')).toContainText('Tripoli (LY)');
	await expect.poll(async () => (await atlas(page)).placed.M05).toEqual([32.89, 13.19]);
	expect((await atlas(page)).pending).toEqual(['M06', 'M08']);
	await page.getByTestId('geocode-review-close').click();
	await expect(review).toHaveCount(0);
	await expect.poll(() => heatAt(page, PLACES.tripoliLibya), { message: 'heat at Tripoli, Libya' }).toBeGreaterThan(40);
	expect(await heatAt(page, PLACES.tripoliLebanon), 'none at Tripoli, Lebanon').toBeLessThan(10);

	// The same list again (a new import): the choice comes back from IndexedDB without the review.
	await importList(page);
	await expect(page.getByTestId('import-geocode')).toContainText('1 remembered choice applied');
	state = await atlas(page);
	expect(state.placed.M05).toEqual([32.89, 13.19]);
	expect(state.pending).toEqual(['M06', 'M08']);
	await expect.poll(() => heatAt(page, PLACES.tripoliLibya), { message: 'heat at Tripoli after re-import' }).toBeGreaterThan(40);
});

test('clicking the review map places an unresolved member there; clearing takes it off again', async ({ page }) => {
	test.setTimeout(120_000);
	await openDashboard(page);
	await importList(page);
	await page.getByTestId('geocode-review-open').click();
	const review = page.getByTestId('geocode-review');
	await review.getByTestId('review-row-9').click();
	await page.waitForFunction(() => window.__reviewMap?.loaded() === true);
	const map = review.getByTestId('review-map');
	const box = (await map.boundingBox())!;
	await map.click({ position: { x: box.width / 2, y: box.height / 2 } });
	await expect(review.getByTestId('review-choice-9')).toContainText('point on map');
	const placed = (await atlas(page)).placed.M08;
	expect(placed).toBeDefined();
	expect(placed!.some((v) => v !== 0)).toBe(true);
	expect((await atlas(page)).pending).toEqual(['M05', 'M06']);

	await review.getByTestId('review-clear').click();
	await expect.poll(async () => (await atlas(page)).pending).toEqual(['M05', 'M06', 'M08']);
	expect((await atlas(page)).placed.M08).toBeUndefined();
});

test('an incident table (a weight column, no role) is worded as records, without an empty role filter', async ({ page }) => {
	await openDashboard(page);
	await expect(page.getByTestId('legend')).toContainText('members shown');
	await expect(page.getByTestId('filter-role-inner')).toBeVisible();
	// The Missing Migrants columns, three made-up incidents.
	const csv = [
		'Web ID,Reported Date,Total Dead and Missing,Migration Route,Location Coordinates',
		'1,"January 5, 2016",12,Central Mediterranean,"34.5, 13.5"',
		'2,"March 9, 2016",3,Eastern Mediterranean,"37.1, 26.9"',
		'3,"May 1, 2016",1,,"35.9, -5.3"'
	].join('\n');
	await page.getByTestId('import-file').setInputFiles({ name: 'incidents.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
	await expect(page.getByTestId('import-accepted')).toHaveText('3', { timeout: 60_000 });
	const legend = page.getByTestId('legend');
	await expect(legend).toContainText('3 of 3 records shown');
	await expect(legend).not.toContainText(/members|people/);
	await expect(page.getByTestId('filters')).not.toContainText('Role');
	await expect(page.getByTestId('filter-role-unknown')).toHaveCount(0);
	await expect(page.getByTestId('filters-none')).toContainText('records');
	const table = page.getByTestId('hotspot-table');
	await expect(table).toContainText('Records by place');
	await expect(table).not.toContainText(/members/i);

	// A member list again: members.
	await page.getByTestId('import-file').setInputFiles(FILE);
	await expect(legend).toContainText('members shown', { timeout: 60_000 });
	await expect(page.getByTestId('filter-role-inner')).toBeVisible();
});
