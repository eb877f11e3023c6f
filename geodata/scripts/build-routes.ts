/**
 * geodata/routes.source.json (hand-curated, sourced) -> geodata/routes.geojson (committed, for GIS tools
 * and other scripts) and static/generated/routes/routes.json (what the browser fetches).
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { buildRouteCollection } from './routes-build.ts';
import type { RoutesSource } from '../../src/lib/core/routes/types.ts';

const SOURCE = 'geodata/routes.source.json';
const COMMITTED = 'geodata/routes.geojson';
const OUT_DIR = 'static/generated/routes';

export function buildRoutes() {
	const source = JSON.parse(readFileSync(SOURCE, 'utf8')) as RoutesSource;
	const collection = buildRouteCollection(source);
	const { features, ...rest } = collection;
	// One feature per line: readable diffs, still valid JSON.
	const text = JSON.stringify(rest, null, '\t').replace(
		/\n}$/,
		`,\n\t"features": [\n${features.map((f) => `\t\t${JSON.stringify(f)}`).join(',\n')}\n\t]\n}\n`
	);
	writeFileSync(COMMITTED, text);
	mkdirSync(OUT_DIR, { recursive: true });
	writeFileSync(`${OUT_DIR}/routes.json`, JSON.stringify(collection));
	const legs = features.filter((f) => f.properties.kind === 'leg').length;
	console.log(`routes: ${collection.routes.length} routes, ${legs} legs`);
}

if (import.meta.url === `file://${process.argv[1]}`) buildRoutes();
