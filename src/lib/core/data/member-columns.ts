/**
 * The members of a dataset held as columns instead of one object each: every number field a
 * Float64Array, every string field dictionary-coded (an integer code per member into a short list of
 * the distinct values), the ids as UTF-8 bytes with offsets, the plot lists as offsets into one
 * coded list. A million members are then a few dozen typed arrays and some short string lists: they
 * move between the import worker and the page by transfer (no copy), are stored in IndexedDB and
 * read back as memory copies, and leave nothing for the garbage collector to walk. Records
 * (core/data/member) are made from them only where a single member is needed (a tooltip, an export,
 * the geocoder's review). Layout and why no columnar library: docs/ARCHITECTURE.md, "Members as columns".
 */
import type { DatasetKind, MemberDataset, MemberRecord } from './member';
import { YIELD_EVERY, runAtOnce, type Sliced } from '../slicing/slices';

/** Codes narrowed to the smallest integer type that holds the number of distinct values. */
export type Codes = Uint8Array | Uint16Array | Uint32Array;

/** A string field: values[codes[i]] is member i's value; null means the (optional) field is absent. */
export interface CodedColumn {
	codes: Codes;
	values: (string | null)[];
}

/** Strings that are (nearly) all different, the ids: member i's is bytes[offsets[i], offsets[i + 1]) as UTF-8. */
export interface TextColumn {
	offsets: Uint32Array;
	bytes: Uint8Array;
}

/** A list per member (plots): member i's are values[codes[k]] for k in [offsets[i], offsets[i + 1]). */
export interface ListColumn {
	offsets: Uint32Array;
	codes: Codes;
	values: string[];
}

export const NUMBER_FIELDS = ['lon', 'lat', 'day', 'dayEnd', 'weight'] as const;
/** Optional numbers: a column only when some member has the field; NaN in it means absent. */
export const OPTIONAL_NUMBER_FIELDS = ['population', 'row', 'givenLat', 'givenLon'] as const;
export const STRING_FIELDS = [
	'hometown',
	'country',
	'datePrecision',
	'role',
	'arrested',
	'died',
	'descent',
	'lastResidence',
	'recruiter',
	'source',
	'category',
	'placeId',
	'place',
	'region'
] as const;
/** String fields a record may lack (the others always have a value, '' at least). */
const OPTIONAL_STRINGS = new Set<string>(['placeId', 'place', 'region']);

export type NumberField = (typeof NUMBER_FIELDS)[number];
export type OptionalNumberField = (typeof OPTIONAL_NUMBER_FIELDS)[number];
export type StringField = (typeof STRING_FIELDS)[number];

export type MemberColumns = { length: number; id: TextColumn; plots: ListColumn } & Record<NumberField, Float64Array> &
	Partial<Record<OptionalNumberField, Float64Array>> &
	Record<StringField, CodedColumn>;

/** The smallest code array for `count` distinct values, holding `codes`. */
export function narrowCodes(codes: Uint32Array, count: number): Codes {
	// The constructor copies typed arrays natively; TypedArray.from goes through the iterator (tens of ms per million).
	if (count <= 0x100) return new Uint8Array(codes);
	if (count <= 0x10000) return new Uint16Array(codes);
	return codes;
}

class Dictionary<T> {
	readonly ids = new Map<T, number>();
	readonly values: T[] = [];
	code(value: T): number {
		let id = this.ids.get(value);
		if (id === undefined) {
			id = this.values.push(value) - 1;
			this.ids.set(value, id);
		}
		return id;
	}
}

/** A growable Uint32Array or Float64Array. */
class Growing<A extends Uint32Array | Float64Array> {
	length = 0;
	constructor(
		public array: A,
		private readonly make: (n: number) => A
	) {}
	push(v: number) {
		if (this.length === this.array.length) {
			const bigger = this.make(Math.max(16, this.array.length * 2));
			bigger.set(this.array);
			this.array = bigger;
		}
		this.array[this.length++] = v;
	}
	done(): A {
		return (this.length === this.array.length ? this.array : this.array.slice(0, this.length)) as A;
	}
}

