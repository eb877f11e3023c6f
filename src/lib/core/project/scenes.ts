/**
 * Scenes: saved views (map view, time, mode, layers, routes, filters, threshold, theme) a presenter
 * steps through. A scene's state is the same UrlState a permalink holds, so the link codec validates
 * it; a list of scenes travels in one `scenes` link parameter as base64url JSON: [{n, q}, ...].
 */
import { decodeUrlState, encodeUrlState, type UrlState } from '../url/codec';

export interface Scene {
	name: string;
	state: UrlState;
}

export const MAX_SCENES = 40;
const MAX_NAME = 80;
/** Longest `scenes` parameter we read (characters); beyond it the link is refused, not truncated. */
export const MAX_SCENES_PARAM = 16_000;

export function toBase64Url(text: string): string {
	const bytes = new TextEncoder().encode(text);
	let binary = '';
	for (const b of bytes) binary += String.fromCharCode(b);
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): string {
	if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
	const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
	const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
	return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

export function encodeScenes(scenes: Scene[]): string {
	return toBase64Url(JSON.stringify(scenes.map((s) => ({ n: s.name, q: encodeUrlState(s.state) }))));
}

/** Decodes a `scenes` parameter. Anything malformed is skipped with a note; never throws. */
export function decodeScenes(param: string): { scenes: Scene[]; notes: string[] } {
	const notes: string[] = [];
	if (param.length > MAX_SCENES_PARAM) return { scenes: [], notes: ['Ignored the scenes in the link: too long.'] };
	let raw: unknown;
	try {
		raw = JSON.parse(fromBase64Url(param));
	} catch {
		return { scenes: [], notes: ['Ignored the scenes in the link: they could not be read.'] };
	}
	if (!Array.isArray(raw)) return { scenes: [], notes: ['Ignored the scenes in the link: not a list.'] };
	const scenes: Scene[] = [];
	raw.slice(0, MAX_SCENES).forEach((item: unknown, i) => {
		const entry = item as { n?: unknown; q?: unknown } | null;
		if (!entry || typeof entry !== 'object' || typeof entry.q !== 'string') {
			notes.push(`Ignored scene ${i + 1} in the link: not a scene.`);
			return;
		}
		const name = typeof entry.n === 'string' && entry.n.trim() ? entry.n.trim().slice(0, MAX_NAME) : `Scene ${i + 1}`;
		const decoded = decodeUrlState(entry.q);
		notes.push(...decoded.notes.map((n) => `Scene ${i + 1}: ${n}`));
		scenes.push({ name, state: decoded.state });
	});
	if (raw.length > MAX_SCENES) notes.push(`Only the first ${MAX_SCENES} scenes of the link were kept.`);
	return { scenes, notes };
}

/** Next scene index for a key a presenter (or a clicker) sends; null when the key is not ours. */
export function sceneStep(key: string, index: number, count: number): number | null {
	if (!count) return null;
	if (key === 'ArrowRight' || key === 'PageDown' || key === 'ArrowDown') return Math.min(count - 1, index + 1);
	if (key === 'ArrowLeft' || key === 'PageUp' || key === 'ArrowUp') return Math.max(0, index - 1);
	if (key === 'Home') return 0;
	if (key === 'End') return count - 1;
	return null;
}
