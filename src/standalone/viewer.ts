/**
 * The viewer inside an exported HTML map (core/export/standalone.ts writes the page around it). Built
 * into one classic script by vite.standalone.config.ts, so the page works from file:// where module
 * scripts and fetches are refused: MapLibre, its worker (as text, started from a blob URL) and its CSS
 * are inlined. It draws the basemap, the routes in use at the date and the heat (MapLibre's own
 * heatmap layer: no deck.gl, so no shader links beyond MapLibre's), with a timeline that plays and a
 * legend; nothing is fetched.
 */
import * as maplibregl from 'maplibre-gl';
import maplibreCss from 'maplibre-gl/dist/maplibre-gl.css?inline';
import workerSource from 'maplibre-gl/dist/maplibre-gl-worker.mjs?raw';
import type { StandaloneData } from '../lib/core/export/standalone';
import { viewerCss } from './viewer-css';

const data = JSON.parse(document.getElementById('atlas-data')!.textContent!) as StandaloneData;
const ORIGIN_MS = Date.parse(`${data.origin}T00:00:00Z`);
const DAY_MS = 86_400_000;
const dateText = (day: number) =>
	new Date(ORIGIN_MS + day * DAY_MS).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const addMonths = (day: number, months: number) => {
	const d = new Date(ORIGIN_MS + day * DAY_MS);
	return Math.round((Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate()) - ORIGIN_MS) / DAY_MS);
};

const style = document.createElement('style');
style.textContent = maplibreCss + viewerCss;
document.head.append(style);

const el = (tag: string, attrs: Record<string, string> = {}, text = '') => {
	const e = document.createElement(tag);
	for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
	if (text) e.textContent = text;
	return e;
};

document.body.dataset.theme = data.theme;
const header = el('header');
header.append(
	el('h1', {}, data.title),
	el('p', { class: data.synthetic ? 'label synthetic' : 'label', 'data-testid': 'viewer-label' }, data.label)
);
const mapDiv = el('div', { id: 'map', 'data-testid': 'viewer-map' });
const legend = el('section', { class: 'legend', 'aria-label': 'Legend', 'data-testid': 'viewer-legend' });
const footer = el('footer', { 'aria-label': 'Timeline' });
document.body.append(header, mapDiv, footer);
mapDiv.append(legend);

// ---- Legend ----------------------------------------------------------------------------------------
let countOnly = false;
const hasWeights = data.weightMeaning !== '';
const countLine = el('p', { 'data-testid': 'viewer-count' });
function drawLegend() {
	legend.replaceChildren();
	legend.append(el('h2', {}, data.unit === 'members' ? 'Hometowns' : 'Density of records'));
	const ramp = el('div', { class: 'ramp' });
	ramp.style.background = `linear-gradient(to right, ${data.ramp.join(', ')})`;
	const ends = el('div', { class: 'ends' });
	const top = Math.max(1, Math.round(data.top));
	const what = countOnly || !hasWeights ? (data.unit === 'members' ? ' people' : ' records') : '';
	ends.append(el('span', {}, '1'), el('span', {}, String(Math.round(top / 2))), el('span', {}, `${top}+${what}`));
	legend.append(ramp, ends);
	if (hasWeights) {
		legend.append(
			el(
				'p',
				{ class: 'note' },
				countOnly ? `Each ${data.unit === 'members' ? 'member' : 'event'} counts one.` : `Weighted by ${data.weightMeaning}.`
			)
		);
		const b = el(
			'button',
			{ type: 'button', 'data-testid': 'viewer-weight-toggle' },
			countOnly ? `Weight by ${data.weightMeaning}` : 'Count events instead'
		);
		b.onclick = () => {
			countOnly = !countOnly;
			applyWeights();
			drawLegend();
		};
		legend.append(b);
	}
	legend.append(countLine);
	if (data.routeKey?.length) {
		const list = el('ul', { class: 'routes', 'aria-label': 'Routes' });
		for (const r of data.routeKey) {
			const li = el('li', { title: r.source });
			const swatch = el('span', { class: 'swatch' });
			swatch.style.background = r.colour;
			li.append(swatch, document.createTextNode(r.name));
			list.append(li);
		}
		legend.append(list, el('p', { class: 'note' }, 'Routes: solid over land, dashed at sea; drawn while in use. Figures: Frontex.'));
	}
	const p = data.privacy;
	if (p.k > 0 && p.hidden)
		legend.append(el('p', { class: 'note' }, `${p.hidden} in places with fewer than ${p.k} are not shown (privacy threshold).`));
	legend.append(el('p', { class: data.synthetic ? 'label synthetic' : 'label' }, data.label));
}

