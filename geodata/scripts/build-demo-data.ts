/**
 * Turns geodata/members.demo.csv into static/generated/data/members.demo.json, the points the
 * first view draws, so the browser needs no gazetteer to show the demo.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import Papa from 'papaparse';
import { dayFromIso } from '../../src/lib/core/time/days.ts';
import { emptyRecord, type MemberRecord } from '../../src/lib/core/data/member.ts';

const OUT_DIR = 'static/generated/data';

export function buildDemoData() {
	const csv = readFileSync('geodata/members.demo.csv', 'utf8');
	const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
	if (parsed.errors.length) throw new Error(`members.demo.csv: ${JSON.stringify(parsed.errors[0])}`);
	const members: MemberRecord[] = parsed.data.map((row) => {
		const day = dayFromIso(row.first_act_date!);
		return {
			...emptyRecord(row.id!),
			hometown: row.hometown!,
			country: row.country!,
			lon: Number(row.lon),
			lat: Number(row.lat),
			day,
			dayEnd: day,
			datePrecision: 'day',
			role: row.role === 'inner' ? 'inner' : 'wider'
		};
	});
	mkdirSync(OUT_DIR, { recursive: true });
	writeFileSync(`${OUT_DIR}/members.demo.json`, JSON.stringify({ synthetic: true, members }));
	console.log(`demo data: ${members.length} members`);
}
