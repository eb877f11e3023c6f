/**
 * The same app served from a sub-folder: a build with BASE_PATH=/atlas (its own output folders, so the
 * main build the other tests use is untouched), served under /atlas/ by a small static server here.
 * Every file the page asks for must come from /atlas/ and none may fail (a 404 logs a console error,
 * which the fixtures fail on): the map, the demo data, the routes, the labels and the gazetteer.
 */
import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { test, expect } from './fixtures';

const ROOT = 'build-atlas';
const BASE = '/atlas';
const TYPES: Record<string, string> = {
	'.html': 'text/html',
	'.js': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.wasm': 'application/wasm',
	'.txt': 'text/plain'
};

let server: Server;
let origin = '';
const outside: string[] = [];

test.beforeAll(async () => {
	test.setTimeout(400_000);
	// A test build (its hooks tell when the heat is drawn), in its own folders.
	execFileSync('npx', ['vite', 'build'], {
		env: { ...process.env, ATLAS_TEST_BUILD: '1', BASE_PATH: BASE, BUILD_DIR: ROOT, KIT_OUT_DIR: '.svelte-kit-atlas' },
		stdio: 'ignore',
		timeout: 380_000
	});
	server = createServer((req, res) => {
		const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
		if (!path.startsWith(`${BASE}/`) && path !== BASE) {
			outside.push(path);
			res.writeHead(404).end();
			return;
		}
		let file = normalize(join(ROOT, path.slice(BASE.length)));
		if (!file.startsWith(ROOT)) return void res.writeHead(403).end();
		if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
		if (!existsSync(file) && existsSync(`${file}.html`)) file = `${file}.html`;
		if (!existsSync(file)) return void res.writeHead(404).end();
		res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

test.afterAll(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

test('served under /atlas/, the map, data, routes and gazetteer all load from there', async ({ page }) => {
	test.setTimeout(180_000);
	await page.goto(`${origin}${BASE}/`);
	await page.waitForFunction(() => window.__atlas?.heatDrawn === true, null, { timeout: 90_000 });
	await expect(page.getByTestId('legend-count')).toContainText(/\d+ of \d+ members shown/);
	await expect(page.getByTestId('route-toggle-western-balkans')).toBeVisible({ timeout: 30_000 });
	// The gazetteer, fetched by the geocoding worker: a place name only, so the list needs it.
	await page.getByTestId('import-file').setInputFiles({
		name: 'names.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from('id,hometown,country\na,Molenbeek-Saint-Jean,BE\nb,Lunel,FR\n')
	});
	await expect(page.getByTestId('geocode-summary')).toContainText('2 exact', { timeout: 90_000 });
	// The link the page writes keeps the folder.
	await expect.poll(() => new URL(page.url()).pathname).toBe(`${BASE}/`);
	expect(outside, 'requests outside /atlas/').toEqual([]);
});
