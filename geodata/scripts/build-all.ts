/** Builds every static asset the browser fetches (static/generated/) from geodata/ and registry packages. */
import { buildBasemap } from './build-basemap.ts';
import { buildDemoData } from './build-demo-data.ts';
import { buildGazetteer } from './build-gazetteer.ts';
import { buildPopulations } from './build-populations.ts';
import { buildRoutes } from './build-routes.ts';

buildBasemap();
buildDemoData();
buildGazetteer();
buildRoutes();
buildPopulations();
