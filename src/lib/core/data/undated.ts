/**
 * The words for members without a date, shared by the legend, the timeline and the import report.
 * Its own module: the legend is in the first view, the rest of the import's checks are not.
 */

/** "4 members without a date, shown throughout" / "... hidden"; '' for none. */
export function undatedNote(count: number, shown: boolean, unit = 'members'): string {
	if (!count) return '';
	return `${count.toLocaleString('en')} ${count === 1 ? unit.replace(/s$/, '') : unit} without a date, ${shown ? 'shown throughout' : 'hidden'}`;
}
