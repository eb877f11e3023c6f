/**
 * Where a text was first seen among many: the importer's duplicate-id check over every accepted row.
 * A JavaScript Map of millions of id strings kept those strings, each an object, alive for the whole
 * read, and the collector walked them again and again: at 5,000,000 rows the browser's worker read for
 * about 7 s longer with it than without it (records not held in either run). This table keeps only numbers: the texts' UTF-16 code
 * units end to end in one typed array, and an open-addressing index of 32-bit hashes; the collector
 * never looks inside typed arrays. Measured: docs/ARCHITECTURE.md, "Files as they come".
 */
export class FirstSeen {
	/** Entry + 1 per slot (0: empty), and that entry's hash. */
	private slots: Int32Array;
	private hashes: Int32Array;
	private mask: number;
	/** Per entry: where its text starts in `units` (and the next entry's start ends it), and its value. */
	private starts = new Float64Array(1025);
	private values = new Float64Array(1024);
	private units = new Uint16Array(8192);
	private count = 0;

	constructor() {
		this.slots = new Int32Array(2048);
		this.hashes = new Int32Array(2048);
		this.mask = 2047;
	}

	/** How many distinct texts are held. */
	get size(): number {
		return this.count;
	}

	/** The value given with `key`'s first appearance, or -1 when it is new (then `value`, 0 or more, is kept with it). */
	first(key: string, value: number): number {
		const hash = hashText(key);
		const { slots, hashes, mask } = this;
		let s = hash & mask;
		for (;;) {
			const held = slots[s]!;
			if (held === 0) break;
			if (hashes[s] === hash && this.holds(held - 1, key)) return this.values[held - 1]!;
			s = (s + 1) & mask;
		}
		this.add(key, value);
		slots[s] = this.count;
		hashes[s] = hash;
		if (this.count * 2 > slots.length) this.grow();
		return -1;
	}

	private holds(entry: number, key: string): boolean {
		const start = this.starts[entry]!;
		if (this.starts[entry + 1]! - start !== key.length) return false;
		const units = this.units;
		for (let i = 0; i < key.length; i++) if (units[start + i] !== key.charCodeAt(i)) return false;
		return true;
	}

	private add(key: string, value: number) {
		const n = this.count;
		if (n === this.values.length) {
			this.values = bigger(this.values, n * 2);
			this.starts = bigger(this.starts, n * 2 + 1);
		}
		const start = this.starts[n]!;
		const end = start + key.length;
		if (end > this.units.length) this.units = bigger(this.units, Math.max(end, this.units.length * 2));
		for (let i = 0; i < key.length; i++) this.units[start + i] = key.charCodeAt(i);
		this.starts[n + 1] = end;
		this.values[n] = value;
		this.count = n + 1;
	}

	/** Twice the slots, at most half full: every entry placed again by its kept hash (no text read). */
	private grow() {
		const { slots, hashes } = this;
		const size = slots.length * 2;
		const mask = size - 1;
		const nextSlots = new Int32Array(size);
		const nextHashes = new Int32Array(size);
		for (let j = 0; j < slots.length; j++) {
			const held = slots[j]!;
			if (held === 0) continue;
			let s = hashes[j]! & mask;
			while (nextSlots[s] !== 0) s = (s + 1) & mask;
			nextSlots[s] = held;
			nextHashes[s] = hashes[j]!;
		}
		this.slots = nextSlots;
		this.hashes = nextHashes;
		this.mask = mask;
	}
}

function bigger<A extends Float64Array | Uint16Array>(array: A, length: number): A {
	const next = new (array.constructor as new (n: number) => A)(length);
	next.set(array);
	return next;
}

/** FNV-1a over the UTF-16 code units, then a final mix so that near keys (m1, m2, ...) spread over the low bits. */
export function hashText(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	return h | 0;
}
