/**
 * deck.gl 9.4 and luma.gl ship every shader twice: GLSL for WebGL2 and WGSL for WebGPU. We render with
 * WebGL2 only (MapLibre 6 shares no WebGPU device), so the WGSL source is dead weight: about 22 kB
 * gzipped of the first view. This blanks each `/* wgsl *\/` template literal in those two libraries
 * at build time; the imports it leaves unused are then tree-shaken. A literal it cannot scan to its end
 * throws, failing the build rather than emitting half-edited code. Remove this plugin if the app ever draws
 * with WebGPU.
 */

const MARKER = /\/\*\s*wgsl\s*\*\/\s*`/g;
const LIBRARIES = /\/node_modules\/@(deck|luma)\.gl\//;

/**
 * Index just past the template literal opening at `start` (a backtick), nested `${...}` and templates included.
 * @param {string} code
 * @param {number} start
 * @returns {number}
 */
function templateEnd(code, start) {
	let i = start + 1;
	while (i < code.length) {
		const c = code[i];
		if (c === '\\') i += 2;
		else if (c === '`') return i + 1;
		else if (c === '$' && code[i + 1] === '{') i = expressionEnd(code, i + 2);
		else i++;
	}
	throw new Error('unterminated template literal');
}

/**
 * Index just past the `}` closing an interpolation that starts at `start`.
 * @param {string} code
 * @param {number} start
 * @returns {number}
 */
function expressionEnd(code, start) {
	let depth = 1;
	let i = start;
	while (i < code.length) {
		const c = code[i];
		if (c === '`') i = templateEnd(code, i);
		else if (c === "'" || c === '"') {
			i++;
			while (i < code.length && code[i] !== c) i += code[i] === '\\' ? 2 : 1;
			i++;
		} else {
			if (c === '{') depth++;
			else if (c === '}' && --depth === 0) return i + 1;
			i++;
		}
	}
	throw new Error('unterminated interpolation');
}

/**
 * Replaces every `/* wgsl *\/` template literal in `code` with an empty string.
 * @param {string} code
 * @returns {string}
 */
export function blankWgsl(code) {
	let out = '';
	let last = 0;
	for (const match of code.matchAll(MARKER)) {
		if (match.index < last) continue; // inside a literal already blanked
		const open = match.index + match[0].length - 1;
		out += code.slice(last, match.index) + '""';
		last = templateEnd(code, open);
	}
	return out + code.slice(last);
}

/**
 * deck.gl's attribute buffer groups exist for WebGPU devices only (its AttributeManager creates them when
 * `device.type === 'webgpu'`), yet importing them pulls in luma.gl's GPU data library (@luma.gl/gpgpu,
 * WebGPU operations included): about 13 kB gzipped of the first view that WebGL2 never runs. The module
 * is replaced by a class that refuses to be made, so a WebGPU device would fail loudly, not silently.
 */
const WEBGPU_ONLY = /\/node_modules\/@deck\.gl\/core\/dist\/lib\/attribute\/attribute-buffer-groups\.js$/;
const WEBGPU_ONLY_STUB = `export default class AttributeBufferGroups {
	constructor() {
		throw new Error('Hometown Atlas is built for WebGL2: deck.gl WebGPU attribute groups are left out (scripts/strip-wgsl-plugin.js)');
	}
}
`;

/** @returns {import('vite').Plugin} */
export function stripWgsl() {
	return {
		name: 'atlas-strip-wgsl',
		enforce: 'pre',
		transform(code, id) {
			if (WEBGPU_ONLY.test(id)) return { code: WEBGPU_ONLY_STUB, map: null };
			if (!LIBRARIES.test(id) || !code.includes('wgsl')) return null;
			const out = blankWgsl(code);
			return out === code ? null : { code: out, map: null };
		}
	};
}
