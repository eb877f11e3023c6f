import { readFileSync } from 'node:fs';
import fc from 'fast-check';

/** The known script-injection payloads (tests/fixtures/xss-payloads.txt), comments left out. */
export const XSS_PAYLOADS: string[] = readFileSync(new URL('../../fixtures/xss-payloads.txt', import.meta.url), 'utf8')
	.split('\n')
	.filter((line) => line.length > 0 && !line.startsWith('# '));

/** Generated inputs per property. CI runs at least 10,000; FUZZ_RUNS raises it for a long local hunt. */
export const RUNS = Math.max(10_000, Number(process.env.FUZZ_RUNS ?? 0));

/** Text a hostile or broken file or link might carry: payloads, random unicode, control characters, mixtures. */
export const hostileText = (): fc.Arbitrary<string> =>
	fc.oneof(
		fc.constantFrom(...XSS_PAYLOADS),
		fc.string({ maxLength: 40 }),
		fc.string({ unit: 'binary', maxLength: 20 }),
		fc.string({
			unit: fc.constantFrom(
				'<',
				'>',
				'"',
				"'",
				'&',
				'=',
				',',
				'|',
				';',
				'\n',
				'\r',
				'\t',
				'\0',
				'%',
				'#',
				'\\',
				' ',
				'a',
				'1',
				'-',
				'.',
				'\u2028',
				'\ufeff'
			),
			maxLength: 24
		}),
		fc.tuple(fc.constantFrom(...XSS_PAYLOADS), fc.string({ maxLength: 8 })).map(([p, s]) => p + s)
	);

/** Per-test time limit: generous, since the machine is shared; it bounds a hang, it does not measure speed. */
export const FUZZ_TIMEOUT = 60_000 + RUNS * 10;
