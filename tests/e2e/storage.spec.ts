/**
 * Browser storage that fails: IndexedDB switched off (private windows), full, or a batch interrupted.
 * The page keeps working, says in words what was not remembered, and never loses saved work silently.
 * Exercised through the one IndexedDB user so far, the geocoder review panel (its test page geocodes a
 * fixed list: row 4 is Tripoli, row 5 Saint-Denis, both ambiguous).
 */
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures';

const PAGE = '/test/geocode-review';

async function openReview(page: Page) {
	await page.goto(PAGE);
	await expect(page.getByTestId('geocode-summary')).toBeVisible({ timeout: 60_000 });
	return page.getByTestId('geocode-review');
}

async function reopen(page: Page) {
	await page.reload();
	await expect(page.getByTestId('geocode-summary')).toBeVisible({ timeout: 60_000 });
	return page.getByTestId('geocode-review');
}

/** Deletes the review database from a page of our origin that holds no connection to it. */
async function wipeStorage(page: Page) {
	await page.goto('/favicon.svg');
	await page.evaluate(
		() =>
			new Promise((done, fail) =>
				Object.assign(indexedDB.deleteDatabase('hometown-atlas-geocode'), { onsuccess: done, onerror: fail, onblocked: fail })
			)
	);
}

async function choose(page: Page, row: number, candidate = 1) {
	const panel = page.getByTestId('geocode-review');
	await panel.getByTestId(`review-row-${row}`).click();
	await panel.getByTestId(`review-candidate-${candidate}`).click();
	await expect(panel.getByTestId(`review-choice-${row}`)).toBeVisible();
	// Settled: written, or failed and said so. A reload before that would race the write.
	await expect(panel).toHaveAttribute('data-saved', 'true');
}

test('IndexedDB switched off (private window): choices still apply, and the panel says they are not remembered', async ({ page }) => {
	await page.addInitScript(() => {
		IDBFactory.prototype.open = function () {
			throw new DOMException('The user denied permission to access the database.', 'SecurityError');
		};
	});
	const panel = await openReview(page);
	await expect(panel.getByRole('status')).toContainText('Remembered choices unavailable (browser storage is switched off here');
	await choose(page, 4);
	await expect(page.getByTestId('decisions')).toContainText('"4":');
	await expect(panel.getByRole('status')).toContainText('Choice applied but not remembered (browser storage is switched off here');
});

test('no IndexedDB at all: the same, in words', async ({ page }) => {
	await page.addInitScript(() => {
		Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
	});
	const panel = await openReview(page);
	await expect(panel.getByRole('status')).toContainText('switched off');
	await choose(page, 4);
	await expect(page.getByTestId('decisions')).toContainText('"4":');
});

test('storage full: the new choice is applied and reported as not remembered; earlier choices survive a reload', async ({ page }) => {
	let panel = await openReview(page);
	await choose(page, 4);
	const saved = await panel.getByTestId('review-choice-4').textContent();
	// From now on every write fails as a full disk would.
	await page.addInitScript(() => {
		IDBObjectStore.prototype.put = function () {
			throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		};
	});
	panel = await reopen(page);
	await expect(panel.getByTestId('review-choice-4')).toHaveText(saved!, { timeout: 60_000 });
	await choose(page, 5);
	await expect(panel.getByRole('status')).toContainText('Choice applied but not remembered (browser storage is full');
	await page.reload();
	await expect(panel.getByTestId('review-choice-4'), 'the earlier choice is intact').toHaveText(saved!, { timeout: 60_000 });
	await expect(panel.getByTestId('review-choice-5'), 'the unsaved one is not pretended').toHaveCount(0);
});

test('a batch of choices that fails half-way is saved whole or not at all', async ({ page }) => {
	let panel = await openReview(page);
	await choose(page, 4);
	await choose(page, 5);
	const [download] = await Promise.all([page.waitForEvent('download'), panel.getByTestId('review-export').click()]);
	const file = await download.path();
	expect(JSON.parse(readFileSync(file, 'utf8')).choices).toHaveLength(2);
	// Start from empty storage, and make the second write of the batch throw.
	await wipeStorage(page);
	await page.addInitScript(() => {
		const put = IDBObjectStore.prototype.put;
		let calls = 0;
		IDBObjectStore.prototype.put = function (...args: Parameters<typeof put>) {
			if (++calls === 2) throw new DOMException('Data provided to an operation does not meet requirements.', 'DataError');
			return put.apply(this, args);
		};
	});
	panel = await openReview(page);
	await expect(panel.getByTestId('review-choice-4')).toHaveCount(0);
	await panel.getByTestId('review-import-file').setInputFiles(file);
	await expect(page.getByRole('status')).toContainText('not remembered');
	await page.reload();
	await expect(page.getByTestId('geocode-summary')).toBeVisible({ timeout: 60_000 });
	await expect(panel, 'the remembered choices have been read').toHaveAttribute('data-loaded', 'true');
	const remembered = await panel.locator('[data-testid^="review-choice-"]').count();
	expect(remembered, 'none of the batch, not the first half').toBe(0);
});

test('a reload in the middle of saving a batch leaves all of it or none of it', async ({ page }) => {
	let panel = await openReview(page);
	await choose(page, 4);
	await choose(page, 5);
	const [download] = await Promise.all([page.waitForEvent('download'), panel.getByTestId('review-export').click()]);
	const file = await download.path();
	await wipeStorage(page);
	panel = await openReview(page);
	await panel.getByTestId('review-import-file').setInputFiles(file);
	await page.reload(); // at once, while the batch may still be writing
	await expect(page.getByTestId('geocode-summary')).toBeVisible({ timeout: 60_000 });
	await expect(panel, 'the remembered choices have been read').toHaveAttribute('data-loaded', 'true');
	expect([0, 3], 'rows 4, 5 and 8 (Tripoli again)').toContain(await panel.locator('[data-testid^="review-choice-"]').count());
});
