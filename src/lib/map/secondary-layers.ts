/**
 * Every deck layer but the heat map, loaded with import() right after the first heat frame (MapView).
 * They need deck's TextLayer, IconLayer, PathLayer, ScatterplotLayer and PathStyleExtension, about
 * 20 kB gzipped that would otherwise sit in the initial bundle and slow the first heat frame
 * (npm run test:size, bench/startup.ts). A new layer file that the first frame can do without
 * re-exports its factory here and is called in layers.ts through `ctx.secondary`.
 */
export { createLabelsLayer } from './labels-layer';
export { createPlotsLayer } from './plots-layer';
export { createRoutesLayers } from './routes-layer';
export { createTownsLayer } from './towns-layer';
