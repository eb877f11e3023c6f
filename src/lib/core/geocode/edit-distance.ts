/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transposition: "Brussles"), with an
 * early exit once every cell of a row exceeds `max`. Returns max + 1 when the distance is larger.
 */
export function editDistance(a: string, b: string, max: number): number {
	if (Math.abs(a.length - b.length) > max) return max + 1;
	if (a === b) return 0;
	const n = b.length;
	let prev2 = new Array<number>(n + 1).fill(0);
	let prev = Array.from({ length: n + 1 }, (_, j) => j);
	let cur = new Array<number>(n + 1).fill(0);
	for (let i = 1; i <= a.length; i++) {
		cur[0] = i;
		let rowMin = i;
		for (let j = 1; j <= n; j++) {
			const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
			let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
			cur[j] = v;
			if (v < rowMin) rowMin = v;
		}
		if (rowMin > max) return max + 1;
		[prev2, prev, cur] = [prev, cur, prev2];
	}
	return Math.min(prev[n]!, max + 1);
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz ';

/** Every string one edit (delete, transpose, substitute, insert) away from `key`. */
export function* editsOne(key: string): Generator<string> {
	for (let i = 0; i < key.length; i++) yield key.slice(0, i) + key.slice(i + 1);
	for (let i = 0; i < key.length - 1; i++) yield key.slice(0, i) + key[i + 1] + key[i] + key.slice(i + 2);
	for (let i = 0; i < key.length; i++) for (const c of ALPHABET) if (c !== key[i]) yield key.slice(0, i) + c + key.slice(i + 1);
	for (let i = 0; i <= key.length; i++) for (const c of ALPHABET) yield key.slice(0, i) + c + key.slice(i);
}
