import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { blankWgsl, stripWgsl } from '../../../scripts/strip-wgsl-plugin.js';

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

	it("replaces deck.gl's WebGPU-only attribute groups with a class that refuses to be made, and nothing else", () => {
		const plugin = stripWgsl() as { transform: (code: string, id: string) => { code: string } | null };
		const groups = '/w/node_modules/@deck.gl/core/dist/lib/attribute/attribute-buffer-groups.js';
		const stub = plugin.transform('import "@luma.gl/gpgpu"; export default class X {}', groups)!.code;
		expect(stub).not.toContain('gpgpu');
		const Stub = (new Function(stub.replace('export default class', 'return class')) as () => new () => unknown)();
		expect(() => new Stub()).toThrow(/WebGL2/);
		expect(plugin.transform('export const a = 1;', '/w/node_modules/@deck.gl/core/dist/lib/attribute/attribute.js')).toBeNull();
	});

	it('deck.gl still makes attribute groups for WebGPU devices only (else the stub above would break the map)', () => {
		const manager = readFileSync('node_modules/@deck.gl/core/dist/lib/attribute/attribute-manager.js', 'utf8');
		expect(manager).toMatch(/device\.type === 'webgpu'\s*\?\s*new AttributeBufferGroups\(/);
		expect(manager.match(/new AttributeBufferGroups\(/g)).toHaveLength(1);
	});
});
