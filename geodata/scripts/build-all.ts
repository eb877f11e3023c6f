/** Builds every static asset the browser fetches (static/generated/) from geodata/ and registry packages. */
import { buildBasemap } from './build-basemap.ts';
import { buildDemoData } from './build-demo-data.ts';
import { buildFonts } from './build-fonts.ts';
import { buildGazetteer } from './build-gazetteer.ts';
import { buildPlaces } from './build-places.ts';
import { buildPopulations } from './build-populations.ts';
import { buildRoutes } from './build-routes.ts';

buildBasemap();
buildFonts();
buildDemoData();
buildPlaces(buildGazetteer());
buildRoutes();
buildPopulations();
