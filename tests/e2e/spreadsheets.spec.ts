/**
 * Workbooks and the big databases' files as downloaded, through the import panel: the test files of
 * tests/fixtures/sources (codebook columns, invented rows; scripts/make-source-fixtures.ts).
 */
import { test, expect, openDashboard } from './fixtures';

const SOURCES = 'tests/fixtures/sources';

test.describe.configure({ timeout: 300_000 });

test('a GTD-format workbook imports as downloaded: title row skipped, date parts, nkill weights the heat, one click counts events', async ({
	page
}) => {
	await openDashboard(page);
	await page.getByTestId('import-file').setInputFiles(`${SOURCES}/gtd-extract.xlsx`);
	await expect(page.getByTestId('import-accepted')).toHaveText('6');
	await expect(page.getByTestId('import-rejected-count')).toHaveText('0');
	await expect(page.getByTestId('import-preset')).toContainText('Global Terrorism Database');
	await expect(page.getByTestId('import-preset')).toContainText('people killed (nkill)');
	await expect(page.getByTestId('import-warnings')).toContainText('skipped as a title', { useInnerText: false });
	await expect(page.getByTestId('imported-banner')).toContainText('gtd-extract.xlsx');
	const weighting = page.getByTestId('legend-weighting');
	await expect(weighting).toContainText('Weighted by people killed (nkill)');
	const top = () => page.getByTestId('heat-stops').textContent();
	const weighted = await top();
	await page.getByTestId('legend-weight-toggle').click();
	await expect(weighting).toContainText('Each record counts once');
	await expect.poll(top, 'the fixed colour scale follows the counting').not.toBe(weighted);
	await page.getByTestId('legend-weight-toggle').click();
	await expect(weighting).toContainText('Weighted by people killed (nkill)');
});

test('an ACLED-format CSV imports as downloaded', async ({ page }) => {
	await openDashboard(page);
	await page.getByTestId('import-file').setInputFiles(`${SOURCES}/acled-export.csv`);
	await expect(page.getByTestId('import-accepted')).toHaveText('4');
	await expect(page.getByTestId('import-preset')).toContainText('ACLED');
	await expect(page.getByTestId('legend-weighting')).toContainText('Weighted by reported fatalities');
});

test('a workbook with several sheets: the first is read, the picker reads another; .ods the same', async ({ page }) => {
	await openDashboard(page);
	for (const file of ['members-sheets.xlsx', 'members-sheets.ods']) {
		await page.getByTestId('import-file').setInputFiles(`${SOURCES}/${file}`);
		const picker = page.getByTestId('import-sheet');
		await expect(picker).toHaveValue('Notes');
		await expect(page.getByTestId('import-accepted')).toHaveText('0');
		await picker.selectOption('Members');
		await expect(page.getByTestId('import-accepted')).toHaveText('3');
		await expect(page.getByTestId('import-sheet')).toHaveValue('Members');
		await expect(page.getByTestId('imported-banner')).toContainText(file);
		await expect(page.getByTestId('legend-count')).toContainText('of 3 members shown');
	}
});
