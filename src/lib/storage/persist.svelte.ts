/**
 * Keeps the user's work in IndexedDB: restores it once at start, then saves whenever it changes
 * (debounced, one save at a time). Loaded with a dynamic import after the first view is up.
 *
 * The dataset is never snapshotted: app.dataset is $state.raw, and its members are written as column
 * chunks (a deep clone of a million members froze the page for half a minute). A restored dataset comes
 * back as columns, without a record per member (docs/ARCHITECTURE.md, "Members as columns").
 * Its members are rewritten only when the dataset object changes; a change of scenes or mappings
 * writes the small metadata record alone.
 *
 * Saved work is never written over silently:
 * - Only one tab writes (storage/tabs.ts). The others show each save of the writer as it lands; a
 *   change made in one of them is not saved, and the banner says so and offers to take over.
 * - Scenes that came with a link are someone else's: while they are shown, the user's own scenes are
 *   what is saved, until the user keeps the link's scenes (added to their own) or goes back to theirs.
 */
import { untrack } from 'svelte';
import type { AppState } from '$lib/state/app-state.svelte';
import { isUserDataset, type MemberDataset } from '$lib/core/data/member';
import { storageProblem } from '$lib/core/storage/messages';
import { loadWork, saveWork, type SavedWork, type WorkToSave } from './saved-work';
import { coordinateTabs } from './tabs';
import { encodeScenes, type Scene } from '$lib/core/project/scenes';

const SAVE_MS = 400;
/** What is stored while the demo is shown: no members (the demo ships with the app). */
const NO_DATASET: MemberDataset = { synthetic: true, members: [] };

/** The small parts of the work as text: equal texts, same work. */
const smallOf = (w: WorkToSave) => JSON.stringify([w.datasetName, w.mappings, w.geocodeChoices, w.geocodeJob ?? null, w.scenes]);

