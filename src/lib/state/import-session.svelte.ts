/**
 * The import workflow's state: the imported rows still waiting for the geocoder (the geocode job),
 * what the geocoder and the review placed, the column mappings and the review choices. It is the
 * only writer of the dataset for an import and of the mappings, choices and unfinished review in
 * saved work and project files (storage/persist.svelte.ts and the project file read them here).
 *
 * Mappings are remembered per header set and choices per place text and country
 * (core/project/import-memory.ts), so re-importing a file after a reload keeps its mapping and a
 * list that grew by one row keeps every choice.
 */
import {
	partitionByPlacement,
	type DatasetKind,
	type MemberDataset,
	type MemberRecord,
	type PlacementPartition
} from '$lib/core/data/member';
import type { ColumnMapping } from '$lib/core/data/columns';
import type { ReviewChoice } from '$lib/core/geocode/review';
import type { GeocodeJob, SavedChoices, SavedMappings } from '$lib/core/project/import-memory';
import type { Dataset } from './dataset.svelte';
import { partitionForGeocoding } from '$lib/core/geocode/regeocode';

/**
 * Which records the geocoder placed, by identity. Not state: nothing is drawn from it, it only tells
 * setGeocoded which members to replace.
 */
const identities = (records: Iterable<MemberRecord> = []) => new Set(records);

export class ImportSession {
	/** Imported rows with a place name but no coordinates, still off the map. */
	#pending = $state.raw<readonly MemberRecord[]>([]);
	/** Every row of the current import that needed the geocoder, with its row number in the file. */
	#job = $state.raw<{ rows: readonly MemberRecord[]; rowNumbers: readonly number[] } | null>(null);
	/** The records the geocoder or the review placed for the current import (replaced whole each time). */
	#geocoded = identities();
	#mappings = $state.raw<Readonly<SavedMappings>>({});
	#choices = $state.raw<Readonly<SavedChoices>>({});
	readonly #dataset: Dataset;

	constructor(dataset: Dataset) {
		this.#dataset = dataset;
	}

	get pending(): readonly MemberRecord[] {
		return this.#pending;
	}
	/** The rows waiting for the geocoder or the review, or null when the import needs none. */
	get job(): { readonly rows: readonly MemberRecord[]; readonly rowNumbers: readonly number[] } | null {
		return this.#job;
	}
	get mappings(): Readonly<SavedMappings> {
		return this.#mappings;
	}
	get choices(): Readonly<SavedChoices> {
		return this.#choices;
	}

	/**
	 * Replaces the dataset with an imported file's records (never synthetic). Rows without
	 * coordinates wait for the geocoder; the dataset owner widens the timeline to the file's dates.
	 */
	importRecords(records: readonly MemberRecord[], name: string, kind: DatasetKind = 'members') {
		this.importPartitioned(partitionByPlacement(records), name, kind);
	}

	/**
	 * importRecords for records already split (the importer splits each slice as it arrives: no pass
	 * over a million at the end). `rowNumbers` are the pending rows' lines in the file; `weightMeaning`
	 * names a source's weight column (a casualty count), which the legend can switch off. With
	 * `regeocode` (the analyst's explicit choice) rows with coordinates and a place name wait for the
	 * geocoder too, their given coordinates kept (core/geocode/regeocode.ts).
	 */
	importPartitioned(
		partition: PlacementPartition,
		name: string,
		kind: DatasetKind = 'members',
		rowNumbers?: readonly number[],
		weightMeaning = '',
		regeocode = false
	) {
		const split = partitionForGeocoding(partition, rowNumbers ?? partition.pending.map((_, i) => i + 1), regeocode);
		const { placed, pending } = split.partition;
		this.#pending = pending;
		this.#job = pending.length ? { rows: pending, rowNumbers: split.rowNumbers } : null;
		this.#geocoded = identities();
		this.#dataset.set({ synthetic: false, kind, members: placed, ...(weightMeaning ? { weightMeaning } : {}) }, name);
	}

	/** Back to a bundled dataset (the demo): the imported file and its rows awaiting the geocoder are dropped. */
	showBundled(dataset: MemberDataset, name: string) {
		this.#pending = [];
		this.#job = null;
		this.#geocoded = identities();
		this.#dataset.set(dataset, name);
	}

