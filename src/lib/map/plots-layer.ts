import { ScatterplotLayer, type ScatterplotLayerProps } from '@deck.gl/layers';
import { eventPresence, type DatedEvent } from '$lib/core/time/events';
import type { TimeMode } from '$lib/core/time/membership';

/**
 * Marker styles shared with the timeline track: a successful plot is a FILLED dark-red disc, a foiled
 * one an OPEN ring in blue; shape and colour both differ, so neither colour vision nor print matters.
 */
export const PLOT_STYLE = {
	successful: { fill: [178, 24, 43, 255], line: [255, 255, 255, 255], filled: true, hex: '#b2182b' },
	foiled: { fill: [0, 0, 0, 0], line: [33, 102, 172, 255], filled: false, hex: '#2166ac' }
} as const;

/** Text of a plot's tooltip: deck sets it as text (never HTML), so data cannot inject markup. */
export function plotTooltip(e: DatedEvent): string {
	return `${e.date} · ${e.place}\n${e.kind === 'plot' && e.outcome === 'successful' ? 'Successful attack' : 'Foiled plot'}: ${e.description}\nSource: ${e.source}`;
}

export interface PlotsOptions {
	events: readonly DatedEvent[];
	day: number;
	mode: TimeMode;
	/** Exclusive lower bound of the moving window (core/time/membership windowStartExclusive). */
	windowStart: number;
}

/** The network's plots on the map: they appear at their date; in cumulative mode older ones stay, faded. */
export function createPlotsLayer({ events, day, mode, windowStart }: PlotsOptions) {
	const shown = events
		.filter((e) => e.kind === 'plot')
		.map((e) => ({ e, presence: eventPresence(e.day, day, mode, windowStart) }))
		.filter((p) => p.presence !== 'hidden');
	type Shown = (typeof shown)[number];
	const alpha = (p: Shown) => (p.presence === 'recent' ? 1 : 0.4);
	const props: ScatterplotLayerProps<Shown> & { tooltipText: (p: Shown) => string } = {
		id: 'plots',
		data: shown,
		getPosition: (p) => [p.e.lon, p.e.lat],
		getRadius: (p) => (p.presence === 'recent' ? 9 : 7),
		radiusUnits: 'pixels',
		stroked: true,
		filled: true,
		lineWidthUnits: 'pixels',
		getLineWidth: (p) => (p.e.outcome === 'successful' ? 2 : 3.5),
		getFillColor: (p) => {
			const c = PLOT_STYLE[p.e.outcome ?? 'foiled'].fill;
			return [c[0], c[1], c[2], c[3] * alpha(p)];
		},
		getLineColor: (p) => {
			const c = PLOT_STYLE[p.e.outcome ?? 'foiled'].line;
			return [c[0], c[1], c[2], c[3] * alpha(p)];
		},
		pickable: true,
		// Read by the overlay's getTooltip (deck-overlay.ts).
		tooltipText: (p) => plotTooltip(p.e),
		updateTriggers: { getFillColor: [day, mode], getLineColor: [day, mode], getRadius: [day, mode] }
	};
	return new ScatterplotLayer<Shown>(props);
}

