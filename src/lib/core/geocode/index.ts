/** The geocoder's public surface: build an index from the shipped data, then geocode place texts. */
export { Gazetteer, distanceKm } from './gazetteer';
export type { GazetteerData } from './gazetteer-data';
export { geocode, parseCountry, type GeocodeResult, type GeocodeStatus, type Candidate, type MatchKind } from './geocode';
export { normalizeName } from './normalize';
