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
import {
	ColumnsDataset,
	columnsOf,
	concatColumns,
	concatColumnsOf,
	recordsOf,
	sliceColumns,
	type MemberColumns
} from '$lib/core/data/member-columns';
import type { ColumnMapping } from '$lib/core/data/columns';
import type { ReviewChoice } from '$lib/core/geocode/review';
import type { GeocodeJob, SavedChoices, SavedMappings } from '$lib/core/project/import-memory';
import type { Dataset } from './dataset.svelte';
import { partitionForGeocoding } from '$lib/core/geocode/regeocode';
import { nextTask, runInSlices } from '$lib/core/slicing/slices';

/** Up to this many members, the dataset with the geocoder's members is joined in the caller's task; past it in slices. */
const JOIN_AT_ONCE = 50_000;

/** The members an import placed from the file itself: columns (a file read by the importer) or records (lists given as records). */
type Base = MemberColumns | readonly MemberRecord[];

const metaOf = ({ synthetic, kind, weightMeaning }: MemberDataset) => ({
	synthetic,
	...(kind ? { kind } : {}),
	...(weightMeaning !== undefined ? { weightMeaning } : {})
});

export class ImportSession {
	/** Imported rows with a place name but no coordinates, still off the map. */
	#pending = $state.raw<readonly MemberRecord[]>([]);
	/** Every row of the current import that needed the geocoder, with its row number in the file. */
	#job = $state.raw<{ rows: readonly MemberRecord[]; rowNumbers: readonly number[] } | null>(null);
	/**
	 * The dataset of an import is `#base` (the rows placed by the file) followed by `#geocoded` (what the
	 * geocoder or the review placed, replaced whole each time). Not state: nothing is drawn from them,
	 * they tell setGeocoded and replaceMembers what the dataset is made of. A file's rows stay columns:
	 * no record per member (docs/ARCHITECTURE.md, "Members as columns").
	 */
	#base: Base | null = null;
	/** Records of a base held as columns, made when asked (the coordinate checks of a list of at most tens of thousands). */
	#baseRecords: MemberRecord[] | null = null;
	#geocoded: readonly MemberRecord[] = [];
	/** Counts joins of the base and the geocoded members, so a slower one finishing late is dropped. */
	#joins = 0;
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
	 * geocoder too, their given coordinates kept (core/geocode/regeocode.ts). `columns`: the rows
	 * that go on the map as the file gives them, kept as columns (the importer's way: then
	 * `partition.placed` is normally empty and the dataset is built without a record per member).
	 */
	importPartitioned(
		partition: PlacementPartition,
		name: string,
		kind: DatasetKind = 'members',
		rowNumbers?: readonly number[],
		weightMeaning = '',
		regeocode = false,
		columns?: MemberColumns
	) {
		const split = partitionForGeocoding(partition, rowNumbers ?? partition.pending.map((_, i) => i + 1), regeocode);
		const { placed, pending } = split.partition;
		this.#pending = pending;
		this.#job = pending.length ? { rows: pending, rowNumbers: split.rowNumbers } : null;
		// Both only when a caller hands records with coordinates beside columns (the importer does not).
		this.#base = columns ? (placed.length ? concatColumns([columns, columnsOf(placed)]) : columns) : placed;
		this.#baseRecords = null;
		this.#geocoded = [];
		this.#show({ synthetic: false, kind, ...(weightMeaning ? { weightMeaning } : {}) }, name);
	}

	/** Back to a bundled dataset (the demo): the imported file and its rows awaiting the geocoder are dropped. */
	showBundled(dataset: MemberDataset, name: string) {
		this.#pending = [];
		this.#job = null;
		this.#drop();
		this.#joins++;
		this.#dataset.set(dataset, name);
	}

