/** True when a drag carries files (not text or a link): only then do the page and the import panel take the drop. */
export const dragHasFiles = (e: DragEvent): boolean => Array.from(e.dataTransfer?.types ?? []).includes('Files');
