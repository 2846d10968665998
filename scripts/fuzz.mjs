// Long fuzzing run: the properties of test/fuzz/*.test.ts for a given time with a fresh seed.
//   npm run fuzz                     10 minutes, random seed
//   FUZZ_SECONDS=3600 npm run fuzz   an hour
//   FUZZ_SEED=123 npm run fuzz       replay a seed that failed
// The unit suite runs the same properties with a fixed seed and few runs.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const seconds = Number(process.env.FUZZ_SECONDS ?? 600);
const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
console.log(`Fuzzing for ${seconds} s with seed ${seed} (replay with FUZZ_SEED=${seed})`);
const root = fileURLToPath(new URL('..', import.meta.url));
const result = spawnSync(process.execPath, ['node_modules/mocha/bin/mocha.js', 'test/fuzz/*.test.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, FUZZ_SECONDS: String(seconds), FUZZ_SEED: String(seed) },
});
process.exit(result.status ?? 1);
