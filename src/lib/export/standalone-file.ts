/**
 * Builds the one-file HTML map of the current view (core/export/standalone.ts): loaded on demand by
 * the export panel, it fetches the prebuilt viewer and the basemap from this app's own origin, and
 * fills the page with what the view shows.
 */
import type { AppState } from '$lib/state/app-state.svelte';
import { standaloneHtml, standalonePoints, standaloneRoutes, sizeReport, type SizeReport, type StandaloneData } from '$lib/core/export/standalone';
import { HEAT_RAMP_HEX } from '$lib/core/heat-scale';
import { routeColorHex } from '$lib/core/routes/palette';
import { TIME_ORIGIN_ISO } from '$lib/core/time/days';

export interface StandaloneFile {
	html: string;
	size: SizeReport;
	points: number;
	hidden: number;
}

async function text(url: string): Promise<string> {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
	return response.text();
}

export async function buildStandalone(app: AppState, weightMeaning = ''): Promise<StandaloneFile> {
	const [viewerJs, basemapText] = await Promise.all([text('/generated/standalone/viewer.js'), text('/generated/basemap/countries-110m.json')]);
	const k = app.exportPrivacyK;
	const { points, hidden, undated } = app.layers.heat ? standalonePoints(app.filteredMembers, k) : { points: [], hidden: 0, undated: 0 };
	const routes = app.layers.routes && app.routeData ? standaloneRoutes(app.routeData.features, (id) => app.isRouteVisible(id), routeColorHex) : [];
	const label = app.dataset.synthetic
		? 'Synthetic demo data: reproduces the study\u2019s published totals (Klausen, \u201cThe Myth of Homegrown Terrorism\u201d), names no person.'
		: `Imported data: ${app.datasetName}. Exported from Hometown Atlas.`;
	const data: StandaloneData = {
		title: app.dataset.synthetic ? 'Hometown Atlas (synthetic demo data)' : `Hometown Atlas: ${app.datasetName}`,
		label,
		synthetic: app.dataset.synthetic,
		unit: app.unit.many,
		weightMeaning,
		origin: TIME_ORIGIN_ISO,
		time: app.time,
		domain: [app.timeDomain[0], app.timeDomain[1]],
		mode: app.timeMode,
		windowMonths: app.windowMonths,
		view: { ...app.view },
		theme: app.theme,
		points,
		top: Math.max(1, app.heatTopPeople),
		ramp: HEAT_RAMP_HEX,
		radiusPixels: app.heat.radiusPixels,
		routes,
		routeKey: routes.length ? (app.routeData?.routes ?? []).filter((r) => app.isRouteVisible(r.id)).map((r) => ({ name: r.name, colour: routeColorHex(r.id), source: app.routeData?.sources[r.source]?.title ?? r.source })) : [],
		basemap: JSON.parse(basemapText),
		privacy: { k, shown: points.length / 4, hidden, undated },
		attribution: 'Basemap: Natural Earth · Routes: Frontex figures, drawn by Hometown Atlas'
	};
	const html = standaloneHtml(viewerJs, data);
	return { html, size: sizeReport(viewerJs, data, html), points: points.length / 4, hidden };
}
