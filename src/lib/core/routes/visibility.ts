/**
 * Which routes are shown. `null` means all (also routes added later); a list names the visible ones.
 * Pure so the routes owner (state/routes.svelte.ts) and the URL codec share one meaning.
 */
export type RouteSelection = readonly string[] | null;

export function isRouteVisible(selection: RouteSelection, id: string): boolean {
	return selection === null || selection.includes(id);
}

export function setRouteVisible(selection: RouteSelection, id: string, visible: boolean, allIds: string[]): RouteSelection {
	const current = selection ?? allIds;
	const next = visible ? [...new Set([...current, id])] : current.filter((r) => r !== id);
	return normalise(next, allIds);
}

export function setAllRoutesVisible(visible: boolean): RouteSelection {
	return visible ? null : [];
}

/** Every known route on collapses to null; order follows allIds; unknown ids are kept (they may load later). */
export function normalise(selection: string[], allIds: string[]): RouteSelection {
	const unique = [...new Set(selection)];
	if (allIds.length && allIds.every((id) => unique.includes(id)) && unique.length === allIds.length) return null;
	return [...allIds.filter((id) => unique.includes(id)), ...unique.filter((id) => !allIds.includes(id))];
}

/** Tri-state for the "all routes" box. */
export function allState(selection: RouteSelection, allIds: string[]): 'all' | 'none' | 'some' {
	const shown = allIds.filter((id) => isRouteVisible(selection, id)).length;
	return shown === allIds.length ? 'all' : shown === 0 ? 'none' : 'some';
}
