/**
 * Saved work is never lost silently: two tabs of one browser take turns writing it (the other says so
 * and shows each save), a change in the tab that is not writing is not written over the other's, and a
 * link that carries scenes is a view of someone else's work until the user chooses to keep it.
 */
import type { Page } from '@playwright/test';
import { test, expect, openDashboard } from './fixtures';
import { encodeScenes } from '../../src/lib/core/project/scenes';
import { emptyRecord, type MemberRecord } from '../../src/lib/core/data/member';

import './hooks';

const state = (page: Page) =>
	page.evaluate(() => {
		const a = window.__atlasState!;
		return {
			scenes: a.scenes.list.map((s) => s.name),
			savedAt: a.savedWork.savedAt,
			name: a.dataset.name,
			synthetic: a.dataset.current.synthetic,
			count: a.dataset.current.members.length
		};
	});
const savedAfter = async (page: Page, previous: string | null) => {
	await expect.poll(async () => (await state(page)).savedAt, { timeout: 30_000 }).not.toBe(previous);
	return (await state(page)).savedAt;
};
/** The scene names in the saved work itself (IndexedDB), or null when nothing is saved. */
const storedScenes = (page: Page) =>
	page.evaluate(
		() =>
			new Promise<string[] | null>((done, fail) => {
				const request = indexedDB.open('hometown-atlas');
				request.onerror = () => fail(request.error);
				request.onsuccess = () => {
					const db = request.result;
					const get = db.transaction('work', 'readonly').objectStore('work').get('current');
					get.onerror = () => fail(get.error);
					get.onsuccess = () => {
						db.close();
						const scenes = (get.result as { scenes?: { name: string }[] } | undefined)?.scenes;
						done(scenes ? scenes.map((s) => s.name) : null);
					};
				};
			})
	);
async function addScene(page: Page, name: string) {
	// The Scenes panel starts folded while there are none.
	await page.getByTestId('scenes').evaluate((el) => (el.querySelector('details')!.open = true));
	await page.getByTestId('scene-name').fill(name);
	await page.getByTestId('scene-add').click();
}
/** Three placed members, imported through the state (what the import panel calls). */
const importSmallList = (page: Page) => {
	const records: MemberRecord[] = ['a', 'b', 'c'].map((id) => ({
		...emptyRecord(id),
		hometown: 'Brussels',
		country: 'BE',
		lon: 4.35,
		lat: 50.85,
		day: 600,
		dayEnd: 600,
		datePrecision: 'day',
		role: 'inner',
		source: 'test'
	}));
	return page.evaluate((records) => window.__atlasState!.importSession.importRecords(records, 'tab-a-list.csv'), records);
};

test('two tabs: one writes, the other shows its saves, and a change in the other is not written over them', async ({ page, context }) => {
	test.setTimeout(240_000);
	await openDashboard(page);
	await expect(page.getByTestId('saved-work-banner')).toHaveCount(0);
	const tabB = await context.newPage();
	await openDashboard(tabB);
	await expect(tabB.getByTestId('other-tab-note')).toContainText('being saved by another Hometown Atlas tab');

	// Tab A imports a list and adds a scene; tab B, still on the demo, shows both once A has saved.
	await importSmallList(page);
	await addScene(page, 'From tab A');
	await expect.poll(() => storedScenes(page), { timeout: 30_000 }).toEqual(['From tab A']);
	await expect
		.poll(() => state(tabB), { timeout: 30_000 })
		.toMatchObject({ name: 'tab-a-list.csv', synthetic: false, scenes: ['From tab A'] });

	// Tab B adds a scene: not saved, and it says so.
	await addScene(tabB, 'From tab B');
	await expect(tabB.getByTestId('other-tab-note')).toContainText('Changes made in this tab are not saved');
	await page.reload();
	await page.waitForFunction(() => window.__atlas?.heatDrawn === true, null, { timeout: 60_000 });
	await expect.poll(() => state(page), { timeout: 30_000 }).toMatchObject({ name: 'tab-a-list.csv', count: 3, scenes: ['From tab A'] });

	// Tab B takes over: its work (A's list and scene, B's scene) is saved, and tab A says another tab took over.
	await tabB.getByTestId('take-over').click();
	await expect(tabB.getByTestId('saved-work-banner')).toHaveCount(0);
	await expect(page.getByTestId('other-tab-note')).toContainText(/another tab took over|being saved by another/i);
	await expect.poll(() => state(page), { timeout: 30_000 }).toMatchObject({ scenes: ['From tab A', 'From tab B'] });
	await tabB.close();
});