const u32 = (n: number) => new Growing(new Uint32Array(n), (k) => new Uint32Array(k));
const f64 = (n: number) => new Growing(new Float64Array(n), (k) => new Float64Array(k));

/**
 * One reader per field, each a property load the engine can specialise: a loop of `record[field]` over
 * field names is a generic keyed load per field per member (several times slower at a million).
 */
const NUMBER_READERS: Record<NumberField, (m: MemberRecord) => number> = {
	lon: (m) => m.lon,
	lat: (m) => m.lat,
	day: (m) => m.day,
	dayEnd: (m) => m.dayEnd,
	weight: (m) => m.weight
};
const OPTIONAL_NUMBER_READERS: Record<OptionalNumberField, (m: MemberRecord) => number | undefined> = {
	population: (m) => m.population,
	row: (m) => m.row,
	givenLat: (m) => m.givenLat,
	givenLon: (m) => m.givenLon
};
const STRING_READERS: Record<StringField, (m: MemberRecord) => string | undefined> = {
	hometown: (m) => m.hometown,
	country: (m) => m.country,
	datePrecision: (m) => m.datePrecision,
	role: (m) => m.role,
	arrested: (m) => m.arrested,
	died: (m) => m.died,
	descent: (m) => m.descent,
	lastResidence: (m) => m.lastResidence,
	recruiter: (m) => m.recruiter,
	source: (m) => m.source,
	category: (m) => m.category,
	placeId: (m) => m.placeId,
	place: (m) => m.place,
	region: (m) => m.region
};

const decoder = new TextDecoder();
const encoder = new TextEncoder();

interface StringBuild {
	read: (m: MemberRecord) => string | undefined;
	absent: string | null;
	codes: Growing<Uint32Array>;
	dict: Dictionary<string | null>;
}

/**
 * Builds columns from records one at a time (the import worker's batches, a save's chunks, a dataset
 * converted in slices). Dictionaries keep first-appearance order. `expected`: how many records will
 * come, when known (the arrays are sized once).
 */
export class ColumnsBuilder {
	#n = 0;
	readonly #numbers: { field: NumberField; read: (m: MemberRecord) => number; col: Growing<Float64Array> }[];
	readonly #optional: { field: OptionalNumberField; read: (m: MemberRecord) => number | undefined; col: Growing<Float64Array> }[];
	readonly #present = new Set<OptionalNumberField>();
	readonly #strings: (StringBuild & { field: StringField })[];
	readonly #idOffsets: Growing<Uint32Array>;
	#idBytes: Uint8Array;
	#idLength = 0;
	readonly #plotOffsets: Growing<Uint32Array>;
	readonly #plotCodes = u32(1024);
	readonly #plotDict = new Dictionary<string>();

