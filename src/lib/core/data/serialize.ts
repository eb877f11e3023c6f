/**
 * MemberDataset <-> JSON. JSON has no NaN, and NaN is how the record says "unknown" (coordinates not
 * yet geocoded, no date), so unknown numbers travel as null and come back as NaN.
 */
import { emptyRecord, type MemberDataset, type MemberRecord } from './member';

const NUMERIC: (keyof MemberRecord)[] = ['lat', 'lon', 'day', 'dayEnd', 'weight'];

export function datasetToJson(dataset: MemberDataset): string {
	return JSON.stringify(dataset, (_key, value) => (typeof value === 'number' && !Number.isFinite(value) ? null : value));
}

/** Reads what datasetToJson wrote; missing fields take emptyRecord's defaults, null numbers become NaN. */
export function datasetFromJson(value: unknown): MemberDataset {
	const raw = value as { synthetic?: unknown; members?: unknown };
	if (!raw || typeof raw !== 'object' || !Array.isArray(raw.members)) throw new Error('not a member dataset: no "members" array');
	const members = raw.members.map((m: Record<string, unknown>, i: number) => {
		const record = { ...emptyRecord(String(m?.id ?? `row-${i + 1}`)), ...m } as MemberRecord;
		for (const key of NUMERIC) {
			const v = (m as Record<string, unknown>)[key];
			(record as unknown as Record<string, number>)[key] = typeof v === 'number' ? v : key === 'weight' ? 1 : NaN;
		}
		return record;
	});
	return { synthetic: raw.synthetic !== false, members };
}
