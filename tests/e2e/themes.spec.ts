/**
 * Both themes are complete: every piece of text the dashboard shows (panels, timeline, legend, form
 * controls, the export menu, present mode) reaches WCAG AA contrast against its own background, in
 * the light theme and in the dark one. Backgrounds are composited up the tree (translucent panels over
 * the page's own background); text with no opaque background under it is measured against the map's
 * sea colour of that theme.
 */
import type { Page } from '@playwright/test';
import { test, expect, openDashboard } from './fixtures';

interface Failure {
	text: string;
	where: string;
	ratio: number;
	needed: number;
	fg: string;
	bg: string;
}

/** Every visible text in `root` whose contrast is below AA (4.5:1, or 3:1 for large text). */
function lowContrast(page: Page, selector: string, behind: [number, number, number], theme: 'light' | 'dark'): Promise<Failure[]> {
	return page.evaluate(
		({ selector, behind, theme }) => {
			type RGBA = [number, number, number, number];
			const parse = (c: string): RGBA => {
				const m = /rgba?\(([^)]+)\)/.exec(c);
				if (!m) return [0, 0, 0, 0];
				const p = m[1]!
					.split(/[ ,/]+/)
					.filter(Boolean)
					.map(Number);
				return [p[0]!, p[1]!, p[2]!, p[3] ?? 1];
			};
			const over = (top: RGBA, under: [number, number, number]): [number, number, number] =>
				[0, 1, 2].map((i) => top[i]! * top[3] + under[i]! * (1 - top[3])) as [number, number, number];
			const lum = ([r, g, b]: [number, number, number]) => {
				const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
				return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
			};
			const ratio = (a: [number, number, number], b: [number, number, number]) => {
				const [l1, l2] = [lum(a), lum(b)].sort((x, y) => y - x);
				return (l1! + 0.05) / (l2! + 0.05);
			};
			/** The colour behind an element: its own and its ancestors' backgrounds, composited. */
			const background = (el: Element): [number, number, number] => {
				const layers: RGBA[] = [];
				for (let e: Element | null = el; e; e = e.parentElement) {
					const bg = parse(getComputedStyle(e).backgroundColor);
					if (bg[3] > 0) layers.push(bg);
					if (bg[3] >= 1) break;
				}
				let color: [number, number, number] = behind;
				for (const layer of layers.reverse()) color = over(layer, color);
				return color;
			};
			const visible = (el: Element) => {
				const s = getComputedStyle(el);
				const r = el.getBoundingClientRect();
				return (
					s.visibility !== 'hidden' &&
					s.display !== 'none' &&
					Number(s.opacity) > 0.1 &&
					r.width > 1 &&
					r.height > 1 &&
					!el.closest('[aria-hidden="true"], [hidden], option, .sr-only')
				);
			};
			const failures: Failure[] = [];
			const root = document.querySelector(selector);
			if (!root) return [{ text: `no ${selector}`, where: '', ratio: 0, needed: 0, fg: '', bg: '' }];
			const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
			const seen = new Set<Element>();
			for (let n = walker.nextNode(); n; n = walker.nextNode()) {
				const el = n.parentElement;
				if (!el || seen.has(el) || !n.textContent?.trim() || !visible(el)) continue;
				if ((el as HTMLButtonElement).disabled || el.closest('[disabled], .maplibregl-ctrl-attrib')) continue; // inactive controls are exempt
				seen.add(el);
				const s = getComputedStyle(el);
				const bg = background(el);
				// SVG text is painted with fill, not color.
				const fgc = parse(el instanceof SVGElement ? s.fill : s.color);
				const fg = over(fgc, bg);
				const size = parseFloat(s.fontSize);
				const large = size >= 24 || (size >= 18.66 && Number(s.fontWeight) >= 700);
				const needed = large ? 3 : 4.5;
				const r = ratio(fg, bg);
				// A theme is complete when no surface keeps the other theme's polarity (a white card in the dark).
				const wrongSurface = theme === 'dark' ? lum(bg) > 0.3 : lum(bg) < 0.2;
				if (r < needed - 0.01 || wrongSurface) {
					const where = [
						el.tagName.toLowerCase(),
						el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : '',
						el.closest('[data-testid]')?.getAttribute('data-testid') ?? ''
					].join(' ');
					failures.push({
						text: n.textContent.trim().slice(0, 40),
						where,
						ratio: Math.round(r * 100) / 100,
						needed,
						fg: fg.map(Math.round).join(','),
						bg: bg.map(Math.round).join(',')
					});
				}
			}
			// Form controls' own text (select, number and text inputs) is not a text node.
			for (const el of root.querySelectorAll('select, input[type=number], input[type=text], input[type=search]')) {
				if (!visible(el) || (el as HTMLInputElement).disabled) continue;
				const bg = background(el);
				const fg = over(parse(getComputedStyle(el).color), bg);
				const r = ratio(fg, bg);
				if (r < 4.49)
					failures.push({
						text: (el as HTMLInputElement).value.slice(0, 40),
						where: `${el.tagName.toLowerCase()} ${el.getAttribute('aria-label') ?? ''}`,
						ratio: Math.round(r * 100) / 100,
						needed: 4.5,
						fg: fg.join(','),
						bg: bg.join(',')
					});
			}
			return failures;
		},
		{ selector, behind, theme }
	);
}

/** The sea colour of each theme's basemap: what text with no panel under it is read against. */
const SEA = { light: [0xdc, 0xe6, 0xee], dark: [0x14, 0x1a, 0x22] } as const;

for (const theme of ['light', 'dark'] as const) {
	test(`${theme} theme: every panel, the timeline, the legend, the controls and the export menu reach WCAG AA contrast`, async ({
		page
	}) => {
		test.setTimeout(120_000);
		await openDashboard(page, `?theme=${theme}&t=2015-11-13`);
		await expect(page.getByTestId('hotspot-table')).toBeVisible({ timeout: 30_000 });
		await expect(page.getByTestId('route-toggle-all')).toBeVisible({ timeout: 30_000 });
		await page.getByTestId('export-menu-button').click();
		await expect(page.getByTestId('export-menu')).toBeVisible();
		expect(await lowContrast(page, 'main.dashboard', [...SEA[theme]], theme)).toEqual([]);
	});

	test(`${theme} theme: present mode reaches WCAG AA contrast`, async ({ page }) => {
		await openDashboard(page, `?theme=${theme}`);
		await page.getByTestId('present').click();
		await expect(page.locator('main.dashboard.presenting')).toBeVisible();
		expect(await lowContrast(page, 'main.dashboard', [...SEA[theme]], theme)).toEqual([]);
	});
}
