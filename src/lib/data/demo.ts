/**
 * The bundled synthetic demo: the one way the app loads it (first view, "Show the demo data again",
 * after "Delete everything"), always through the same validation as any dataset file.
 */
import type { MemberDataset } from '$lib/core/data/member';
import { assetUrl } from '$lib/paths';

/** Under the app's base path (it may be served from a sub-folder). */
export const DEMO_PATH = 'generated/data/members.demo.json';

export async function loadDemo(): Promise<MemberDataset> {
	// The reader loads beside the file (not in the first view's bundle, which has a budget): no wait added.
	const [response, { datasetFromJson }] = await Promise.all([fetch(assetUrl(DEMO_PATH)), import('$lib/core/data/serialize')]);
	if (!response.ok) throw new Error(`HTTP ${response.status}`);
	return datasetFromJson(await response.json());
}
