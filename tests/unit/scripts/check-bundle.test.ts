import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { htmlEntries, measureFirstView, ownerOf, reachable, resolveSpecifier, staticImports } from '../../../scripts/check-bundle';

/** A miniature build/: the shapes Vite and SvelteKit really emit (minified imports, __vitePreload, re-exports). */
const FIXTURE: Record<string, string> = {
	'index.html': `<html><head>
		<link href="./_app/immutable/entry/start.js" rel="modulepreload">
		<link href="./_app/immutable/nodes/2.js" rel="modulepreload">
		<link href="./_app/immutable/assets/2.css" rel="stylesheet">
		</head><body><script>Promise.all([import("./_app/immutable/entry/start.js"),import("./_app/immutable/entry/app.js")])</script></body></html>`,
	'_app/immutable/entry/start.js': 'export{i as load_css,t as start}from"../chunks/kit.js";',
	'_app/immutable/entry/app.js':
		'import{a as e}from"../chunks/svelte.js";import"../chunks/empty.js";const n=[()=>e(()=>import("../nodes/2.js"),[])];',
	'_app/immutable/nodes/2.js': 'export{t as component}from"../chunks/page.js";',
	'_app/immutable/chunks/kit.js': 'import{a}from"./svelte.js";export const t=1,i=2;',
	'_app/immutable/chunks/svelte.js': 'export const a=1;',
	'_app/immutable/chunks/empty.js': '',
	'_app/immutable/chunks/page.js':
		'import*as m from"./maplibre.js";const w=new URL("../assets/worker.mjs",import.meta.url);const g=()=>import(`./geocoder.js`);export const t=m;',
	'_app/immutable/chunks/maplibre.js': 'export default 1;',
	'_app/immutable/chunks/geocoder.js': 'import{x}from"./gazetteer.js";export const g=x;',
	'_app/immutable/chunks/gazetteer.js': 'export const x=1;'
};
const read = (file: string) => {
	const text = FIXTURE[file];
	if (text === undefined) throw new Error(`fixture has no ${file}`);
	return text;
};

const IMPORTS = [
	{ title: 'named import', input: 'import{a as b}from"./x.js";', expected: ['./x.js'] },
	{ title: 'bare side-effect import', input: 'import"./x.js";', expected: ['./x.js'] },
	{ title: 'namespace import', input: 'import*as m from"./x.js";', expected: ['./x.js'] },
	{ title: 're-export', input: 'export{t as component}from"../y.js";', expected: ['../y.js'] },
	{ title: 'dynamic import left out', input: 'const f=()=>import("./lazy.js");', expected: [] },
	{ title: 'template dynamic import left out', input: 'const f=()=>import(`./lazy.js`);', expected: [] },
	{ title: 'import.meta left out', input: 'new URL("./w.mjs",import.meta.url);', expected: [] },
	{ title: 'string that looks like an import', input: 'const s=`import{a}from"./no.js"`;', expected: [] }
];

const RESOLVE = [
	{ title: 'html entry', input: ['index.html', './_app/a.js'], expected: '_app/a.js' },
	{ title: 'sibling', input: ['_app/immutable/chunks/a.js', './b.js'], expected: '_app/immutable/chunks/b.js' },
	{ title: 'parent', input: ['_app/immutable/nodes/2.js', '../chunks/c.js'], expected: '_app/immutable/chunks/c.js' },
	{ title: 'root-absolute', input: ['_app/x.js', '/_app/y.js'], expected: '_app/y.js' },
	{ title: 'bare package', input: ['_app/x.js', 'maplibre-gl'], expected: null }
];

const OWNERS = [
	{ title: 'our source', input: 'src/lib/map/layers.ts', expected: 'ours' },
	{ title: 'plain package', input: 'node_modules/maplibre-gl/dist/maplibre-gl.mjs', expected: 'maplibre-gl' },
	{ title: 'scoped package', input: 'node_modules/@deck.gl/core/dist/index.js', expected: '@deck.gl/core' },
	{ title: 'nested package', input: '/abs/node_modules/a/node_modules/@luma.gl/webgl/x.js', expected: '@luma.gl/webgl' },
	{ title: 'bundler helper', input: '\0vite/preload-helper.js', expected: 'bundler runtime' }
];

describe('check-bundle', () => {
	it.each(IMPORTS)('static imports: $title', async ({ input, expected }) => {
		expect(await staticImports(input)).toEqual(expected);
	});

	it.each(RESOLVE)('resolves $title', ({ input: [from, spec], expected }) => {
		expect(resolveSpecifier(from!, spec!)).toBe(expected);
	});

	it.each(OWNERS)('owner of $title', ({ input, expected }) => {
		expect(ownerOf(input)).toBe(expected);
	});

	it('reads modulepreload links and the bootstrap imports from index.html, not stylesheets', () => {
		expect(htmlEntries(FIXTURE['index.html']!).sort()).toEqual(
			['./_app/immutable/entry/app.js', './_app/immutable/entry/start.js', './_app/immutable/nodes/2.js'].sort()
		);
	});

	it('follows static imports from the entries and leaves dynamic-only chunks and the worker out', async () => {
		const files = await reachable(htmlEntries(FIXTURE['index.html']!), read);
		expect(files.sort()).toEqual(
			[
				'_app/immutable/entry/app.js',
				'_app/immutable/entry/start.js',
				'_app/immutable/nodes/2.js',
				'_app/immutable/chunks/kit.js',
				'_app/immutable/chunks/svelte.js',
				'_app/immutable/chunks/empty.js',
				'_app/immutable/chunks/page.js',
				'_app/immutable/chunks/maplibre.js'
			].sort()
		);
	});

	it('counts a lazy chunk once something imports it statically', async () => {
		const files = await reachable(['./_app/immutable/chunks/geocoder.js'], read);
		expect(files).toContain('_app/immutable/chunks/gazetteer.js');
	});

	it('sums the gzipped sizes of exactly the first-view chunks of a build directory', async () => {
		const root = mkdtempSync(join(tmpdir(), 'atlas-bundle-'));
		for (const [file, text] of Object.entries(FIXTURE)) {
			mkdirSync(dirname(join(root, file)), { recursive: true });
			writeFileSync(join(root, file), text);
		}
		// A big lazy chunk must not count.
		writeFileSync(join(root, '_app/immutable/chunks/gazetteer.js'), `export const x=${JSON.stringify('z'.repeat(50_000))};`);
		const { rows, total } = await measureFirstView(root);
		const expectedFiles = [
			'entry/app',
			'entry/start',
			'nodes/2',
			'chunks/kit',
			'chunks/svelte',
			'chunks/empty',
			'chunks/page',
			'chunks/maplibre'
		];
		const expected = expectedFiles.reduce((s, f) => s + gzipSync(FIXTURE[`_app/immutable/${f}.js`]!, { level: 9 }).length, 0);
		expect(rows.map((r) => r.file).sort()).toEqual(expectedFiles.map((f) => `_app/immutable/${f}.js`).sort());
		expect(total).toBe(expected);
	});
});
