/**
 * Links restore exactly (a browser sample of what tests/unit/fuzz/url-codec.test.ts checks over
 * generated states): a date before the study period opens there, the period widened with a note; every
 * layer a link hides has its box to bring it back; route boxes work when the link hid the routes; an
 * unknown filter value is named; and the link the page writes opens the same state again.
 */
import type { Page } from '@playwright/test';
import { test, expect, openDashboard } from './fixtures';
import { dayFromIso } from '../../src/lib/core/time/days';

import './hooks';

const snapshot = (page: Page) =>
	page.evaluate(() => {
		const a = window.__atlasState!;
		return {
			time: a.timeline.time,
			mode: a.timeline.mode,
			w: a.timeline.windowMonths,
			domain: [...a.timeline.domain],
			period: a.timeline.periodYears ? [...a.timeline.periodYears] : null,
			layers: { ...a.view.layers },
			routes: a.routes.visible ? [...a.routes.visible] : null,
			filters: JSON.parse(JSON.stringify(a.filters.chosen)) as Record<string, string[]>,
			k: a.filters.privacyK,
			theme: a.view.theme,
			visible: a.views.visibleCount
		};
	});

test('a date before the study period opens exactly there, the period widened and said so', async ({ page }) => {
	await openDashboard(page, '?t=2013-11-01&mode=window');
	const s = await snapshot(page);
	expect(s.time).toBe(dayFromIso('2013-11-01'));
	expect(s.period).toEqual([2012, 2016]);
	await expect(page.getByTestId('url-notes')).toContainText('outside the study period: the timeline now runs 2012–2016');
	await expect(page.getByTestId('time-slider')).toHaveAttribute('aria-valuenow', String(dayFromIso('2013-11-01')));
	await expect(page.getByTestId('period')).toHaveValue('data');
	// Back to the study period from the menu.
	await page.getByTestId('period').selectOption('study');
	expect((await snapshot(page)).domain).toEqual([0, dayFromIso('2016-12-31')]);
});

test('the study period first: cumulative mode counts earlier members from its first day, and the legend says how many', async ({
	page
}) => {
	await openDashboard(page, '?t=2014-01-01');
	const s = await snapshot(page);
	expect(s.domain).toEqual([0, dayFromIso('2016-12-31')]);
	expect(s.visible).toBeGreaterThan(0);
	// Those dated "2014" count from its first day too, so the legend's number is of the earlier ones only.
	const before = await page.evaluate(() => window.__atlasState!.views.countedBeforePeriod);
	expect(before).toBeGreaterThan(0);
	expect(before).toBeLessThanOrEqual(s.visible);
	await expect(page.getByTestId('legend-before')).toHaveText(`${before} members from before 1 January 2014 counted from that day`);
});

test('every layer a link hides can be brought back, and the route boxes work when the link hid the routes', async ({ page }) => {
	await openDashboard(page, '?layers=heat');
	for (const id of ['labels', 'routes', 'plots']) await expect(page.getByTestId(`layer-toggle-${id}`)).not.toBeChecked();
	await expect(page.getByTestId('routes-hidden')).toBeVisible();
	await page.getByTestId('route-toggle-central-med').uncheck();
	await page.getByTestId('route-toggle-central-med').check();
	expect((await snapshot(page)).layers.routes, 'ticking a route shows the routes').toBe(true);
	await page.getByTestId('layer-toggle-labels').check();
	await page.getByTestId('layer-toggle-plots').check();
	expect((await snapshot(page)).layers).toEqual({ heat: true, labels: true, routes: true, plots: true });
});

test('an unknown filter value is named, marked in the panel, and can be unticked', async ({ page }) => {
	test.setTimeout(150_000);
	// No member passes, so no heat is ever drawn: wait for the note instead of the first heat frame.
	await page.goto('/?f.role=boss');
	await expect(page.getByTestId('url-notes')).toContainText('The filter Role = "boss" matches no members in this data', {
		timeout: 90_000
	});
	await expect(page.getByTestId('filter-unknown')).toHaveText(' (not in this data)');
	// A click, not uncheck(): once unticked, a value the data lacks leaves the list, so there is no box left to re-read.
	await page.getByTestId('filter-role-boss').click();
	await expect.poll(async () => (await snapshot(page)).filters.role, { timeout: 30_000 }).toEqual([]);
});

test('the link the page writes opens the same state again', async ({ page }) => {
	test.setTimeout(150_000);
	// A state with members on the map (the page is waited on by its first heat frame).
	const query =
		'?v=4.3500,50.8500,6.00&t=2015-11-13&mode=window&w=12&layers=heat,routes&routes=central-med&f.role=inner&k=3&theme=dark&period=2012-2016';
	await openDashboard(page, query);
	const first = await snapshot(page);
	expect(first).toMatchObject({
		time: dayFromIso('2015-11-13'),
		mode: 'window',
		w: 12,
		period: [2012, 2016],
		routes: ['central-med'],
		k: 3,
		theme: 'dark'
	});
	expect(first.layers).toEqual({ heat: true, labels: false, routes: true, plots: false });
	await expect.poll(() => new URL(page.url()).searchParams.get('period'), { timeout: 15_000 }).toBe('2012-2016');
	const written = page.url();
	await page.goto('about:blank');
	await page.goto(written);
	await page.waitForFunction(() => window.__atlas?.heatDrawn === true, null, { timeout: 90_000 });
	expect(await snapshot(page)).toEqual(first);
});
