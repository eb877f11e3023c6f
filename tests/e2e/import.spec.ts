import { resolve } from 'node:path';
import { test, expect, openDashboard, project, meanColor, colorDistance, setLayerDrawn } from './fixtures';
import type { Page } from '@playwright/test';

const MISSING_MIGRANTS = resolve('../shared/data/missing-migrants-global-2020-01-28.csv');

interface StateView {
	synthetic: boolean;
	members: number;
	pending: number;
	name: string;
}
const state = (page: Page) =>
	page.evaluate(() => {
		const s = window.__atlasState!;
		return {
			synthetic: s.dataset.current.synthetic,
			members: s.dataset.current.members.length,
			pending: s.importSession.pending.length,
			name: s.dataset.name
		} satisfies StateView;
	});

/** Drops a file made in the page onto the map, as a user dragging it from the desktop would. */
async function dropFile(page: Page, name: string, content: string, type = 'text/csv') {
	await page.getByTestId('map').evaluate(
		(target, { name, content, type }) => {
			const data = new DataTransfer();
			data.items.add(new File([content], name, { type }));
			for (const kind of ['dragenter', 'dragover', 'drop']) {
				target.dispatchEvent(new DragEvent(kind, { bubbles: true, cancelable: true, dataTransfer: data }));
			}
		},
		{ name, content, type }
	);
}

test.describe('import', () => {
	test('choosing the Missing Migrants file: full report, placeholder row reported, heat appears on the Central Mediterranean', async ({
		page
	}) => {
		// 1.8 MB parsed in software on a shared machine: allow time, assert nothing about speed.
		test.setTimeout(180_000);
		await openDashboard(page);
		// Measure the heat alone: route lines and plot markers sit on the same pixels before and after.
		await setLayerDrawn(page, 'routes', false);
		await setLayerDrawn(page, 'plots', false);
		const centralMed = await project(page, [13.5, 34.6]);
		const mapBox = () => page.getByTestId('map').boundingBox();
		const before = { med: await meanColor(page, centralMed.x, centralMed.y), map: await mapBox() };

		await page.getByTestId('import-file').setInputFiles(MISSING_MIGRANTS);
		const report = page.getByTestId('import-report');
		await expect(report).toContainText('6,353 rows read', { timeout: 90_000 });
		await expect(page.getByTestId('import-accepted')).toHaveText('6,352');
		await expect(page.getByTestId('import-rejected-count')).toHaveText('1');
		const rejected = page.getByTestId('import-rejected');
		await expect(rejected).toContainText('31');
		await expect(rejected).toContainText('Location Description');
		await expect(rejected).toContainText('placeholder row');

		expect(await state(page)).toEqual({ synthetic: false, members: 6352, pending: 0, name: 'missing-migrants-global-2020-01-28.csv' });
		await expect(page.getByTestId('synthetic-banner')).toHaveCount(0);
		await expect(page.getByTestId('imported-banner')).toContainText('Your data: missing-migrants-global-2020-01-28.csv');
		// The banner swap leaves the map where it was: a resized map redraws every buffer (slow in software GL).
		expect(await mapBox(), 'the map keeps its size and place when the dataset changes').toEqual(before.map);

		await expect
			.poll(async () => colorDistance(await meanColor(page, centralMed.x, centralMed.y), before.med), {
				message: 'heat appears on the Central Mediterranean route'
			})
			.toBeGreaterThan(60);
	});

	test('dropping a CSV on the map imports it; rows without coordinates wait for geocoding; bad rows are listed', async ({ page }) => {
		await openDashboard(page);
		const csv = [
			'id;ville;pays;latitude;longitude;date',
			'A;Lunel;FR;43,6778;4,1361;13/11/2015',
			'B;Molenbeek-Saint-Jean;BE;;;Nov 2015',
			'C;Placeholder;BE;50.8;4.3;2015',
			'D;<script>alert(1)</script>;FR;48.85;2.35;2016'
		].join('\r\n');
		await dropFile(page, 'my-list.csv', csv);
		await expect(page.getByTestId('import-report')).toContainText('4 rows read');
		await expect(page.getByTestId('import-accepted')).toHaveText('3');
		await expect(page.getByTestId('import-rejected')).toContainText('placeholder row');
		await page.getByText(/Needs geocoding/).click();
		await expect(page.getByTestId('import-needs-geocoding')).toContainText('row 3: Molenbeek-Saint-Jean, BE');
		// The geocoder then places Molenbeek-Saint-Jean, BE: nothing left waiting.
		await expect.poll(() => state(page)).toMatchObject({ synthetic: false, members: 3, pending: 0, name: 'my-list.csv' });
		// The script in a field is text, never run.
		await page.getByText(/^Warnings/).click();
		await expect(page.getByTestId('import-warnings')).toContainText('HTML or script markup');

		await page.getByTestId('import-show-demo').click();
		await expect(page.getByTestId('synthetic-banner')).toBeVisible();
		expect(await state(page)).toMatchObject({ synthetic: true, members: 352, pending: 0 });
	});

	test('unrecognised columns can be mapped and the file read again', async ({ page }) => {
		await openDashboard(page);
		await dropFile(page, 'odd.csv', 'ref,colA,colB\nA,50.85,4.35\nB,48.85,2.35\n');
		await expect(page.getByTestId('import-error')).toContainText('No row could be read');
		expect((await state(page)).synthetic).toBe(true);
		const mapping = page.getByTestId('import-mapping');
		await mapping.getByLabel('Field for column colA').selectOption('lat');
		await mapping.getByLabel('Field for column colB').selectOption('lon');
		await mapping.getByRole('button', { name: /Import again/ }).click();
		await expect(page.getByTestId('import-accepted')).toHaveText('2');
		expect(await state(page)).toMatchObject({ synthetic: false, members: 2 });
	});

	test('a file dropped before the panels have loaded is kept, not opened by the browser, and imported once they load', async ({ page }) => {
		// Dropped as soon as the map's box exists: the panels load only after the first heat frame, so the
		// import panel cannot be there yet.
		await page.addInitScript(() => {
			const drop = () => {
				const target = document.querySelector('[data-testid="map"]');
				if (!target) return void setTimeout(drop, 0);
				const data = new DataTransfer();
				data.items.add(new File(['name,lat,lon\nA,50.85,4.35\nB,48.85,2.35\n'], 'early.csv', { type: 'text/csv' }));
				const events = ['dragenter', 'dragover', 'drop'].map(
					(kind) => new DragEvent(kind, { bubbles: true, cancelable: true, dataTransfer: data })
				);
				for (const e of events) target.dispatchEvent(e);
				const w = window as unknown as { __earlyDrop: { panel: boolean; kept: boolean } };
				w.__earlyDrop = { panel: !!document.querySelector('[data-testid="import"]'), kept: events[2]!.defaultPrevented };
			};
			addEventListener('DOMContentLoaded', drop);
		});
		await page.goto('/');
		await page.waitForFunction(() => '__earlyDrop' in window);
		expect(await page.evaluate(() => (window as unknown as { __earlyDrop: object }).__earlyDrop)).toEqual({ panel: false, kept: true });
		await expect(page.getByTestId('import-accepted')).toHaveText('2');
		expect(await state(page)).toMatchObject({ synthetic: false, members: 2 });
	});

	test('binary junk gets a clear message and leaves the map as it was', async ({ page }) => {
		await openDashboard(page);
		const junk = String.fromCharCode(...Array.from({ length: 600 }, (_, i) => (i * 7919) % 256));
		await dropFile(page, 'photo.csv', junk, 'application/octet-stream');
		await expect(page.getByTestId('import-error')).toContainText('binary');
		expect(await state(page)).toMatchObject({ synthetic: true, members: 352 });
	});
});

