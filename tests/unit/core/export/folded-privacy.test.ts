/**
 * The privacy test of folded rows: a row folded by the threshold k must carry nothing that points back
 * to the place or the person it hides. Every generated member carries unique markers in every field
 * (id, hometown, recruiter, plot ids, source, exact date, coordinates, and the coordinates the file
 * gave for a re-geocoded row); the test then searches each
 * folded row of both export formats for any marker of the member behind it, and for the name of any
 * town under k. Listed in docs/SECURITY.md.
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { emptyRecord, type MemberRecord } from '$lib/core/data/member';
import { CSV_COLUMNS, privateRecords, recordsToCsv, recordsToGeoJson } from '$lib/core/export/records';
import { isoFromDay } from '$lib/core/time/days';

const COUNTRIES = ['BE', 'FR', 'MA'];

/** Town t in country c, with n members; every field of member i unique to it. */
function townMembers(specs: { size: number; country: number; day: number }[]): MemberRecord[] {
	const out: MemberRecord[] = [];
	specs.forEach(({ size, country, day }, t) => {
		for (let i = 0; i < size; i++) {
			const tag = `${t}q${i}`;
			out.push({
				...emptyRecord(`ID${tag}z`),
				hometown: `Town${t}qz`,
				country: COUNTRIES[country]!,
				lon: 1 + t * 0.731 + 0.000123,
				lat: 40 + t * 0.417 + 0.000456,
				day: day + i,
				dayEnd: day + i,
				datePrecision: 'day',
				role: 'inner',
				recruiter: `REC${tag}z`,
				plots: [`plot-${tag}-z`],
				source: `SRC${tag}z note on the person`,
				descent: 'Moroccan',
				// Every other member re-geocoded, its given point kept (exported as given_lat/given_lon).
				...(i % 2 ? { givenLat: 10 + t * 0.389 + 0.000234, givenLon: 20 + t * 0.593 + 0.000321 } : {})
			});
		}
	});
	return out;
}

/** What must never appear in the folded row of member m. */
function markersOf(m: MemberRecord): string[] {
	const iso = isoFromDay(m.day);
	const given = m.givenLat === undefined ? [] : [m.givenLat.toFixed(3), m.givenLon!.toFixed(3)];
	return [m.id, m.hometown, m.recruiter, ...m.plots, m.source, iso, iso.slice(0, 7), m.lon.toFixed(3), m.lat.toFixed(3), ...given];
}

const town = fc.record({
	size: fc.integer({ min: 1, max: 6 }),
	country: fc.integer({ min: 0, max: COUNTRIES.length - 1 }),
	day: fc.integer({ min: -700, max: 1000 })
});

describe('folded rows point back to no place or person', () => {
	it('in the CSV and the GeoJSON, whatever the towns and k', () => {
		fc.assert(
			fc.property(fc.array(town, { minLength: 1, maxLength: 8 }), fc.integer({ min: 2, max: 6 }), (specs, k) => {
				const members = townMembers(specs);
				const records = privateRecords(members, k);
				const smallTowns = specs.map((s, t) => (s.size < k ? `Town${t}qz` : null)).filter((x): x is string => x !== null);
				const csvRows = Papa.parse<string[]>(recordsToCsv(records), { skipEmptyLines: true }).data.slice(1);
				const features = recordsToGeoJson(records).features;
				expect(csvRows.length).toBe(records.rows.length);
				records.rows.forEach(({ member, place }, i) => {
					if (!place.folded) return;
					const texts = [csvRows[i]!.join('\u0001'), JSON.stringify(features[i])];
					for (const text of texts) {
						for (const marker of [...markersOf(member), ...smallTowns]) expect(text, `folded row of ${member.id}`).not.toContain(marker);
					}
					// The year stays: it is shared by many and the timeline needs it.
					expect(csvRows[i]![CSV_COLUMNS.indexOf('first_act_date')]).toBe(isoFromDay(member.day).slice(0, 4));
					expect(features[i]!.geometry).toBeNull();
				});
			}),
			{ numRuns: 300 }
		);
	});

	it('a row that is not folded keeps its fields', () => {
		const members = townMembers([{ size: 3, country: 0, day: 680 }]);
		const [row] = Papa.parse<Record<string, string>>(recordsToCsv(privateRecords(members, 3)), { header: true, skipEmptyLines: true }).data;
		expect(row).toMatchObject({
			id: 'ID0q0z',
			hometown: 'Town0qz',
			recruiter: 'REC0q0z',
			plots: 'plot-0q0-z',
			first_act_date: isoFromDay(680)
		});
	});
});
