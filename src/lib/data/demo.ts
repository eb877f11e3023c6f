/**
 * The bundled synthetic demo: the one way the app loads it (first view, "Show the demo data again",
 * after "Delete everything"), always through the same validation as any dataset file.
 */
import { datasetFromJson } from '$lib/core/data/serialize';
import type { MemberDataset } from '$lib/core/data/member';
import { assetUrl } from '$lib/paths';

/** Under the app's base path (it may be served from a sub-folder). */
export const DEMO_PATH = 'generated/data/members.demo.json';

export async function loadDemo(): Promise<MemberDataset> {
	const response = await fetch(assetUrl(DEMO_PATH));
	if (!response.ok) throw new Error(`HTTP ${response.status}`);
	return datasetFromJson(await response.json());
}
