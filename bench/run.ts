/**
 * `npm run bench`: every benchmark of the project, one after another (they share two cores, so never
 * in parallel), written to docs/BENCHMARKS.md. Each module exports run(ctx) -> BenchSection.
 * `npm run bench -- geocoder` runs only the named modules.
 */
import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { launchChromium, startServer, type BenchContext, type BenchSection } from './context';

const MODULES: Record<string, () => Promise<{ run(ctx: BenchContext): Promise<BenchSection> }>> = {
	basemap: () => import('./basemap'),
	timeline: () => import('./timeline')
};

const only = process.argv.slice(2);
const chosen = Object.keys(MODULES).filter((name) => !only.length || only.includes(name));
const started = Date.now();

execSync('npm run build', { stdio: 'inherit' });
const { baseURL, server } = await startServer(Number(process.env.BENCH_PORT ?? 4190));
const sections: BenchSection[] = [];
try {
	for (const name of chosen) {
		const t0 = Date.now();
		console.log(`bench: ${name} ...`);
		const mod = await MODULES[name]!();
		sections.push(await mod.run({ baseURL, launch: launchChromium, log: (m) => console.log(`  ${name}: ${m}`) }));
		console.log(`bench: ${name} done in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
	}
} finally {
	process.kill(-server.pid!);
}

const chromiumVersion = (() => {
	try {
		return execSync('/usr/bin/chromium --version', { encoding: 'utf8' }).trim();
	} catch {
		return 'unknown';
	}
})();
const cpus = os.cpus();
const machine = [
	`- CPU: ${cpus.length} x ${cpus[0]?.model ?? 'unknown'}; memory ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; ${os.type()} ${os.release()}`,
	`- Node ${process.version}; ${chromiumVersion}, headless, WebGL2 in software (SwiftShader): no GPU`,
	`- Run on ${new Date().toISOString().slice(0, 10)}, ${((Date.now() - started) / 1000).toFixed(0)} s in all`
].join('\n');

const doc = `# Benchmarks

Written by \`npm run bench\`. Every figure is the median of several runs with min and max, and every
speed figure stands beside a baseline measured in the same run on the same machine: compare ratios,
not absolute numbers, across machines.

## Machine
${machine}

${sections.map((s) => `## ${s.title}\n\n${s.markdown.trim()}\n`).join('\n')}`;
if (only.length) console.log(doc);
else writeFileSync('docs/BENCHMARKS.md', doc);
console.log(only.length ? 'bench: partial run, docs/BENCHMARKS.md left as it was' : 'bench: wrote docs/BENCHMARKS.md');