test("a link's scenes are a view of someone else's work: the user's own scenes stay unless they keep the link's", async ({ page }) => {
	test.setTimeout(180_000);
	await openDashboard(page);
	await addScene(page, 'Mine 1');
	await addScene(page, 'Mine 2');
	// Saved when the saved work itself holds them (a save time alone may be the demo's first save).
	await expect.poll(() => storedScenes(page), { timeout: 30_000 }).toEqual(['Mine 1', 'Mine 2']);

	const link = `?scenes=${encodeScenes([{ name: "Colleague's scene", state: { time: '2015-11-13' } }])}`;
	await openDashboard(page, link);
	await expect(page.getByTestId('link-scenes-note')).toContainText('viewing 1 scene from a link. Your own 2 saved scenes stay');
	expect((await state(page)).scenes).toEqual(["Colleague's scene"]);
	// Reloaded, the link is still someone else's (this tab recorded that it was showing a link's scenes).
	await page.reload();
	await page.waitForFunction(() => window.__atlas?.heatDrawn === true, null, { timeout: 60_000 });
	await expect(page.getByTestId('link-scenes-note')).toContainText('viewing 1 scene from a link. Your own 2 saved scenes stay');
	// Before, the page saved what it showed (on its first save, or any change): wait for a save after a change.
	await page.getByTestId('filter-role-inner').check();
	await savedAfter(page, null);
	expect(await storedScenes(page)).toEqual(['Mine 1', 'Mine 2']);
	await openDashboard(page);
	await expect.poll(async () => (await state(page)).scenes, { timeout: 30_000 }).toEqual(['Mine 1', 'Mine 2']);

	// Keeping the link's scenes adds them to the user's own.
	await openDashboard(page, link);
	const savedAt = await savedAfter(page, null);
	await page.getByTestId('keep-link-scenes').click();
	await expect(page.getByTestId('saved-work-banner')).toHaveCount(0);
	expect((await state(page)).scenes).toEqual(['Mine 1', 'Mine 2', "Colleague's scene"]);
	await savedAfter(page, savedAt);
	await openDashboard(page);
	await expect.poll(async () => (await state(page)).scenes, { timeout: 30_000 }).toEqual(['Mine 1', 'Mine 2', "Colleague's scene"]);
});

test("a tab's own address, reloaded, is its own work and not a link, even when its scenes were never saved", async ({ page, context }) => {
	test.setTimeout(180_000);
	await openDashboard(page);
	const tabB = await context.newPage();
	await openDashboard(tabB);
	await expect(tabB.getByTestId('other-tab-note')).toContainText('being saved by another Hometown Atlas tab');
	// Tab B (not writing) adds a scene: not saved, but its address now carries it.
	await addScene(tabB, 'Unsaved in tab B');
	await expect(tabB.getByTestId('other-tab-note')).toContainText('Changes made in this tab are not saved');
	await expect.poll(() => new URL(tabB.url()).searchParams.has('scenes'), { timeout: 30_000 }).toBe(true);
	await tabB.reload();
	await tabB.waitForFunction(() => window.__atlas?.heatDrawn === true, null, { timeout: 60_000 });
	// The banner is up (saved work read, another tab writing): a link view would be in the same banner.
	await expect(tabB.getByTestId('other-tab-note')).toContainText('being saved by another Hometown Atlas tab');
	await expect(tabB.getByTestId('link-scenes-note')).toHaveCount(0);
	// It shows the saved work (no scenes): the scene that was never saved is not called someone else's.
	await expect.poll(async () => (await state(tabB)).scenes, { timeout: 30_000 }).toEqual([]);
	await tabB.close();
});
