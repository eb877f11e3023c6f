/**
 * The evidence owner: populations, rates, size classes, the scan statistic's run and the findings,
 * all following AppState's visible members (filters, date, privacy threshold). Loaded on demand with
 * its panel (never in the first view); one per AppState (evidenceOf). Others change it only through
 * its methods.
 */
import type { AppState } from './app-state.svelte';
import { assetUrl } from '$lib/paths';
import type { HotspotLevel, HotspotRow } from '$lib/core/hotspots/hotspots';
import { hotspotTableOf } from '$lib/core/hotspots/hotspots';
import { countryName } from '$lib/core/filters/filters';
import {
	firstOf,
	placeKey,
	populationFromPlaces,
	populationFromPlacesSliced,
	type PopulationFigure,
	type PopulationOf,
	type PopulatedPlace
} from '$lib/core/stats/population';
import type { PopulationCells, PopulationData } from '$lib/core/stats/population-data';
import { DEFAULT_MIN_COUNT, empiricalBayes, metroPopulation, PER, rateCell, type RateCell } from '$lib/core/stats/rates';
import { sizeClassTable, type SizeClassTable } from '$lib/core/stats/size-classes';
import { scanInput } from '$lib/core/stats/scan-input';
import { SCAN_DEFAULTS, type ScanResult } from '$lib/core/stats/scan';
import { findings, type Finding } from '$lib/core/stats/findings';
import { nextTask, runInSlices, YIELD_EVERY } from '$lib/core/slicing/slices';

export interface RatedTown {
	row: HotspotRow;
	figure: PopulationFigure | null;
	/** Smoothed members per 100,000 (empirical Bayes), NaN without a figure. */
	smoothed: number;
	raw: number;
}

export interface ScanState {
	status: 'idle' | 'loading' | 'running' | 'done' | 'error';
	done: number;
	total: number;
	result: ScanResult | null;
	/** names[i]: member towns inside scan location i. */
	names: string[][];
	ms: number;
	error: string | null;
	/** The members the result is for (changes when filters or the date do). */
	forKey: string;
}

const GAZETTEER_SOURCE = 'GeoNames cities1000 via the app gazetteer';

export class EvidenceState {
	data = $state.raw<PopulationData | null>(null);
	cells = $state.raw<PopulationCells | null>(null);
	/** Figures for imported lists, from the gazetteer (fetched only for a dataset that is not the demo). */
	gazetteer = $state.raw<PopulationOf | null>(null);
	loadError = $state<string | null>(null);
	/** Rates on fewer members are not shown (small numbers). */
	minCount = $state(DEFAULT_MIN_COUNT);
	maxRadiusKm = $state(SCAN_DEFAULTS.maxRadiusKm);
	scan = $state.raw<ScanState>({ status: 'idle', done: 0, total: 0, result: null, names: [], ms: 0, error: null, forKey: '' });

	constructor(readonly app: AppState) {}

	/** The one seam: a town -> residents. Demo towns from the build's table, imports from the gazetteer. */
	populationOf = $derived.by<PopulationOf>(() => {
		const data = this.data;
		if (!data) return () => null;
		const curated = populationFromPlaces(data.supplement);
		if (this.app.dataset.current.synthetic) {
			const towns = data.towns;
			return firstOf((t) => towns[placeKey(t.country, t.name)] ?? null, curated);
		}
		return firstOf(curated, this.gazetteer ?? (() => null));
	});

	/** Every visible town with its figure and smoothed rate (before k: the map applies k itself). */
	rated = $derived.by<RatedTown[]>(() => {
		const of = this.populationOf;
		const towns = this.app.views.visibleTowns;
		const figures = towns.map((t) => of(t));
		const baseline = this.#baseline;
		const eb = empiricalBayes(
			towns.map((t, i) => ({ count: t.count, population: figures[i]?.population ?? 0 })),
			baseline ?? undefined
		);
		return towns.map((row, i) => ({ row, figure: figures[i] ?? null, smoothed: eb.smoothed[i]!, raw: eb.raw[i]! }));
	});

