/* The basemap's zoom thresholds, in a module of their own so that Node scripts (bench/basemap.ts) can read them without the app's path helpers. */
/** Zoom where the coarse 110m geometry hands over to the finer 50m one. */
export const DETAIL_ZOOM = 4.5;
/** The 50m file (about 0.5 MB) is fetched once the view comes this close to DETAIL_ZOOM, never before. */
export const DETAIL_PREFETCH_ZOOM = DETAIL_ZOOM - 1;
