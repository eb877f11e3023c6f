/**
 * Saved work in IndexedDB (database 'hometown-atlas', version 2: metadata + member chunks, written as
 * columns (schema 3), see src/lib/core/storage/saved-work-schema.ts): a saved dataset comes back as
 * columns that draw and list the same, a save of records (schema 2) is still read, a version 1 database is migrated without loss, a newer
 * one is left untouched with a message in words, and a save interrupted by a reload leaves the previous
 * save whole. Databases are made and read with the raw IndexedDB API from a page of our origin.
 */
import type { Page } from '@playwright/test';
import { test, expect, openDashboard, setLayerDrawn } from './fixtures';
import { emptyRecord, type MemberRecord } from '../../src/lib/core/data/member';

const state = (page: Page) =>
	page.evaluate(() => {
		const a = window.__atlasState!;
		return {
			name: a.dataset.name,
			count: a.dataset.count,
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

/**
 * Members of every kind a save must keep: towns spelled several ways and one resolved place, dates of
 * each precision and none, all roles, unicode, plots, weights, optional fields on some members only.
 */
function variedMembers(n: number): MemberRecord[] {
	const towns = [
		{ hometown: 'Molenbeek', country: 'BE', lon: 4.33, lat: 50.86 },
		{ hometown: 'Liège', country: 'BE', lon: 5.57, lat: 50.63 },
		{ hometown: ' molenbeek ', country: 'BE', lon: 4.331, lat: 50.861 },
		{ hometown: 'Saint-Denis', country: 'FR', lon: 2.36, lat: 48.94 },
		{ hometown: 'Zürich', country: 'CH', lon: 8.54, lat: 47.37 },
		{ hometown: 'الرقة', country: 'SY', lon: 39.0, lat: 35.95 }
	];
	const roles = ['inner', 'wider', 'unknown'] as const;
	return Array.from({ length: n }, (_, i) => {
		const t = towns[i % towns.length]!;
		const day = i % 11 === 0 ? NaN : 300 + ((i * 37) % 900);
		return {
			...emptyRecord(`m-${i}-ü`),
			...t,
			lon: t.lon + (i % 50) / 1000,
			day,
			dayEnd: i % 5 === 0 ? day + 29 : day,
			datePrecision: Number.isNaN(day) ? 'unknown' : i % 5 === 0 ? 'month' : 'day',
			role: roles[i % 3]!,
			arrested: i % 4 === 0 ? 'yes' : 'unknown',
			descent: i % 7 === 0 ? ' Moroccan ' : 'Algerian',
			recruiter: i % 9 === 0 ? 'Zerkani network' : '',
			plots: i % 13 === 0 ? ['paris-2015', 'brussels-2016'] : [],
			weight: 1 + (i % 3),
			...(i % 6 === 0 ? { placeId: 'BE:2791537', place: 'Molenbeek-Saint-Jean', population: 96_586 } : {}),
			...(i % 8 === 0 ? { row: i + 2 } : {})
		};
	});
}

/** What the map draws and the panels list, read from the state and the hotspot table. */
async function drawnAndListed(page: Page) {
	const views = await page.evaluate(() => {
		const { dataset, views } = window.__atlasState!;
		const sum = (a: ArrayLike<number>) => {
			let s = 0;
			for (let i = 0; i < a.length; i++) s += a[i]! * (1 + (i % 7));
			return s;
		};
		return {
			count: dataset.count,
			visible: views.visibleCount,
			range: views.visibleRange,
			undatedShown: views.undatedShown,
			// What the heat layer is handed: the members in date order (days, positions, weights), fingerprinted.
			heat: [views.timeIndex.days.length, sum(views.timeIndex.days), sum(views.timeIndex.positions), sum(views.timeIndex.weights)],
			towns: views.visibleTowns.map((t) => `${t.name}: ${t.count}`),
			filters: JSON.stringify(views.filterOptions),
			domain: dataset.index.domain
		};
	});
	const places = await page.getByTestId('hotspot-table').locator('tbody button.place').allInnerTexts();
	return { ...views, places };
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

test('a saved dataset comes back as columns that draw and list the same after a reload', async ({ page }) => {
	test.setTimeout(180_000);
	await wipeWork(page);
	await openDashboard(page);
	const first = await saved(page, null);
	const members = variedMembers(40_000);
	await page.evaluate((members) => window.__atlasState!.importSession.importRecords(members, 'Varied list'), members);
	await imported(page, 'Varied list', 40_000);
	await page.waitForFunction(() => !window.__atlasState!.dataset.indexing);
	await saved(page, first);
	const before = await drawnAndListed(page);
	expect(before.places.length, 'the table lists towns').toBeGreaterThan(2);
	expect(before.heat[0], 'the heat is handed members').toBeGreaterThan(30_000);

	await page.reload();
	await page.waitForFunction(() => window.__atlas?.heatDrawn === true, null, { timeout: 90_000 });
	await imported(page, 'Varied list', 40_000);
	await page.waitForFunction(() => !window.__atlasState!.dataset.indexing);
	expect(await page.evaluate(() => window.__atlasState!.dataset.current.columns?.length), 'restored as columns').toBe(40_000);
	// The heat drawn again from the restored data (hidden and shown: a deck frame each), then the same
	// numbers handed to the heat and the same rows listed.
	await setLayerDrawn(page, 'heat', false);
	await setLayerDrawn(page, 'heat', true);
	await expect.poll(() => drawnAndListed(page), { timeout: 30_000 }).toEqual(before);
	// Records made from the columns (as an export makes them) are the saved ones, field by field.
	const back = await page.evaluate(() => window.__atlasState!.dataset.current.members);
	expect(back).toEqual(members);

	const stored = await readWork(page);
	expect(stored.current).toMatchObject({ schema: 3, datasetName: 'Varied list', memberCount: 40_000, chunkCount: 2 });
	expect(stored.chunks, 'column chunks').toEqual([32_768, 40_000 - 32_768]);
});

test('a save of records (schema 2) is still restored, and stays readable after a change of scenes', async ({ page }) => {
	await wipeWork(page);
	await page.evaluate(
		(members) =>
			new Promise((done, fail) => {
				const request = indexedDB.open('hometown-atlas', 2);
				request.onupgradeneeded = () => {
					request.result.createObjectStore('work');
					request.result.createObjectStore('members');
				};
				request.onerror = () => fail(request.error);
				request.onsuccess = () => {
					const db = request.result;
					const tx = db.transaction(['work', 'members'], 'readwrite');
					tx.objectStore('members').put(members.slice(0, 5000), 0);
					tx.objectStore('members').put(members.slice(5000), 1);
					tx.objectStore('work').put(
						{
							schema: 2,
							datasetName: 'Saved as records',
							synthetic: false,
							memberCount: members.length,
							chunkCount: 2,
							mappings: {},
							geocodeChoices: {},
							scenes: [],
							savedAt: '2026-11-01T00:00:00.000Z'
						},
						'current'
					);
					tx.oncomplete = () => (db.close(), done(null));
					tx.onerror = () => fail(tx.error);
				};
			}),
		variedMembers(6_000)
	);
	await openDashboard(page);
	await imported(page, 'Saved as records', 6_000);
	const savedAt = await saved(page, null);
	await page.getByTestId('scenes').locator('summary').click();
	await page.getByTestId('scene-name').fill('Brussels');
	await page.getByTestId('scene-add').click();
	await saved(page, savedAt);
	let stored = await readWork(page);
	expect(stored.current, 'the metadata still says its chunks are records').toMatchObject({
		schema: 2,
		chunkCount: 2,
		scenes: [{ name: 'Brussels' }]
	});

	await openDashboard(page);
	await imported(page, 'Saved as records', 6_000);
	expect(await page.evaluate(() => window.__atlasState!.dataset.current.members)).toEqual(variedMembers(6_000));
	await expect(page.getByTestId('storage-error')).toHaveCount(0);
	stored = await readWork(page);
	expect(stored.chunks).toEqual([5000, 1000]);
});

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

	// Two column chunks (COLUMN_CHUNK_SIZE is 32,768): held after the first.
	await page.evaluate(() => (window.__stallSaveAt = 1));
	await importCopies(page, 40_000, 'Second list');
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
	// Two column chunks (COLUMN_CHUNK_SIZE is 32,768).
	await importCopies(page, 40_000, 'Big list');
	await imported(page, 'Big list', 40_000);
	savedAt = await saved(page, savedAt);
	expect(await page.evaluate(() => window.__memberPuts)).toBe(2);

	await page.getByTestId('scenes').locator('summary').click();
	await page.getByTestId('scene-name').fill('Brussels');
	await page.getByTestId('scene-add').click();
	savedAt = await saved(page, savedAt);
	expect(await page.evaluate(() => window.__memberPuts), 'the scene was saved without the members').toBe(2);

	await importCopies(page, 30, 'Small list');
	await imported(page, 'Small list', 30);
	await saved(page, savedAt);
	expect(await page.evaluate(() => window.__memberPuts)).toBe(3);
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
