/**
 * What the import workflow remembers: a column mapping (per header set) and a review choice (per
 * place text and country) survive a reload and a project file opened on a clean browser profile, an
 * unfinished review comes back after a reload, and a list that grew by one row keeps its choices.
 */
import type { Browser, Page } from '@playwright/test';
import { test, expect, openDashboard } from './fixtures';

const csv = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
// Columns the importer does not recognise: only the analyst's mapping places these rows.
const UNMAPPED = csv('odd-columns.csv', 'ref,colA,colB\nA,50.85,4.35\nB,48.85,2.35\nC,41.39,2.17\n');
// Place names only (no people): Tripoli is ambiguous (Libya or Lebanon), Brussels is not.
const LIST = 'id,hometown,country,date\nT1,Tripoli,,2015-07-01\nT2,Bruxelles,,2015-03-01\n';
const GROWN = `${LIST}T3,Raqqa,,2015-10-01\n`;

const state = (page: Page) =>
	page.evaluate(() => {
		const s = window.__atlasState!;
		const at = (id: string) => {
			const m = s.dataset.current.members.find((x) => x.id === id);
			return m ? [Math.round(m.lat * 100) / 100, Math.round(m.lon * 100) / 100] : null;
		};
		return {
			name: s.dataset.name,
			count: s.dataset.current.members.length,
			T1: at('T1'),
			mappings: Object.keys(s.importSession.mappings).length
		};
	});

/** The place keys of the choices in the saved work's record, as IndexedDB holds it now. */
function storedChoices(page: Page): Promise<string[]> {
	return page.evaluate(
		() =>
			new Promise<string[]>((resolve, reject) => {
				const open = indexedDB.open('hometown-atlas');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const get = db.transaction('work', 'readonly').objectStore('work').get('current');
					get.onsuccess = () => {
						db.close();
						resolve(Object.keys((get.result as { geocodeChoices?: object } | undefined)?.geocodeChoices ?? {}));
					};
					get.onerror = () => (db.close(), reject(get.error));
				};
			})
	);
}

async function reopen(page: Page) {
	await page.reload();
	await page.waitForFunction(() => window.__atlas?.heatDrawn === true, null, { timeout: 60_000 });
}

/** Saves the project file and returns its path. */
async function saveProject(page: Page): Promise<string> {
	await page.getByTestId('export-menu-button').click();
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-project').click()]);
	const path = await download.path();
	await page.getByTestId('export-menu-button').click();
	return path;
}

/** A new browser profile (nothing stored) with the project file opened in it. */
async function cleanProfileWith(browser: Browser, projectPath: string): Promise<Page> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	const page = await context.newPage();
	await openDashboard(page);
	await page.getByTestId('export-menu-button').click();
	await page.getByTestId('import-project').setInputFiles(projectPath);
	await expect(page.getByTestId('export-status')).toContainText('Open project: done');
	await page.getByTestId('export-menu-button').click();
	return page;
}

test('a mapped import keeps its mapping after a reload and in a project file opened on a clean profile', async ({ page, browser }) => {
	test.setTimeout(240_000);
	await openDashboard(page);
	const savedAt = () => page.evaluate(() => window.__atlasState!.savedWork.savedAt);
	await expect.poll(savedAt).not.toBeNull();
	const before = await savedAt();
	await page.getByTestId('import-file').setInputFiles(UNMAPPED);
	await expect(page.getByTestId('import-error')).toContainText('No row could be read');
	const mapping = page.getByTestId('import-mapping');
	await mapping.getByLabel('Field for column colA').selectOption('lat');
	await mapping.getByLabel('Field for column colB').selectOption('lon');
	await mapping.getByRole('button', { name: /Import again/ }).click();
	await expect(page.getByTestId('import-accepted')).toHaveText('3');
	await expect.poll(async () => (await state(page)).mappings).toBe(1);

	// The same file after a reload is read with the mapping at once: no error, every row placed.
	await expect.poll(savedAt, 'the import and its mapping are saved').not.toBe(before);
	await reopen(page);
	await page.getByTestId('import-file').setInputFiles(UNMAPPED);
	await expect(page.getByTestId('import-accepted')).toHaveText('3', { timeout: 60_000 });
	await expect(page.getByTestId('import-error')).toHaveCount(0);
	expect(await state(page)).toMatchObject({ name: 'odd-columns.csv', count: 3 });

	const project = await saveProject(page);
	const clean = await cleanProfileWith(browser, project);
	try {
		expect(await state(clean)).toMatchObject({ count: 3, mappings: 1 });
		await clean.getByTestId('import-file').setInputFiles(UNMAPPED);
		await expect(clean.getByTestId('import-accepted')).toHaveText('3', { timeout: 60_000 });
		await expect(clean.getByTestId('import-error')).toHaveCount(0);
	} finally {
		await clean.context().close();
	}
});

test('a reviewed choice survives a reload (with the review still open to finish), a grown list and a project file on a clean profile', async ({
	page,
	browser
}) => {
	test.setTimeout(300_000);
	await openDashboard(page);
	await page.getByTestId('import-file').setInputFiles(csv('places.csv', LIST));
	await expect(page.getByTestId('geocode-summary')).toContainText('1 ambiguous', { timeout: 90_000 });
	await page.getByTestId('geocode-review-open').click();
	const review = page.getByTestId('geocode-review');
	await review.getByTestId('review-row-2').click();
	await review.getByRole('button', { name: /^Tripoli \(LY\)/ }).click();
	await expect.poll(async () => (await state(page)).T1).toEqual([32.89, 13.19]);
	await page.getByTestId('geocode-review-close').click();
	// Saved with the work (the choice is the session's, the panel's own memory aside): read back
	// from IndexedDB before the reload.
	await expect.poll(() => storedChoices(page), { timeout: 30_000 }).toEqual(['tripoli|']);

	await reopen(page);
	// Saved work loads after the first view (the demo's heat may be drawn first): wait for the
	// restored dataset, then the chosen place must be in it at once (not placed again by the geocoder).
	await expect.poll(async () => (await state(page)).name, { timeout: 30_000 }).toBe('places.csv');
	expect((await state(page)).T1, 'the chosen place after a reload').toEqual([32.89, 13.19]);
	await expect(page.getByTestId('geocode-review-open'), 'the review can be finished after a reload').toHaveText('Review 1 place', {
		timeout: 90_000
	});

	// One more row: the choice holds for the same place text in the grown list.
	await page.getByTestId('import-file').setInputFiles(csv('places-grown.csv', GROWN));
	await expect(page.getByTestId('import-geocode')).toContainText('1 remembered choice applied', { timeout: 90_000 });
	await expect.poll(async () => (await state(page)).T1).toEqual([32.89, 13.19]);

	const project = await saveProject(page);
	const clean = await cleanProfileWith(browser, project);
	try {
		expect((await state(clean)).T1, 'the project file holds the placed member').toEqual([32.89, 13.19]);
		// Nothing is stored in this profile: the choice can only come from the project file.
		await clean.getByTestId('import-file').setInputFiles(csv('places-grown.csv', GROWN));
		await expect(clean.getByTestId('import-geocode')).toContainText('1 remembered choice applied', { timeout: 90_000 });
		await expect.poll(async () => (await state(clean)).T1).toEqual([32.89, 13.19]);
	} finally {
		await clean.context().close();
	}
});
