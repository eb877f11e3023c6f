/**
 * The import workflow's state: the imported rows still waiting for the geocoder, what the geocoder
 * and the review placed, the column mappings and the review choices. It is the only writer of the
 * dataset for an import and of the mappings and choices in saved work.
 */
import { partitionByPlacement, type DatasetKind, type MemberDataset, type MemberRecord, type PlacementPartition } from '$lib/core/data/member';
import type { Dataset } from './dataset.svelte';

export class ImportSession {
	/** Imported rows with a place name but no coordinates; the geocoder places them. */
	#pending = $state.raw<readonly MemberRecord[]>([]);
	/** The records the geocoder or the review placed for the current import (replaced whole each time). */
	#geocoded = new Set<MemberRecord>();
	/** Column mappings of imports by source, and geocoding choices by place text (opaque here). */
	#mappings = $state.raw<Readonly<Record<string, unknown>>>({});
	#choices = $state.raw<Readonly<Record<string, unknown>>>({});
	readonly #dataset: Dataset;

	constructor(dataset: Dataset) {
		this.#dataset = dataset;
	}

	get pending(): readonly MemberRecord[] {
		return this.#pending;
	}
	get mappings() {
		return this.#mappings;
	}
	get choices() {
		return this.#choices;
	}

	/**
	 * Replaces the dataset with an imported file's records (never synthetic). Rows without
	 * coordinates wait in `pending`; the dataset owner widens the timeline to the file's dates.
	 */
	importRecords(records: readonly MemberRecord[], name: string, kind: DatasetKind = 'members') {
		this.importPartitioned(partitionByPlacement(records), name, kind);
	}

	/** importRecords for records already split (the importer splits each slice as it arrives: no pass over a million at the end). */
	importPartitioned({ placed, pending }: PlacementPartition, name: string, kind: DatasetKind = 'members') {
		this.#pending = pending;
		this.#geocoded = new Set();
		this.#dataset.set({ synthetic: false, kind, members: placed }, name);
	}

	/** Back to a bundled dataset (the demo): the imported file and its rows awaiting the geocoder are dropped. */
	showBundled(dataset: MemberDataset, name: string) {
		this.#pending = [];
		this.#geocoded = new Set();
		this.#dataset.set(dataset, name);
	}

	/**
	 * Puts what the geocoder or the review placed on the map, replacing what they placed before, so a
	 * review choice that is changed or cleared moves or removes its member at once. Build both lists
	 * with applyGeocodes (core/geocode/apply.ts) over ALL the import's rows that needed geocoding.
	 */
	setGeocoded(placed: MemberRecord[], stillPending: readonly MemberRecord[]) {
		const current = this.#dataset.current;
		const kept = current.members.filter((m) => !this.#geocoded.has(m));
		this.#geocoded = new Set(placed);
		this.#pending = stillPending;
		this.#dataset.set({ ...current, members: [...kept, ...placed] }, this.#dataset.name);
	}

	/** Mappings and choices read back from saved work or a project file. */
	restore(mappings: Readonly<Record<string, unknown>>, choices: Readonly<Record<string, unknown>>) {
		this.#mappings = mappings;
		this.#choices = choices;
	}

	/** Back to a fresh start (after "delete everything stored"). */
	forget() {
		this.#mappings = {};
		this.#choices = {};
	}
}
