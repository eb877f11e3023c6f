import { test, expect, openDashboard, project, meanColor, colorDistance, setLayerDrawn } from './fixtures';

test.describe('dashboard foundation', () => {
	test('loads with the map, the legend and the synthetic label, without errors', async ({ page, watch }) => {
		await openDashboard(page);
		await expect(page.getByTestId('map')).toBeVisible();
		await expect(page.getByTestId('legend')).toContainText('members');
		await expect(page.getByTestId('synthetic-banner')).toContainText('Synthetic');
		await expect(page.getByTestId('legend-synthetic')).toBeVisible();
		expect(watch.pageErrors).toEqual([]);
	});

	test('heat shows over Brussels and leaves the empty Atlantic alone', async ({ page }) => {
		await openDashboard(page);
		// Labels off: Brussels' own label dot sits on the sampled pixels in both pictures.
		await setLayerDrawn(page, 'labels', false);
		const brussels = await project(page, [4.35, 50.85]);
		const atlantic = await project(page, [-13.5, 44]);
		const withHeat = { brussels: await meanColor(page, brussels.x, brussels.y), atlantic: await meanColor(page, atlantic.x, atlantic.y) };

		await setLayerDrawn(page, 'heat', false);
		const bare = { brussels: await meanColor(page, brussels.x, brussels.y), atlantic: await meanColor(page, atlantic.x, atlantic.y) };

		expect(colorDistance(withHeat.brussels, bare.brussels), 'heat changes Brussels').toBeGreaterThan(60);
		expect(colorDistance(withHeat.atlantic, bare.atlantic), 'the empty Atlantic stays the same').toBeLessThan(2);
	});

	test('the built page carries a strict Content-Security-Policy', async ({ page, request }) => {
		const html = await (await request.get('/')).text();
		const csp = /<meta http-equiv="content-security-policy" content="([^"]+)"/i.exec(html)?.[1] ?? '';
		expect(csp).toContain("default-src 'self'");
		expect(csp).toContain("connect-src 'self'");
		expect(csp).toMatch(/script-src 'self'( 'sha256-[^']+')*;/);
		expect(csp).not.toContain('unsafe-eval');
		await openDashboard(page);
	});
});
