/**
 * The project file: everything a user made (dataset, column mappings, geocoding choices, scenes and
 * the current view) as one JSON document that round-trips exactly. JSON has no NaN, so the schema's
 * "unknown" numbers (NaN) are written as null and read back as NaN.
 */
import { emptyRecord, type MemberDataset, type MemberRecord } from '../data/member';
import { decodeUrlState, encodeUrlState, type UrlState } from '../url/codec';
import type { Scene } from './scenes';
import { readChoices, readMappings, type SavedChoices, type SavedMappings } from './import-memory';

export const PROJECT_FORMAT = 'hometown-atlas-project';
export const PROJECT_VERSION = 1;

export interface Project {
	datasetName: string;
	dataset: MemberDataset;
	/** Column mappings of imports, by header set (core/project/import-memory.ts). */
	mappings: SavedMappings;
	/** Geocoding choices made in review, by place text and country. */
	geocodeChoices: SavedChoices;
	scenes: Scene[];
	view: UrlState;
}

export function projectToText(project: Project): string {
	const doc = { format: PROJECT_FORMAT, version: PROJECT_VERSION, ...project };
	return JSON.stringify(doc, (_key, value) => (typeof value === 'number' && !Number.isFinite(value) ? null : value), 1);
}

const NUMBER_FIELDS = ['lon', 'lat', 'day', 'dayEnd', 'weight'] as const;
const STRING_FIELDS = ['id', 'hometown', 'country', 'descent', 'lastResidence', 'recruiter', 'source'] as const;
const ENUMS = {
	datePrecision: ['day', 'month', 'year', 'unknown'],
	role: ['inner', 'wider', 'unknown'],
	arrested: ['yes', 'no', 'unknown'],
	died: ['yes', 'no', 'unknown']
} as const;

function readMember(raw: unknown, index: number, problems: string[]): MemberRecord | null {
	const where = `member ${index + 1}`;
	if (!raw || typeof raw !== 'object') {
		problems.push(`${where}: not a record`);
		return null;
	}
	const r = raw as Record<string, unknown>;
	const m = emptyRecord('');
	for (const f of STRING_FIELDS) {
		if (typeof r[f] === 'string') m[f] = r[f] as string;
		else if (r[f] !== undefined) {
			problems.push(`${where}: ${f} is not text`);
			return null;
		}
	}
	if (!m.id) {
		problems.push(`${where}: id is missing`);
		return null;
	}
	for (const f of NUMBER_FIELDS) {
		const v = r[f];
		if (v === null || v === undefined) m[f] = f === 'weight' ? 1 : NaN;
		else if (typeof v === 'number') m[f] = v;
		else {
			problems.push(`${where}: ${f} is not a number`);
			return null;
		}
	}
	if (Number.isFinite(m.lat) && Math.abs(m.lat) > 90) return (problems.push(`${where}: lat out of range`), null);
	if (Number.isFinite(m.lon) && Math.abs(m.lon) > 180) return (problems.push(`${where}: lon out of range`), null);
	for (const [f, allowed] of Object.entries(ENUMS) as [keyof typeof ENUMS, readonly string[]][]) {
		const v = r[f];
		if (v === undefined) continue;
		if (typeof v !== 'string' || !allowed.includes(v)) return (problems.push(`${where}: ${f} is not one of ${allowed.join(', ')}`), null);
		(m as unknown as Record<string, string>)[f] = v;
	}
	if (r.plots !== undefined) {
		if (!Array.isArray(r.plots) || !r.plots.every((p) => typeof p === 'string'))
			return (problems.push(`${where}: plots is not a list of ids`), null);
		m.plots = [...(r.plots as string[])];
	}
	return m;
}

/** A view or scene state, kept only as far as the link codec accepts it. */
function readState(raw: unknown, where: string, problems: string[]): UrlState {
	if (!raw || typeof raw !== 'object') return {};
	try {
		const { state, notes } = decodeUrlState(encodeUrlState(raw as UrlState));
		problems.push(...notes.map((n) => `${where}: ${n}`));
		return state;
	} catch {
		problems.push(`${where}: not a view`);
		return {};
	}
}

/**
 * Reads a project file. A file that is not a project is refused with a reason; bad members are left
 * out and each one is reported (number, field, reason), never silently dropped.
 */
export function projectFromText(text: string): { project: Project; problems: string[] } | { error: string } {
	let doc: Record<string, unknown>;
	try {
		doc = JSON.parse(text) as Record<string, unknown>;
	} catch {
		return { error: 'The file is not JSON, so not a Hometown Atlas project.' };
	}
	if (!doc || typeof doc !== 'object' || doc.format !== PROJECT_FORMAT) return { error: 'The file is not a Hometown Atlas project.' };
	if (doc.version !== PROJECT_VERSION)
		return { error: `Project version ${String(doc.version)} is not supported (this app reads version ${PROJECT_VERSION}).` };
	const problems: string[] = [];
	const rawDataset = (doc.dataset ?? {}) as { synthetic?: unknown; members?: unknown };
	const rawMembers = Array.isArray(rawDataset.members) ? rawDataset.members : [];
	if (!Array.isArray(rawDataset.members)) problems.push('dataset: no list of members');
	const members = rawMembers.map((m, i) => readMember(m, i, problems)).filter((m): m is MemberRecord => m !== null);
	const scenes: Scene[] = (Array.isArray(doc.scenes) ? doc.scenes : []).flatMap((s: unknown, i) => {
		const scene = s as { name?: unknown; state?: unknown } | null;
		if (!scene || typeof scene.name !== 'string') {
			problems.push(`scene ${i + 1}: not a scene`);
			return [];
		}
		return [{ name: scene.name.slice(0, 80), state: readState(scene.state, `scene ${i + 1}`, problems) }];
	});
	return {
		project: {
			datasetName: typeof doc.datasetName === 'string' ? doc.datasetName.slice(0, 200) : 'Imported project',
			dataset: { synthetic: rawDataset.synthetic === true, members },
			mappings: readMappings(doc.mappings, problems),
			geocodeChoices: readChoices(doc.geocodeChoices, problems),
			scenes,
			view: readState(doc.view, 'view', problems)
		},
		problems
	};
}
