/**
 * `npm run atlas -- validate <file>`: the importer's validation report of a member list or incident
 * table (CSV, GeoJSON or JSON) as JSON on stdout. Exit 1 when the file cannot be read at all (missing,
 * empty, binary, not CSV/JSON); rejected rows alone do not fail the command, they are in the report.
 */
import { readFileSync, statSync } from 'node:fs';
import { importBytes } from '../lib/core/data/import';

const USAGE = 'usage: npm run atlas -- validate <file>';

/** Writes all of `text` before resolving: process.exit right after console.log can cut a piped report short. */
const print = (text: string) => new Promise<void>((done) => process.stdout.write(`${text}\n`, () => done()));

export async function validateCommand(args: string[]): Promise<number> {
	const file = args.find((a) => !a.startsWith('-'));
	if (!file) {
		console.error(USAGE);
		return 1;
	}
	let bytes: Uint8Array;
	try {
		if (!statSync(file).isFile()) throw new Error('not a regular file');
		bytes = new Uint8Array(readFileSync(file));
	} catch (error) {
		await print(JSON.stringify({ file, errors: [`cannot read the file: ${(error as Error).message}`] }, null, 2));
		return 1;
	}
	const { report } = importBytes(bytes, { fileName: file });
	await print(JSON.stringify(report, null, 2));
	return report.errors.length ? 1 : 0;
}
