/**
 * Saved work in IndexedDB (database 'hometown-atlas', schema version 2: metadata + member chunks, see
 * src/lib/core/storage/saved-work-schema.ts): a version 1 database is migrated without loss, a newer
 * one is left untouched with a message in words, and a save interrupted by a reload leaves the previous
 * save whole. Databases are made and read with the raw IndexedDB API from a page of our origin.
 */
import type { Page } from '@playwright/test';
import { test, expect, openDashboard } from './fixtures';

const state = (page: Page) =>
	page.evaluate(() => {
		const a = window.__atlasState!;
		return {
			name: a.dataset.name,
			count: a.dataset.current.members.length,
			synthetic: a.dataset.current.synthetic,
			savedAt: a.savedWork.savedAt
		};
	});

/** Deletes the saved-work database from a page of our origin that holds no connection to it. */
async function wipeWork(page: Page) {
	await page.goto('/favicon.svg');
	await page.evaluate(
		() =>
			new Promise((done, fail) =>
				Object.assign(indexedDB.deleteDatabase('hometown-atlas'), { onsuccess: done, onerror: fail, onblocked: fail })
			)
	);
}

/** What is stored, read with the raw API: version, stores, the 'current' record, the chunk sizes by key. */
async function readWork(page: Page) {
	await page.goto('/favicon.svg');
	return page.evaluate(
		() =>
			new Promise<{ version: number; stores: string[]; current: Record<string, unknown> | undefined; chunks: number[] }>((done, fail) => {
				const request = indexedDB.open('hometown-atlas');
				request.onerror = () => fail(request.error);
				request.onsuccess = () => {
					const db = request.result;
					const stores = [...db.objectStoreNames];
					const result = { version: db.version, stores, current: undefined as Record<string, unknown> | undefined, chunks: [] as number[] };
					const tx = db.transaction(stores, 'readonly');
					const meta = stores.includes('work') ? 'work' : stores[0]!;
					const get = tx.objectStore(meta).get(meta === 'work' ? 'current' : 'k');
					get.onsuccess = () => (result.current = get.result);
					if (stores.includes('members')) {
						const all = tx.objectStore('members').getAll();
						all.onsuccess = () => (result.chunks = (all.result as unknown[][]).map((c) => c.length));
					}
					tx.oncomplete = () => (db.close(), done(result));
					tx.onerror = () => fail(tx.error);
				};
			})
	);
}

/** Imports `n` copies of the demo's first member (distinct ids) through the state's method. */
async function importCopies(page: Page, n: number, name: string) {
	await page.evaluate(
		([n, name]) => {
			const a = window.__atlasState!;
			const base = a.dataset.current.members.slice(0, 50);
			a.importSession.importRecords(
				Array.from({ length: n }, (_, i) => ({ ...base[i % base.length]!, id: `copy-${i}`, plots: [...base[i % base.length]!.plots] })),
				name
			);
		},
		[n, name] as const
	);
}

/** Waits for a save after `previous` (savedAt before the change; null = the first save). */
async function saved(page: Page, previous: string | null): Promise<string> {
	await expect.poll(async () => (await state(page)).savedAt, { timeout: 30_000 }).not.toBe(previous);
	const now = (await state(page)).savedAt;
	expect(now).not.toBeNull();
	return now!;
}

async function imported(page: Page, name: string, count: number) {
	await expect.poll(async () => state(page), { timeout: 30_000 }).toMatchObject({ name, count, synthetic: false });
}