/** `restoreDemo` puts the bundled demo back when another tab's saved work no longer holds a dataset. */
export async function startSavedWork(app: AppState, restoreDemo: () => void = () => {}): Promise<() => void> {
	const session = app.session;
	/** The dataset whose members are in storage now (same object), so they need no rewriting. */
	let storedDataset: MemberDataset | null = null;
	/** What this tab last read from storage or saved there: a tab that is not writing compares against it. */
	let inStorage: { dataset: MemberDataset; small: string } | null = null;

	/** Shows saved work in this tab (at start, and when another tab has saved). */
	function show(work: SavedWork) {
		const userData = isUserDataset(work.dataset);
		if (userData && work.dataset !== app.dataset.current) app.dataset.set(work.dataset, work.datasetName);
		else if (!userData && app.dataset.isUserData) restoreDemo();
		storedDataset = work.dataset;
		// An unfinished review belongs to the imported dataset it was saved with.
		app.importSession.restore(work.mappings ?? {}, work.geocodeChoices ?? {}, userData ? (work.geocodeJob ?? null) : null);
		// A link whose scenes are exactly the saved ones is this user's own (a reload of a tab whose address
		// carries its scenes): no one else's work to keep apart.
		if (session.viewingLinkScenes && encodeScenes(work.scenes ?? []) === encodeScenes($state.snapshot(app.scenes.list) as Scene[]))
			session.endLinkView();
		if (session.viewingLinkScenes) session.setOwnScenes(work.scenes ?? []);
		else app.scenes.set(work.scenes ?? []);
		inStorage = {
			dataset: userData ? work.dataset : NO_DATASET,
			small: smallOf(workOf({ ...work, scenes: session.viewingLinkScenes ? session.ownScenes : work.scenes }))
		};
	}

	function workOf(w: {
		datasetName: string;
		dataset: MemberDataset;
		mappings?: WorkToSave['mappings'];
		geocodeChoices?: WorkToSave['geocodeChoices'];
		geocodeJob?: WorkToSave['geocodeJob'];
		scenes?: WorkToSave['scenes'];
	}): WorkToSave {
		const userData = isUserDataset(w.dataset);
		return {
			datasetName: userData ? w.datasetName : '',
			dataset: userData ? w.dataset : NO_DATASET,
			mappings: w.mappings ?? {},
			geocodeChoices: w.geocodeChoices ?? {},
			geocodeJob: userData ? (w.geocodeJob ?? null) : null,
			scenes: w.scenes ?? []
		};
	}

	try {
		const work = await loadWork();
		if (work) show(work);
		else inStorage = { dataset: NO_DATASET, small: smallOf(workOf({ datasetName: '', dataset: NO_DATASET })) };
	} catch (error) {
		// Saving now could overwrite work this version cannot read (or storage is off): do not save.
		app.savedWork.failed(
			`Saved work could not be read (${storageProblem(error)}). Nothing will be saved in this browser until this is resolved.`
		);
		return () => {};
	}

	let timer: ReturnType<typeof setTimeout> | undefined;
	let next: WorkToSave | null = null;
	let saving = false;
	/** The work as this tab shows it now (kept current by the effect below). */
	let current: WorkToSave | null = null;
	async function drain() {
		saving = true;
		while (next && session.writer) {
			const work = next;
			next = null;
			try {
				const savedAt = await saveWork(work, { members: work.dataset !== storedDataset });
				storedDataset = work.dataset;
				inStorage = { dataset: work.dataset, small: smallOf(work) };
				app.savedWork.saved(savedAt);
				tabs.announceSaved(savedAt);
			} catch (error) {
				storedDataset = null; // unknown what is stored now: write the members next time
				app.savedWork.failed(`Work could not be saved in this browser (${storageProblem(error)}).`);
			}
		}
		saving = false;
	}
	function save(work: WorkToSave) {
		clearTimeout(timer);
		timer = setTimeout(() => {
			next = work;
			if (!saving) void drain();
		}, SAVE_MS);
	}

	/** Another tab saved: show it here, unless this tab holds changes of its own (then the banner offers a choice). */
	async function reload() {
		if (session.writer || session.unsavedHere) return;
		try {
			const work = await loadWork();
			if (work && !session.writer && !session.unsavedHere) show(work);
		} catch {
			// The writer's next save announces again.
		}
	}

	const tabs = coordinateTabs({
		onRole(writer, why) {
			session.setRole(writer, why);
			if (!writer) return;
			if (why === 'took-over') {
				// The user chose this tab's work: save what it shows.
				session.markUnsaved(false);
				if (current) save(current);
			} else if (why === 'freed' && !session.unsavedHere)
				void loadWork().then(
					(work) => work && show(work),
					() => {}
				);
			// Freed with changes of its own: they may predate the last saves of the tab that closed, so
			// nothing is written until the user says so (the banner offers "Save this tab's work").
		},
		onSaved: () => void reload()
	});
	session.connect(async () => {
		if (session.writer) {
			session.markUnsaved(false);
			if (current) save(current);
		} else await tabs.takeOver();
	});

	app.savedWork.activate();
	const stopEffect = $effect.root(() => {
		$effect(() => {
			const imported = app.dataset.isUserData;
			const saved = app.importSession.toSaved();
			// Only the small parts are snapshotted (they may hold proxies); the dataset and the rows
			// waiting for the geocoder are plain records ($state.raw) and go as they are.
			// While a link's scenes are shown, the user's own scenes are what stays saved.
			const work: WorkToSave = {
				datasetName: imported ? app.dataset.name : '',
				dataset: imported ? app.dataset.current : NO_DATASET,
				mappings: $state.snapshot(saved.mappings),
				geocodeChoices: $state.snapshot(saved.geocodeChoices),
				geocodeJob: imported ? saved.geocodeJob : null,
				scenes: session.viewingLinkScenes ? session.ownScenes : ($state.snapshot(app.scenes.list) as Scene[])
			};
			current = work;
			// The role is read untracked: becoming the writer is not a change of the work, and must not save by
			// itself (a tab freed while holding changes of its own waits for the user's word, see onRole).
			const [writer, unsaved] = untrack(() => [session.writer, session.unsavedHere]);
			if (writer && !unsaved) return save(work);
			// Not the writer (or holding unconfirmed changes): a change made here is not saved, and says so
			// (never written over the work another tab saved).
			const same = inStorage !== null && inStorage.dataset === work.dataset && inStorage.small === smallOf(work);
			if (!same) session.markUnsaved(true);
		});
		return () => clearTimeout(timer);
	});
	return () => {
		stopEffect();
		tabs.stop();
	};
}
