/**
 * Property tests run from a fixed seed so CI is repeatable; explore new inputs with
 * `FUZZ_SEED=$RANDOM npm run test:unit` and keep what fails under tests/unit/fuzz/regressions/.
 */
import fc from 'fast-check';

fc.configureGlobal({ seed: Number(process.env.FUZZ_SEED ?? 20_261_121) });
