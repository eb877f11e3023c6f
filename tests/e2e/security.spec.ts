/**
 * Hostile input reaches the page by two doors: links and files. Whatever comes in, nothing runs, nothing
 * is injected, nothing leaves the machine, and the user is told what was ignored.
 */
import type { Page } from '@playwright/test';
import { test, expect, openDashboard } from './fixtures';

/** Records what a payload could do if it ran: dialogs, new script/iframe/object elements, the __xss marker. */
async function armTripwires(page: Page): Promise<{ dialogs: string[] }> {
	const dialogs: string[] = [];
	page.on('dialog', (d) => {
		dialogs.push(d.message());
		void d.dismiss();
	});
	await page.addInitScript(() => {
		const w = window as unknown as { __addedElements: string[] };
		w.__addedElements = [];
		const ownChunk = (el: Element) => el.tagName === 'LINK' && new URL(el.getAttribute('href') ?? '', location.href).href.startsWith(`${location.origin}/_app/`);
		// Watches from the end of parsing: what the served page holds is checked by the CSP tests.
		const watch = () => new MutationObserver((records) => {
			for (const r of records)
				for (const n of r.addedNodes)
					if (n instanceof Element) {
						for (const el of [n, ...n.querySelectorAll('*')])
							if (((/^(script|iframe|object|embed|base|meta|link)$/i.test(el.tagName)) && !ownChunk(el)) || [...el.attributes].some((a) => /^on/i.test(a.name)))
								w.__addedElements.push(el.outerHTML.slice(0, 120));
					}
		}).observe(document, { childList: true, subtree: true });
		document.addEventListener('DOMContentLoaded', watch, { once: true });
	});
	return { dialogs };
}

/** Elements added after the page's own start-up that could run code, and the payloads' marker. */
async function tripped(page: Page): Promise<{ added: string[]; marker: unknown }> {
	return page.evaluate(() => {
		const w = window as unknown as { __addedElements: string[]; __xss?: unknown };
		return { added: w.__addedElements, marker: w.__xss };
	});
}

test.describe('links with hostile parameters', () => {
	const HOSTILE = [
		'v=<script>window.__xss=1</script>',
		't=2015-02-31',
		'mode="><img src=x onerror=window.__xss=2>',
		'routes=javascript:window.__xss=3',
		'%3Csvg%20onload%3Dwindow.__xss%3D4%3E=1',
		'f.role=<img src=x onerror=alert(5)>',
		'k={{7*7}}',
		'w=${window.__xss=6}'
	].map((pair) => pair.replace(/[<>"{}$ ]/g, encodeURIComponent));

	test('fall back to defaults, say so in a dismissible note, and run nothing', async ({ page }) => {
		const { dialogs } = await armTripwires(page);
		await openDashboard(page, `?${HOSTILE.join('&')}`);
		const notes = page.getByTestId('url-notes');
		await expect(notes).toBeVisible();
		await expect(notes).toContainText('Ignored "v" in the link');
		await expect(notes).toContainText('a parameter with unusual characters');
		await expect(notes.locator('li')).toHaveCount(6);
		await expect(notes).toContainText('Ignored 3 more parameters');
		// The notes are text: no element inside them but the list and the button.
		expect(await notes.locator('img, svg, script, a').count()).toBe(0);
		const state = await page.evaluate(() => {
			const s = (window as unknown as { __atlasState: { view: unknown; time: number; timeMode: string } }).__atlasState;
			return { view: s.view, time: s.time, mode: s.timeMode };
		});
		expect(state.mode).toBe('cumulative');
		await notes.getByRole('button', { name: /dismiss/i }).click();
		await expect(notes).toHaveCount(0);
		expect(dialogs).toEqual([]);
		expect(await tripped(page)).toEqual({ added: [], marker: undefined });
	});

	test('a clean link shows no note', async ({ page }) => {
		await openDashboard(page, '?v=4.35,50.85,5&mode=window&w=6');
		await expect(page.getByTestId('legend')).toBeVisible();
		await expect(page.getByTestId('url-notes')).toHaveCount(0);
	});
});

test('the tripwires see injected markup, and the CSP stops its inline handler', async ({ page, watch }) => {
	watch.allowConsole.push(/Content Security Policy/);
	await armTripwires(page);
	await openDashboard(page);
	await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<img src="data:," onerror="window.__xss=1" onload="window.__xss=1">'));
	await expect.poll(async () => (await tripped(page)).added.length).toBe(1);
	expect((await tripped(page)).marker, 'the CSP blocks inline event handlers').toBeUndefined();
});

export { armTripwires, tripped };
