/**
 * The network view's owner: whether the panel is open, what is selected (a plot, a town or a node,
 * as its link text `plot:<id>` / `town:<key>` / `node:<id>`), an imported ties file, and what the map
 * draws for the selection (arcs and lit towns, computed by the panel from the graph). The link,
 * scenes, the panel, the hotspot table and the map change it only through these methods. The graph
 * itself (and the libraries that draw it) load on demand.
 */
import type { Arc } from '$lib/core/network/graph';
import type { TieImport } from '$lib/core/network/ties';

export interface NetworkMapOverlay {
	arcs: Arc[];
	/** Hometowns of the selected members: [lon, lat, members]. */
	towns: [number, number, number][];
}

export class NetworkState {
	#open = $state(false);
	#selection = $state<string | null>(null);
	#ties = $state.raw<TieImport | null>(null);
	#tiesName = $state('');
	#mapOverlay = $state.raw<NetworkMapOverlay | null>(null);

	get open() {
		return this.#open;
	}
	get selection() {
		return this.#selection;
	}
	/** An imported ties file (null: the demo's ties, or none for an imported member list). */
	get ties() {
		return this.#ties;
	}
	get tiesName() {
		return this.#tiesName;
	}
	get mapOverlay() {
		return this.#mapOverlay;
	}

	setOpen(open: boolean) {
		this.#open = open;
	}
	select(selection: string | null) {
		this.#selection = selection;
	}
	/** Ties from a file open the panel: the analyst wants to see them. */
	setTies(ties: TieImport | null, name = '') {
		this.#ties = ties;
		this.#tiesName = name;
		if (ties) this.#open = true;
	}
	setMapOverlay(overlay: NetworkMapOverlay | null) {
		this.#mapOverlay = overlay;
	}
}