	/** The countries the visible members come from: their places' residents and number (the EB baseline). */
	#baseline = $derived.by(() => {
		const countries = this.data?.countries;
		if (!countries) return null;
		let population = 0;
		let places = 0;
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a temporary, built and read at once, never state
		for (const cc of new Set(this.app.views.visibleTowns.map((t) => t.country))) {
			const c = countries[cc];
			if (!c) continue;
			population += c.byClass.reduce((s, x) => s + x, 0);
			places += c.places;
		}
		return population > 0 ? { population, places } : null;
	});

	/** Members per 100,000 residents of the countries involved (members with a figure only). */
	overallRate = $derived.by(() => {
		const b = this.#baseline;
		if (!b) return null;
		const members = this.rated.reduce((s, t) => s + (t.figure ? t.row.count : 0), 0);
		return (members / b.population) * PER;
	});

	sizeClasses = $derived.by<SizeClassTable | null>(() => {
		if (!this.data) return null;
		return sizeClassTable(
			this.rated.map((t) => ({
				count: t.row.count,
				country: t.row.country,
				population: t.figure ? ((t.figure as { classPopulation?: number }).classPopulation ?? t.figure.population) : null
			})),
			this.data.countries
		);
	});

	/** The towns the rate map draws: named ones only (at least k members), with a figure. */
	mapTowns = $derived(this.rated.filter((t) => t.figure && t.row.count >= Math.max(1, this.app.filters.privacyK)));

	/** A hotspot table row's rate (k already applied by the table: folded rows have none). */
	rateOf(row: HotspotRow, level: HotspotLevel): RateCell {
		const opts = { folded: row.folded, minCount: this.minCount };
		if (level === 'country') {
			const c = this.data?.countries[row.country];
			const population = c ? c.byClass.reduce((s, x) => s + x, 0) : 0;
			return rateCell(row.count, population ? { population, source: this.data!.source, asOf: '' } : null, opts);
		}
		if (level === 'metro') {
			const parts = (row.parts ?? [row]).map((p) => ({ name: p.name, figure: this.populationOf(p) }));
			const population = metroPopulation(parts);
			return rateCell(row.count, population ? { population, source: 'sum of its places', asOf: '' } : null, opts);
		}
		return rateCell(row.count, this.populationOf(row), opts);
	}

	topRate = $derived.by(() => {
		let best: RatedTown | null = null;
		for (const t of this.rated) {
			if (!t.figure || t.row.count < Math.max(this.minCount, this.app.filters.privacyK)) continue;
			if (!best || t.row.count / t.figure.population > best.row.count / best.figure!.population) best = t;
		}
		return best;
	});

	/** The key of the members a scan is for: the visible towns' counts. */
	membersKey = $derived.by(() => this.app.views.visibleTowns.map((t) => `${t.key}:${t.count}`).join(';') + `|r${this.maxRadiusKm}`);

	/** The findings strip: sentences over what the map shows, naming no place under the screen's k. */
	findings = $derived.by<Finding[]>(() => this.findingsFor(this.app.filters.privacyK));

	/** The findings naming no place with fewer than k members (an export passes its own k). */
	findingsFor(k: number): Finding[] {
		const app = this.app;
		const towns = app.views.visibleTowns;
		const total = towns.reduce((s, t) => s + t.count, 0);
		const named = (n: string) => towns.some((t) => t.name === n && t.count >= Math.max(1, k));
		const scan = this.scan;
		const clusters =
			scan.status === 'done' && scan.forKey === this.membersKey && scan.result
				? scan.result.clusters.map((c) => ({
						names: this.clusterNames(c.locations).filter(named),
						observed: c.observed,
						expected: c.expected,
						pValue: c.pValue,
						lon: c.lon,
						lat: c.lat
					}))
				: null;
		const t = this.topRate;
		const of = this.populationOf;
		const metros = hotspotTableOf(towns, 'metro', { radiusKm: 15, k, sizeOf: (x) => of(x)?.population ?? 0 }, 0);
		const top = metros.rows.filter((r) => !r.folded).sort((a, b) => b.count - a.count)[0];
		return findings({
			unit: app.dataset.unit.many,
			total,
			topMetro: top ? { name: top.name, count: top.count, lon: top.lon, lat: top.lat } : null,
			// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a temporary, built and read at once, never state
			countries: new Set(towns.map((x) => x.country).filter(Boolean)).size,
			sizeClasses: this.sizeClasses,
			topRate:
				t && t.row.count >= k
					? {
							name: t.row.name,
							count: t.row.count,
							population: t.figure!.population,
							rate: (t.row.count / t.figure!.population) * PER,
							smoothed: Number.isFinite(t.smoothed) ? t.smoothed : null,
							lon: t.row.lon,
							lat: t.row.lat,
							country: this.#countryRate(t.row.country)
						}
					: null,
			clusters
		});
	}

	/** A country's members per 100,000 of its residents in places of 1,000+ (what the top town is compared with). */
	#countryRate(country: string): { name: string; rate: number } | undefined {
		const c = this.data?.countries[country];
		if (!c) return undefined;
		const members = this.app.views.visibleTowns.reduce((s, t) => s + (t.country === country ? t.count : 0), 0);
		return { name: countryName(country), rate: (members / c.byClass.reduce((s, x) => s + x, 0)) * PER };
	}

	/** The member towns inside a cluster's locations, most members first. */
	clusterNames(locations: number[]): string[] {
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a temporary, built and read at once, never state
		const count = new Map(this.app.views.visibleTowns.map((t) => [t.name, t.count]));
		return locations.flatMap((i) => this.scan.names[i] ?? []).sort((a, b) => (count.get(b) ?? 0) - (count.get(a) ?? 0));
	}

	/** A request from the findings strip for the hotspot table's level (the table follows it once). */
	hotspotLevel = $state.raw<{ level: HotspotLevel; id: number } | null>(null);
	requestHotspotLevel(level: HotspotLevel) {
		this.hotspotLevel = { level, id: (this.hotspotLevel?.id ?? 0) + 1 };
	}

	setMinCount(n: number) {
		this.minCount = Math.max(1, Math.min(100, Math.round(n)));
	}

	setMaxRadiusKm(km: number) {
		this.maxRadiusKm = Math.max(5, Math.min(100, Math.round(km)));
	}

	async load(): Promise<void> {
		if (this.data) return;
		try {
			const response = await fetch(assetUrl('generated/data/populations.json'));
			if (!response.ok) throw new Error(`HTTP ${response.status}`);
			this.data = (await response.json()) as PopulationData;
		} catch (error) {
			this.loadError = `Population figures could not be loaded (${(error as Error).message}).`;
		}
	}

	/** For an imported list: the gazetteer's places with a population, matched by name, country and distance. */
	loadGazetteer(): Promise<void> {
		// One load at a time: the dataset may change again while the slices run.
		return (this.#gazetteerLoad ??= this.#loadGazetteer());
	}
	#gazetteerLoad: Promise<void> | null = null;

	async #loadGazetteer(): Promise<void> {
		if (this.gazetteer) return;
		try {
			// The geocoder's file: one download serves both.
			const [response, { populatedPlaces }, { decodeGazetteer }] = await Promise.all([
				fetch(assetUrl('generated/gazetteer/gazetteer.bin')),
				import('$lib/core/geocode/gazetteer'),
				import('$lib/core/geocode/gazetteer-binary')
			]);
			if (!response.ok) throw new Error(`HTTP ${response.status}`);
			const bytes = await response.arrayBuffer();
			// Decoding the file in a task of its own, then the places and their folded names in slices, so the
			// page keeps answering (docs/ARCHITECTURE.md, "Evidence"). Only the decoded columns are read: the
			// geocoder's search index (most of a Gazetteer's construction) is not needed for population figures.
			await nextTask();
			const cols = decodeGazetteer(bytes);
			const asOf = this.data?.source.match(/extract of ([0-9-]+)/)?.[1] ?? '';
			const lookup = await runInSlices(
				(function* () {
					const rows = yield* populatedPlaces(cols);
					const places: PopulatedPlace[] = [];
					for (let i = 0; i < rows.length; i++) {
						if ((i & (YIELD_EVERY - 1)) === YIELD_EVERY - 1) yield;
						places.push({ ...rows[i]!, source: GAZETTEER_SOURCE, asOf });
					}
					return yield* populationFromPlacesSliced(places);
				})(),
				{ yieldToEventLoop: nextTask }
			);
			this.gazetteer = lookup;
		} catch (error) {
			this.#gazetteerLoad = null; // a later call tries again
			this.loadError = `The gazetteer's population figures could not be loaded (${(error as Error).message}).`;
		}
	}

	async loadCells(): Promise<void> {
		if (this.cells) return;
		const response = await fetch(assetUrl('generated/data/population-cells.json'));
		if (!response.ok) throw new Error(`HTTP ${response.status}`);
		this.cells = (await response.json()) as PopulationCells;
	}

	#run = 0;
	/** Runs the scan over the visible members in the worker (999 seeded replicates), replacing any run in progress. */
	async runScan(): Promise<void> {
		const run = ++this.#run;
		const forKey = this.membersKey;
		const towns = this.app.views.visibleTowns.filter((t) => t.count > 0);
		this.scan = { ...this.scan, status: 'loading', done: 0, total: SCAN_DEFAULTS.replicates, error: null, forKey };
		try {
			await this.loadCells();
			const { runScan } = await import('$lib/workers/scan-client');
			if (run !== this.#run) return;
			const input = scanInput(towns, this.cells!.cells, this.cells!.cellDegrees);
			this.scan = { ...this.scan, status: 'running', names: input.names };
			const { result, ms } = await runScan(input.locations, { maxRadiusKm: this.maxRadiusKm }, (done, total) => {
				if (run === this.#run) this.scan = { ...this.scan, done, total };
			});
			if (run !== this.#run) return;
			this.scan = {
				status: 'done',
				done: result.replicates,
				total: result.replicates,
				result,
				names: input.names,
				ms,
				error: null,
				forKey
			};
		} catch (error) {
			if (run !== this.#run || (error as Error).message === 'scan cancelled') return;
			this.scan = { ...this.scan, status: 'error', error: (error as Error).message };
		}
	}

	async cancelScan() {
		this.#run++;
		const { cancelScan } = await import('$lib/workers/scan-client');
		cancelScan();
		this.scan = { status: 'idle', done: 0, total: 0, result: null, names: [], ms: 0, error: null, forKey: '' };
	}
}

const owners = new WeakMap<AppState, EvidenceState>();

/** After a change of filters or date, the scan waits this long for the next one before it starts. */
const SCAN_SETTLE_MS = 300;

/**
 * What keeps the evidence current: figures are fetched once anything needs them (the gazetteer's only for
 * an imported list), and the scan re-runs, in its worker, when the visible members change while the
 * clusters are on (never while the timeline plays: each frame would restart it).
 */
function drive(e: EvidenceState) {
	const app = e.app;
	$effect.root(() => {
		$effect(() => {
			void e.load();
			if (!app.dataset.current.synthetic && app.dataset.count) void e.loadGazetteer();
		});
		let timer: ReturnType<typeof setTimeout> | null = null;
		$effect(() => {
			const key = e.membersKey;
			const wanted = app.view.scanOn && !app.timeline.playing && !app.dataset.indexing && app.views.visibleCount > 0;
			if (timer) clearTimeout(timer);
			timer = null;
			if (!app.view.scanOn) {
				if (e.scan.status !== 'idle') void e.cancelScan();
				return;
			}
			if (wanted && e.scan.forKey !== key) timer = setTimeout(() => void e.runScan(), SCAN_SETTLE_MS);
		});
	});
}

/** The evidence owner of this dashboard (created, and kept current, from its first use). */
export function evidenceOf(app: AppState): EvidenceState {
	let e = owners.get(app);
	if (!e) {
		owners.set(app, (e = new EvidenceState(app)));
		drive(e);
	}
	return e;
}
