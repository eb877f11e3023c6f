/**
 * The one entry for a file's bytes, in the import worker and the CLI: a workbook goes to the
 * spreadsheet reader, loaded only then (it is large); everything else to the text importer.
 */
import { importBytes, type ImportOptions, type ImportResult } from './import';
import type { SpreadsheetOptions } from './spreadsheet';

const ZIP = [0x50, 0x4b, 0x03, 0x04];

export async function importFileBytes(bytes: Uint8Array, options: SpreadsheetOptions = {}): Promise<ImportResult> {
	if (ZIP.every((b, i) => bytes[i] === b)) {
		const { importSpreadsheet, spreadsheetFormat } = await import('./spreadsheet');
		if (spreadsheetFormat(bytes)) return importSpreadsheet(bytes, options);
		return failed(options, 'This is a zip archive but not an Excel (.xlsx) or OpenDocument (.ods) workbook: nothing to import.');
	}
	if (bytes.length > 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
		return failed(
			options,
			'This is an old binary Excel (.xls) or Office file; it is not read here. Save it as .xlsx (Excel Workbook) or CSV and import that.'
		);
	}
	return importBytes(bytes, options);
}

function failed(options: ImportOptions, message: string): ImportResult {
	const { report } = importBytes(new Uint8Array(0), options);
	report.errors = [message];
	return { records: [], report };
}
