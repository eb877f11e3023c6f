import { describe, expect, it } from 'vitest';
import { blankWgsl } from '../../../scripts/strip-wgsl-plugin.js';

const TESTS = [
	{ title: 'a plain WGSL export', input: 'export const s = /* wgsl */ `fn f() -> f32 { return 1.0; }`;', expected: 'export const s = "";' },
	{
		title: 'GLSL is left alone',
		input: 'export const vs = /* glsl */ `void main() {}`; const w = /* wgsl */ `x`;',
		expected: 'export const vs = /* glsl */ `void main() {}`; const w = "";'
	},
	{
		title: 'nested templates inside interpolations',
		input: "return /* wgsl */ `a ${c ? `b ${d ? `e` : ''}` : '}'} f`; next();",
		expected: 'return ""; next();'
	},
	{ title: 'an escaped backtick inside', input: 'x = /* wgsl */ `a \\` b`; y = `keep`;', expected: 'x = ""; y = `keep`;' },
	{
		title: 'interpolated import is left for tree-shaking',
		input: 'import { a } from "./a.js";\nexport const s = /*wgsl*/`${a}\nfn g() {}`;',
		expected: 'import { a } from "./a.js";\nexport const s = "";'
	},
	{ title: 'no marker, no change', input: 'const wgsl = "name only";', expected: 'const wgsl = "name only";' }
];

describe('strip-wgsl', () => {
	it.each(TESTS)('$title', ({ input, expected }) => {
		expect(blankWgsl(input)).toBe(expected);
	});

	it('throws on a literal that never ends, so the build fails loudly', () => {
		expect(() => blankWgsl('x = /* wgsl */ `never closed')).toThrow(/unterminated/);
	});
});
