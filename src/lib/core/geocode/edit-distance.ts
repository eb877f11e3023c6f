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
	const la = a.length;
	if (Math.abs(la - (end - start)) > max) return max + 1;
	// A common prefix and suffix change no distance (checked exhaustively on short strings in the
	// unit tests): the table covers only the middle that differs.
	const m = Math.min(la, end - start);
	let p = 0;
	while (p < m && a.charCodeAt(p) === units[start + p]) p++;
	let s = 0;
	while (s < m - p && a.charCodeAt(la - 1 - s) === units[end - 1 - s]) s++;
	const a0 = p;
	const na = la - p - s;
	const b0 = start + p;
	const n = end - start - p - s;
	if (na === 0 || n === 0) return Math.min(na + n, max + 1);
	if (rows[0]!.length < n + 2) for (let r = 0; r < 3; r++) rows[r] = new Int32Array(2 * (n + 2));
	// Three rows reused across calls: this runs thousands of times per fuzzy lookup. Only the band
	// of cells within `max` of the diagonal can stay within `max` (Ukkonen); the cells just outside
	// it read as max + 1.
	const out = max + 1;
	let prev2 = rows[0]!;
	let prev = rows[1]!;
	let cur = rows[2]!;
	for (let j = 0; j <= n + 1; j++) prev[j] = j <= max ? j : out;
	for (let i = 1; i <= na; i++) {
		const lo = i - max > 1 ? i - max : 1;
		const hi = i + max < n ? i + max : n;
		cur[lo - 1] = lo === 1 ? i : out;
		let rowMin = cur[lo - 1]!;
		const ai = a.charCodeAt(a0 + i - 1);
		for (let j = lo; j <= hi; j++) {
			const bj = units[b0 + j - 1]!;
			let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ai === bj ? 0 : 1));
			if (i > 1 && j > 1 && ai === units[b0 + j - 2] && a.charCodeAt(a0 + i - 2) === bj) v = Math.min(v, prev2[j - 2]! + 1);
			cur[j] = v;
			if (v < rowMin) rowMin = v;
		}
		cur[hi + 1] = out;
		if (rowMin > max) return out;
		const t = prev2;
		prev2 = prev;
		prev = cur;
		cur = t;
	}
	return Math.min(prev[n]!, max + 1);
}

/**
 * editDistanceUnits for max = 1 without the table: 0, 1, or 2 for "more than one". Strip the longest
 * common prefix and then the longest common suffix (never overlapping the prefix); two strings one
 * edit apart leave exactly one of: one unit against one (substitution), one against none (insertion
 * or deletion), or two against the same two swapped (transposition). Most fuzzy candidates are
 * rejected after a few units (docs/ARCHITECTURE.md, "Binary gazetteer").
 */
export function withinOneEdit(a: string, units: Uint16Array, start: number, end: number): number {
	const la = a.length;
	const lb = end - start;
	const diff = la - lb;
	if (diff > 1 || diff < -1) return 2;
	const m = la < lb ? la : lb;
	let p = 0;
	while (p < m && a.charCodeAt(p) === units[start + p]) p++;
	if (p === m && diff === 0) return 0;
	let s = 0;
	while (s < m - p && a.charCodeAt(la - 1 - s) === units[end - 1 - s]) s++;
	const ra = la - p - s;
	const rb = lb - p - s;
	if (ra + rb <= 1) return 1;
	if (ra === 1 && rb === 1) return 1;
	if (ra === 2 && rb === 2 && a.charCodeAt(p) === units[start + p + 1] && a.charCodeAt(p + 1) === units[start + p]) return 1;
	return 2;
}
