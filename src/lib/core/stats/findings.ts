/**
 * The findings strip: a few plain sentences computed from what the map shows (filters, date and the
 * privacy threshold applied), each with the view that shows it. Pure: the numbers come in, the
 * sentences go out, so they are table-tested and the PNG export writes the same text.
 */
import type { SizeClassTable } from './size-classes';

export interface FindingView {
	/** Where the map goes (absent: it stays). */
	fly?: { longitude: number; latitude: number; zoom: number };
	/** Which panel or table the finding points at. */
	panel: 'hotspots-metro' | 'hotspots-country' | 'size-classes' | 'rates' | 'clusters';
	/** The per-resident map view shows it. */
	rateView?: boolean;
}

export interface Finding {
	id: 'outside-top' | 'countries' | 'small-towns' | 'top-rate' | 'clusters';
	text: string;
	view: FindingView;
}

export interface FindingsInput {
	unit: string;
	/** Members on the map (counted in the table). */
	total: number;
	/** The largest metro row that names a place (k applied). */
	topMetro: { name: string; count: number; lon: number; lat: number } | null;
	countries: number;
	sizeClasses: SizeClassTable | null;
	/** The town with the highest shown rate (k and the minimum count applied). */
	topRate: {
		name: string;
		count: number;
		population: number;
		rate: number;
		smoothed: number | null;
		lon: number;
		lat: number;
		country?: { name: string; rate: number };
	} | null;
	/** Clusters of the last scan over the same members, or null when none has run for them. */
	clusters: { names: string[]; observed: number; expected: number; pValue: number; lon: number; lat: number }[] | null;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
const num = (x: number) => x.toLocaleString('en-GB', { maximumFractionDigits: x < 10 ? 1 : 0 });

export function findings(input: FindingsInput): Finding[] {
	const out: Finding[] = [];
	if (!input.total) return out;
	const { unit } = input;
	if (input.topMetro && input.topMetro.count < input.total) {
		const outside = 1 - input.topMetro.count / input.total;
		out.push({
			id: 'outside-top',
			text: `${pct(outside)} of the ${input.total} ${unit} on the map lived outside the largest hotspot, ${input.topMetro.name} (${input.topMetro.count}).`,
			view: { panel: 'hotspots-metro', fly: { longitude: input.topMetro.lon, latitude: input.topMetro.lat, zoom: 8 } }
		});
	}
	if (input.countries > 0)
		out.push({
			id: 'countries',
			text: `They came from ${input.countries} ${input.countries === 1 ? 'country' : 'countries'}.`,
			view: { panel: 'hotspots-country' }
		});
	const sc = input.sizeClasses;
	if (sc) {
		const small = sc.rows.filter((r) => r.cls.max <= 100_000);
		const members = small.reduce((s, r) => s + r.members, 0);
		const known = sc.rows.reduce((s, r) => s + r.members, 0);
		if (known > 0) {
			const residents = small.reduce((s, r) => s + r.residentShare, 0);
			out.push({
				id: 'small-towns',
				text: `${pct(members / known)} came from towns under 100,000 residents, where ${pct(residents)} of the residents of their countries live${sc.unknown ? ` (${sc.unknown} without a population figure left out)` : ''}.`,
				view: { panel: 'size-classes' }
			});
		}
	}
	const t = input.topRate;
	if (t) {
		const times =
			t.country && t.country.rate > 0 ? ` (${num(t.rate / t.country.rate)} times the rate of ${t.country.name} as a whole)` : '';
		out.push({
			id: 'top-rate',
			text: `Most over-represented for its size: ${t.name}, ${t.count} ${unit} for ${num(t.population)} residents, ${num(t.rate)} per 100,000${times}.`,
			view: { panel: 'rates', rateView: true, fly: { longitude: t.lon, latitude: t.lat, zoom: 8 } }
		});
	}
	if (input.clusters) {
		const significant = input.clusters.filter((c) => c.pValue < 0.05);
		const first = significant[0];
		out.push({
			id: 'clusters',
			text: first
				? `${significant.length} ${significant.length === 1 ? 'cluster is' : 'clusters are'} unlikely to be chance (p < 0.05); the strongest, around ${first.names.slice(0, 2).join(' and ') || 'one place'}, has ${first.observed} ${unit} where ${num(first.expected)} would be expected from its residents.`
				: `No cluster is unlikely to be chance at p < 0.05: the members are spread about as their countries' residents are.`,
			view: { panel: 'clusters', ...(first ? { fly: { longitude: first.lon, latitude: first.lat, zoom: 7 } } : {}) }
		});
	}
	return out;
}