test('a version 1 database is migrated to version 2 and its dataset restored, nothing lost', async ({ page }) => {
	await wipeWork(page);
	// The layout of version 1: store 'work', one record 'current' holding everything.
	await page.evaluate(
		() =>
			new Promise((done, fail) => {
				const request = indexedDB.open('hometown-atlas', 1);
				request.onupgradeneeded = () => request.result.createObjectStore('work');
				request.onerror = () => fail(request.error);
				request.onsuccess = () => {
					const db = request.result;
					const members = Array.from({ length: 12_000 }, (_, i) => ({
						id: `v1-${i}`,
						hometown: 'Molenbeek',
						country: 'BE',
						lon: 4.33,
						lat: 50.86,
						day: 600 + (i % 100),
						dayEnd: 600 + (i % 100),
						datePrecision: 'day',
						role: 'wider',
						arrested: 'unknown',
						died: 'unknown',
						descent: '',
						lastResidence: '',
						recruiter: '',
						plots: [],
						source: 'test',
						weight: 1,
						category: ''
					}));
					const record = {
						datasetName: 'List saved by version 1',
						dataset: { synthetic: false, members },
						mappings: { 'list.csv': { hometown: 'Town' } },
						geocodeChoices: { Tripoli: { lon: 13.18, lat: 32.89 } },
						scenes: [],
						savedAt: '2025-06-01T00:00:00.000Z'
					};
					const tx = db.transaction('work', 'readwrite');
					tx.objectStore('work').put(record, 'current');
					tx.oncomplete = () => (db.close(), done(null));
					tx.onerror = () => fail(tx.error);
				};
			})
	);
	await openDashboard(page);
	await imported(page, 'List saved by version 1', 12_000);
	await saved(page, null);
	await expect(page.getByTestId('synthetic-banner')).toBeHidden();
	await expect(page.getByTestId('storage-error')).toHaveCount(0);

	const stored = await readWork(page);
	expect(stored.version).toBe(2);
	expect(stored.stores.sort()).toEqual(['members', 'work']);
	expect(stored.current).toMatchObject({
		schema: 2,
		datasetName: 'List saved by version 1',
		synthetic: false,
		memberCount: 12_000,
		chunkCount: 3,
		mappings: { 'list.csv': { Town: 'hometown' } },
		geocodeChoices: { 'tripoli|': { placeKey: 'tripoli|', hometown: 'Tripoli', country: '', lon: 13.18, lat: 32.89 } }
	});
	expect(stored.current, 'the members moved to the chunks').not.toHaveProperty('dataset');
	expect(stored.chunks).toEqual([5000, 5000, 2000]);
});

test('a database from a newer version is left untouched, and the page says so', async ({ page }) => {
	await wipeWork(page);
	await page.evaluate(
		() =>
			new Promise((done, fail) => {
				const request = indexedDB.open('hometown-atlas', 99);
				request.onupgradeneeded = () => request.result.createObjectStore('future').put({ note: 'written by version 99' }, 'k');
				request.onerror = () => fail(request.error);
				request.onsuccess = () => (request.result.close(), done(null));
			})
	);
	await openDashboard(page);
	await expect(page.getByTestId('storage-error')).toContainText(
		'Saved work could not be read (the stored data comes from a newer version of Hometown Atlas; it was left untouched)'
	);
	expect(await state(page)).toMatchObject({ synthetic: true, savedAt: null });
	// Work done now is not saved over it.
	await importCopies(page, 30, 'New list');
	// The saver never started (it stops when saved work cannot be read), so no save can follow later.
	expect(await page.evaluate(() => window.__atlasState!.savedWork.active)).toBe(false);
	expect((await state(page)).savedAt).toBeNull();

	const stored = await readWork(page);
	expect(stored).toMatchObject({ version: 99, stores: ['future'], current: { note: 'written by version 99' } });
	await wipeWork(page);
});

