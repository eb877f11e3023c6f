/**
 * Saved scenes (a name and a link's state each) and present mode. Showing a scene changes the other
 * owners through url-sync's applySceneState; this owner only remembers which one is current.
 */
import type { Scene } from '$lib/core/project/scenes';

export class Scenes {
	#list = $state.raw<readonly Scene[]>([]);
	/** The scene shown last (-1: none yet). */
	#current = $state(-1);
	#presenting = $state(false);

	get list(): readonly Scene[] {
		return this.#list;
	}
	get current() {
		return this.#current;
	}
	get presenting() {
		return this.#presenting;
	}

	set(scenes: readonly Scene[]) {
		this.#list = [...scenes];
		this.#current = Math.min(this.#current, scenes.length - 1);
	}
	add(scene: Scene) {
		this.#list = [...this.#list, scene];
	}
	remove(index: number) {
		this.set(this.#list.filter((_, i) => i !== index));
	}
	move(index: number, by: -1 | 1) {
		const to = index + by;
		if (to < 0 || to >= this.#list.length) return;
		const next = [...this.#list];
		[next[index], next[to]] = [next[to]!, next[index]!];
		this.#list = next;
	}
	/** Marks scene `index` as the one shown (the caller applies its state). */
	setCurrent(index: number) {
		this.#current = Math.max(-1, Math.min(index, this.#list.length - 1));
	}
	setPresenting(on: boolean) {
		this.#presenting = on;
	}
}