	constructor(expected = 1024) {
		const n = Math.max(16, expected);
		this.#numbers = NUMBER_FIELDS.map((field) => ({ field, read: NUMBER_READERS[field], col: f64(n) }));
		this.#optional = OPTIONAL_NUMBER_FIELDS.map((field) => ({ field, read: OPTIONAL_NUMBER_READERS[field], col: f64(n) }));
		this.#strings = STRING_FIELDS.map((field) => ({
			field,
			read: STRING_READERS[field],
			absent: OPTIONAL_STRINGS.has(field) ? null : '',
			codes: u32(n),
			dict: new Dictionary<string | null>()
		}));
		this.#idOffsets = u32(n + 1);
		this.#idBytes = new Uint8Array(n * 8);
		this.#plotOffsets = u32(n + 1);
		this.#idOffsets.push(0);
		this.#plotOffsets.push(0);
	}

	get length() {
		return this.#n;
	}

	push(m: MemberRecord) {
		for (const { read, col } of this.#numbers) col.push(read(m));
		for (const { field, read, col } of this.#optional) {
			const v = read(m);
			if (v !== undefined) this.#present.add(field);
			col.push(v ?? NaN);
		}
		for (const s of this.#strings) {
			const v = s.read(m);
			s.codes.push(s.dict.code(v === undefined ? s.absent : v));
		}
		this.#pushId(m.id);
		const plots = m.plots;
		for (let k = 0; k < plots.length; k++) this.#plotCodes.push(this.#plotDict.code(plots[k]!));
		this.#plotOffsets.push(this.#plotCodes.length);
		this.#n++;
	}

	#pushId(id: string) {
		// A UTF-8 string takes at most 3 bytes per UTF-16 unit.
		const room = this.#idLength + id.length * 3;
		if (room > this.#idBytes.length) {
			const bigger = new Uint8Array(Math.max(room, this.#idBytes.length * 2));
			bigger.set(this.#idBytes.subarray(0, this.#idLength));
			this.#idBytes = bigger;
		}
		// Ids are nearly always ASCII: written byte by byte, the encoder only for the rest.
		let at = this.#idLength;
		const bytes = this.#idBytes;
		let ascii = true;
		for (let k = 0; k < id.length; k++) {
			const c = id.charCodeAt(k);
			if (c >= 0x80) {
				ascii = false;
				break;
			}
			bytes[at++] = c;
		}
		if (!ascii) at = this.#idLength + encoder.encodeInto(id, bytes.subarray(this.#idLength)).written;
		this.#idLength = at;
		this.#idOffsets.push(at);
	}

	build(): MemberColumns {
		const out = {
			length: this.#n,
			id: { offsets: this.#idOffsets.done(), bytes: this.#idBytes.slice(0, this.#idLength) },
			plots: {
				offsets: this.#plotOffsets.done(),
				codes: narrowCodes(this.#plotCodes.done(), this.#plotDict.values.length),
				values: this.#plotDict.values
			}
		} as MemberColumns;
		for (const { field, col } of this.#numbers) out[field] = col.done();
		for (const { field, col } of this.#optional) if (this.#present.has(field)) out[field] = col.done();
		for (const s of this.#strings) out[s.field] = { codes: narrowCodes(s.codes.done(), s.dict.values.length), values: s.dict.values };
		return out;
	}
}

/** Columns of records, as sliced work (core/slicing) for large lists. */
export function* columnsOfRecords(records: readonly MemberRecord[]): Sliced<MemberColumns> {
	const builder = new ColumnsBuilder(records.length);
	for (let i = 0; i < records.length; i++) {
		if ((i & (YIELD_EVERY - 1)) === YIELD_EVERY - 1) yield;
		builder.push(records[i]!);
	}
	return builder.build();
}

export const columnsOf = (records: readonly MemberRecord[]): MemberColumns => runAtOnce(columnsOfRecords(records));

/** Member i's id. */
export function idAt(c: MemberColumns, i: number): string {
	return decoder.decode(c.id.bytes.subarray(c.id.offsets[i]!, c.id.offsets[i + 1]!));
}

/** Member i's value of a string field ('' or undefined when absent). */
export function stringAt(c: MemberColumns, field: StringField, i: number): string | undefined {
	const v = c[field].values[c[field].codes[i]!];
	return v === null ? undefined : v;
}

/** Member i as a record: the same fields, in the same order, as the record the columns were made from. */
export function recordAt(c: MemberColumns, i: number): MemberRecord {
	const s = (f: StringField) => (c[f].values[c[f].codes[i]!] ?? '') as string;
	const plots: string[] = [];
	for (let k = c.plots.offsets[i]!; k < c.plots.offsets[i + 1]!; k++) plots.push(c.plots.values[c.plots.codes[k]!]!);
	const record: MemberRecord = {
		id: idAt(c, i),
		hometown: s('hometown'),
		country: s('country'),
		lon: c.lon[i]!,
		lat: c.lat[i]!,
		day: c.day[i]!,
		dayEnd: c.dayEnd[i]!,
		datePrecision: s('datePrecision') as MemberRecord['datePrecision'],
		role: s('role') as MemberRecord['role'],
		arrested: s('arrested') as MemberRecord['arrested'],
		died: s('died') as MemberRecord['died'],
		descent: s('descent'),
		lastResidence: s('lastResidence'),
		recruiter: s('recruiter'),
		plots,
		source: s('source'),
		weight: c.weight[i]!,
		category: s('category')
	};
	for (const f of ['placeId', 'place'] as const) {
		const v = stringAt(c, f, i);
		if (v !== undefined) record[f] = v;
	}
	if (c.population && !Number.isNaN(c.population[i]!)) record.population = c.population[i]!;
	const region = stringAt(c, 'region', i);
	if (region !== undefined) record.region = region;
	for (const f of ['row', 'givenLat', 'givenLon'] as const) {
		const col = c[f];
		if (col && !Number.isNaN(col[i]!)) record[f] = col[i]!;
	}
	return record;
}

/** Members [from, to) as records. */
export function recordsOf(c: MemberColumns, from = 0, to = c.length): MemberRecord[] {
	const out = new Array<MemberRecord>(Math.max(0, to - from));
	for (let i = from; i < to; i++) out[i - from] = recordAt(c, i);
	return out;
}

/** Records of the members at the given indices (a filtered or date-ordered selection). */
export function recordsAt(c: MemberColumns, which: ArrayLike<number>): MemberRecord[] {
	const out = new Array<MemberRecord>(which.length);
	for (let k = 0; k < which.length; k++) out[k] = recordAt(c, which[k]!);
	return out;
}

/** Members [from, to) as their own columns (a stored chunk). Dictionaries are shared, not trimmed. */
export function sliceColumns(c: MemberColumns, from: number, to: number): MemberColumns {
	to = Math.min(to, c.length);
	from = Math.min(from, to);
	const rebase = (offsets: Uint32Array) => {
		const out = offsets.slice(from, to + 1);
		const base = out[0] ?? 0;
		for (let k = 0; k < out.length; k++) out[k]! -= base;
		return out;
	};
	const out = {
		length: to - from,
		id: { offsets: rebase(c.id.offsets), bytes: c.id.bytes.slice(c.id.offsets[from]!, c.id.offsets[to]!) },
		plots: {
			offsets: rebase(c.plots.offsets),
			codes: c.plots.codes.slice(c.plots.offsets[from]!, c.plots.offsets[to]!),
			values: c.plots.values
		}
	} as MemberColumns;
	for (const f of NUMBER_FIELDS) out[f] = c[f].slice(from, to);
	for (const f of OPTIONAL_NUMBER_FIELDS) {
		const col = c[f];
		if (col) out[f] = col.slice(from, to);
	}
	for (const f of STRING_FIELDS) out[f] = { codes: c[f].codes.slice(from, to), values: c[f].values };
	return out;
}

/** Elements a joining step handles before it yields (a part at least): a few ms of copying or mapping. */
const JOIN_STEP = 1 << 18;

/** Codes of several parts in one array, each part's codes mapped into one merged dictionary (sliced between parts). */
function* mergeCoded<T>(parts: { codes: Codes; values: T[] }[], total: number): Sliced<{ codes: Codes; values: T[] }> {
	const dict = new Dictionary<T>();
	const codes = new Uint32Array(total);
	let at = 0;
	let since = 0;
	for (const part of parts) {
		const map = new Uint32Array(part.values.length);
		let same = true;
		for (let v = 0; v < map.length; v++) same = (map[v] = dict.code(part.values[v]!)) === v && same;
		const src = part.codes;
		// Parts cut from one set of columns (a save's chunks) share its dictionary: their codes are copied as they are.
		if (same) codes.set(src, at);
		else for (let k = 0; k < src.length; k++) codes[at + k] = map[src[k]!]!;
		at += src.length;
		if ((since += src.length + map.length) >= JOIN_STEP) {
			since = 0;
			yield;
		}
	}
	return { codes: narrowCodes(codes, dict.values.length), values: dict.values };
}

function* concatOffsets(parts: Uint32Array[], total: number): Sliced<Uint32Array> {
	const out = new Uint32Array(total + 1);
	let at = 0;
	let base = 0;
	let since = 0;
	for (const p of parts) {
		for (let k = 1; k < p.length; k++) out[at + k] = base + p[k]!;
		at += p.length - 1;
		base += p[p.length - 1] ?? 0;
		if ((since += p.length) >= JOIN_STEP) {
			since = 0;
			yield;
		}
	}
	return out;
}

function* concatBytes<A extends Uint8Array | Float64Array>(parts: A[], make: (n: number) => A): Sliced<A> {
	const out = make(parts.reduce((s, p) => s + p.length, 0));
	let at = 0;
	let since = 0;
	for (const p of parts) {
		out.set(p as never, at);
		at += p.length;
		// Copies are native and fast: four steps' worth between yields.
		if ((since += p.length) >= 4 * JOIN_STEP) {
			since = 0;
			yield;
		}
	}
	return out;
}

/** Parts (stored chunks, the worker's batches) as one set of columns, in order. */
export const concatColumns = (parts: readonly MemberColumns[]): MemberColumns => runAtOnce(concatColumnsOf(parts));

/**
 * concatColumns as sliced work: it yields after each column and, within a column, every few hundred
 * thousand members (a restored million: a few dozen steps of a few ms; an import of 5,000,000 joined
 * from 2,500 batches: no step near 200 ms, where one step for the ids was 0.5 s).
 */
export function* concatColumnsOf(parts: readonly MemberColumns[]): Sliced<MemberColumns> {
	const length = parts.reduce((s, p) => s + p.length, 0);
	const idOffsets = yield* concatOffsets(
		parts.map((p) => p.id.offsets),
		length
	);
	yield;
	const idBytes = yield* concatBytes(
		parts.map((p) => p.id.bytes),
		(n) => new Uint8Array(n)
	);
	const out = { length, id: { offsets: idOffsets, bytes: idBytes } } as MemberColumns;
	yield;
	const plots = yield* mergeCoded(
		parts.map((p) => p.plots),
		parts.reduce((s, p) => s + p.plots.codes.length, 0)
	);
	yield;
	out.plots = {
		offsets: yield* concatOffsets(
			parts.map((p) => p.plots.offsets),
			length
		),
		codes: plots.codes,
		values: plots.values
	};
	yield;
	for (const f of NUMBER_FIELDS) {
		out[f] = yield* concatBytes(
			parts.map((p) => p[f]),
			(n) => new Float64Array(n)
		);
		yield;
	}
	for (const f of OPTIONAL_NUMBER_FIELDS)
		if (parts.some((p) => p[f])) {
			out[f] = yield* concatBytes(
				parts.map((p) => p[f] ?? new Float64Array(p.length).fill(NaN)),
				(n) => new Float64Array(n)
			);
			yield;
		}
	for (const f of STRING_FIELDS) {
		out[f] = yield* mergeCoded(
			parts.map((p) => p[f]),
			length
		);
		yield;
	}
	return out;
}

/** The members at `which` (indices, in the order given) as their own columns. Dictionaries are shared, not trimmed. */
export function pickColumns(c: MemberColumns, which: ArrayLike<number>): MemberColumns {
	const n = which.length;
	const pickOffsets = (offsets: Uint32Array) => {
		const out = new Uint32Array(n + 1);
		for (let k = 0; k < n; k++) out[k + 1] = out[k]! + offsets[which[k]! + 1]! - offsets[which[k]!]!;
		return out;
	};
	const idOffsets = pickOffsets(c.id.offsets);
	const idBytes = new Uint8Array(idOffsets[n]!);
	const plotOffsets = pickOffsets(c.plots.offsets);
	const plotCodes = new (c.plots.codes.constructor as new (n: number) => Codes)(plotOffsets[n]!);
	for (let k = 0; k < n; k++) {
		const i = which[k]!;
		idBytes.set(c.id.bytes.subarray(c.id.offsets[i]!, c.id.offsets[i + 1]!), idOffsets[k]!);
		plotCodes.set(c.plots.codes.subarray(c.plots.offsets[i]!, c.plots.offsets[i + 1]!), plotOffsets[k]!);
	}
	const pick = <A extends Float64Array | Codes>(src: A): A => {
		const out = new (src.constructor as new (n: number) => A)(n);
		for (let k = 0; k < n; k++) out[k] = src[which[k]!]!;
		return out;
	};
	const out = {
		length: n,
		id: { offsets: idOffsets, bytes: idBytes },
		plots: { offsets: plotOffsets, codes: plotCodes, values: c.plots.values }
	} as MemberColumns;
	for (const f of NUMBER_FIELDS) out[f] = pick(c[f]);
	for (const f of OPTIONAL_NUMBER_FIELDS) {
		const col = c[f];
		if (col) out[f] = pick(col);
	}
	for (const f of STRING_FIELDS) out[f] = { codes: pick(c[f].codes), values: c[f].values };
	return out;
}

/**
 * Column batches kept as they arrive (the import worker's, 2,000 members each: all of a batch, or the
 * members picked by index), joined into one set of columns at the end as sliced work. Each batch costs
 * its own size in its own task, and the join yields after each column, so an import of millions has
 * neither one allocation of every full-size column at once nor one task over the whole at the end.
 */
export class ColumnsAppender {
	readonly #parts: MemberColumns[] = [];
	#n = 0;

	get length() {
		return this.#n;
	}

	/** Appends the members of `c`, or those at `which` when given. */
	append(c: MemberColumns, which?: ArrayLike<number>) {
		const part = !which ? c : which.length ? pickColumns(c, which) : null;
		if (!part?.length) return;
		this.#parts.push(part);
		this.#n += part.length;
	}

	/** The members appended so far as one set of columns (one dictionary per field), as sliced work. */
	*joined(): Sliced<MemberColumns> {
		return this.#parts.length === 1 ? this.#parts[0]! : yield* concatColumnsOf(this.#parts);
	}

	build(): MemberColumns {
		return runAtOnce(this.joined());
	}
}

/** The same members counted once each: every weight 1 (the heat's "count records" choice). */
export function withUnitWeights(c: MemberColumns): MemberColumns {
	return { ...c, weight: new Float64Array(c.length).fill(1) };
}

/** Every buffer of the columns, for postMessage's transfer list (the sender's copy is gone afterwards). */
export function buffersOf(c: MemberColumns): ArrayBuffer[] {
	const arrays: ArrayBufferView[] = [c.id.offsets, c.id.bytes, c.plots.offsets, c.plots.codes];
	for (const f of NUMBER_FIELDS) arrays.push(c[f]);
	for (const f of OPTIONAL_NUMBER_FIELDS) if (c[f]) arrays.push(c[f]);
	for (const f of STRING_FIELDS) arrays.push(c[f].codes);
	return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}

/** Bytes the columns take (typed arrays, plus the distinct strings as UTF-16): for reports. */
export function byteSizeOf(c: MemberColumns): number {
	let bytes = c.id.offsets.byteLength + c.id.bytes.byteLength + c.plots.offsets.byteLength + c.plots.codes.byteLength;
	const text = (values: (string | null)[]) => values.reduce((s, v) => s + 2 * (v?.length ?? 0), 0);
	bytes += text(c.plots.values);
	for (const f of NUMBER_FIELDS) bytes += c[f].byteLength;
	for (const f of OPTIONAL_NUMBER_FIELDS) bytes += c[f]?.byteLength ?? 0;
	for (const f of STRING_FIELDS) bytes += c[f].codes.byteLength + text(c[f].values);
	return bytes;
}

const isCodes = (v: unknown): v is Codes => v instanceof Uint8Array || v instanceof Uint16Array || v instanceof Uint32Array;

/**
 * Whether a value read back from storage is whole columns: every array of the right type and length,
 * every code and offset in range. Storage is outside the app's control (another version, a damaged
 * profile), and a bad offset would read another member's bytes.
 */
export function isMemberColumns(value: unknown): value is MemberColumns {
	const c = value as Partial<MemberColumns> | null;
	if (!c || typeof c !== 'object' || !Number.isInteger(c.length) || c.length! < 0) return false;
	const n = c.length!;
	const offsetsOk = (o: unknown, end: number) => {
		if (!(o instanceof Uint32Array) || o.length !== n + 1 || o[0] !== 0 || o[n] !== end) return false;
		for (let k = 1; k <= n; k++) if (o[k]! < o[k - 1]!) return false;
		return true;
	};
	const codesOk = (codes: unknown, count: number, length: number) => {
		if (!isCodes(codes) || codes.length !== length) return false;
		for (let k = 0; k < codes.length; k++) if (codes[k]! >= count) return false;
		return true;
	};
	if (!c.id || !(c.id.bytes instanceof Uint8Array) || !offsetsOk(c.id.offsets, c.id.bytes.length)) return false;
	const p = c.plots;
	if (!p || !Array.isArray(p.values) || !p.values.every((v) => typeof v === 'string') || !isCodes(p.codes)) return false;
	if (!offsetsOk(p.offsets, p.codes.length) || !codesOk(p.codes, p.values.length, p.codes.length)) return false;
	for (const f of NUMBER_FIELDS) if (!(c[f] instanceof Float64Array) || c[f].length !== n) return false;
	for (const f of OPTIONAL_NUMBER_FIELDS) if (c[f] !== undefined && (!(c[f] instanceof Float64Array) || c[f].length !== n)) return false;
	for (const f of STRING_FIELDS) {
		const s = c[f];
		if (!s || !Array.isArray(s.values) || !s.values.every((v) => typeof v === 'string' || (v === null && OPTIONAL_STRINGS.has(f))))
			return false;
		if (!codesOk(s.codes, s.values.length, n)) return false;
	}
	return true;
}

/**
 * A dataset held as columns. Its `members` are made on first read (an export, the geocoder's review);
 * the map, filters, timeline and saved work read `columns`. `columns` and `members` live on the
 * prototype, so a spread (`{ ...dataset, members }`, the import session's way to derive a dataset)
 * takes the metadata and the members it is given, never columns that no longer match them; toJSON
 * writes the records, as for any dataset.
 */
export class ColumnsDataset implements MemberDataset {
	readonly synthetic: boolean;
	readonly kind?: DatasetKind;
	readonly weightMeaning?: string;
	readonly #columns: MemberColumns;
	#members: MemberRecord[] | null = null;

	constructor(columns: MemberColumns, meta: Omit<MemberDataset, 'members' | 'columns'>) {
		this.synthetic = meta.synthetic;
		if (meta.kind) this.kind = meta.kind;
		if (meta.weightMeaning !== undefined) this.weightMeaning = meta.weightMeaning;
		this.#columns = columns;
	}
	get columns(): MemberColumns {
		return this.#columns;
	}
	get members(): MemberRecord[] {
		return (this.#members ??= recordsOf(this.#columns));
	}
	toJSON() {
		return {
			synthetic: this.synthetic,
			...(this.kind ? { kind: this.kind } : {}),
			weightMeaning: this.weightMeaning,
			members: this.members
		};
	}
}
