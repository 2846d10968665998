// Mocha loads this before any test file (.mocharc.json "require") and awaits it, so the engine is
// prepared (the shell parser's WebAssembly loaded) even for tests that lint while mocha collects
// them, at describe time, before root hooks would run. tsx/cjs (required first) compiles the TS.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { prepareEngine } = require('../../server/src/engine/prepare.ts');
await prepareEngine();
