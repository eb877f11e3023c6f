/**
 * Turns geodata/members.demo.csv into static/generated/data/members.demo.json, the points the
 * first view draws, so the browser needs no gazetteer to show the demo. The CSV is read by the same
 * importer analysts use; any rejected row or missing coordinate stops the build.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { importText } from '../../src/lib/core/data/import';
import { datasetToJson } from '../../src/lib/core/data/serialize';

const OUT_DIR = 'static/generated/data';

export function buildDemoData() {
	const result = importText(readFileSync('geodata/members.demo.csv', 'utf8'), { fileName: 'members.demo.csv' });
	const { report } = result;
	if (report.rejected.length || report.needsGeocoding.length || report.warnings.length) {
		throw new Error(`members.demo.csv does not import cleanly: ${JSON.stringify(report).slice(0, 800)}`);
	}
	mkdirSync(OUT_DIR, { recursive: true });
	writeFileSync(`${OUT_DIR}/members.demo.json`, datasetToJson({ synthetic: true, members: result.records }));
	console.log(`demo data: ${result.records.length} members`);
}
