/** Whether this browser can give us a WebGL2 context (deck.gl 9 and MapLibre 6 both need it). */
export function hasWebGL2(): boolean {
	try {
		const canvas = document.createElement('canvas');
		return !!canvas.getContext('webgl2');
	} catch {
		return false;
	}
}
