#!/usr/bin/env node
// `npm run test:e2e`: the whole real-editor e2e, as CI runs it.
//   1. scripts/e2e/setup.sh        pinned tools, cached outside the repository (idempotent)
//   2. npm run build               dist/ from the working tree
//   3. run-ext-tests.mjs           mocha suite inside the real extension host, extension = the working tree
//   4. npm run package             dist/shipshape.vsix
//   5. run-ui-smoke.mjs            the UI with the .vsix installed, every file kind + the rules file
// Screenshots go to a temp dir, or to docs/images/ with --screenshots docs/images (`npm run screenshots`).
//
//   node scripts/e2e/run-all.mjs [--screenshots DIR] [--skip-ext] [--skip-ui] [--skip-setup]
// Both suites always run (a failure in one does not hide the other); exit 1 if either failed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values: a } = util.parseArgs({ options: {
  screenshots: { type: 'string' }, 'skip-ext': { type: 'boolean' }, 'skip-ui': { type: 'boolean' },
  'skip-setup': { type: 'boolean' },
} });
const shots = path.resolve(ROOT, a.screenshots || fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-e2e-screenshots-')));

const T0 = Date.now();
const timings = [];
const log = m => console.log(`[e2e +${((Date.now() - T0) / 1000).toFixed(1)}s] ${m}`);

function step(name, cmd, args, { fatal = true } = {}) {
  log(`${name}: ${cmd} ${args.join(' ')}`);
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit' });
  const ms = Date.now() - t0;
  const ok = r.status === 0;
  timings.push(`${name.padEnd(22)} ${ok ? 'ok  ' : 'FAIL'} ${(ms / 1000).toFixed(1)} s`);
  if (!ok && fatal) { summary(); log(`${name} failed (exit ${r.status ?? r.signal}); stopping`); process.exit(1); }
  return ok;
}

function summary() {
  console.log(`\n----- e2e summary (${((Date.now() - T0) / 1000).toFixed(1)} s) -----\n${timings.join('\n')}`);
}

if (!a['skip-setup']) step('setup', 'bash', ['scripts/e2e/setup.sh']);
let ok = true;
if (!a['skip-ext']) {
  step('build', 'npm', ['run', '--silent', 'build']);
  ok = step('extension-host suite', process.execPath, ['scripts/e2e/run-ext-tests.mjs'], { fatal: false }) && ok;
}
if (!a['skip-ui']) {
  step('package .vsix', 'npm', ['run', '--silent', 'package']);
  ok = step('UI smoke', process.execPath, ['scripts/e2e/run-ui-smoke.mjs', '--vsix', 'dist/shipshape.vsix', '--screenshots', shots], { fatal: false }) && ok;
  log(`screenshots in ${shots}`);
}
summary();
log(ok ? 'e2e PASS' : 'e2e FAIL');
process.exit(ok ? 0 : 1);
