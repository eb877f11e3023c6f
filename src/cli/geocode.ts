/**
 * `npm run atlas -- geocode <file> [--out <out.csv>] [--regeocode] [--swap-coordinates]`: places a
 * member list offline (core/geocode/file.ts: read by the app's importer, given coordinates kept and
 * cross-checked, rows read = written + rejected). The summary and every row-level finding go to
 * stderr, so stdout can carry the CSV.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { geocodeFile } from '../lib/core/geocode/file';
import { fileKind, importFileBytes } from '../lib/core/data/read-file';
import { ReverseIndex } from '../lib/core/geocode/reverse';
import { STATUSES } from '../lib/core/geocode/table';
import { loadGazetteer } from './gazetteer-node';

const USAGE = 'usage: npm run atlas -- geocode <file> [--out <out.csv>] [--regeocode] [--swap-coordinates]';
const FLAGS = new Set(['--regeocode', '--swap-coordinates']);

/** Writes all of `text` before resolving (a piped report must not be cut short by process.exit). */
const write = (stream: NodeJS.WriteStream, text: string) => new Promise<void>((done) => stream.write(text, () => done()));

export async function geocodeCommand(args: string[]): Promise<number> {
	const outAt = args.indexOf('--out');
	const out = outAt >= 0 ? args[outAt + 1] : undefined;
	const unknown = args.filter((a, i) => a.startsWith('--') && a !== '--out' && !FLAGS.has(a) && i !== outAt + 1);
	const input = args.find((a, i) => !a.startsWith('--') && (outAt < 0 || i !== outAt + 1));
	if (!input || (outAt >= 0 && !out) || unknown.length) {
		console.error(unknown.length ? `unknown option ${unknown[0]}\n${USAGE}` : USAGE);
		return 1;
	}
	let bytes: Uint8Array;
	try {
		if (!statSync(input).isFile()) throw new Error('not a regular file');
		bytes = new Uint8Array(readFileSync(input));
	} catch (error) {
		console.error(`cannot read ${input}: ${(error as Error).message}`);
		return 1;
	}
	const swapCoordinates = args.includes('--swap-coordinates');
	// Parquet and Arrow are read by their own readers into the same rows (the text importer reads the rest).
	const kind = fileKind(bytes.subarray(0, 8192));
	const imported =
		kind === 'parquet' || kind === 'arrow'
			? await importFileBytes(bytes, { fileName: input, keepCells: true, swapCoordinates })
			: undefined;
	const t0 = performance.now();
	const gaz = await loadGazetteer();
	const reverse = new ReverseIndex(gaz);
	const tLoad = performance.now() - t0;
	const r = geocodeFile(gaz, reverse, bytes, {
		fileName: input,
		regeocode: args.includes('--regeocode'),
		swapCoordinates,
		imported
	});
	const tGeocode = performance.now() - t0 - tLoad;
	if (r.errors.length) {
		console.error(`${input}: ${r.errors.join(' ')}`);
		return 1;
	}
	if (out) writeFileSync(out, r.csv);
	else await write(process.stdout, r.csv);
	const summary =
		`read ${r.rowsRead} rows: ${r.written} written, ${r.rejected} rejected` +
		`; geocoded in ${(tGeocode / 1000).toFixed(2)} s (gazetteer ${gaz.size} places, loaded in ${(tLoad / 1000).toFixed(1)} s): ` +
		['given', ...STATUSES].map((s) => `${s} ${r.counts[s] ?? 0}`).join(', ') +
		`; ${r.checks} coordinate check${r.checks === 1 ? '' : 's'} to review`;
	await write(process.stderr, [summary, ...r.log.map((l) => `  ${l}`), ...(out ? [`wrote ${out}`] : [])].join('\n') + '\n');
	// The accounting is the promise of this command: a mismatch is a defect, never silent.
	if (r.rowsRead !== r.written + r.rejected) {
		console.error(`internal error: ${r.rowsRead} rows read but ${r.written} written and ${r.rejected} rejected`);
		return 2;
	}
	return 0;
}