	/**
	 * The import's members placed by the file itself, as records: for the coordinate checks, which hand
	 * them back to replaceMembers by identity. Made once for a file read as columns; call it only for
	 * lists small enough to check in the browser.
	 */
	placedRecords(): readonly MemberRecord[] {
		const base = this.#base ?? [];
		if (Array.isArray(base)) return base;
		return (this.#baseRecords ??= recordsOf(base as MemberColumns));
	}

	/**
	 * Puts what the geocoder or the review placed on the map, replacing what they placed before, so a
	 * review choice that is changed or cleared moves or removes its member at once. Build both lists
	 * with applyGeocodes (core/geocode/apply.ts) over ALL the job's rows.
	 */
	setGeocoded(placed: MemberRecord[], stillPending: readonly MemberRecord[]) {
		this.#base ??= this.#baseOf(this.#dataset.current, 0);
		this.#geocoded = placed;
		this.#pending = stillPending;
		this.#show(metaOf(this.#dataset.current), this.#dataset.name);
	}

	/**
	 * Replaces members by identity with their checked or settled selves (a resolved place, swapped or
	 * moved coordinates): the coordinate cross-checks of rows given with coordinates. Others are kept.
	 */
	replaceMembers(changes: ReadonlyMap<MemberRecord, MemberRecord>) {
		if (!changes.size) return;
		this.#base ??= this.#baseOf(this.#dataset.current, 0);
		const swap = (list: readonly MemberRecord[]) => {
			let changed = false;
			const out = list.map((m) => {
				const next = changes.get(m);
				if (!next) return m;
				changed = true;
				return next;
			});
			return changed ? out : null;
		};
		const base = Array.isArray(this.#base) ? swap(this.#base) : this.#baseRecords && swap(this.#baseRecords);
		const geocoded = swap(this.#geocoded);
		if (!base && !geocoded) return;
		if (base && Array.isArray(this.#base)) this.#base = base;
		else if (base) {
			// Only lists small enough to check come here: their columns are made again at once.
			this.#baseRecords = base;
			this.#base = columnsOf(base);
		}
		if (geocoded) this.#geocoded = geocoded;
		this.#show(metaOf(this.#dataset.current), this.#dataset.name);
	}

	/** The base of a dataset whose last `geocoded` members the geocoder placed (saved work, project files). */
	#baseOf(dataset: MemberDataset, geocoded: number): Base {
		const { columns } = dataset;
		if (columns) return geocoded ? sliceColumns(columns, 0, columns.length - geocoded) : columns;
		return geocoded ? dataset.members.slice(0, -geocoded) : dataset.members;
	}

	#drop() {
		this.#base = null;
		this.#baseRecords = null;
		this.#geocoded = [];
	}

	/** Shows the base followed by the geocoded members: joined at once when small, in slices between tasks when large. */
	#show(meta: Omit<MemberDataset, 'members' | 'columns'>, name: string) {
		const base = this.#base ?? [];
		const geocoded = this.#geocoded;
		const job = ++this.#joins;
		if (Array.isArray(base)) return this.#dataset.set({ ...meta, members: geocoded.length ? [...base, ...geocoded] : base }, name);
		const columns = base as MemberColumns;
		if (!geocoded.length) return this.#dataset.set(new ColumnsDataset(columns, meta), name);
		const parts = [columns, columnsOf(geocoded)];
		if (columns.length <= JOIN_AT_ONCE) return this.#dataset.set(new ColumnsDataset(concatColumns(parts), meta), name);
		const cancelled = () => job !== this.#joins;
		void runInSlices(concatColumnsOf(parts), { cancelled, yieldToEventLoop: nextTask }).then((joined) => {
			if (joined && !cancelled()) this.#dataset.set(new ColumnsDataset(joined, meta), name);
		});
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
			geocodeJob: job ? { rows: [...job.rows], rowNumbers: [...job.rowNumbers], placedCount: this.#geocoded.length } : null
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
		this.#drop();
		this.#joins++;
		// Records only for the unfinished review's rows and what the geocoder placed: the file's rows stay columns.
		const count = this.#dataset.count;
		if (job && job.rows.length && job.placedCount <= count) {
			const current = this.#dataset.current;
			this.#job = { rows: job.rows, rowNumbers: job.rowNumbers };
			this.#base = this.#baseOf(current, job.placedCount);
			this.#geocoded = !job.placedCount
				? []
				: current.columns
					? recordsOf(current.columns, count - job.placedCount, count)
					: current.members.slice(-job.placedCount);
		}
	}

	/** Back to a fresh start (after "delete everything stored"). */
	forget() {
		this.#mappings = {};
		this.#choices = {};
		this.#job = null;
		this.#pending = [];
		this.#drop();
	}
}
