/**
 * `npm run bench`: every benchmark of the project, one after another (they share two cores, so never
 * in parallel), written to docs/BENCHMARKS.md. Each module exports run(ctx) -> BenchSection.
 * `npm run bench -- geocoder` runs only the named modules and prints the result without writing it
 * (with BENCH_WRITE=sections it replaces those modules' sections in docs/BENCHMARKS.md, and says so in them);
 * `aggregate`, `large-files` and `restore` run only when named, and a named run of them writes their sections
 * into docs/BENCHMARKS.md (in place of their last ones), where a full run keeps them.
 * The whole run must stay under 10 minutes on 2 cores: keep each module under about 2 minutes.
 */
import { execSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { launchChromium, startServer, type BenchContext, type BenchSection } from './context';

const MODULES: Record<string, () => Promise<{ run(ctx: BenchContext): Promise<BenchSection> }>> = {
	bundle: () => import('./bundle'),
	startup: () => import('./startup'),
	basemap: () => import('./basemap'),
	import: () => import('./import'),
	geocoder: () => import('./geocoder'),
	'large-import': () => import('./large-import'),
	timeline: () => import('./timeline'),
	network: () => import('./network'),
	aggregate: () => import('./aggregate'),
	'large-files': () => import('./large-files'),
	restore: () => import('./restore')
};
/** Modules that run only when named: they take minutes of their own. */
const ONLY_WHEN_NAMED = new Set(['aggregate', 'large-files', 'restore']);
const NO_APP = new Set(['aggregate']);
/** Section titles of the modules above, kept from the last named run by a full run. */
const CARRIED_TITLES = ['Aggregate outside the browser', 'Large files as they come', 'Restore of saved work'];
const TIME_LIMIT_S = 600;

const only = process.argv.slice(2);
const unknown = only.filter((name) => !(name in MODULES));
if (unknown.length) {
	console.error(`bench: no module ${unknown.join(', ')}; known: ${Object.keys(MODULES).join(', ')}`);
	process.exit(2);
}
const chosen = Object.keys(MODULES).filter((name) => (only.length ? only.includes(name) : !ONLY_WHEN_NAMED.has(name)));
const started = Date.now();
const loadBefore = os.loadavg();

// The product build is what the bundle section measures; the browser benchmarks drive the test build.
// Modules that never open the app (aggregate) need neither build nor server.
const needsApp = chosen.some((name) => !NO_APP.has(name));
if (chosen.includes('bundle')) execSync('npm run build', { stdio: 'inherit' });
// build:test's geodata and viewer steps (about 25 s) are what build has just made: only the test build's own step then.
if (needsApp)
	execSync(chosen.includes('bundle') ? 'npx vite build' : 'npm run build:test', {
		stdio: 'inherit',
		env: { ...process.env, ATLAS_TEST_BUILD: '1' }
	});
const { baseURL, server } = needsApp ? await startServer(Number(process.env.BENCH_PORT ?? 4180)) : { baseURL: '', server: null }; // not 4190: browsers and fetch refuse that port (ManageSieve)
const sections: BenchSection[] = [];
const timings: { name: string; seconds: number; ok: boolean }[] = [];
try {
	for (const name of chosen) {
		const t0 = Date.now();
		console.log(`bench: ${name} ...`);
		let ok = true;
		try {
			const mod = await MODULES[name]!();
			sections.push(await mod.run({ baseURL, launch: launchChromium, log: (m) => console.log(`  ${name}: ${m}`) }));
		} catch (error) {
			// One broken module must not cost the others' figures; it is reported in the document instead.
			ok = false;
			console.error(`bench: ${name} failed:`, error);
			sections.push({ title: `${name} (failed)`, markdown: `This module failed in this run: \`${String(error).split('\n')[0]}\`` });
		}
		const seconds = (Date.now() - t0) / 1000;
		timings.push({ name, seconds, ok });
		console.log(`bench: ${name} ${ok ? 'done' : 'FAILED'} in ${seconds.toFixed(0)} s`);
	}
} finally {
	if (server) process.kill(-server.pid!);
}
const totalSeconds = (Date.now() - started) / 1000;

const chromiumVersion = (() => {
	try {
		return execSync('/usr/bin/chromium --version', { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
	} catch {
		return 'Chromium (version unknown)';
	}
})();
const cpus = os.cpus();
const load = (l: number[]) => l.map((n) => n.toFixed(1)).join(' / ');
const machine = [
	`- CPU: ${cpus.length} x ${cpus[0]?.model ?? 'unknown'}; memory ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; ${os.type()} ${os.release()}`,
	`- Node ${process.version}; ${chromiumVersion}, headless, WebGL2 in software (SwiftShader): no GPU`,
	`- Load average (1 / 5 / 15 min) ${load(loadBefore)} at the start, ${load(os.loadavg())} at the end: the machine is shared, so wall-clock figures move with its load; ratios to the same-run baselines and CPU-time figures move much less`,
	`- Run on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; ${totalSeconds.toFixed(0)} s in all (limit ${TIME_LIMIT_S} s), build included: ${timings.map((t) => `${t.name} ${t.seconds.toFixed(0)} s`).join(', ')}`
].join('\n');

const doc = `# Benchmarks

Written by \`npm run bench\` (do not edit by hand). Every timed figure is the median of several runs with
min and max, and stands beside a baseline measured in the same run on the same machine: compare ratios,
not absolute numbers, across machines.

## Machine
${machine}

${sections.map((s) => `## ${s.title}\n\n${s.markdown.trim()}\n`).join('\n')}`;

/**
 * A full run leaves out the modules that run only when named; their last sections (written from a
 * named run, said so in them) are carried over from the current file so their figures stay in it.
 */
function carriedOver(): string {
	let old: string;
	try {
		old = readFileSync('docs/BENCHMARKS.md', 'utf8');
	} catch {
		return '';
	}
	return old
		.split(/\n(?=## )/)
		.filter((s) => CARRIED_TITLES.some((t) => s.startsWith(`## ${t}`)))
		.map((s) => `\n${s.trim()}\n`)
		.join('');
}

/** A named run's sections put in place of the same titles in the current file (BENCH_WRITE=sections). */
function withSectionsReplaced(old: string, replaced: BenchSection[]): string {
	const stamp = `_This section is from a run of this module alone on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC (load average ${load(loadBefore)} at the start, ${load(os.loadavg())} at the end), not from the full run the machine section describes._`;
	let out = old;
	for (const s of replaced) {
		const parts = out.split(/\n(?=## )/);
		const at = parts.findIndex((p) => p.startsWith(`## ${s.title}\n`));
		if (at < 0) throw new Error(`bench: no section '${s.title}' in docs/BENCHMARKS.md to replace`);
		parts[at] = `## ${s.title}\n\n${stamp}\n\n${s.markdown.trim()}\n`;
		out = parts.join('\n');
	}
	return out;
}

/**
 * A named run of modules that run only when named: their sections go into the current file in place of
 * their last ones (or at its end), the rest of it as it was.
 */
function withNamedSections(named: BenchSection[]): string {
	const old = readFileSync('docs/BENCHMARKS.md', 'utf8').trimEnd();
	const parts = old.split(/\n(?=## )/);
	for (const section of named) {
		const text = `## ${section.title}\n\n${section.markdown.trim()}`;
		const key = CARRIED_TITLES.find((t) => section.title.startsWith(t));
		const at = key ? parts.findIndex((p) => p.startsWith(`## ${key}`)) : -1;
		if (at >= 0) parts[at] = text;
		else parts.push(text);
	}
	return `${parts.map((p) => p.trim()).join('\n\n')}\n`;
}

const namedSections = chosen.filter((name) => ONLY_WHEN_NAMED.has(name)).map((name) => sections[chosen.indexOf(name)]!);
const namedOk = chosen.every((name) => !ONLY_WHEN_NAMED.has(name) || timings.find((t) => t.name === name)?.ok);
const writeNamed = namedSections.length > 0 && namedOk;
const writeSections = only.length > 0 && process.env.BENCH_WRITE === 'sections';
if (only.length) {
	console.log(doc);
	if (writeNamed) writeFileSync('docs/BENCHMARKS.md', withNamedSections(namedSections));
	if (writeSections) {
		const others = sections.filter((s) => !namedSections.includes(s));
		writeFileSync('docs/BENCHMARKS.md', withSectionsReplaced(readFileSync('docs/BENCHMARKS.md', 'utf8'), others));
	}
} else writeFileSync('docs/BENCHMARKS.md', doc + carriedOver());
console.log(
	!only.length
		? 'bench: wrote docs/BENCHMARKS.md'
		: writeNamed || writeSections
			? `bench: wrote the sections of ${chosen.join(', ')} into docs/BENCHMARKS.md`
			: 'bench: partial run, docs/BENCHMARKS.md left as it was'
);
if (totalSeconds > TIME_LIMIT_S) console.error(`bench: took ${totalSeconds.toFixed(0)} s, over the ${TIME_LIMIT_S} s limit`);
if (timings.some((t) => !t.ok) || totalSeconds > TIME_LIMIT_S) process.exitCode = 1;
