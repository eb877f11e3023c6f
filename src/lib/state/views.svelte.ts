/**
 * What the map and the panels draw, derived from the dataset, the filters, the timeline and the heat's
 * look. Nothing here is set: every field is $derived, so it is rebuilt only when what it reads
 * changes. Each frame of the timeline is two binary searches over the filtered date order
 * (core/time/time-index.ts).
 */
import type { MemberPoint } from '$lib/core/data/member';
import { filterMask, filterOptionsOf } from '$lib/core/filters/filter-index';
import type { FilterOption } from '$lib/core/filters/filters';
import type { FilterField } from '$lib/core/url/codec';
import { runAtOnce } from '$lib/core/slicing/slices';
import { timeIndexOf, visibleRange, type TimeIndex } from '$lib/core/time/time-index';
import { buildHeatCells, type HeatCells } from '$lib/core/time/heat-cells';
import { heatColorDomain } from '$lib/core/heat-domain';
import { countedBefore } from '$lib/core/time/period';
import { namedOf, townsInRange, type HotspotRow } from '$lib/core/hotspots/hotspots';
import type { Dataset } from './dataset.svelte';
import type { Filters } from './filters.svelte';
import type { Timeline } from './timeline.svelte';
import type { ViewState } from './view.svelte';

export class DatasetViews {
	/** pass[i] for dataset member i, or null when no filter is set. */
	readonly #filterPass: Uint8Array | null;
	readonly filteredCount: number;
	/** Members that pass the filters, as objects. Built only when read (exports, the CPU-filter baseline). */
	readonly filteredMembers: MemberPoint[];
	/** Facet counts for the filter panel. */
	readonly filterOptions: Record<FilterField, FilterOption[]>;
	/** The members in date order, narrowed by the filters. */
	readonly timeIndex: TimeIndex;
	/** [start, end) into timeIndex of the members active at the timeline's date. */
	readonly visibleRange: [number, number];
	/** Members on the map at this date: those in visibleRange and those without a date shown throughout. */
	readonly visibleCount: number;
	/** Members without a date on the map at every date (0 when hidden or filtered out). */
	readonly undatedShown: number;
	/** Members with coordinates and no date in the dataset, shown or hidden. */
	readonly undatedPlaced: number;
	/** Per-cell monthly sums the heat layer draws whole months from (core/time/heat-cells.ts). */
	readonly heatCells: HeatCells;
	/** The range the member lists follow: Timeline.listDay while playing, the date otherwise. */
	readonly #listRange: [number, number];
	/** Every town with its members at the list date (before the privacy threshold): the hotspot table's rows. */
	readonly visibleTowns: HotspotRow[];
	/** Towns on the map that may be named (tooltips, labels): at least privacyK members at this date. */
	readonly namedTowns: HotspotRow[];
	/** People at the top heat colour, from the whole dataset so it holds at every date, zoom and filter. */
	readonly heatTopPeople: number;
	/** People at the top colour as drawn: intensity 2 reaches it with half as many people (the legend says so). */
	readonly heatTop: number;
	/** The fixed colour domain the heat layer uses (drawn at shader intensity 1), or null when rescaling to the frame. */
	readonly heatColorDomain: [number, number] | null;
	/** Members counted from the period's first day in cumulative mode although their first act is earlier. */
	readonly countedBeforePeriod: number;

	// The deriveds are assigned in the constructor (Svelte allows it there) because they read the
	// owners passed in, which field initialisers would see before they are set.
	constructor(dataset: Dataset, filters: Filters, timeline: Timeline, view: ViewState) {
		this.#filterPass = $derived(filterMask(dataset.index, filters.chosen));
		this.filteredCount = $derived(this.#filterPass ? this.#filterPass.reduce((sum, p) => sum + p, 0) : dataset.index.count);
		this.filteredMembers = $derived(
			this.#filterPass ? dataset.index.members.filter((_, i) => this.#filterPass![i]) : (dataset.index.members as MemberPoint[])
		);
		this.filterOptions = $derived(filterOptionsOf(dataset.index, filters.chosen));
		// Members without a date are in the prepared index's `always` group; hiding them rebuilds the index without it.
		this.timeIndex = $derived(
			this.#filterPass || !timeline.showUndated
				? runAtOnce(timeIndexOf(dataset.index, this.#filterPass, { undatedThroughout: timeline.showUndated }))
				: dataset.prepared.all
		);
		this.visibleRange = $derived(visibleRange(this.timeIndex.days, timeline.time, timeline.mode, timeline.windowMonths));
		this.undatedShown = $derived(this.timeIndex.always?.order.length ?? 0);
		this.undatedPlaced = $derived(dataset.index.undatedPlaced?.length ?? 0);
		this.visibleCount = $derived(this.visibleRange[1] - this.visibleRange[0] + this.undatedShown);
		this.heatCells = $derived(this.timeIndex === dataset.prepared.all ? dataset.prepared.allCells : buildHeatCells(this.timeIndex));
		this.#listRange = $derived(
			timeline.playing ? visibleRange(this.timeIndex.days, timeline.listDay, timeline.mode, timeline.windowMonths) : this.visibleRange
		);
		this.visibleTowns = $derived(townsInRange(this.timeIndex, dataset.index.towns, ...this.#listRange));
		this.namedTowns = $derived(namedOf(this.visibleTowns, filters.privacyK));
		this.heatTopPeople = $derived(dataset.index.topPeople);
		this.heatTop = $derived(this.heatTopPeople / view.heat.intensity);
		this.heatColorDomain = $derived(timeline.heatRescale ? null : heatColorDomain(this.heatTop, 1));
		this.countedBeforePeriod = $derived(timeline.mode === 'cumulative' ? countedBefore(this.timeIndex.days, timeline.domain[0]) : 0);
	}
}