	/**
	 * Puts what the geocoder or the review placed on the map, replacing what they placed before, so a
	 * review choice that is changed or cleared moves or removes its member at once. Build both lists
	 * with applyGeocodes (core/geocode/apply.ts) over ALL the job's rows.
	 */
	setGeocoded(placed: MemberRecord[], stillPending: readonly MemberRecord[]) {
		const current = this.#dataset.current;
		const kept = current.members.filter((m) => !this.#geocoded.has(m));
		this.#geocoded = identities(placed);
		this.#pending = stillPending;
		this.#dataset.set({ ...current, members: [...kept, ...placed] }, this.#dataset.name);
	}

	/**
	 * Replaces members by identity with their checked or settled selves (a resolved place, swapped or
	 * moved coordinates): the coordinate cross-checks of rows given with coordinates. Others are kept.
	 */
	replaceMembers(changes: ReadonlyMap<MemberRecord, MemberRecord>) {
		if (!changes.size) return;
		const current = this.#dataset.current;
		let changed = false;
		const members = current.members.map((m) => {
			const next = changes.get(m);
			if (!next) return m;
			changed = true;
			return next;
		});
		if (changed) this.#dataset.set({ ...current, members }, this.#dataset.name);
	}

	/**
	 * The mapping remembered for files with this header set (core/project/import-memory.headerSetKey:
	 * the caller computes it, so the header folding stays out of the first view's bundle).
	 */
	mappingFor(headerSet: string): ColumnMapping | undefined {
		return this.#mappings[headerSet];
	}

	/** Remembers the analyst's mapping for files with this header set; an empty one forgets it. */
	rememberMapping(headerSet: string, mapping: ColumnMapping) {
		const key = headerSet;
		const used = Object.fromEntries(Object.entries(mapping).filter(([, field]) => !!field)) as ColumnMapping;
		const { [key]: _old, ...rest } = this.#mappings;
		this.#mappings = Object.keys(used).length ? { ...rest, [key]: used } : rest;
	}

	/** The analyst decided a place (review panel); every row with its text follows. */
	choose(choice: ReviewChoice) {
		this.#choices = { ...this.#choices, [choice.placeKey]: choice };
	}

	/** The analyst cleared a decision. */
	clearChoice(placeKey: string) {
		const { [placeKey]: _removed, ...rest } = this.#choices;
		this.#choices = rest;
	}

	/** Choices from elsewhere (a choices file, the review panel's memory): the later one wins per place. */
	addChoices(list: readonly ReviewChoice[]) {
		if (!list.length) return;
		const next = { ...this.#choices };
		for (const c of list) {
			const have = next[c.placeKey];
			if (!have || (c.chosenAt || '') >= (have.chosenAt || '')) next[c.placeKey] = c;
		}
		this.#choices = next;
	}

	/** What saved work and project files hold of this session (plain data, no proxies). */
	toSaved(): { mappings: SavedMappings; geocodeChoices: SavedChoices; geocodeJob: GeocodeJob | null } {
		const job = this.#job;
		return {
			mappings: { ...this.#mappings },
			geocodeChoices: { ...this.#choices },
			geocodeJob: job ? { rows: [...job.rows], rowNumbers: [...job.rowNumbers], placedCount: this.#geocoded.size } : null
		};
	}

	/**
	 * Mappings, choices and an unfinished review read back from saved work or a project file; any
	 * review in progress is dropped. Call it after the dataset is set: the job's placed members are the
	 * last `placedCount` of it.
	 */
	restore(mappings: Readonly<SavedMappings>, choices: Readonly<SavedChoices>, job: GeocodeJob | null = null) {
		this.#mappings = { ...mappings };
		this.#choices = { ...choices };
		this.#job = null;
		this.#pending = [];
		this.#geocoded = identities();
		// Records only for an unfinished review: a dataset restored as columns makes none otherwise.
		if (job && job.rows.length && job.placedCount <= this.#dataset.count) {
			this.#job = { rows: job.rows, rowNumbers: job.rowNumbers };
			this.#geocoded = identities(job.placedCount ? this.#dataset.current.members.slice(-job.placedCount) : []);
		}
	}

	/** Back to a fresh start (after "delete everything stored"). */
	forget() {
		this.#mappings = {};
		this.#choices = {};
		this.#job = null;
		this.#pending = [];
		this.#geocoded = identities();
	}
}
