/**
 * The dataset on the map and its preparation (index, date order, heat cells). Setting a dataset
 * indexes it (small ones at once, large ones in slices between frames) and widens the timeline to its
 * dates. Large arrays are $state.raw: they are replaced whole, never mutated, so deep proxies would only cost.
 */
import { UNIT_LABELS, isUserDataset, memberCount, type MemberDataset } from '$lib/core/data/member';
import { withUnitWeights } from '$lib/core/data/member-columns';
import type { DatasetIndex } from '$lib/core/data/dataset-index';
import { prepareDataset, type PreparedDataset } from '$lib/core/data/prepare';
import { nextTask, runAtOnce, runInSlices } from '$lib/core/slicing/slices';
import type { Timeline } from './timeline.svelte';

/** Datasets up to this size are indexed in one go (a few ms); larger ones in slices between frames. */
const INDEX_AT_ONCE = 50_000;

export const DEMO_NAME = 'Synthetic demo network';

export class Dataset {
	#current = $state.raw<MemberDataset>({ synthetic: true, members: [] });
	#name = $state(DEMO_NAME);
	#loadError = $state<string | null>(null);
	#countOnly = $state(false);
	/**
	 * The dataset's index (filter and town codes, date order: core/data/dataset-index), rebuilt whenever
	 * the dataset changes. The views are derived from it with integer loops, never a pass of string
	 * work over the members.
	 */
	#prepared = $state.raw<PreparedDataset>(runAtOnce(prepareDataset([])));
	/** True while a large dataset is being indexed; until then the map and panels show the previous one. */
	#indexing = $state(false);
	#indexJob = 0;
	/** Members of a dataset about to be set (an import's batches still being joined): until then it counts as being prepared. */
	#incoming = $state<number | null>(null);
	/** Counts the datasets shown (every set()): a file still being read can tell that another took its place. */
	#generation = $state(0);
	#indexed: (() => void)[] = [];
	#preparedListeners: ((index: DatasetIndex) => void)[] = [];
	readonly #timeline: Timeline;

	/** A dataset that is not the synthetic demo is the user's: saved in the browser and in project files. */
	readonly isUserData = $derived(isUserDataset(this.#current));
	/** What a row is called in the legend, filters and table: 'members', or 'records' for incident tables. */
	readonly unit = $derived(UNIT_LABELS[this.#current.kind ?? 'members']);

	constructor(timeline: Timeline) {
		this.#timeline = timeline;
	}

	get current(): MemberDataset {
		return this.#current;
	}
	/** How many members the dataset has (without making records of one held as columns). */
	get count(): number {
		return memberCount(this.#current);
	}
	/** How many datasets have been shown; a change means the map now shows another (or a grown) one. */
	get generation() {
		return this.#generation;
	}
	get name() {
		return this.#name;
	}
	get loadError() {
		return this.#loadError;
	}
	get prepared(): PreparedDataset {
		return this.#prepared;
	}
	get index(): DatasetIndex {
		return this.#prepared.index;
	}
	get indexing() {
		return this.#indexing || this.#incoming !== null;
	}
	/** How many members the dataset being prepared has (the coming one's while it is announced). */
	get preparingCount(): number {
		return this.#incoming ?? this.count;
	}

	/**
	 * Announces a dataset of `count` members that is still being put together (set() follows): the map
	 * keeps the current one and the legend says what is being prepared. withdraw() when it will not come.
	 */
	announce(count: number) {
		this.#incoming = count;
	}
	withdraw() {
		if (this.#incoming === null) return;
		this.#incoming = null;
		if (!this.#indexing) this.#resolveIndexed();
	}

	/**
	 * Shows a dataset. Imports go through ImportSession (it owns the rows waiting for the geocoder);
	 * this is for the demo, saved work and project files.
	 */
	set(dataset: MemberDataset, name: string) {
		// Counting records instead of weighting them is kept while the same source grows (members placed
		// by the geocoder, saved work read back); another source starts weighted again.
		if (name !== this.#name || dataset.weightMeaning !== this.#current.weightMeaning) this.#countOnly = false;
		this.#current = dataset;
		this.#name = name;
		this.#loadError = null;
		this.#incoming = null;
		this.#generation++;
		this.#prepare();
	}

	/** Whether the heat counts each record once instead of by its weight column. */
	get countOnly() {
		return this.#countOnly;
	}

	/**
	 * Heat by the weight column (a casualty count: GTD's nkill, ACLED's fatalities) or one per record.
	 * The dataset itself is unchanged (saved work and exports keep the weights); only its preparation
	 * for the map is redone.
	 */
	setCountOnly(on: boolean) {
		if (on === this.#countOnly) return;
		this.#countOnly = on;
		this.#prepare();
	}

	#prepare() {
		// Columns when the dataset has them (restored, imported): indexed without making a record.
		const { columns } = this.#current;
		const source = columns ?? this.#current.members;
		const members = !this.#countOnly
			? source
			: columns
				? withUnitWeights(columns)
				: this.#current.members.map((m) => (m.weight === 1 ? m : { ...m, weight: 1 }));
		const job = ++this.#indexJob;
		if (memberCount(this.#current) <= INDEX_AT_ONCE) return this.#usePrepared(runAtOnce(prepareDataset(members)));
		this.#indexing = true;
		const cancelled = () => job !== this.#indexJob;
		// From the next task on: the caller's own task (an import's last message) stays short.
		void nextTask()
			.then(() => (cancelled() ? null : runInSlices(prepareDataset(members), { cancelled, yieldToEventLoop: nextTask })))
			.then((prepared) => {
				if (prepared && !cancelled()) this.#usePrepared(prepared);
			});
	}

	/** Called after each dataset is prepared and shown (the composition root notes filter values it lacks). */
	onPrepared(listener: (index: DatasetIndex) => void) {
		this.#preparedListeners.push(listener);
	}

	setLoadError(message: string) {
		this.#loadError = message;
	}

	/** Resolves once the dataset set last is indexed and shown (at once for small ones). */
	whenIndexed(): Promise<void> {
		return this.indexing ? new Promise((resolve) => this.#indexed.push(resolve)) : Promise.resolve();
	}

	#usePrepared(prepared: PreparedDataset) {
		this.#prepared = prepared;
		this.#indexing = false;
		this.#timeline.fitDomain(prepared.index.domain);
		for (const listener of this.#preparedListeners) listener(prepared.index);
		this.#resolveIndexed();
	}

	#resolveIndexed() {
		const waiting = this.#indexed;
		this.#indexed = [];
		for (const resolve of waiting) resolve();
	}
}
