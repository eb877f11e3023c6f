/**
 * Every URL of a file the app ships (static/), resolved from the app's base path, so the same build
 * works at `/` and under a sub-folder (`/atlas/`, set at build time with BASE_PATH). Absolute URLs:
 * MapLibre's style and the workers resolve relative URLs against other documents than the page.
 */
import { asset } from '$app/paths';

/** `generated/data/members.demo.json` -> `https://host/<base>/generated/data/members.demo.json`. */
export function assetUrl(path: string): string {
	const resolved = asset(`/${path.replace(/^\/+/, '')}` as Parameters<typeof asset>[0]);
	return new URL(resolved, location.href).href;
}
