/**
 * Hostile input reaches the page by two doors: links and files. Whatever comes in, nothing runs, nothing
 * is injected, nothing leaves the machine, and the user is told what was ignored.
 */
import type { Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, openDashboard, project } from './fixtures';

const XSS_CSV = 'tests/fixtures/xss-members.csv';
const PAYLOADS = readFileSync('tests/fixtures/xss-payloads.txt', 'utf8')
	.split('\n')
	.filter((line) => line.length > 0 && !line.startsWith('# '));

/** Records what a payload could do if it ran: dialogs, new script/iframe/object elements, the __xss marker. */
async function armTripwires(page: Page): Promise<{ dialogs: string[] }> {
	const dialogs: string[] = [];
	page.on('dialog', (d) => {
		dialogs.push(d.message());
		void d.dismiss();
	});
	await page.addInitScript(() => {
		const added: string[] = [];
		window.__addedElements = added;
		const ownChunk = (el: Element) =>
			el.tagName === 'LINK' && new URL(el.getAttribute('href') ?? '', location.href).href.startsWith(`${location.origin}/_app/`);
		// Watches from the end of parsing: what the served page holds is checked by the CSP tests.
		const watch = () =>
			new MutationObserver((records) => {
				for (const r of records)
					for (const n of r.addedNodes)
						if (n instanceof Element) {
							for (const el of [n, ...n.querySelectorAll('*')])
								if (
									(/^(script|iframe|object|embed|base|meta|link)$/i.test(el.tagName) && !ownChunk(el)) ||
									[...el.attributes].some((a) => /^on/i.test(a.name))
								)
									added.push(el.outerHTML.slice(0, 120));
						}
			}).observe(document, { childList: true, subtree: true });
		document.addEventListener('DOMContentLoaded', watch, { once: true });
	});
	return { dialogs };
}

