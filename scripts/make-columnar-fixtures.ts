/**
 * Writes the Parquet test files of tests/fixtures/columnar with DuckDB (the command line's engine,
 * a dev dependency): one small member list, invented, in every compression the readers must handle,
 * with typed columns (text, doubles, a DATE, a TIMESTAMP, a BOOLEAN, a BIGINT, a list, nulls), and one
 * row whose latitude is out of range and that has no place name, so the report has a rejection to show. `members.parquet` (snappy,
 * DuckDB's default) is the file the browser test imports. Run with `TZ=UTC npx tsx
 * scripts/make-columnar-fixtures.ts`; the files are committed, so the tests read the same bytes every time.
 */
import { mkdirSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

const OUT = 'tests/fixtures/columnar';
/** DuckDB's Parquet codecs; lz4_raw is Parquet's current LZ4. */
export const COMPRESSIONS = ['uncompressed', 'snappy', 'gzip', 'zstd', 'brotli', 'lz4_raw'] as const;

const ROWS = `VALUES
	('p1', 'Brussels', 'BE', 50.8503, 4.3517, DATE '2015-03-02', TIMESTAMP '2015-03-02 23:30:00', 'inner', true, 3, ['a', 'b']),
	('p2', 'Molenbeek', 'BE', 50.8548, 4.3229, DATE '2015-04-11', TIMESTAMP '2015-04-11 08:00:00', 'wider', false, 1, []),
	('p3', 'Paris', 'FR', 48.8566, 2.3522, DATE '2015-11-13', NULL, 'inner', NULL, 2, NULL),
	('p4', 'Lunel', 'FR', 43.6756, 4.1358, DATE '2014-06-30', TIMESTAMP '2014-06-30 12:00:00', 'wider', true, 1, ['c']),
	('p5', 'Antwerp', 'BE', 51.2194, 4.4025, DATE '2016-01-20', NULL, NULL, false, 1, NULL),
	('p6', 'Tunis', 'TN', 36.8065, 10.1815, DATE '2015-07-01', NULL, 'wider', NULL, 5, NULL),
	('p7', 'Casablanca', 'MA', 33.5731, -7.5898, NULL, NULL, 'inner', true, 1, NULL),
	('p8', NULL, 'BE', 95.0, 4.0, DATE '2015-05-05', NULL, 'wider', NULL, 1, NULL),
	('p9', 'Vilvoorde', 'BE', 50.9281, 4.4245, DATE '2015-08-08', NULL, 'wider', false, 1, NULL),
	('p10', 'Verviers', 'BE', 50.5891, 5.8624, DATE '2015-01-15', NULL, 'inner', true, 4, NULL),
	('p11', 'Nice', 'FR', 43.7102, 7.262, DATE '2016-07-14', NULL, 'wider', NULL, 1, NULL),
	('p12', 'Toulouse', 'FR', 43.6047, 1.4442, DATE '2012-03-19', NULL, 'inner', true, 1, NULL)`;

async function main() {
	mkdirSync(OUT, { recursive: true });
	const instance = await DuckDBInstance.create(':memory:');
	const db = await instance.connect();
	await db.run(
		`CREATE TABLE members AS SELECT id, hometown, country, lat, lon, date, seen, role, arrested, weight::BIGINT AS weight, plots FROM (${ROWS}) AS t(id, hometown, country, lat, lon, date, seen, role, arrested, weight, plots)`
	);
	for (const codec of COMPRESSIONS)
		await db.run(`COPY members TO '${OUT}/members-${codec}.parquet' (FORMAT parquet, COMPRESSION ${codec})`);
	await db.run(`COPY members TO '${OUT}/members.parquet' (FORMAT parquet)`);
	// Several row groups (DuckDB writes at least 2,048 rows to a group): the reader's row-group loop and
	// its row numbers. Row i is r<i>; every 1,000th row has neither coordinates nor a place (rejected).
	await db.run('SET threads = 1');
	await db.run(`COPY (
		SELECT 'r' || i AS id, CASE WHEN i % 1000 = 0 THEN NULL ELSE 'Town ' || (i % 50) END AS hometown,
			CASE WHEN i % 1000 = 0 THEN NULL ELSE 40 + (i % 100) / 100 END AS lat, 2 + (i % 50) / 50 AS lon,
			DATE '2015-01-01' + (i % 365)::INTEGER AS date
		FROM range(1, 5001) AS t(i) ORDER BY i
	) TO '${OUT}/row-groups.parquet' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 2048)`);
	db.closeSync();
}

await main();
