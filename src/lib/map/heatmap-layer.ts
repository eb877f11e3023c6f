import { HeatmapLayer } from '@deck.gl/aggregation-layers';
import type { UpdateParameters } from '@deck.gl/core';
import type { TimeIndex } from '$lib/core/time/time-index';
import { cellLevelFor, heatFrame, type HeatCells } from '$lib/core/time/heat-cells';

export interface HeatmapOptions {
	/** The members sorted by date with packed positions and weights (DatasetViews.timeIndex). */
	index: TimeIndex;
	/** [start, end) of the members shown at the slider's date (DatasetViews.visibleRange). */
	range: [number, number];
	/** Per-cell monthly sums of the same index (DatasetViews.heatCells), and the map's zoom to decide on them. */
	cells: HeatCells;
	zoom: number;
	radiusPixels: number;
	intensity: number;
	/** The colour texture (core/heat-kernel: logarithmic or linear in people). */
	colorRange: [number, number, number][];
	/** Fixed colour domain in texel units (core/heat-domain), or null to rescale to every frame. */
	colorDomain: [number, number] | null;
}

/*
 * How the heat follows the timeline (docs/ARCHITECTURE.md: DataFilterExtension does not filter HeatmapLayer per
 * point in deck.gl 9.4). Options measured in bench/timeline.ts:
 *  - filter the member array on the CPU every frame (kepler.gl's way): O(all members) per frame in
 *    JS, then the accessors repack every visible point;
 *  - a HeatmapLayer subclass that filters in the weights shader: the vertex shader still runs over
 *    ALL points every frame, which in software WebGL is the dominant cost, and it relies on internals;
 *  - CHOSEN: members sorted by date once (core/time/time-index), positions and weights packed into
 *    typed arrays; a frame is two binary searches and subarray views handed to deck as binary
 *    attributes. No accessor runs, only the visible points are uploaded and splatted.
 *  - and, since splatting every visible point is what remains (software GL: per fragment), the frame
 *    draws one weighted point per non-empty cell instead (core/time/heat-cells: the heat is a sum).
 *    Cells come in levels of 0.02 x 2^k degrees; the frame uses the coarsest level whose cell is at
 *    most 2 px wide at the current zoom (0.16 degrees at the start view), invisible under a kernel of
 *    38 px radius. Whole months come from per-cell monthly prefix sums and the members of the two
 *    partial months are added into their cells, so the points drawn are at most the level's cells
 *    whatever the date or the data size (1M clustered points: about 250 at the start view). A level
 *    with few points per cell (uniformly scattered data) keeps no prefix; zoomed in past such a level,
 *    or past the finest (zoom 7.1), the members themselves are drawn.
 */

/**
 * HeatmapLayer with a colour domain in plain texel units. deck.gl 9.4 multiplies a given colorDomain
 * by metres per texel (so colours change with zoom) and runs a max-reduction pass every update; here a
 * fixed domain is used as is and the max pass is skipped. Two small overrides of documented-in-d.ts
 * methods; with no fixed domain it behaves exactly like HeatmapLayer.
 */
class StableHeatmapLayer extends HeatmapLayer<unknown, { fixedColorDomain: [number, number] | null }> {
	static layerName = 'StableHeatmapLayer';

	// A new domain (or none: rescale to the frame) needs a fresh weight map and max pass.
	override updateState(opts: UpdateParameters<this>): void {
		if (opts.props.fixedColorDomain !== opts.oldProps.fixedColorDomain) this.state.isWeightMapDirty = true;
		super.updateState(opts);
	}

	override _updateWeightmap(): void {
		super._updateWeightmap();
		const fixed = this.props.fixedColorDomain;
		if (fixed) this.state.colorDomain = [fixed[0] * this.state.weightsScale, fixed[1] * this.state.weightsScale];
	}

	override _updateMaxWeightValue(): void {
		if (!this.props.fixedColorDomain) super._updateMaxWeightValue();
	}
}

/** Binary data for deck, memoised so an unchanged frame hands deck the same object (no re-upload). */
let lastData: { cells: HeatCells; start: number; end: number; level: number; data: unknown } | null = null;

function binaryData(index: TimeIndex, cells: HeatCells, [start, end]: [number, number], level: number) {
	const last = lastData;
	if (last && last.cells === cells && last.start === start && last.end === end && last.level === level) return last.data;
	const frame = heatFrame(index, cells, [start, end], level);
	const data = {
		length: frame.length,
		attributes: {
			getPosition: { value: frame.positions, size: 2 },
			getWeight: { value: frame.weights, size: 1 }
		}
	};
	lastData = { cells, start, end, level, data };
	return data;
}

export function createHeatmapLayer({ index, range, cells, zoom, radiusPixels, intensity, colorRange, colorDomain }: HeatmapOptions) {
	return new StableHeatmapLayer({
		id: 'hometown-heat',
		data: binaryData(index, cells, range, cellLevelFor(cells, zoom)) as never,
		radiusPixels,
		intensity,
		threshold: 0.04,
		colorRange,
		fixedColorDomain: colorDomain,
		// 2048 (the default) costs seconds per update in software GL; 512 looks the same at these zooms.
		weightsTextureSize: 512,
		debounceTimeout: 50
	});
}