/** Elements added after the page's own start-up that could run code, and the payloads' marker. */
async function tripped(page: Page): Promise<{ added: string[]; marker: unknown }> {
	return page.evaluate(() => {
		return { added: window.__addedElements ?? [], marker: window.__xss };
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
		await expect(notes.locator('p')).toHaveCount(6);
		await expect(notes).toContainText('Ignored 3 more parameters');
		// The notes are text: no element inside them but the list and the button.
		expect(await notes.locator('img, svg, script, a').count()).toBe(0);
		const state = await page.evaluate(() => {
			const s = window.__atlasState!;
			return { view: { ...s.view.view }, time: s.timeline.time, mode: s.timeline.mode };
		});
		expect(state.mode).toBe('cumulative');
		await notes.getByRole('button', { name: /dismiss/i }).click();
		await expect(notes).toHaveCount(0);
		expect(dialogs).toEqual([]);
		expect(await tripped(page)).toEqual({ added: [], marker: undefined });
	});

	test('a link repeating a bad parameter still opens (each note shown once)', async ({ page }) => {
		await openDashboard(page, '?zz=1&zz=2&zz=3&mode=x&mode=y');
		const notes = page.getByTestId('url-notes');
		await expect(notes.locator('p')).toHaveText([
			'Ignored "zz" in the link: unknown parameter.',
			'Ignored "mode" in the link: mode is cumulative or window.'
		]);
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
	await page.evaluate(() =>
		document.body.insertAdjacentHTML('beforeend', '<img src="data:," onerror="window.__xss=1" onload="window.__xss=1">')
	);
	await expect.poll(async () => (await tripped(page)).added.length).toBe(1);
	expect((await tripped(page)).marker, 'the CSP blocks inline event handlers').toBeUndefined();
});

test.describe('a file whose every text field carries a script-injection payload', () => {
	test('is imported and shown in the report, tooltips, filters and hotspot table as text: nothing runs, nothing is fetched', async ({
		page
	}) => {
		test.setTimeout(300_000);
		const { dialogs } = await armTripwires(page);
		await openDashboard(page);
		await page.getByTestId('import-file').setInputFiles(XSS_CSV);
		await expect(page.getByTestId('import-report')).toContainText(`${PAYLOADS.length} rows read`, { timeout: 120_000 });
		// Every list of the report open: warnings quote the bad values, the column list names the payload column.
		for (const details of await page.getByTestId('import').locator('details').all())
			await details.evaluate((d) => ((d as HTMLDetailsElement).open = true));
		await expect(page.getByTestId('import-warnings')).toContainText('window.__xss');
		await expect(page.getByTestId('import-needs-geocoding')).toContainText('window.__xss');

		// Tooltips: hover every member's spot.
		const members = await page.evaluate(() =>
			window
				.__atlasState!.dataset.current.members.filter((m) => Number.isFinite(m.lon))
				.map(({ lon, lat, hometown }) => ({ lon, lat, hometown }))
		);
		expect(members.length).toBeGreaterThan(40);
		let tooltipsSeen = 0;
		for (const m of members) {
			const at = await project(page, [m.lon, m.lat]);
			await page.mouse.move(at.x, at.y);
			const tip = page.locator('.map-tooltip');
			if (await tip.isVisible().catch(() => false)) tooltipsSeen++;
		}
		expect(tooltipsSeen, 'tooltips showed for the payload towns').toBeGreaterThan(10);
		await page.mouse.move(5, 5);

		// Filters: every option (their labels are the payloads) on and off again. A field folds again when
		// its last option is unticked (only Role starts open), so each option's field is opened first and
		// an option still hidden is counted, never silently skipped.
		const options = await page.locator('[data-testid^="filter-"] input[type="checkbox"], input[data-testid^="filter-"]').all();
		let hidden = 0;
		let toggled = 0;
		for (const option of options) {
			if (!(await option.isVisible())) await option.evaluate((el) => el.closest('details')?.setAttribute('open', ''));
			if (!(await option.isVisible())) {
				hidden++;
				continue;
			}
			await option.check();
			await option.uncheck();
			toggled++;
		}
		expect(hidden, 'no filter option left hidden').toBe(0);
		expect(toggled, 'every filter option toggled').toBe(options.length);
		expect(toggled, 'the payload file has filter options').toBeGreaterThan(5);
		// Hotspot table at every level, and a row clicked (it flies the map there).
		const table = page.getByTestId('hotspot-table');
		for (const level of ['town', 'metro', 'country']) {
			await page.getByTestId(`hotspot-level-${level}`).check();
			await expect(table.locator('tbody tr').first()).toBeVisible();
		}
		await page.getByTestId('hotspot-level-town').check();
		// A row whose coordinates lie near no gazetteer place (this one is at sea) keeps the file's spelling
		// as its name; one near a place is named from the gazetteer and keeps the file's spelling among its
		// other spellings (the name's tooltip). Either way the payload is text.
		await expect(table, 'payloads are shown, as text').toContainText('<svg><script>window.__xss=9</script></svg>');
		await expect(table.getByTitle('<script>window.__xss=1</script>'), "a gazetteer-named row lists the file's spelling").toHaveCount(1);
		// A town's name selects it (map and network) and flies the map there; the button shows it pressed once handled.
		const place = table.locator('tbody tr').first().getByRole('button').first();
		await place.click();
		await expect(place).toHaveAttribute('aria-pressed', 'true');

		expect(dialogs).toEqual([]);
		expect(await tripped(page)).toEqual({ added: [], marker: undefined });
	});

	test('in the geocoder review panel: rows, reasons and candidates are text', async ({ page }) => {
		test.setTimeout(180_000);
		const { dialogs } = await armTripwires(page);
		await page.addInitScript(
			(list) => (window.__reviewList = list),
			[...PAYLOADS.map((p) => ({ hometown: p, country: p })), { hometown: 'Tripoli', country: '<b>LY</b>' }]
		);
		await page.goto('/test/geocode-review');
		const panel = page.getByTestId('geocode-review');
		await expect(page.getByTestId('geocode-progress')).toContainText(`${PAYLOADS.length + 1} / ${PAYLOADS.length + 1}`, {
			timeout: 90_000
		});
		const rows = panel.locator('[data-testid^="review-row-"]');
		expect(await rows.count()).toBeGreaterThan(PAYLOADS.length / 2);
		await expect(panel).toContainText('window.__xss');
		for (const row of await rows.all()) await row.click();
		// The last row's candidates are drawn once it shows as selected.
		await expect(rows.last()).toHaveAttribute('aria-pressed', 'true');
		expect(dialogs).toEqual([]);
		expect(await tripped(page)).toEqual({ added: [], marker: undefined });
	});
});

test.describe('large inputs', () => {
	test('a file too large for the tab is refused with a clear message before it is read; the page keeps working', async ({ page }) => {
		// A sparse 1.1 GB file (past the 1 GB that CSV and Parquet are read up to): the size is real, the
		// disk cost is nil, and the dialog must refuse it unread.
		const file = join(mkdtempSync(join(tmpdir(), 'atlas-big-')), 'members-huge.csv');
		const fd = openSync(file, 'w');
		ftruncateSync(fd, 1100 * 1024 * 1024);
		closeSync(fd);
		await openDashboard(page);
		const before = await page.evaluate(() => window.__atlasState!.dataset.current.members.length);
		await page.getByTestId('import-file').setInputFiles(file);
		await expect(page.getByTestId('import-error')).toContainText('"members-huge.csv" is 1100 MB; this page reads files up to 1024 MB');
		await expect(page.getByTestId('import-error')).toContainText('npm run atlas -- aggregate');
		await expect(page.getByTestId('import-progress')).toHaveCount(0);
		expect(await page.evaluate(() => window.__atlasState!.dataset.current.members.length)).toBe(before);
		await expect(page.getByTestId('legend')).toBeVisible();
	});
});

test.describe('Content-Security-Policy', () => {
	/** The built page's CSP as a map of directive -> sources. */
	async function builtPage(request: import('@playwright/test').APIRequestContext) {
		const html = await (await request.get('/')).text();
		const content = /<meta http-equiv="content-security-policy" content="([^"]+)"/i.exec(html)?.[1] ?? '';
		const csp = new Map(
			content
				.split(';')
				.map((d) => d.trim().split(/\s+/))
				.filter((d) => d[0])
				.map(([name, ...sources]) => [name!, sources])
		);
		return { html, csp };
	}

	test('no inline script runs unless its hash is listed, and nothing is fetched but our origin', async ({ request }) => {
		const { html, csp } = await builtPage(request);
		expect(csp.get('default-src')).toEqual(["'self'"]);
		expect(csp.get('connect-src')).toEqual(["'self'"]);
		expect(csp.get('font-src')).toEqual(["'self'"]);
		expect(csp.get('object-src')).toEqual(["'none'"]);
		expect(csp.get('base-uri')).toEqual(["'self'"]);
		expect(csp.get('form-action')).toEqual(["'none'"]);
		const scriptSrc = csp.get('script-src') ?? [];
		for (const source of scriptSrc)
			expect(source, 'script-src lists only our origin and hashes').toMatch(/^('self'|'sha256-[A-Za-z0-9+/=]+')$/);
		// Every inline script in the page is one of the hashed ones.
		const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1]!);
		expect(inline.length, 'SvelteKit bootstraps with one inline script').toBeGreaterThan(0);
		for (const body of inline) expect(scriptSrc).toContain(`'sha256-${createHash('sha256').update(body).digest('base64')}'`);
		// Every other directive that names sources stays on this origin (data:/blob: are local by nature).
		for (const [name, sources] of csp)
			for (const source of sources) expect(`${name} ${source}`).toMatch(/ ('self'|'none'|'unsafe-inline'|'sha256-[^']+'|data:|blob:)$/);
		expect(csp.get('style-src'), "inline styles only: Svelte's style: directives and MapLibre set style attributes").toEqual([
			"'self'",
			"'unsafe-inline'"
		]);
	});

	test('no remote fonts, stylesheets or imports in the built CSS and HTML', async ({ request }) => {
		const { html } = await builtPage(request);
		expect(html).not.toMatch(/<link[^>]+href="(https?:)?\/\//i);
		const dir = 'build/_app/immutable/assets';
		const css = readdirSync(dir).filter((f) => f.endsWith('.css'));
		expect(css.length).toBeGreaterThan(0);
		for (const file of css) {
			const text = readFileSync(join(dir, file), 'utf8');
			expect(text, file).not.toMatch(/@import/i);
			expect(text, file).not.toMatch(/url\(\s*['"]?(https?:)?\/\//i);
		}
	});

	test('the whole page works under the policy: no violation while it loads, plays, filters and pans', async ({ page }) => {
		await page.addInitScript(() => {
			const violations: string[] = [];
			window.__cspViolations = violations;
			document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
		});
		await openDashboard(page);
		// Exercise what the page can do without a file: time, routes, layers, the map, the panels.
		const day = () => page.evaluate(() => window.__atlasState!.timeline.time);
		const start = await day();
		await page.getByTestId('play').click();
		await expect.poll(day, 'playing moves the date').not.toBe(start);
		await page.getByTestId('play').click();
		for (const toggle of await page.locator('[data-testid^="route-toggle-"]').all()) await toggle.click();
		await page.getByTestId('mode-toggle').getByRole('radio', { name: 'Window' }).check();
		await page.mouse.move(640, 400);
		const zoom = () => page.evaluate(() => window.__atlas!.map.getZoom());
		const before = await zoom();
		await page.mouse.wheel(0, -400);
		await expect.poll(zoom, 'the wheel zoomed in').toBeGreaterThan(before);
		await page.mouse.move(600, 380, { steps: 5 });
		// Everything the new view needs loaded and drawn (a blocked load would be reported by then).
		await page.evaluate(
			() =>
				new Promise<void>((resolve) => {
					const map = window.__atlas!.map;
					map.once('idle', () => resolve());
					map.triggerRepaint();
				})
		);
		expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
	});

	test('the violation listener works: a blocked inline script is seen', async ({ page, watch }) => {
		watch.allowConsole.push(/Content Security Policy/);
		await page.addInitScript(() => {
			const violations: string[] = [];
			window.__cspViolations = violations;
			document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
		});
		await openDashboard(page);
		await page.evaluate(() => {
			const s = document.createElement('script');
			s.textContent = 'window.__xss = 1';
			document.body.append(s);
		});
		await expect.poll(() => page.evaluate(() => window.__cspViolations?.length ?? 0)).toBeGreaterThan(0);
		expect(await page.evaluate(() => window.__xss)).toBeUndefined();
	});
});

export { armTripwires, tripped };