test('a reload in the middle of saving leaves the previous save whole', async ({ page }) => {
	// When asked, hold the save's transaction open after its third member chunk (pending reads keep
	// it alive), so the reload below is certain to land in the middle of it.
	await page.addInitScript(() => {
		const put = IDBObjectStore.prototype.put;
		IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
			const w = window;
			const request = put.apply(this, args);
			if (this.name === 'members' && args[1] === w.__stallSaveAt) {
				const keepAlive = () => (this.get(0).onsuccess = keepAlive);
				keepAlive();
				w.__stalled = true;
			}
			return request;
		};
	});
	await wipeWork(page);
	await openDashboard(page);
	const first = await saved(page, null); // the demo: nothing but metadata
	await importCopies(page, 30, 'First list');
	await imported(page, 'First list', 30);
	await saved(page, first);

	await page.evaluate(() => (window.__stallSaveAt = 2));
	await importCopies(page, 12_000, 'Second list');
	await page.waitForFunction(() => window.__stalled === true, null, { timeout: 30_000 });
	await page.reload();
	await page.waitForFunction(() => window.__atlas?.heatDrawn === true, null, { timeout: 30_000 });
	await imported(page, 'First list', 30);
	await saved(page, null);
	await expect(page.getByTestId('storage-error')).toHaveCount(0);

	const stored = await readWork(page);
	expect(stored.current).toMatchObject({ datasetName: 'First list', memberCount: 30, chunkCount: 1 });
	expect(stored.chunks, 'no chunk of the interrupted save').toEqual([30]);
});

test('a change of scenes rewrites no member; a smaller dataset leaves no stale chunk', async ({ page }) => {
	await page.addInitScript(() => {
		const put = IDBObjectStore.prototype.put;
		IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
			const w = window;
			if (this.name === 'members') w.__memberPuts = (w.__memberPuts ?? 0) + 1;
			return put.apply(this, args);
		};
	});
	await wipeWork(page);
	await openDashboard(page);
	let savedAt = await saved(page, null);
	await importCopies(page, 12_000, 'Big list');
	await imported(page, 'Big list', 12_000);
	savedAt = await saved(page, savedAt);
	expect(await page.evaluate(() => window.__memberPuts)).toBe(3);

	await page.getByTestId('scenes').locator('summary').click();
	await page.getByTestId('scene-name').fill('Brussels');
	await page.getByTestId('scene-add').click();
	savedAt = await saved(page, savedAt);
	expect(await page.evaluate(() => window.__memberPuts), 'the scene was saved without the members').toBe(3);

	await importCopies(page, 30, 'Small list');
	await imported(page, 'Small list', 30);
	await saved(page, savedAt);
	expect(await page.evaluate(() => window.__memberPuts)).toBe(4);
	const stored = await readWork(page);
	expect(stored.current).toMatchObject({ datasetName: 'Small list', memberCount: 30, chunkCount: 1, scenes: [{ name: 'Brussels' }] });
	expect(stored.chunks, 'the chunks of the bigger save are gone').toEqual([30]);
});

test('"delete everything stored" also deletes the remembered review choices', async ({ page }) => {
	await wipeWork(page);
	// A remembered review choice, in the review store's layout (src/lib/storage/review-store.ts).
	await page.evaluate(
		() =>
			new Promise((done, fail) => {
				const request = indexedDB.open('hometown-atlas-geocode', 1);
				request.onupgradeneeded = () =>
					request.result.createObjectStore('choices', { keyPath: ['fingerprint', 'placeKey'] }).createIndex('byFingerprint', 'fingerprint');
				request.onerror = () => fail(request.error);
				request.onsuccess = () => {
					const db = request.result;
					const tx = db.transaction('choices', 'readwrite');
					tx.objectStore('choices').put({ fingerprint: 'f', placeKey: 'tripoli', lon: 13.18, lat: 32.89 });
					tx.oncomplete = () => (db.close(), done(null));
					tx.onerror = () => fail(tx.error);
				};
			})
	);
	await openDashboard(page);
	await importCopies(page, 30, 'A list');
	await imported(page, 'A list', 30);
	await page.getByTestId('export-menu-button').click();
	page.once('dialog', (d) => d.accept());
	await page.getByTestId('storage-clear').click();
	await expect(page.getByTestId('export-status')).toContainText('Delete stored work: done');
	await page.goto('/favicon.svg');
	const names = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
	expect(names).not.toContain('hometown-atlas-geocode');
});
