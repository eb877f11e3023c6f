/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transposition: "Brussles"), with an
 * early exit once every cell of a row exceeds `max`. Returns max + 1 when the distance is larger.
 */
export function editDistance(a: string, b: string, max: number): number {
	const units = new Uint16Array(b.length);
	for (let i = 0; i < b.length; i++) units[i] = b.charCodeAt(i);
	return editDistanceUnits(a, units, 0, units.length, max);
}

const rows: Int32Array[] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * editDistance between a string and a key stored as UTF-16 code units units[start .. end): the
 * geocoder's fuzzy search compares against its keys in place, without making each one a string.
 */
export function editDistanceUnits(a: string, units: Uint16Array, start: number, end: number, max: number): number {
	const n = end - start;
	if (Math.abs(a.length - n) > max) return max + 1;
	if (a.length === n) {
		let same = true;
		for (let i = 0; i < n && same; i++) same = a.charCodeAt(i) === units[start + i];
		if (same) return 0;
	}
	if (rows[0]!.length < n + 1) for (let r = 0; r < 3; r++) rows[r] = new Int32Array(2 * (n + 1));
	// Three rows reused across calls: this runs thousands of times per fuzzy lookup.
	let prev2 = rows[0]!;
	let prev = rows[1]!;
	let cur = rows[2]!;
	for (let j = 0; j <= n; j++) prev[j] = j;
	for (let i = 1; i <= a.length; i++) {
		cur[0] = i;
		let rowMin = i;
		const ai = a.charCodeAt(i - 1);
		for (let j = 1; j <= n; j++) {
			const bj = units[start + j - 1]!;
			let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ai === bj ? 0 : 1));
			if (i > 1 && j > 1 && ai === units[start + j - 2] && a.charCodeAt(i - 2) === bj) v = Math.min(v, prev2[j - 2]! + 1);
			cur[j] = v;
			if (v < rowMin) rowMin = v;
		}
		if (rowMin > max) return max + 1;
		const t = prev2;
		prev2 = prev;
		prev = cur;
		cur = t;
	}
	return Math.min(prev[n]!, max + 1);
}