// ---- Map -----------------------------------------------------------------------------------------
const workerUrl = URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' }));
maplibregl.setWorkerUrl(workerUrl);

const n = data.points.length / 4;
const features = new Array(n);
for (let i = 0; i < n; i++) {
	const p = data.points;
	features[i] = {
		type: 'Feature',
		properties: { d: p[i * 4 + 2], w: p[i * 4 + 3] },
		geometry: { type: 'Point', coordinates: [p[i * 4], p[i * 4 + 1]] }
	};
}
const dark = data.theme === 'dark';
/** The ramp's first colour, fully transparent: fading from transparent black would draw grey halos. */
const transparent = (hex: string) =>
	`rgba(${parseInt(hex.slice(1, 3), 16)}, ${parseInt(hex.slice(3, 5), 16)}, ${parseInt(hex.slice(5, 7), 16)}, 0)`;
const rampStops: (string | number)[] = [];
data.ramp.forEach((c, i) => rampStops.push(0.05 + (0.95 * i) / (data.ramp.length - 1), c));

const map = new maplibregl.Map({
	container: mapDiv,
	center: [data.view.longitude, data.view.latitude],
	zoom: data.view.zoom,
	attributionControl: { compact: true, customAttribution: data.attribution },
	style: {
		version: 8,
		sources: {
			land: { type: 'geojson', data: data.basemap as GeoJSON.FeatureCollection },
			routes: { type: 'geojson', data: { type: 'FeatureCollection', features: data.routes } as GeoJSON.FeatureCollection },
			points: { type: 'geojson', data: { type: 'FeatureCollection', features } as GeoJSON.FeatureCollection }
		},
		layers: [
			{ id: 'sea', type: 'background', paint: { 'background-color': dark ? '#0e1620' : '#dce8f0' } },
			{ id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': dark ? '#232b35' : '#f4f2ee' } },
			{ id: 'borders', type: 'line', source: 'land', paint: { 'line-color': dark ? '#4a5563' : '#b9b4ab', 'line-width': 0.6 } },
			{
				id: 'routes-land',
				type: 'line',
				source: 'routes',
				filter: ['==', ['get', 'mode'], 'land'],
				paint: { 'line-color': ['get', 'colour'], 'line-width': 2.5, 'line-opacity': 0.85 }
			},
			{
				id: 'routes-sea',
				type: 'line',
				source: 'routes',
				filter: ['!=', ['get', 'mode'], 'land'],
				paint: { 'line-color': ['get', 'colour'], 'line-width': 2.5, 'line-opacity': 0.85, 'line-dasharray': [2, 1.5] }
			},
			{
				id: 'heat',
				type: 'heatmap',
				source: 'points',
				paint: {
					'heatmap-weight': ['get', 'w'],
					// MapLibre's kernel peaks at 1/sqrt(2 pi) per unit of weight: this puts `top` people at one
					// spot at the ramp's end, the fixed scale of the dashboard's legend.
					'heatmap-intensity': Math.sqrt(2 * Math.PI) / Math.max(1, data.top),
					'heatmap-radius': data.radiusPixels,
					'heatmap-opacity': 0.85,
					'heatmap-color': ['interpolate', ['linear'], ['heatmap-density'], 0, transparent(data.ramp[0]!), ...rampStops] as never
				}
			}
		]
	}
});
map.touchZoomRotate.disableRotation();
map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');

function applyWeights() {
	if (!map.getLayer('heat')) return;
	map.setPaintProperty('heat', 'heatmap-weight', countOnly ? 1 : ['get', 'w']);
}

// ---- Timeline ---------------------------------------------------------------------------------------
let time = data.time;
const date = el('p', { class: 'date', 'data-testid': 'viewer-date', 'aria-live': 'off' });
const play = el('button', { type: 'button', class: 'play', 'data-testid': 'viewer-play', 'aria-label': 'Play' }, '▶');
const slider = el('input', {
	type: 'range',
	min: String(data.domain[0]),
	max: String(data.domain[1]),
	step: '1',
	'aria-label': 'Date',
	'data-testid': 'viewer-slider'
}) as HTMLInputElement;
slider.value = String(time);
const modeText = el(
	'p',
	{ class: 'mode' },
	data.mode === 'window'
		? `Window: first acts in the ${data.windowMonths} months up to the date`
		: 'Cumulative: everyone whose first known act is on or before the date'
);
const left = el('div', { class: 'now' });
left.append(date, modeText);
footer.append(left, play, slider);

function visibleCount(): number {
	const from = data.mode === 'window' ? addMonths(time, -data.windowMonths) : -Infinity;
	let c = 0;
	for (let i = 2; i < data.points.length; i += 4) if (data.points[i]! <= time && data.points[i]! > from) c++;
	return c;
}

function setTime(day: number) {
	time = Math.max(data.domain[0], Math.min(data.domain[1], Math.round(day)));
	slider.value = String(time);
	date.textContent = dateText(time);
	const filter: maplibregl.FilterSpecification =
		data.mode === 'window'
			? ['all', ['<=', ['get', 'd'], time], ['>', ['get', 'd'], addMonths(time, -data.windowMonths)]]
			: ['<=', ['get', 'd'], time];
	if (map.getLayer('heat')) map.setFilter('heat', filter);
	const routeFilter = (mode: maplibregl.ExpressionSpecification): maplibregl.FilterSpecification => [
		'all',
		mode,
		['<=', ['get', 'from'], time],
		['>=', ['get', 'to'], time]
	];
	if (map.getLayer('routes-land')) {
		map.setFilter('routes-land', routeFilter(['==', ['get', 'mode'], 'land']));
		map.setFilter('routes-sea', routeFilter(['!=', ['get', 'mode'], 'land']));
	}
	countLine.textContent = `${visibleCount()} of ${n} ${data.unit} shown${data.privacy.undated ? ` (${data.privacy.undated} without a date not on the timeline)` : ''}`;
}

slider.addEventListener('input', () => {
	stop();
	setTime(Number(slider.value));
});

let raf = 0;
let last = 0;
const DAYS_PER_SECOND = 60;
function frame(now: number) {
	if (last) setTime(time + ((now - last) / 1000) * DAYS_PER_SECOND);
	last = now;
	if (time >= data.domain[1]) return stop();
	raf = requestAnimationFrame(frame);
}
function stop() {
	cancelAnimationFrame(raf);
	raf = 0;
	last = 0;
	play.textContent = '▶';
	play.setAttribute('aria-label', 'Play');
}
play.onclick = () => {
	if (raf) return stop();
	if (time >= data.domain[1]) setTime(data.domain[0]);
	play.textContent = '❚❚';
	play.setAttribute('aria-label', 'Pause');
	raf = requestAnimationFrame(frame);
};
document.addEventListener('keydown', (e) => {
	if (e.key === ' ' && e.target === document.body) {
		e.preventDefault();
		play.click();
	}
});

drawLegend();
setTime(time);
map.on('load', () => {
	setTime(time);
	applyWeights();
	map.once('idle', () => ((window as unknown as { __viewer: object }).__viewer = { map, ready: true }));
});
