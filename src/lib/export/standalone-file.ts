/**
 * Builds the one-file HTML map of the current view (core/export/standalone.ts): loaded on demand by
 * the export panel, it fetches the prebuilt viewer and the basemap from this app's own origin, and
 * fills the page with what the view shows.
 */
import { kernelPixels } from '$lib/core/heat-kernel';
import type { AppState } from '$lib/state/app-state.svelte';
import { assetUrl } from '$lib/paths';
import {
	standaloneHtml,
	standalonePoints,
	standaloneRoutes,
	sizeReport,
	type SizeReport,
	type StandaloneData
} from '$lib/core/export/standalone';
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
	const [viewerJs, basemapText] = await Promise.all([
		text(assetUrl('generated/standalone/viewer.js')),
		text(assetUrl('generated/basemap/countries-110m.json'))
	]);
	const k = app.filters.exportPrivacyK;
	const { points, hidden, undated } = app.view.layers.heat
		? standalonePoints(app.views.filteredMembers, k)
		: { points: [], hidden: 0, undated: 0 };
	const routes =
		app.view.layers.routes && app.routes.data
			? standaloneRoutes(app.routes.data.features, (id) => app.routes.isVisible(id), routeColorHex)
			: [];
	const synthetic = app.dataset.current.synthetic;
	const label = synthetic
		? 'Synthetic demo data: reproduces the study\u2019s published totals (Klausen, \u201cThe Myth of Homegrown Terrorism\u201d), names no person.'
		: `Imported data: ${app.dataset.name}. Exported from Hometown Atlas.`;
	const data: StandaloneData = {
		title: synthetic ? 'Hometown Atlas (synthetic demo data)' : `Hometown Atlas: ${app.dataset.name}`,
		label,
		synthetic,
		unit: app.dataset.unit.many,
		weightMeaning,
		origin: TIME_ORIGIN_ISO,
		time: app.timeline.time,
		domain: [app.timeline.domain[0], app.timeline.domain[1]],
		mode: app.timeline.mode,
		windowMonths: app.timeline.windowMonths,
		view: { ...app.view.view },
		theme: app.view.theme,
		points,
		top: Math.max(1, app.views.heatTopPeople),
		ramp: HEAT_RAMP_HEX,
		// The kernel as drawn now: its km at this view's zoom and latitude (the viewer keeps it in pixels).
		radiusPixels: kernelPixels(app.view.heat.kernelKm, app.view.view.zoom, app.view.view.latitude).pixels,
		routes,
		routeKey: routes.length
			? (app.routes.data?.routes ?? [])
					.filter((r) => app.routes.isVisible(r.id))
					.map((r) => ({ name: r.name, colour: routeColorHex(r.id), source: app.routes.data?.sources[r.source]?.title ?? r.source }))
			: [],
		basemap: JSON.parse(basemapText),
		privacy: { k, shown: points.length / 4, hidden, undated },
		attribution: 'Basemap: Natural Earth · Routes: Frontex figures, drawn by Hometown Atlas'
	};
	const html = standaloneHtml(viewerJs, data);
	return { html, size: sizeReport(viewerJs, data, html), points: points.length / 4, hidden };
}
