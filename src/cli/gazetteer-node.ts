/** Loads the built gazetteer in Node (CLI, unit tests, bench), building it first when missing. */
import { existsSync, readFileSync } from 'node:fs';
import { Gazetteer } from '../lib/core/geocode/gazetteer';
import type { GazetteerData } from '../lib/core/geocode/gazetteer-data';

export const GAZETTEER_PATH = 'static/generated/gazetteer/gazetteer.json';

export async function loadGazetteerData(): Promise<GazetteerData> {
	if (!existsSync(GAZETTEER_PATH)) {
		const { buildGazetteer } = await import('../../geodata/scripts/build-gazetteer');
		return buildGazetteer((m) => console.error(m));
	}
	return JSON.parse(readFileSync(GAZETTEER_PATH, 'utf8')) as GazetteerData;
}

export async function loadGazetteer(): Promise<Gazetteer> {
	return new Gazetteer(await loadGazetteerData());
}
