/**
 * Member filters: AND across fields, OR within a field. Pure, so the heat map, the hotspot table and
 * the timeline histogram all count the same set (state/views.svelte.ts computes the same from the dataset index).
 */
import type { MemberRecord } from '../data/member';
import { FILTER_FIELDS, type FilterField } from '../url/codec';

export type FilterState = Record<FilterField, string[]>;

/** The value a member has for a field when the source left it empty. Safe in a URL (f.descent=none). */
export const NOT_STATED = 'none';

export function emptyFilters(): FilterState {
	return { role: [], arrested: [], died: [], descent: [], residence: [], recruiter: [] };
}

/** The option a member falls under for one filter field. */
export function filterValue(m: MemberRecord, field: FilterField): string {
	const raw = field === 'residence' ? m.lastResidence : m[field];
	const value = (raw ?? '').trim();
	return value === '' ? NOT_STATED : value;
}

function passes(m: MemberRecord, filters: FilterState, skip?: FilterField): boolean {
	for (const field of FILTER_FIELDS) {
		if (field === skip) continue;
		const wanted = filters[field];
		if (wanted.length && !wanted.includes(filterValue(m, field))) return false;
	}
	return true;
}

export function isFilterActive(filters: FilterState): boolean {
	return FILTER_FIELDS.some((f) => filters[f].length > 0);
}

export function applyFilters<T extends MemberRecord>(members: T[], filters: FilterState): T[] {
	if (!isFilterActive(filters)) return members;
	return members.filter((m) => passes(m, filters));
}

export interface FilterOption {
	value: string;
	/** Members with this value among those passing every OTHER field's filter (facet counts). */
	count: number;
	selected: boolean;
}

/**
 * The options of every field with facet counts: a field's counts apply the other fields' filters but
 * not its own, so choosing a second value of the same field shows how many it would add.
 * Selected values stay listed (count 0) so a filter from a link can always be switched off.
 */
export function filterOptions(members: MemberRecord[], filters: FilterState): Record<FilterField, FilterOption[]> {
	const result = {} as Record<FilterField, FilterOption[]>;
	for (const field of FILTER_FIELDS) {
		const counts = new Map<string, number>();
		for (const m of members) {
			const v = filterValue(m, field);
			if (!counts.has(v)) counts.set(v, 0);
			if (passes(m, filters, field)) counts.set(v, counts.get(v)! + 1);
		}
		result[field] = optionList(counts, filters[field]);
	}
	return result;
}

/** A field's options from its facet counts: most members first, "not stated" last; chosen values always listed. */
export function optionList(counts: Map<string, number>, chosen: readonly string[]): FilterOption[] {
	for (const v of chosen) if (!counts.has(v)) counts.set(v, 0);
	return [...counts]
		.map(([value, count]) => ({ value, count, selected: chosen.includes(value) }))
		.sort((a, b) => b.count - a.count || (a.value === NOT_STATED ? 1 : b.value === NOT_STATED ? -1 : a.value.localeCompare(b.value)));
}

/**
 * A field whose only values are "unknown" or "not stated" (and none chosen) says nothing about this
 * dataset: an incident table has no role, so the panel hides "Role: Unknown" instead of offering it.
 */
export function isUninformative(options: readonly FilterOption[]): boolean {
	return options.every((o) => !o.selected && (o.value === NOT_STATED || o.value === 'unknown'));
}

/** Toggles one value of one field, returning a new filter state. */
export function toggleFilter(filters: FilterState, field: FilterField, value: string): FilterState {
	const current = filters[field];
	const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
	return { ...filters, [field]: next };
}

/** Normalises filters from a link or a project file: known fields only, unique non-empty strings. */
export function sanitizeFilters(input: Partial<Record<string, unknown>> | undefined): FilterState {
	const out = emptyFilters();
	if (!input || typeof input !== 'object') return out;
	for (const field of FILTER_FIELDS) {
		const values = input[field];
		if (Array.isArray(values))
			out[field] = [...new Set(values.filter((v): v is string => typeof v === 'string' && v.length > 0 && v.length <= 80))];
	}
	return out;
}

export const FILTER_LABELS: Record<FilterField, string> = {
	role: 'Role',
	arrested: 'Arrested',
	died: 'Died',
	descent: 'Descent',
	residence: 'Last residence',
	recruiter: 'Recruitment organisation'
};

const VALUE_LABELS: Partial<Record<FilterField, Record<string, string>>> = {
	role: { inner: 'Inner circle', wider: 'Wider network', unknown: 'Unknown' },
	arrested: { yes: 'Yes', no: 'No', unknown: 'Unknown' },
	died: { yes: 'Yes', no: 'No', unknown: 'Unknown' }
};

export function optionLabel(field: FilterField, value: string): string {
	if (value === NOT_STATED) return 'Not stated';
	if (field === 'residence') return countryName(value);
	return VALUE_LABELS[field]?.[value] ?? value;
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

/** English name of an ISO 3166-1 alpha-2 code ("BE" -> "Belgium"); other text is returned as is. */
export function countryName(code: string): string {
	if (!/^[A-Z]{2}$/.test(code)) return code;
	try {
		return regionNames.of(code) ?? code;
	} catch {
		return code;
	}
}

/**
 * Filter values the data does not have (a link's `f.role=boss`, or a value of another dataset): each
 * as a note naming the field and value, so "0 members" is never left unexplained.
 */
export function unknownFilterNotes(
	filters: FilterState,
	known: Record<FilterField, readonly string[]>,
	unit = 'members'
): { key: string; note: string }[] {
	const notes: { key: string; note: string }[] = [];
	for (const field of FILTER_FIELDS) {
		for (const value of filters[field]) {
			if (known[field].includes(value)) continue;
			notes.push({
				key: `${field}=${value}`,
				note: `The filter ${FILTER_LABELS[field]} = "${value}" matches no ${unit} in this data; untick it under Filters to see them.`
			});
		}
	}
	return notes;
}
