import { HeatmapLayer } from '@deck.gl/aggregation-layers';
import type { TimeIndex } from '$lib/core/time/time-index';
import { HEAT_RAMP_RGB } from '$lib/core/heat-scale';

export interface HeatmapOptions {
	/** The members sorted by date with packed positions and weights (AppState.timeIndex). */
	index: TimeIndex;
	/** [start, end) of the members shown at the slider's date (AppState.visibleRange). */
	range: [number, number];
	radiusPixels: number;
	intensity: number;
	/** Fixed colour domain in texel units (core/heat-domain), or null to rescale to every frame. */
	colorDomain: [number, number] | null;
}

/*
 * How the heat follows the timeline (DESIGN.md: DataFilterExtension does not filter HeatmapLayer per
 * point in deck.gl 9.4). Options measured in bench/timeline.ts:
 *  - filter the member array on the CPU every frame (kepler.gl's way): O(all members) per frame in
 *    JS, then the accessors repack every visible point;
 *  - a HeatmapLayer subclass that filters in the weights shader: the vertex shader still runs over
 *    ALL points every frame, which in software WebGL is the dominant cost, and it relies on internals;
 *  - CHOSEN: members sorted by date once (core/time/time-index), positions and weights packed into
 *    typed arrays; a frame is two binary searches and subarray views handed to deck as binary
 *    attributes. No accessor runs, only the visible points are uploaded and splatted.
 */

/**
 * HeatmapLayer with a colour domain in plain texel units. deck.gl 9.4 multiplies a given colorDomain
 * by metres per texel (so colours change with zoom) and runs a max-reduction pass every update; here a
 * fixed domain is used as is and the max pass is skipped. Two small overrides of documented-in-d.ts
 * methods; with no fixed domain it behaves exactly like HeatmapLayer.
 */
class StableHeatmapLayer extends HeatmapLayer<unknown, { fixedColorDomain: [number, number] | null }> {
	static layerName = 'StableHeatmapLayer';

	override _updateWeightmap(): void {
		super._updateWeightmap();
		const fixed = this.props.fixedColorDomain;
		if (fixed) this.state.colorDomain = [fixed[0] * this.state.weightsScale, fixed[1] * this.state.weightsScale];
	}

	override _updateMaxWeightValue(): void {
		if (!this.props.fixedColorDomain) super._updateMaxWeightValue();
	}
}

/** Binary data for deck, memoised so an unchanged range hands deck the same object (no re-upload). */
let lastData: { index: TimeIndex; start: number; end: number; data: unknown } | null = null;

function binaryData(index: TimeIndex, [start, end]: [number, number]) {
	if (lastData && lastData.index === index && lastData.start === start && lastData.end === end) return lastData.data;
	const data = {
		length: end - start,
		attributes: {
			getPosition: { value: index.positions.subarray(2 * start, 2 * end), size: 2 },
			getWeight: { value: index.weights.subarray(start, end), size: 1 }
		}
	};
	lastData = { index, start, end, data };
	return data;
}

export function createHeatmapLayer({ index, range, radiusPixels, intensity, colorDomain }: HeatmapOptions) {
	return new StableHeatmapLayer({
		id: 'hometown-heat',
		data: binaryData(index, range) as never,
		radiusPixels,
		intensity,
		threshold: 0.04,
		colorRange: HEAT_RAMP_RGB,
		fixedColorDomain: colorDomain,
		// 2048 (the default) costs seconds per update in software GL; 512 looks the same at these zooms.
		weightsTextureSize: 512,
		debounceTimeout: 50
	});
}
