/** `atlas validate` on ties files: the same report as the app, unknown ids against a member list, exit codes. */
import { describe, it, expect, vi, afterEach } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateCommand } from '../../../src/cli/validate';

const dir = mkdtempSync(join(tmpdir(), 'atlas-ties-'));
const file = (name: string, text: string) => {
	const path = join(dir, name);
	writeFileSync(path, text);
	return path;
};

async function run(args: string[]): Promise<{ code: number; report: Record<string, unknown> }> {
	let out = '';
	const write = vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: string, cb?: () => void) => {
		out += chunk;
		cb?.();
		return true;
	}) as never);
	try {
		const code = await validateCommand(args);
		return { code, report: JSON.parse(out) };
	} finally {
		write.mockRestore();
	}
}
afterEach(() => vi.restoreAllMocks());

describe('atlas validate, ties files', () => {
	const CASES = [
		{
			title: 'edge list against the demo members',
			name: 'ties.csv',
			text: 'source,target,type\nM-001,M-002,contact\nM-001,,plot\nM-001,ghost,contact',
			members: undefined,
			code: 0,
			accepted: 2,
			rejected: 1,
			unknown: ['ghost']
		},
		{
			title: 'edge list against a given member list',
			name: 'ties.csv',
			text: 'source,target\nA-1,A-2\nA-1,M-001',
			members: 'id,hometown,country,lat,lon\nA-1,Paris,FR,48.85,2.35\nA-2,Lyon,FR,45.75,4.85',
			code: 0,
			accepted: 2,
			rejected: 0,
			unknown: ['M-001']
		},
		{
			title: 'GraphML with a bad edge',
			name: 'g.graphml',
			text: '<graphml><graph><node id="M-001"/><node id="M-002"/><edge source="M-001" target="M-002"/><edge source="M-001" target="x"/></graph></graphml>',
			members: undefined,
			code: 0,
			accepted: 1,
			rejected: 1,
			unknown: []
		},
		{
			title: 'a GEXF that is not XML',
			name: 'g.gexf',
			text: '<gexf><graph>',
			members: undefined,
			code: 1,
			accepted: 0,
			rejected: 0,
			unknown: []
		}
	];
	it.each(CASES)('$title', async ({ name, text, members, code, accepted, rejected, unknown }) => {
		const args = [file(name, text)];
		if (members) args.push('--members', file('members.csv', members));
		const result = await run(args);
		expect(result.code).toBe(code);
		expect(result.report.kind).toBe('ties');
		expect(result.report.accepted).toBe(accepted);
		expect((result.report.rejected as unknown[]).length).toBe(rejected);
		expect(result.report.tiesRead).toBe(accepted + rejected);
		expect(result.report.unknownIds).toEqual(unknown);
	});
});
