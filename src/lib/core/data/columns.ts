/**
 * Which column holds which field. Headers are compared after folding case, accents and punctuation,
 * so `First act date`, `first_act_date` and `FIRST-ACT DATE` are the same name. Each field takes the
 * column whose name comes earliest in its list; a column serves at most one field.
 */
export const FIELDS = [
	'id',
	'hometown',
	'country',
	'lat',
	'lon',
	'coordinates',
	'date',
	'year',
	'month',
	'day',
	'role',
	'arrested',
	'died',
	'descent',
	'lastResidence',
	'recruiter',
	'plots',
	'source',
	'weight',
	'category',
	'region'
] as const;
export type Field = (typeof FIELDS)[number];
export type ColumnMapping = Record<string, Field | 'ignore'>;

/** Recognised names, best first. Includes the IOM Missing Migrants columns. */
export const FIELD_NAMES: Record<Field, string[]> = {
	id: [
		'id',
		'member id',
		'pseudonym',
		'person id',
		'record id',
		'web id',
		'incident id',
		'event id',
		'uid',
		'uuid',
		'code',
		'ref',
		'reference',
		'identifiant',
		'nummer',
		'kennung',
		'raqm'
	],
	hometown: [
		'hometown',
		'home town',
		'last known hometown',
		'last hometown',
		'town',
		'city',
		'place',
		'place name',
		'municipality',
		'commune',
		'locality',
		'location',
		'location name',
		'location description',
		'residence',
		'last residence city',
		'ville',
		'lieu',
		'commune de residence',
		'ville d origine',
		'lieu de residence',
		'domicile',
		'localite',
		'stad',
		'woonplaats',
		'plaats',
		'gemeente',
		'stadt',
		'wohnort',
		'heimatort',
		'gemeinde',
		'ort',
		'madina',
		'al madina',
		'madinah',
		'balda',
		'name'
	],
	country: [
		'country',
		'country code',
		'iso2',
		'iso',
		'iso 3166',
		'country iso',
		'hometown country',
		'nation',
		'country of incident',
		'pays',
		'land',
		'staat',
		'balad',
		'al balad',
		'dawla',
		'bilad'
	],
	lat: ['lat', 'latitude', 'lat dd', 'y', 'breite', 'breitengrad', 'breedtegraad', 'breedte', 'ard', 'khatt al ard'],
	lon: [
		'lon',
		'lng',
		'long',
		'longitude',
		'lon dd',
		'x',
		'laenge',
		'lange',
		'laengengrad',
		'langengrad',
		'lengtegraad',
		'lengte',
		'tul',
		'khatt al tul'
	],
	coordinates: [
		'coordinates',
		'location coordinates',
		'coords',
		'lat lon',
		'lat long',
		'latlon',
		'latlng',
		'lat lng',
		'geo',
		'point',
		'position',
		'coordonnees',
		'coordinaten',
		'koordinaten'
	],
	date: [
		'first act',
		'first act date',
		'date of first act',
		'first known act',
		'date',
		'datum',
		'reported date',
		'incident date',
		'event date',
		'date of incident',
		'when',
		'date du premier acte',
		'date premier acte',
		'premier acte',
		'date de l acte',
		'datum eerste daad',
		'datum eerste feit',
		'eerste daad',
		'datum der ersten tat',
		'erste tat',
		'tarikh',
		'al tarikh',
		'tarikh awwal amal'
	],
	year: ['year', 'reported year', 'incident year', 'first act year', 'iyear', 'annee', 'jaar', 'jahr', 'sana', 'am'],
	month: ['month', 'reported month', 'incident month', 'imonth', 'mois', 'maand', 'monat', 'shahr'],
	// Day of the month beside year and month columns (the GTD's iday: 0 = unknown).
	day: ['day', 'day of month', 'incident day', 'iday'],
	role: ['role', 'circle', 'membership', 'network role', 'inner circle', 'cercle', 'rol', 'rolle', 'dawr'],
	arrested: [
		'arrested',
		'arrest',
		'was arrested',
		'arrete',
		'arrestation',
		'interpelle',
		'detenu',
		'gearresteerd',
		'aangehouden',
		'verhaftet',
		'festgenommen',
		'mutaqal',
		'mu taqal',
		'itiqal',
		'ietiqal'
	],
	died: [
		'died',
		'dead',
		'deceased',
		'killed',
		'died in incident',
		'decede',
		'deces',
		'mort',
		'overleden',
		'dood',
		'gestorben',
		'verstorben',
		'tot',
		'mayyit',
		'mutawaffa',
		'qutila'
	],
	descent: [
		'descent',
		'origin',
		'ethno national origin',
		'ethnic origin',
		'ethnicity',
		'ancestry',
		'origine',
		'origine ethnique',
		'afkomst',
		'herkomst',
		'herkunft',
		'abstammung',
		'asl',
		'al asl'
	],
	lastResidence: [
		'last residence',
		'last residence country',
		'country of last residence',
		'residence country',
		'residence before joining',
		'derniere residence',
		'pays de residence',
		'land van verblijf',
		'wohnsitzland',
		'letzter wohnsitz',
		'iqama',
		'bilad al iqama'
	],
	recruiter: [
		'recruiter',
		'recruitment organisation',
		'recruitment organization',
		'recruiting organisation',
		'recruiting organization',
		'organisation',
		'organization',
		'org',
		'network',
		'group',
		'recruteur',
		'recrutement',
		'organisation de recrutement',
		'rekruteerder',
		'ronselaar',
		'werber',
		'anwerber',
		'rekrutierer',
		'tajnid',
		'munazzama',
		'jamaa'
	],
	plots: [
		'plots',
		'plot',
		'plot ids',
		'plot id',
		'events',
		'event ids',
		'complot',
		'complots',
		'attentat',
		'attentats',
		'aanslag',
		'aanslagen',
		'anschlag',
		'anschlaege'
	],
	source: ['source', 'sources', 'information source', 'source note', 'note', 'notes', 'bron', 'quelle', 'masdar'],
	weight: ['weight', 'total dead and missing', 'count', 'n', 'number', 'total', 'value'],
	category: ['category', 'migration route', 'route', 'type', 'class', 'kind'],
	/** An administrative area or postcode beside the town: a hint for the geocoder (core/geocode/admin.ts). */
	region: [
		'region',
		'province',
		'provincie',
		'provinz',
		'departement',
		'department',
		'dept',
		'bundesland',
		'county',
		'wilaya',
		'muhafaza',
		'governorate',
		'postcode',
		'post code',
		'postal code',
		'zip',
		'zip code',
		'code postal',
		'postcode woonplaats',
		'postleitzahl',
		'plz'
	]
};

