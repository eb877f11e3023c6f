import { HeatmapLayer } from '@deck.gl/aggregation-layers';
import type { MemberPoint } from '$lib/core/data/member';
import { HEAT_RAMP_RGB } from '$lib/core/heat-scale';

export interface HeatmapOptions {
	points: MemberPoint[];
	radiusPixels: number;
	intensity: number;
}

export function createHeatmapLayer({ points, radiusPixels, intensity }: HeatmapOptions) {
	return new HeatmapLayer<MemberPoint>({
		id: 'hometown-heat',
		data: points,
		getPosition: (d) => [d.lon, d.lat],
		getWeight: (d) => d.weight,
		radiusPixels,
		intensity,
		threshold: 0.04,
		colorRange: HEAT_RAMP_RGB,
		// 2048 (the default) costs seconds per update in software GL; 512 looks the same at these zooms.
		weightsTextureSize: 512,
		debounceTimeout: 50
	});
}
