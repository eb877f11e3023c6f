/**
 * One import of a file by the worker's own code in Node, outside the browser (bench/large-files.ts):
 * `importFile` over a Blob of the file, as the worker runs it (records handed over as they are read, here
 * dropped). Prints wall and CPU time and the rows read.
 */
import { openAsBlob } from 'node:fs';
import { importFile } from '../src/lib/core/data/read-file';

const file = process.argv[2]!;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
// Records handed over as they are read, as the worker has them (it posts each batch to the page): dropped here.
const { report } = await importFile(await openAsBlob(file), { fileName: file, onRecords: () => {} }, false);
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
console.log(
	JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, rows: report.rowsRead, heapMB: process.memoryUsage().heapUsed / 2 ** 20 })
);
