/**
 * How saving in this browser goes: when the work was last saved, and why it could not be read or
 * saved. storage/persist.svelte.ts is the only writer; the page shows the error.
 */
export class SavedWorkStatus {
	/** When the work was last saved in this browser (ISO). */
	#savedAt = $state<string | null>(null);
	#error = $state<string | null>(null);
	/** Changes are being saved: false until saved work was read, and for good when it could not be (so nothing overwrites it). */
	#active = $state(false);

	get savedAt() {
		return this.#savedAt;
	}
	get error() {
		return this.#error;
	}
	get active() {
		return this.#active;
	}

	activate() {
		this.#active = true;
	}

	saved(at: string) {
		this.#savedAt = at;
		this.#error = null;
	}
	failed(message: string) {
		this.#error = message;
	}
}
