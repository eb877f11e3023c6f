import { TextLayer } from '@deck.gl/layers';
import { CollisionFilterExtension, type CollisionFilterExtensionProps } from '@deck.gl/extensions';
import type { TextLayerProps } from '@deck.gl/layers';

export interface BasemapLabel {
	name: string;
	lon: number;
	lat: number;
	kind: 'country' | 'capital' | 'city';
	/** -1000..1000; higher wins where labels collide. */
	priority: number;
	minZoom: number;
}

const STYLE = {
	country: { size: 12, color: [125, 118, 108, 255] },
	capital: { size: 12.5, color: [50, 50, 50, 255] },
	city: { size: 12, color: [70, 70, 70, 255] }
} as const;

/** Country and city names, drawn above the heat so they stay readable; colliding labels yield by rank. */
export function createLabelsLayer(labels: BasemapLabel[], zoom: number, dark = false) {
	const visible = labels.filter((l) => zoom >= l.minZoom);
	const props: TextLayerProps<BasemapLabel> & CollisionFilterExtensionProps<BasemapLabel> = {
		id: `basemap-labels`,
		data: visible,
		getPosition: (d) => [d.lon, d.lat],
		// A city's dot is part of its label, so a label hidden by a collision takes its dot along.
		getText: (d) => (d.kind === 'country' ? d.name.toUpperCase() : `\u2022 ${d.name}`),
		getSize: (d) => STYLE[d.kind].size,
		// Dark theme (issue 7): light names with a dark halo.
		getColor: (d) => (dark ? [255 - STYLE[d.kind].color[0], 255 - STYLE[d.kind].color[1], 255 - STYLE[d.kind].color[2], 255] : [...STYLE[d.kind].color]),
		fontFamily: 'system-ui, "DejaVu Sans", sans-serif',
		fontWeight: 600,
		characterSet: 'auto',
		getTextAnchor: (d) => (d.kind === 'country' ? 'middle' : 'start'),
		getPixelOffset: (d) => (d.kind === 'country' ? [0, 0] : [-4, 0]),
		getAlignmentBaseline: 'center',
		outlineWidth: 3,
		outlineColor: dark ? [20, 26, 34, 220] : [255, 255, 255, 220],
		fontSettings: { sdf: true, fontSize: 48, buffer: 6 },
		extensions: [new CollisionFilterExtension()],
		collisionGroup: 'labels',
		collisionEnabled: true,
		getCollisionPriority: (d: BasemapLabel) => d.priority,
		collisionTestProps: { sizeScale: 1.3 },
		updateTriggers: { getText: zoom, getColor: dark }
	};
	return new TextLayer<BasemapLabel, CollisionFilterExtensionProps<BasemapLabel>>(props);
}
