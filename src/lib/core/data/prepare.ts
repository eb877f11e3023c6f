/**
 * A dataset made ready for the map: its index (core/data/dataset-index), every member in date order
 * (the time index with no filter) and the heat cells of that order. The filters are off most of the
 * time, so this is what the first frame of a new dataset draws; computing it as one piece of sliced
 * work lets a large import prepare between frames and swap in at once, with nothing left to do.
 */
import type { MemberPoint } from './member';
import { indexColumns, indexDataset, type DatasetIndex } from './dataset-index';
import type { MemberColumns } from './member-columns';
import { timeIndexOf, type TimeIndex } from '../time/time-index';
import { heatCellsOf, type HeatCells } from '../time/heat-cells';
import type { Sliced } from '../slicing/slices';

export interface PreparedDataset {
	index: DatasetIndex;
	/** Every dated, placed member in date order: the time index when no filter is set. */
	all: TimeIndex;
	allCells: HeatCells;
}

/** From records, or from columns (a restored or imported dataset: no record is made). */
export function* prepareDataset(members: readonly MemberPoint[] | MemberColumns): Sliced<PreparedDataset> {
	const index = Array.isArray(members) ? yield* indexDataset(members) : yield* indexColumns(members as MemberColumns);
	const all = yield* timeIndexOf(index, null);
	const allCells = yield* heatCellsOf(all);
	return { index, all, allCells };
}
