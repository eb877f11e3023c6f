/**
 * The deck layers the first heat frame can do without, loaded with import() right after it (MapView):
 * labels, plot markers and the towns' tooltip layer. They need deck's TextLayer and ScatterplotLayer,
 * kilobytes that would otherwise sit in the initial bundle and slow the first heat frame
 * (npm run test:size, bench/startup.ts). The routes load lazily too, with their data (layers.ts).
 * A new layer the first frame can do without re-exports its factory here; layers.ts calls it through
 * `ctx.secondary`.
 */
export { createLabelsLayer } from './labels-layer';
export { createPlotsLayer } from './plots-layer';
export { createTownsLayer } from './towns-layer';
