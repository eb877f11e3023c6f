/**
 * The filters over a dataset index (core/data/dataset-index): the same results as applyFilters and
 * filterOptions in filters.ts, computed from each member's option codes, so a million members cost a
 * few integer loops instead of a million string comparisons per field.
 */
import type { DatasetIndex } from '../data/dataset-index';
import { FILTER_FIELDS, type FilterField } from '../url/codec';
import { isFilterActive, optionList, type FilterOption, type FilterState } from './filters';

/** For each option code of the field: is it among the chosen values? */
function chosenCodes(values: readonly string[], chosen: readonly string[]): Uint8Array {
	const ok = new Uint8Array(values.length);
	values.forEach((v, c) => (ok[c] = chosen.includes(v) ? 1 : 0));
	return ok;
}

/** Bit b set for member i when it fails the filter of FILTER_FIELDS[b]. */
function failures(index: DatasetIndex, filters: FilterState): Uint8Array {
	const fails = new Uint8Array(index.count);
	FILTER_FIELDS.forEach((field, bit) => {
		if (!filters[field].length) return;
		const { codes, values } = index.fields[field];
		const ok = chosenCodes(values, filters[field]);
		for (let i = 0; i < codes.length; i++) if (!ok[codes[i]!]) fails[i]! |= 1 << bit;
	});
	return fails;
}

/** pass[i] = 1 when members[i] passes every filter; null when no filter is set (everyone passes). */
export function filterMask(index: DatasetIndex, filters: FilterState): Uint8Array | null {
	if (!isFilterActive(filters)) return null;
	const fails = failures(index, filters);
	for (let i = 0; i < fails.length; i++) fails[i] = fails[i] ? 0 : 1;
	return fails;
}

/** filterOptions (filters.ts) from the index: facet counts apply the other fields' filters, not the field's own. */
export function filterOptionsOf(index: DatasetIndex, filters: FilterState): Record<FilterField, FilterOption[]> {
	// A field whose other fields have no filter counts every member: the index's counts, no pass over
	// the members (with no filter set, the usual case, none at all: a few million members cost hundreds of ms).
	const filtered = FILTER_FIELDS.filter((f) => filters[f].length);
	const fails = filtered.length ? failures(index, filters) : null;
	const result = {} as Record<FilterField, FilterOption[]>;
	FILTER_FIELDS.forEach((field, bit) => {
		const { codes, values, counts } = index.fields[field];
		let tally = counts;
		if (fails && filtered.some((f) => f !== field)) {
			const others = 0xff & ~(1 << bit);
			tally = new Float64Array(values.length);
			for (let i = 0; i < codes.length; i++) if ((fails[i]! & others) === 0) tally[codes[i]!]!++;
		}
		result[field] = optionList(new Map(values.map((v, c) => [v, tally[c]!])), filters[field]);
	});
	return result;
}
