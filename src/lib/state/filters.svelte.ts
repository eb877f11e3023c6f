/**
 * The analyst's filters and the two privacy thresholds: k for the screen (table, tooltips) and k for
 * exports, which is on by default and independent of the screen's.
 */
import { emptyFilters, toggleFilter, type FilterState } from '$lib/core/filters/filters';
import type { FilterField } from '$lib/core/url/codec';

const clampK = (k: number) => Math.max(0, Math.min(100, Math.round(k)));

export class Filters {
	/** Empty list = no filter on that field. Replaced whole on every change. */
	#chosen = $state.raw<FilterState>(emptyFilters());
	/** Privacy threshold k: towns with fewer members are folded into their region (0 = off). */
	#privacyK = $state(0);
	/** Threshold applied to exports (PNG, CSV, GeoJSON); on by default, independent of the screen's k. */
	#exportPrivacyK = $state(3);

	get chosen(): Readonly<FilterState> {
		return this.#chosen;
	}
	get privacyK() {
		return this.#privacyK;
	}
	get exportPrivacyK() {
		return this.#exportPrivacyK;
	}

	toggle(field: FilterField, value: string) {
		this.#chosen = toggleFilter(this.#chosen, field, value);
	}
	/** Replaces every field's choice (from a link or a scene; sanitise it first). */
	set(filters: FilterState) {
		this.#chosen = filters;
	}
	clear() {
		this.#chosen = emptyFilters();
	}
	setPrivacyK(k: number) {
		this.#privacyK = clampK(k);
	}
	setExportPrivacyK(k: number) {
		this.#exportPrivacyK = clampK(k);
	}
}
