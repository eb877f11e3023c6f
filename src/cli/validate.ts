/**
 * `npm run atlas -- validate <file> [--sheet <name>]`: the importer's validation report of a member
 * list or incident table (CSV, GeoJSON, JSON, or a sheet of an .xlsx/.ods workbook) as JSON on
 * stdout. Exit 1 when the file cannot be read at all (missing, empty, binary, not CSV/JSON or a
 * workbook); rejected rows alone do not fail the command, they are in the report.
 */
import { readFileSync, statSync } from 'node:fs';
import { importFileBytes } from '../lib/core/data/read-file';

const USAGE = 'usage: npm run atlas -- validate <file> [--sheet <name>]';

/** Writes all of `text` before resolving: process.exit right after console.log can cut a piped report short. */
const print = (text: string) => new Promise<void>((done) => process.stdout.write(`${text}\n`, () => done()));

export async function validateCommand(args: string[]): Promise<number> {
	const sheetAt = args.indexOf('--sheet');
	const sheet = sheetAt >= 0 ? args[sheetAt + 1] : undefined;
	if (sheetAt >= 0 && sheet === undefined) {
		console.error(USAGE);
		return 1;
	}
	const file = args.find((a, i) => !a.startsWith('-') && (sheetAt < 0 || i !== sheetAt + 1));
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
	const { report } = await importFileBytes(bytes, { fileName: file, sheet });
	await print(JSON.stringify(report, null, 2));
	return report.errors.length ? 1 : 0;
}
