/**
 * `npm run atlas -- validate <file> [--sheet <name>]`: the importer's validation report of a member
 * list or incident table (CSV, Parquet, Arrow IPC, GeoJSON, JSON, or a sheet of an .xlsx/.ods workbook) as JSON on
 * stdout. Exit 1 when the file cannot be read at all (missing, empty, binary, not CSV/JSON or a
 * workbook); rejected rows alone do not fail the command, they are in the report.
 */
import { openAsBlob, readFileSync, statSync } from 'node:fs';
import { importBytes } from '../lib/core/data/import';
import { importFile } from '../lib/core/data/read-file';
import { tieFormatOf, readTies } from '../lib/core/network/read-ties';
import { listUnknownIds } from '../lib/core/network/ties';
import { knownIdsOf } from '../lib/core/network/graph';
import { readEvents } from '../lib/core/time/events';

const USAGE =
	'usage: npm run atlas -- validate <file> [--sheet <name>] [--members <member list>]   (ties: GEXF, GraphML or CSV with source,target)';
const DEMO_MEMBERS = 'geodata/members.demo.csv';
const EVENTS = 'geodata/events.json';

/** Writes all of `text` before resolving: process.exit right after console.log can cut a piped report short. */
const print = (text: string) => new Promise<void>((done) => process.stdout.write(`${text}\n`, () => done()));

export async function validateCommand(args: string[]): Promise<number> {
	const sheetAt = args.indexOf('--sheet');
	const sheet = sheetAt >= 0 ? args[sheetAt + 1] : undefined;
	const membersAt = args.indexOf('--members');
	const membersFile = membersAt >= 0 ? args[membersAt + 1] : undefined;
	if ((sheetAt >= 0 && sheet === undefined) || (membersAt >= 0 && membersFile === undefined)) {
		console.error(USAGE);
		return 1;
	}
	const file = args.find((a, i) => !a.startsWith('-') && (sheetAt < 0 || i !== sheetAt + 1) && (membersAt < 0 || i !== membersAt + 1));
	if (!file) {
		console.error(USAGE);
		return 1;
	}
	let blob: Blob;
	try {
		if (!statSync(file).isFile()) throw new Error('not a regular file');
		blob = await openAsBlob(file);
	} catch (error) {
		await print(JSON.stringify({ file, errors: [`cannot read the file: ${(error as Error).message}`] }, null, 2));
		return 1;
	}
	const text = new TextDecoder().decode(await blob.slice(0, 4096).arrayBuffer());
	const format = tieFormatOf(file, text);
	if (format) return validateTies(file, new Uint8Array(readFileSync(file)), format, membersFile);
	// Read as it comes, as in the browser (CSV, Parquet, Arrow, workbooks, JSON), without the tab's size limits.
	const { report } = await importFile(blob, { fileName: file, sheet }, false);
	await print(JSON.stringify(report, null, 2));
	return report.errors.length ? 1 : 0;
}

/**
 * A ties file: the same report the app shows (every tie read = accepted + rejected, row or line and
 * reason), with the ids that are no node of the file and no member, plot or organisation. Members
 * come from --members (any member list the importer reads) or the bundled demo.
 */
async function validateTies(
	file: string,
	bytes: Uint8Array,
	format: NonNullable<ReturnType<typeof tieFormatOf>>,
	membersFile?: string
): Promise<number> {
	const imported = readTies(new TextDecoder().decode(bytes), file, format);
	let members;
	try {
		members = importBytes(new Uint8Array(readFileSync(membersFile ?? DEMO_MEMBERS)), { fileName: membersFile ?? DEMO_MEMBERS }).records;
	} catch (error) {
		await print(JSON.stringify({ file, errors: [`cannot read the member list: ${(error as Error).message}`] }, null, 2));
		return 1;
	}
	const { events } = readEvents(JSON.parse(readFileSync(EVENTS, 'utf8')));
	imported.report.unknownIds = listUnknownIds(imported, knownIdsOf(members, events));
	await print(
		JSON.stringify({ ...imported.report, members: membersFile ?? `${DEMO_MEMBERS} (the demo; pass --members <file> for yours)` }, null, 2)
	);
	return imported.report.errors.length ? 1 : 0;
}
