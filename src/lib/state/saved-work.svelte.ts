/**
 * How saving in this browser goes: when the work was last saved, and why it could not be read or
 * saved. storage/persist.svelte.ts is the only writer; the page shows the error.
 */
export class SavedWorkStatus {
	/** When the work was last saved in this browser (ISO). */
	#savedAt = $state<string | null>(null);
	#error = $state<string | null>(null);

	get savedAt() {
		return this.#savedAt;
	}
	get error() {
		return this.#error;
	}

	saved(at: string) {
		this.#savedAt = at;
		this.#error = null;
	}
	failed(message: string) {
		this.#error = message;
	}
}
