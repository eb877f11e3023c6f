/**
 * The heat colour ramp: ColorBrewer YlOrRd (Brewer, colorbrewer2.org), a single-direction
 * lightness ramp that stays readable for the common colour-vision deficiencies.
 */
export const HEAT_RAMP_HEX = ['#ffffb2', '#fed976', '#feb24c', '#fd8d3c', '#f03b20', '#bd0026'] as const;

export function hexToRgb(hex: string): [number, number, number] {
	const n = Number.parseInt(hex.slice(1), 16);
	return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export const HEAT_RAMP_RGB = HEAT_RAMP_HEX.map(hexToRgb);
