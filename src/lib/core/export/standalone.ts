/**
 * A map that travels as one file: the current view written as a single HTML page that opens from
 * disk (file://) with no server and no network. The page is the small viewer (src/standalone, built
 * into one script by vite.standalone.config.ts) plus this module's JSON: the basemap, the routes in
 * view, and the points, already thresholded by the export k (a member of a place with fewer than k
 * is left off the map, as in the CSV export where it has no coordinates) and cut down to the fields
 * the map shows: position, date and weight. No id, name or other column leaves the app.
 */
import type { MemberRecord } from '../data/member';
import { privateRecords } from './records';
import { dayFromIso } from '../time/days';

export interface StandaloneRoute {
	type: 'Feature';
	properties: { route: string; colour: string; mode: string; from: number; to: number };
	geometry: { type: 'LineString'; coordinates: [number, number][] };
}

export interface StandaloneData {
	title: string;
	/** 'Synthetic demo data: …' or 'Imported data: <file>', shown in the header and the legend. */
	label: string;
	synthetic: boolean;
	/** 'members' or 'records'. */
	unit: string;
	/** What the weights count ('people killed (nkill)'), '' when each point counts one. */
	weightMeaning: string;
	/** Days since `origin`. */
	origin: string;
	time: number;
	domain: [number, number];
	mode: 'cumulative' | 'window';
	windowMonths: number;
	view: { longitude: number; latitude: number; zoom: number };
	theme: 'light' | 'dark';
	/** Flat [lon, lat, firstDay, weight] per point. */
	points: number[];
	/** The heat's fixed colour top, in people (or weight), and its ramp. */
	top: number;
	ramp: readonly string[];
	radiusPixels: number;
	routes: StandaloneRoute[];
	/** The routes in view, for the legend: name, colour and the source of the line and figures. */
	routeKey: { name: string; colour: string; source: string }[];
	basemap: unknown;
	/** What the threshold left off the map, for the legend. */
	privacy: { k: number; shown: number; hidden: number; undated: number };
	attribution: string;
}

const round5 = (n: number) => Math.round(n * 1e5) / 1e5;

/** The points the exported map draws, after the privacy threshold, and what it left off. */
export function standalonePoints(members: MemberRecord[], k: number): { points: number[]; hidden: number; undated: number } {
	const { rows, suppressed } = privateRecords(members, k);
	const points: number[] = [];
	let hidden = suppressed;
	let undated = 0;
	for (const { member, place } of rows) {
		if (place.folded) {
			hidden++;
			continue;
		}
		if (!Number.isFinite(member.day)) {
			undated++;
			continue;
		}
		points.push(round5(place.lon), round5(place.lat), member.day, Number.isFinite(member.weight) ? member.weight : 1);
	}
	return { points, hidden, undated };
}

/** Route legs in view as GeoJSON lines with their colour, mode and days in use. */
export function standaloneRoutes(
	features: readonly { geometry: { type: string; coordinates?: unknown }; properties: object }[],
	visible: (id: string) => boolean,
	colour: (id: string) => string
): StandaloneRoute[] {
	const out: StandaloneRoute[] = [];
	for (const f of features) {
		const p = f.properties as Record<string, unknown>;
		if (f.geometry.type !== 'LineString' || typeof p.route !== 'string' || !visible(p.route)) continue;
		const from = typeof p.validFrom === 'string' ? dayFromIso(p.validFrom) : -Infinity;
		const to = typeof p.validTo === 'string' ? dayFromIso(p.validTo) : Infinity;
		out.push({
			type: 'Feature',
			properties: {
				route: p.route,
				colour: colour(p.route),
				mode: String(p.mode ?? 'land'),
				from: Number.isFinite(from) ? from : -1e6,
				to: Number.isFinite(to) ? to : 1e6
			},
			geometry: { type: 'LineString', coordinates: (f.geometry.coordinates as [number, number][]).map(([x, y]) => [round5(x), round5(y)]) }
		});
	}
	return out;
}

/** JSON that is safe inside a <script> element: no `<` can close it. */
export function scriptJson(value: unknown): string {
	return JSON.stringify(value)
		.replace(/</g, '\\u003c')
		.replace(/\u2028/g, '\\u2028')
		.replace(/\u2029/g, '\\u2029');
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The whole page. The viewer's script reads the data from the `atlas-data` element. */
export function standaloneHtml(viewerJs: string, data: StandaloneData): string {
	// A script's text ends at the first `</script`: the minified viewer must not hold one.
	const js = viewerJs.replace(/<\/(script)/gi, '<\\/$1');
	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' blob: data:; worker-src blob: data:; style-src 'unsafe-inline'; img-src data: blob:; connect-src blob: data:">
<title>${escapeHtml(data.title)}</title>
</head>
<body>
<script type="application/json" id="atlas-data">${scriptJson(data)}</script>
<script>${js}</script>
</body>
</html>
`;
}

export interface SizeReport {
	total: number;
	parts: { name: string; bytes: number }[];
}

/** Bytes of the page and of its main parts, for the report shown before saving. */
export function sizeReport(viewerJs: string, data: StandaloneData, html: string): SizeReport {
	const bytes = (s: string) => new TextEncoder().encode(s).length;
	return {
		total: bytes(html),
		parts: [
			{ name: 'map viewer (MapLibre)', bytes: bytes(viewerJs) },
			{ name: 'basemap', bytes: bytes(JSON.stringify(data.basemap)) },
			{ name: 'routes', bytes: bytes(JSON.stringify(data.routes)) },
			{ name: `${data.unit} (${data.points.length / 4} points)`, bytes: bytes(JSON.stringify(data.points)) }
		]
	};
}

export function formatBytes(n: number): string {
	if (n < 1024) return `${n} B`;
	if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} kB`;
	return `${(n / 1048576).toFixed(1)} MB`;
}
