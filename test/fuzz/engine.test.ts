import fc from 'fast-check';
import { mutatedInput, randomInput } from './corpus';
import { checkEngineContract } from './properties';

/**
 * Property-based fuzzing of the engine. In the unit suite the seed is fixed and the runs are few,
 * so CI is fast and repeatable; `npm run fuzz` (scripts/fuzz.mjs) runs the same properties for a
 * given time with a fresh seed (FUZZ_SECONDS, FUZZ_SEED, FUZZ_RUNS).
 */
const seconds = Number(process.env.FUZZ_SECONDS ?? 0);
const seed = Number(process.env.FUZZ_SEED ?? 20240917);
const runs = Number(process.env.FUZZ_RUNS ?? 100);

function params(share: number): fc.Parameters<unknown> {
  return seconds > 0
    ? { seed, numRuns: Number.MAX_SAFE_INTEGER, interruptAfterTimeLimit: seconds * 1000 * share, markInterruptAsFailure: false }
    : { seed, numRuns: runs };
}

function check<T>(name: string, arbitrary: fc.Arbitrary<T>, share: number, predicate: (value: T) => void): void {
  const details = fc.check(fc.property(arbitrary, (value) => predicate(value)), params(share) as fc.Parameters<[T]>);
  if (seconds > 0) console.log(`      fuzz ${name}: ${details.numRuns} cases, seed ${seed}${details.failed ? ', FAILED' : ''}`);
  if (details.failed) throw new Error(`${fc.defaultReportMessage(details) ?? `${name} failed`}\n${String((details.errorInstance as Error)?.message ?? details.errorInstance)}`);
}

describe('fuzzing the engine (fast-check)', function () {
  this.timeout(seconds > 0 ? seconds * 1000 + 120_000 : 60_000);

  it('mutated Dockerfiles, Compose files and manifests: no throw, ranges inside, fixes apply, bounded time', () => {
    check('mutated', fc.tuple(mutatedInput, fc.nat(1)), 0.7, ([input, config]) => checkEngineContract(input, config));
  });

  it('random text under container file names: same contract', () => {
    check('random', fc.tuple(randomInput, fc.nat(1)), 0.3, ([input, config]) => checkEngineContract(input, config));
  });
});
