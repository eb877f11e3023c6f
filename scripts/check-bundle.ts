/**
 * `npm run test:size [-- --modules]`: the JavaScript the first view loads on the main thread, gzipped, against the
 * issue's budget. Deterministic (size, not time), so it can fail `npm test`.
 *
 * First view = every script build/index.html names (modulepreload links and the inline bootstrap's
 * imports) plus everything those reach by STATIC import/export-from. Chunks reached only through
 * dynamic import() are lazy and excluded, as is MapLibre's worker (a separate thread, an .mjs asset).
 * Each chunk is gzipped at level 9 and the sizes summed; kB = 1000 bytes, as Vite prints them.
 *
 * Our code's share vs the libraries' comes from build/../.svelte-kit/output/bundle-modules.json, written
 * by the bundle-modules Vite plugin (rendered, pre-minification lengths per source module): each
 * chunk's gzipped size is split in proportion, so the shares are estimates; the total is exact.
 */
import { readFileSync, existsSync } from 'node:fs';
import { posix } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { init, parse } from 'es-module-lexer';

/** The budget for the first view's JavaScript, gzipped. */
export const BUDGET_GZIP_BYTES = 560_000;
export const MODULES_REPORT = '.svelte-kit/output/bundle-modules.json';

/** Specifiers a module imports or re-exports statically (dynamic import() and import.meta left out). */
export async function staticImports(code: string): Promise<string[]> {
	await init;
	const [imports] = parse(code);
	// d === -1: a static import or export-from; d > -1: dynamic import(); d === -2: import.meta.
	return imports.filter((i) => i.d === -1 && i.n !== undefined).map((i) => i.n!);
}

/** Scripts index.html loads at once: modulepreload links and import("...") calls in inline scripts. */
export function htmlEntries(html: string): string[] {
	const found = new Set<string>();
	for (const link of html.matchAll(/<link\b[^>]*>/g)) {
		const tag = link[0];
		const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
		if (href && /\brel="modulepreload"/.test(tag)) found.add(href);
	}
	for (const script of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
		const src = /\bsrc="([^"]+)"/.exec(script[1]!)?.[1];
		if (src && /\btype="module"/.test(script[1]!)) found.add(src);
		for (const dyn of script[2]!.matchAll(/\bimport\(\s*["'`]([^"'`]+)["'`]\s*\)/g)) found.add(dyn[1]!);
	}
	return [...found];
}

/** Resolves a relative specifier against the importing file (paths relative to the build root). */
export function resolveSpecifier(from: string, specifier: string): string | null {
	if (!specifier.startsWith('.') && !specifier.startsWith('/')) return null; // bare: not a file of ours
	const joined = specifier.startsWith('/') ? specifier.slice(1) : posix.join(posix.dirname(from), specifier);
	return posix.normalize(joined).replace(/^\.\//, '');
}

/** Every file reachable from the entries by static imports, in discovery order. */
export async function reachable(entries: string[], read: (file: string) => string): Promise<string[]> {
	const seen = new Set<string>();
	const queue = entries.map((e) => resolveSpecifier('index.html', e.startsWith('.') || e.startsWith('/') ? e : `./${e}`)!);
	while (queue.length) {
		const file = queue.shift()!;
		if (seen.has(file)) continue;
		seen.add(file);
		for (const spec of await staticImports(read(file))) {
			const next = resolveSpecifier(file, spec);
			if (next && !seen.has(next)) queue.push(next);
		}
	}
	return [...seen];
}

export const gzipSize = (bytes: Buffer | string) => gzipSync(bytes, { level: 9 }).length;

/** "node_modules/.pnpm/x/node_modules/@deck.gl/core/dist/a.js" -> "@deck.gl/core"; our files -> "ours". */
export function ownerOf(moduleId: string): string {
	const parts = moduleId.replace(/\\/g, '/').split(/(?:^|\/)node_modules\//);
	if (parts.length < 2) return moduleId.startsWith('\0') ? 'bundler runtime' : 'ours';
	const rest = parts[parts.length - 1]!.split('/');
	return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
}

/** The first view's chunks in a build directory, largest first, with their raw and gzipped sizes. */
export async function measureFirstView(root: string) {
	const read = (file: string) => readFileSync(posix.join(root, file), 'utf8');
	const files = (await reachable(htmlEntries(read('index.html')), read)).filter((f) => f.endsWith('.js'));
	const rows = files.map((file) => {
		const bytes = readFileSync(posix.join(root, file));
		return { file, raw: bytes.length, gzip: gzipSize(bytes) };
	});
	rows.sort((a, b) => b.gzip - a.gzip);
	return { rows, total: rows.reduce((s, r) => s + r.gzip, 0) };
}

const kb = (n: number) => `${(n / 1000).toFixed(1)} kB`;

async function main() {
	const root = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'build';
	if (!existsSync(`${root}/index.html`)) throw new Error(`${root}/index.html missing: run npm run build first`);
	const { rows, total } = await measureFirstView(root);

	console.log('First-view JavaScript (main thread; static imports from index.html; gzip -9):');
	console.log(`  ${'chunk'.padEnd(44)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)}`);
	for (const r of rows) console.log(`  ${r.file.padEnd(44)} ${kb(r.raw).padStart(10)} ${kb(r.gzip).padStart(10)}`);
	console.log(`  ${'total'.padEnd(44)} ${kb(rows.reduce((s, r) => s + r.raw, 0)).padStart(10)} ${kb(total).padStart(10)}`);

	if (existsSync(MODULES_REPORT)) {
		const modules: Record<string, Record<string, number>> = JSON.parse(readFileSync(MODULES_REPORT, 'utf8'));
		const byOwner = new Map<string, number>();
		for (const r of rows) {
			const chunk = modules[r.file];
			if (!chunk) continue;
			const rendered = Object.values(chunk).reduce((s, n) => s + n, 0) || 1;
			for (const [id, len] of Object.entries(chunk)) {
				const owner = ownerOf(id);
				byOwner.set(owner, (byOwner.get(owner) ?? 0) + (r.gzip * len) / rendered);
			}
		}
		if (process.argv.includes('--modules')) {
			console.log('\nBy module (estimate, largest 60):');
			const byModule: [string, number][] = [];
			for (const r of rows) {
				const chunk = modules[r.file] ?? {};
				const rendered = Object.values(chunk).reduce((s, n) => s + n, 0) || 1;
				for (const [id, len] of Object.entries(chunk)) byModule.push([id, (r.gzip * len) / rendered]);
			}
			for (const [id, bytes] of byModule.sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.MODULES_SHOWN ?? 60)))
				console.log(`  ${kb(bytes).padStart(10)}  ${id}`);
		}
		console.log("\nBy owner (estimate: each chunk split by its modules' pre-minification length):");
		for (const [owner, bytes] of [...byOwner].sort((a, b) => b[1] - a[1])) {
			if (bytes >= 500) console.log(`  ${owner.padEnd(32)} ${kb(bytes).padStart(10)}`);
		}
	}

	const verdict = total <= BUDGET_GZIP_BYTES ? 'within' : 'OVER';
	console.log(`\nFirst view: ${kb(total)} gzipped, ${verdict} the budget of ${kb(BUDGET_GZIP_BYTES)}.`);
	if (total > BUDGET_GZIP_BYTES) {
		console.log('Move what the first view does not need behind a dynamic import() (see README, "Benchmarks").');
		process.exit(1);
	}
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
