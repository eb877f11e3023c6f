/**
 * Keeps the user's work in IndexedDB: restores it once at start, then saves whenever it changes
 * (debounced). Loaded with a dynamic import after the first view is up.
 */
import type { AppState } from '$lib/state/app-state.svelte';
import { loadWork, saveWork } from './saved-work';

const SAVE_MS = 400;

export async function startSavedWork(app: AppState): Promise<() => void> {
	try {
		const work = await loadWork();
		if (work) {
			if (work.dataset.members.length && !work.dataset.synthetic) app.setDataset(work.dataset, work.datasetName);
			app.importMappings = work.mappings ?? {};
			app.geocodeChoices = work.geocodeChoices ?? {};
			// Scenes from a shared link win over the ones stored here.
			if (!app.scenes.length && work.scenes?.length) app.setScenes(work.scenes);
		}
	} catch (error) {
		app.storageError = `Saved work could not be read (${(error as Error).message}).`;
	}
	let timer: ReturnType<typeof setTimeout> | undefined;
	return $effect.root(() => {
		$effect(() => {
			const imported = app.isUserData;
			const work = {
				datasetName: imported ? app.datasetName : '',
				dataset: imported ? app.dataset : { synthetic: true, members: [] },
				mappings: app.importMappings,
				geocodeChoices: app.geocodeChoices,
				scenes: app.scenes
			};
			clearTimeout(timer);
			timer = setTimeout(() => {
				saveWork($state.snapshot(work) as typeof work)
					.then(() => (app.savedAt = new Date().toISOString()))
					.catch((error: Error) => (app.storageError = `Work could not be saved in this browser (${error.message}).`));
			}, SAVE_MS);
		});
		return () => clearTimeout(timer);
	});
}
