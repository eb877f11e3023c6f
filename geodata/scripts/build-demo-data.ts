/**
 * Turns geodata/members.demo.csv into static/generated/data/members.demo.json (and the ties into ties.demo.json), the points the
 * first view draws, so the browser needs no gazetteer to show the demo. The CSV is read by the same
 * importer analysts use; any rejected row or missing coordinate stops the build.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { importText } from '../../src/lib/core/data/import';
import { datasetToJson } from '../../src/lib/core/data/serialize';
import { parseEdgeList } from '../../src/lib/core/network/edge-list';
import { listUnknownIds, orgId } from '../../src/lib/core/network/ties';
import { readEvents } from '../../src/lib/core/time/events';

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

	// The demo's ties (docs/DATA.md, "Ties"): read by the same reader as an analyst's edge list.
	const ties = parseEdgeList(readFileSync('geodata/ties.demo.csv', 'utf8'), 'ties.demo.csv');
	const plots = new Set(readEvents(JSON.parse(readFileSync('geodata/events.json', 'utf8'))).events.map((e) => e.id));
	const ids = new Set(result.records.flatMap((m) => [m.id, ...(m.recruiter ? [orgId(m.recruiter)] : [])]));
	const unknown = listUnknownIds(ties, (id) => ids.has(id) || plots.has(id));
	if (ties.report.rejected.length || ties.report.warnings.length || ties.report.errors.length || unknown.length) {
		throw new Error(`ties.demo.csv does not import cleanly: ${JSON.stringify({ ...ties.report, unknown }).slice(0, 800)}`);
	}
	writeFileSync(
		`${OUT_DIR}/ties.demo.json`,
		JSON.stringify({ synthetic: true, ties: ties.ties.map((t) => [t.source, t.target, t.type, t.date]) })
	);
	console.log(`demo ties: ${ties.ties.length}`);
}
