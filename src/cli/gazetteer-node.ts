/** Loads the built gazetteer in Node (CLI, unit tests, bench), building it first when missing. */
import { existsSync, readFileSync } from 'node:fs';
import { Gazetteer } from '../lib/core/geocode/gazetteer';
import type { GazetteerData } from '../lib/core/geocode/gazetteer-data';

export const GAZETTEER_PATH = 'static/generated/gazetteer/gazetteer.json';
/** What the geocoder loads: places and search index in one binary file (core/geocode/gazetteer-binary.ts). */
export const GAZETTEER_BINARY_PATH = 'static/generated/gazetteer/gazetteer.bin';

async function build(): Promise<GazetteerData> {
	const { buildGazetteer } = await import('../../geodata/scripts/build-gazetteer');
	return buildGazetteer((m) => console.error(m));
}

export async function loadGazetteerData(): Promise<GazetteerData> {
	if (!existsSync(GAZETTEER_PATH)) return build();
	return JSON.parse(readFileSync(GAZETTEER_PATH, 'utf8')) as GazetteerData;
}

export async function loadGazetteer(): Promise<Gazetteer> {
	if (!existsSync(GAZETTEER_BINARY_PATH)) await build();
	return new Gazetteer(readFileSync(GAZETTEER_BINARY_PATH));
}
