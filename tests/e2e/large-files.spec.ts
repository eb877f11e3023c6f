/**
 * Files as they come, through the import panel: a Parquet file (tests/fixtures/columnar, written by
 * scripts/make-columnar-fixtures.ts) imports with the same report as a CSV, and a file past its
 * format's size limit is refused in words, without being read (docs/ARCHITECTURE.md, "Files as they come").
 */
import { closeSync, mkdtempSync, openSync, rmSync, truncateSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, openDashboard } from './fixtures';

test.describe.configure({ timeout: 300_000 });

test('a Parquet file imports through the panel: report with its rejected row, on the map and in the legend', async ({ page }) => {
	await openDashboard(page);
	// The panel says which files it takes, Parquet among them.
	await expect(page.getByText(/CSV or Parquet \(up to 1 GB\), Arrow, Excel/)).toBeVisible();
	await page.getByTestId('import-file').setInputFiles('tests/fixtures/columnar/members.parquet');
	const report = page.getByTestId('import-report');
	await expect(report).toContainText('members.parquet: 12 rows read', { timeout: 60_000 });
	await expect(page.getByTestId('import-accepted')).toHaveText('11');
	await expect(page.getByTestId('import-rejected-count')).toHaveText('1');
	// Row 8 has a latitude of 95 and no place name; rows count from 1 (no header row in Parquet).
	await expect(page.getByTestId('import-rejected').locator('tbody tr')).toHaveText([/^8\s*lat\s*coordinate out of range/]);
	await expect(page.getByTestId('imported-banner')).toContainText('members.parquet');
	// One member (p7) has no date: shown or not by the timeline's choice, but counted in the total.
	await expect(page.getByTestId('legend-count')).toHaveText(/^1[01] of 11 members shown$/);
	const typed = await page.evaluate(() => {
		const m = window.__atlasState!.dataset.current.members.find((r) => r.id === 'p1')!;
		return { lat: m.lat, plots: m.plots, arrested: m.arrested, weight: m.weight };
	});
	expect(typed).toEqual({ lat: 50.8503, plots: ['a', 'b'], arrested: 'yes', weight: 3 });
});

test('a JSON file past the lower limit of the formats read whole is refused in words and the map is unchanged', async ({ page }) => {
	// A sparse file: its size on disk is nothing, and the browser reads no more than its first bytes.
	// (A CSV past the 1 GB that CSV and Parquet are read up to: security.spec.ts, 'large inputs'.)
	const dir = mkdtempSync(join(tmpdir(), 'atlas-large-'));
	const sparse = (name: string, start: string, size: number) => {
		const path = join(dir, name);
		const fd = openSync(path, 'w');
		writeSync(fd, start);
		closeSync(fd);
		truncateSync(path, size);
		return path;
	};
	try {
		await openDashboard(page);
		const before = await page.getByTestId('legend-count').textContent();
		// JSON is one value, read whole: its limit is lower, said by the importer once it sees the '['.
		await page.getByTestId('import-file').setInputFiles(sparse('big.json', '[', 300 * 1024 * 1024));
		await expect(page.getByTestId('import-error')).toContainText(
			'This file is 300 MB. JSON and GeoJSON files are read whole, up to 256 MB; CSV and Parquet are read as they come, up to 1,024 MB.',
			{ timeout: 60_000 }
		);
		await expect(page.getByTestId('legend-count')).toHaveText(before!);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});

test('a CSV that proves not to be UTF-8 past its first 4 MB: read again as Windows-1252, each row on the map once', async ({ page }) => {
	// Rows go to the page while the file is read; the first reading's rows must not stay beside the second's.
	const rows = 100_000;
	const lines = ['id,hometown,country,lat,lon,date,role'];
	for (let i = 0; i < rows; i++) lines.push(`m${i},Liege,BE,50.6${i % 10},5.5${i % 7},2015-11-13,inner`);
	const head = Buffer.from(lines.join('\n') + '\n');
	expect(head.length).toBeGreaterThan(4 << 20);
	const latin = Buffer.from([...Buffer.from('last,Li'), 0xe8, ...Buffer.from('ge,BE,50.63,5.57,2015-11-13,inner\n')]);
	await openDashboard(page);
	await page.getByTestId('import-file').setInputFiles({ name: 'latin.csv', mimeType: 'text/csv', buffer: Buffer.concat([head, latin]) });
	await expect(page.getByTestId('import-report')).toContainText(`latin.csv: ${(rows + 1).toLocaleString('en')} rows read`, {
		timeout: 120_000
	});
	await expect(page.getByTestId('imported-banner')).toContainText('latin.csv');
	const shown = await page.evaluate(() => {
		const columns = window.__atlasState!.dataset.current.columns!;
		const ids = new Set<string>();
		const members = window.__atlasState!.dataset.current.members;
		for (const m of members) ids.add(m.id);
		return { count: columns.length, distinct: ids.size, last: members.at(-1)!.hometown };
	});
	expect(shown).toEqual({ count: rows + 1, distinct: rows + 1, last: 'Liège' });
});
