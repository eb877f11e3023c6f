/**
 * `npm run atlas -- geocode <in.csv> [--out <out.csv>]`: geocodes the `hometown` column (with the
 * optional `country` column as a hint) offline, and writes the input with the geocoder's columns added (README, "Other commands").
 * Unresolved rows keep empty coordinates. The summary (counts by status, then every ambiguous and
 * unresolved row with its row number and reason) goes to stderr, so stdout can carry the CSV.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import Papa from 'papaparse';
import { findColumn, geocodeAll, OUTPUT_COLUMNS, resultColumns, STATUSES } from '../lib/core/geocode/table';
import { loadGazetteer } from './gazetteer-node';

const USAGE = 'usage: npm run atlas -- geocode <in.csv> [--out <out.csv>]';

export async function geocodeCommand(args: string[]): Promise<number> {
	const outAt = args.indexOf('--out');
	const out = outAt >= 0 ? args[outAt + 1] : undefined;
	const input = args.find((a, i) => !a.startsWith('--') && (outAt < 0 || i !== outAt + 1));
	if (!input || (outAt >= 0 && !out)) {
		console.error(USAGE);
		return 1;
	}
	let text: string;
	try {
		text = readFileSync(input, 'utf8').replace(/^\uFEFF/, '');
	} catch (error) {
		console.error(`cannot read ${input}: ${(error as Error).message}`);
		return 1;
	}
	const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy' });
	const fields = parsed.meta.fields ?? [];
	const hometownCol = findColumn(fields, 'hometown');
	const countryCol = findColumn(fields, 'country');
	if (!hometownCol) {
		console.error(`${input}: no "hometown" column (columns: ${fields.join(', ') || 'none'})`);
		return 1;
	}
	for (const e of parsed.errors) console.error(`row ${(e.row ?? 0) + 2}: ${e.message}`);

	const t0 = performance.now();
	const gaz = await loadGazetteer();
	const tLoad = performance.now() - t0;
	const rows = parsed.data;
	const { results, summary } = geocodeAll(
		gaz,
		rows.map((r) => ({ hometown: r[hometownCol] ?? '', country: countryCol ? r[countryCol] ?? '' : '' }))
	);
	const tGeocode = performance.now() - t0 - tLoad;

	const extra = OUTPUT_COLUMNS.filter((c) => !fields.includes(c));
	const csv = Papa.unparse(
		{ fields: [...fields, ...extra], data: rows.map((r, i) => ({ ...r, ...resultColumns(results[i]!) })) },
		{ columns: [...fields, ...extra] }
	);
	if (out) writeFileSync(out, csv + '\n');
	else process.stdout.write(csv + '\n');

	console.error(
		`geocoded ${summary.rows} rows in ${(tGeocode / 1000).toFixed(2)} s (gazetteer ${gaz.size} places, loaded in ${(tLoad / 1000).toFixed(1)} s): ` +
			STATUSES.map((s) => `${s} ${summary[s]}`).join(', ')
	);
	results.forEach((r, i) => {
		if (r.status === 'ambiguous' || r.status === 'unresolved') {
			console.error(`  row ${i + 2}: ${r.status}: "${String(rows[i]![hometownCol]).slice(0, 60)}" ${r.place ? `-> ${r.place} (${r.place_country}) ` : ''}${r.reason}`);
		}
	});
	if (out) console.error(`wrote ${out}`);
	return 0;
}