/** `First-act Date` -> `first act date`; `Île` -> `ile`. */
export function foldHeader(header: string): string {
	return header
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
}

export interface ColumnPlan {
	/** Field -> column index. */
	fieldColumn: Partial<Record<Field, number>>;
	/** One entry per column: its header and the field it feeds, or null. */
	columns: { index: number; header: string; field: Field | null }[];
	duplicateHeaders: { index: number; header: string; firstIndex: number }[];
}

/**
 * Plans which column feeds which field. `mapping` (header -> field or 'ignore') from the user's
 * column-mapping step wins over the recognised names.
 */
export function planColumns(headers: string[], mapping: ColumnMapping = {}): ColumnPlan {
	const fieldColumn: Partial<Record<Field, number>> = {};
	const taken = new Set<number>();
	const firstByName = new Map<string, number>();
	const duplicateHeaders: ColumnPlan['duplicateHeaders'] = [];
	const folded = headers.map((h, index) => {
		const name = foldHeader(h);
		if (name && firstByName.has(name)) {
			duplicateHeaders.push({ index, header: h, firstIndex: firstByName.get(name)! });
			return null; // a duplicate never feeds a field: which of the two is meant is a guess
		}
		if (name) firstByName.set(name, index);
		return name;
	});
	// The user's choices first.
	headers.forEach((h, index) => {
		const chosen = mapping[h];
		if (!chosen || folded[index] === null) return;
		taken.add(index);
		if (chosen !== 'ignore' && fieldColumn[chosen] === undefined) fieldColumn[chosen] = index;
	});
	// Then recognised names, best rank first across all fields.
	const candidates: { field: Field; index: number; rank: number }[] = [];
	folded.forEach((name, index) => {
		if (!name || taken.has(index)) return;
		for (const field of FIELDS) {
			const rank = FIELD_NAMES[field].indexOf(name);
			if (rank >= 0) candidates.push({ field, index, rank });
		}
	});
	candidates.sort((a, b) => a.rank - b.rank || a.index - b.index);
	for (const c of candidates) {
		if (fieldColumn[c.field] !== undefined || taken.has(c.index)) continue;
		fieldColumn[c.field] = c.index;
		taken.add(c.index);
	}
	const fieldOf = new Map(Object.entries(fieldColumn).map(([f, i]) => [i, f as Field]));
	return {
		fieldColumn,
		columns: headers.map((header, index) => ({ index, header, field: fieldOf.get(index) ?? null })),
		duplicateHeaders
	};
}

/**
 * Other columns whose names a field also recognises (JSON records that write `City` in some records and
 * `ville` in others): read, in order, where the chosen column is empty. Never a column the user mapped
 * or one that feeds another field.
 */
export function fieldAlternates(plan: ColumnPlan, mapping: ColumnMapping = {}): Partial<Record<Field, number[]>> {
	const out: Partial<Record<Field, number[]>> = {};
	for (const c of plan.columns) {
		if (c.field !== null || mapping[c.header]) continue;
		const name = foldHeader(c.header);
		const field = FIELDS.find((f) => FIELD_NAMES[f].includes(name) && plan.fieldColumn[f] !== undefined);
		if (field) (out[field] ??= []).push(c.index);
	}
	return out;
}

/** Whether a plan can place rows at all: coordinates or a place name. */
export function planLocates(plan: ColumnPlan): boolean {
	const f = plan.fieldColumn;
	return (f.lat !== undefined && f.lon !== undefined) || f.coordinates !== undefined || f.hometown !== undefined;
}

/** Columns only a list of people has. */
const MEMBER_FIELDS: readonly Field[] = ['role', 'arrested', 'died', 'descent', 'lastResidence', 'recruiter', 'plots'];

/**
 * Members or other records, from the columns the file maps: a file with a weight or category column
 * and none of the member columns (the Missing Migrants table: incidents weighted by their dead and
 * missing) is records; everything else, a bare list of hometowns included, is members.
 */
export function datasetKindOf(plan: ColumnPlan): 'members' | 'records' {
	const f = plan.fieldColumn;
	if (MEMBER_FIELDS.some((field) => f[field] !== undefined)) return 'members';
	return f.weight !== undefined || f.category !== undefined ? 'records' : 'members';
}
