/** What every benchmark module gets: the built app served on 127.0.0.1, Chromium, and statistics. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/chromium';

export interface Stats {
	median: number;
	min: number;
	max: number;
	n: number;
}

export function stats(samples: number[]): Stats {
	const s = [...samples].sort((a, b) => a - b);
	const mid = s.length >> 1;
	const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
	return { median, min: s[0]!, max: s[s.length - 1]!, n: s.length };
}

/** "12.3 (min 11.0, max 13.1, n 5)" */
export function fmt(st: Stats, digits = 1): string {
	return `${st.median.toFixed(digits)} (min ${st.min.toFixed(digits)}, max ${st.max.toFixed(digits)}, n ${st.n})`;
}

export interface BenchSection {
	title: string;
	/** Markdown body: tables of figures beside their baselines, and what limits them. */
	markdown: string;
}

export interface BenchContext {
	baseURL: string;
	launch(extraArgs?: string[]): Promise<Browser>;
	log(message: string): void;
}

export async function startServer(port: number): Promise<{ baseURL: string; server: ChildProcess }> {
	// The test build: the browser benchmarks drive the page through its test hooks (src/lib/test-hooks.ts).
	const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
		env: { ...process.env, ATLAS_TEST_BUILD: '1' },
		stdio: 'ignore',
		detached: true
	});
	const baseURL = `http://127.0.0.1:${port}`;
	for (let i = 0; ; i++) {
		try {
			if ((await fetch(`${baseURL}/`)).ok) break;
		} catch {
			/* not up yet */
		}
		if (i > 150) throw new Error('vite preview did not start');
		await new Promise((r) => setTimeout(r, 200));
	}
	return { baseURL, server };
}

export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
	return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/**
 * CPU time (ms, user + system) used so far by every process under this one: Chromium's browser, GPU
 * (where SwiftShader rasterises) and renderer processes, and the preview server. On a machine shared
 * with other work, wall-clock frame rates swing with the neighbours' load; CPU time per frame does not.
 * Linux only (reads /proc); returns NaN elsewhere.
 */
export function descendantsCpuMs(root = process.pid): number {
	let entries: string[];
	try {
		entries = readdirSync('/proc').filter((e) => /^\d+$/.test(e));
	} catch {
		return NaN;
	}
	const children = new Map<number, number[]>();
	const ticks = new Map<number, number>();
	for (const pid of entries) {
		let stat: string;
		try {
			stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		} catch {
			continue; // exited meanwhile
		}
		// Fields after the ")" that closes the command name: state ppid ... utime(12) stime(13).
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		const ppid = Number(fields[1]);
		ticks.set(Number(pid), Number(fields[11]) + Number(fields[12]));
		children.set(ppid, [...(children.get(ppid) ?? []), Number(pid)]);
	}
	let total = 0;
	const stack = [...(children.get(root) ?? [])];
	while (stack.length) {
		const pid = stack.pop()!;
		total += ticks.get(pid) ?? 0;
		stack.push(...(children.get(pid) ?? []));
	}
	return total * 10; // USER_HZ is 100 on Linux
}
