/**
 * Keeps the user's work in IndexedDB: restores it once at start, then saves whenever it changes
 * (debounced, one save at a time). Loaded with a dynamic import after the first view is up.
 *
 * The dataset is never snapshotted: the dataset owner keeps it $state.raw and its members are plain objects, so
 * they are stored as they are (a deep clone of a million members froze the page for half a minute).
 * Its members are rewritten only when the dataset object changes; a change of scenes or mappings
 * writes the small metadata record alone.
 */
import type { AppState } from '$lib/state/app-state.svelte';
import type { MemberDataset } from '$lib/core/data/member';
import type { Scene } from '$lib/core/project/scenes';
import { storageProblem } from '$lib/core/storage/messages';
import { loadWork, saveWork, type WorkToSave } from './saved-work';

const SAVE_MS = 400;
/** What is stored while the demo is shown: no members (the demo ships with the app). */
const NO_DATASET: MemberDataset = { synthetic: true, members: [] };

export async function startSavedWork(app: AppState): Promise<() => void> {
	/** The dataset whose members are in storage now (same object), so they need no rewriting. */
	let storedDataset: MemberDataset | null = null;
	try {
		const work = await loadWork();
		if (work) {
			const userData = work.dataset.members.length > 0 && !work.dataset.synthetic;
			if (userData) app.dataset.set(work.dataset, work.datasetName);
			storedDataset = work.dataset;
			// An unfinished review belongs to the imported dataset it was saved with.
			app.importSession.restore(work.mappings, work.geocodeChoices, userData ? work.geocodeJob : null);
			// Scenes from a shared link win over the ones stored here.
			if (!app.scenes.list.length && work.scenes?.length) app.scenes.set(work.scenes);
		}
	} catch (error) {
		// Saving now could overwrite work this version cannot read (or storage is off): do not save.
		app.savedWork.failed(`Saved work could not be read (${storageProblem(error)}). Nothing will be saved in this browser until this is resolved.`);
		return () => {};
	}

	let timer: ReturnType<typeof setTimeout> | undefined;
	let next: WorkToSave | null = null;
	let saving = false;
	async function drain() {
		saving = true;
		while (next) {
			const work = next;
			next = null;
			try {
				const savedAt = await saveWork(work, { members: work.dataset !== storedDataset });
				storedDataset = work.dataset;
				app.savedWork.saved(savedAt);
			} catch (error) {
				storedDataset = null; // unknown what is stored now: write the members next time
				app.savedWork.failed(`Work could not be saved in this browser (${storageProblem(error)}).`);
			}
		}
		saving = false;
	}

	app.savedWork.activate();
	return $effect.root(() => {
		$effect(() => {
			const imported = app.dataset.isUserData;
			const session = app.importSession.toSaved();
			// Only the small parts are snapshotted (they may hold proxies); the dataset and the rows
			// waiting for the geocoder are plain records ($state.raw) and go as they are.
			const work: WorkToSave = {
				datasetName: imported ? app.dataset.name : '',
				dataset: imported ? app.dataset.current : NO_DATASET,
				mappings: $state.snapshot(session.mappings),
				geocodeChoices: $state.snapshot(session.geocodeChoices),
				geocodeJob: imported ? session.geocodeJob : null,
				scenes: $state.snapshot(app.scenes.list) as Scene[]
			};
			clearTimeout(timer);
			timer = setTimeout(() => {
				next = work;
				if (!saving) void drain();
			}, SAVE_MS);
		});
		return () => clearTimeout(timer);
	});
}