test('a project opened while a large file is still being imported wins: the import stops and says so', async ({ page }) => {
	test.setTimeout(300_000);
	const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
	const { tmpdir } = await import('node:os');
	const { join } = await import('node:path');
	const dir = mkdtempSync(join(tmpdir(), 'atlas-race-'));
	try {
		// A file large enough to be read for seconds: 800,000 rows with coordinates.
		const rows = ['id,lat,lon,date'];
		for (let i = 0; i < 800_000; i++)
			rows.push(`r${i},${(48 + (i % 997) / 300).toFixed(4)},${(2 + (i % 991) / 200).toFixed(4)},2015-0${1 + (i % 9)}-15`);
		const big = join(dir, 'large-events.csv');
		writeFileSync(big, rows.join('\n'));

		await openDashboard(page);
		// A project of 40 members, saved from the page.
		await page.evaluate(() => {
			const a = window.__atlasState!;
			a.importSession.importRecords(
				a.dataset.current.members.slice(0, 40).map((m) => ({ ...m, plots: [...m.plots] })),
				'Project list'
			);
		});
		await expect.poll(async () => (await state(page)).name).toBe('Project list');
		await page.getByTestId('export-menu-button').click();
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-project').click()]);
		const projectPath = (await download.path())!;

		await page.getByTestId('import-file').setInputFiles(big);
		await expect(page.getByTestId('import-progress')).toBeVisible();
		if (!(await page.getByTestId('import-project').count())) await page.getByTestId('export-menu-button').click();
		await page.getByTestId('import-project').setInputFiles(projectPath);
		await expect(page.getByTestId('export-status')).toContainText('Open project: done');

		// The later choice stands: the import is stopped in words, and its rows never replace the project's.
		await expect(page.getByTestId('import-error')).toContainText(
			'The import of "large-events.csv" stopped: another dataset was opened while it was being read.',
			{ timeout: 120_000 }
		);
		await expect(page.getByTestId('import-progress')).toHaveCount(0);
		expect(await state(page)).toMatchObject({ name: 'Project list', members: 40, synthetic: false });
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});
