/**
 * What this tab may do with the saved work, and what the user is looking at: whether this tab writes
 * it (storage/tabs.ts decides), whether changes made here are unsaved because another tab writes, and
 * whether the scenes shown came from a link (someone else's work: never saved over the user's own
 * until they choose to keep them). Changed only through its methods; storage/persist.svelte.ts and the
 * banner read it.
 */
import type { Scene } from '$lib/core/project/scenes';
import type { RoleChange } from '$lib/storage/tabs';

export class SavedWorkSession {
	/** This tab writes the saved work. */
	writer = $state(true);
	/** Why the role last changed, for the banner's words. */
	why = $state<RoleChange>('first');
	/** Changes made in this tab that are not saved (another tab writes). */
	unsavedHere = $state(false);
	/** The scenes shown came from a link; the user's own stay in ownScenes, saved as they were. */
	viewingLinkScenes = $state(false);
	ownScenes = $state.raw<Scene[]>([]);
	/** Set by persist.svelte.ts once tabs are coordinated. */
	#takeOver: () => Promise<void> = async () => {};

	setRole(writer: boolean, why: RoleChange) {
		this.writer = writer;
		this.why = why;
	}

	markUnsaved(unsaved: boolean) {
		this.unsavedHere = unsaved;
	}

	connect(takeOver: () => Promise<void>) {
		this.#takeOver = takeOver;
	}

	/** Makes this tab the writer; what it shows is then saved (the user's explicit choice). */
	takeOver(): Promise<void> {
		return this.#takeOver();
	}

	/** A link brought scenes: they are shown, the user's own are kept aside (filled in when storage is read). */
	viewLinkScenes() {
		this.viewingLinkScenes = true;
	}

	setOwnScenes(scenes: Scene[]) {
		this.ownScenes = scenes;
	}

	/** The user keeps the link's scenes (added after their own) or goes back to their own: either way, the link view ends. */
	endLinkView(): Scene[] {
		this.viewingLinkScenes = false;
		return this.ownScenes;
	}
}
