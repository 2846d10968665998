// In-process timing: our engine's synchronous lint() against the bare parse
// floor (dockerfile-ast / yaml from the repo's node_modules, read-only) and
// against dockerfile-utils validate() (the validator inside Microsoft's server).

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { median, quantile } from './stats.mjs';

// Times several functions on the same input round-robin (a, b, c, a, b, c, ...) so
// that background load and GC pressure hit all of them alike. Warm-up: at least
// `warmup` rounds and the whole budget again, however many rounds that takes (on the
// first, small input a quarter of the budget left the JIT far from settled: a 50-line
// lint measured 0.50 ms after it and 0.32 ms after a few more seconds). Then rounds
// continue until the budget is spent (at least minRounds, at most maxRounds).
export function timeInterleaved(fns, { budgetMs = 1500, minRounds = 7, maxRounds = 300, warmup = 3 } = {}) {
  const names = Object.keys(fns);
  const samples = Object.fromEntries(names.map((n) => [n, []]));
  const last = {};
  const w0 = performance.now();
  for (let i = 0; i < 100 * maxRounds && (i < warmup || performance.now() - w0 < budgetMs); i++) {
    for (const n of names) last[n] = fns[n]();
  }
  const t0 = performance.now();
  for (let r = 0; r < maxRounds && (r < minRounds || performance.now() - t0 < budgetMs); r++) {
    for (const n of names) {
      const t = performance.now();
      last[n] = fns[n]();
      samples[n].push(performance.now() - t);
    }
  }
  return Object.fromEntries(names.map((n) => [n, { median: median(samples[n]), p90: quantile(samples[n], 0.9), n: samples[n].length, last: last[n] }]));
}

export async function loadEngine(enginePath) {
  if (!fs.existsSync(enginePath)) return { missing: `engine not found at ${enginePath}` };
  try {
    const m = await import(pathToFileURL(enginePath).href);
    const lint = m.lint ?? m.default?.lint;
    if (typeof lint !== 'function') return { missing: `${enginePath} does not export lint(text, { path })` };
    // The shell rules need the parser's WebAssembly, loaded once as the server and the CLI do.
    const prepare = m.prepareEngine ?? m.default?.prepareEngine;
    if (typeof prepare === 'function') await prepare();
    return { lint };
  } catch (e) {
    return { missing: `failed to load ${enginePath}: ${e.message}` };
  }
}

export function loadFloors(repoRoot, peerNodeModules) {
  const repoReq = createRequire(`${repoRoot}/package.json`);
  const out = { notes: [] };
  try {
    const { DockerfileParser } = repoReq('dockerfile-ast');
    out.dockerfileParse = (text) => DockerfileParser.parse(text);
    out.dockerfileAstVersion = repoReq('dockerfile-ast/package.json').version;
  } catch (e) { out.notes.push(`dockerfile-ast not loadable from ${repoRoot}/node_modules: ${e.message}`); }
  try {
    const YAML = repoReq('yaml');
    out.yamlParse = (text) => YAML.parseAllDocuments(text);
    out.yamlVersion = repoReq('yaml/package.json').version;
  } catch (e) { out.notes.push(`yaml not loadable from ${repoRoot}/node_modules: ${e.message}`); }
  try {
    const peerReq = createRequire(`${peerNodeModules}/package.json`);
    const du = peerReq('dockerfile-utils');
    out.dockerfileValidate = (text) => du.validate(text);
  } catch (e) { out.notes.push(`dockerfile-utils not loadable: ${e.message}`); }
  return out;
}

export function runInproc(inputs, floors, engine, opts) {
  const rows = [];
  for (const inp of inputs) {
    const row = { input: inp.id, kind: inp.kind };
    const fns = {};
    // Every candidate gets the same inputs: the text shifted down by 1…997 blank lines, a different
    // shift on each call (its own counter per candidate), so that a cache keyed on a piece's text
    // and line misses, and the parse floor and the peer read exactly the bytes Shipshape reads.
    const shifted = () => {
      let n = 0;
      return () => '\n'.repeat((n++ % 997) + 1) + inp.text;
    };
    // The peer is timed in a rotation of its own, against its own run of the floor: interleaving a
    // third, unrelated code base changed the other two's timings (on dockerfile-50 the floor went
    // from 0.205 to 0.242 ms and Shipshape from 0.27 to 0.47 ms, V8's shared inline caches and
    // JIT state being shared), so each ratio compares candidates timed with each other only.
    const peerFns = {};
    if (inp.kind === 'dockerfile') {
      const floorText = shifted();
      const peerFloorText = shifted();
      const peerText = shifted();
      if (floors.dockerfileParse) fns.floor = () => floors.dockerfileParse(floorText());
      if (floors.dockerfileParse && floors.dockerfileValidate) {
        peerFns.floor = () => floors.dockerfileParse(peerFloorText());
        peerFns.peer = () => floors.dockerfileValidate(peerText());
      }
      row.floorName = 'dockerfile-ast parse';
      row.peerName = 'dockerfile-utils validate';
    } else {
      const floorText = shifted();
      if (floors.yamlParse) fns.floor = () => floors.yamlParse(floorText());
      row.floorName = 'yaml parseAllDocuments';
    }
    if (engine.lint) {
      // cold: also a fresh (non-existent) directory per call, same file name, so a result cache
      // keyed on path can never hit. repeat: the identical text at the identical path every time.
      let i = 0;
      const coldText = shifted();
      const dir = path.dirname(inp.file);
      const base = path.basename(inp.file);
      const cold = () => engine.lint(coldText(), { path: path.join(dir, `cold-${i++}`, base) });
      const repeat = () => engine.lint(inp.text, { path: inp.file });
      try { cold(); repeat(); fns.ours = cold; fns.oursRepeat = repeat; } catch (e) { row.oursError = e.message; }
    }
    Object.assign(row, timeInterleaved(fns, opts));
    if (peerFns.peer) {
      const timed = timeInterleaved(peerFns, opts);
      row.peer = timed.peer;
      row.peerFloor = timed.floor;
      delete row.peerFloor.last;
    }
    if (row.peer) row.peerFindings = Array.isArray(row.peer.last) ? row.peer.last.length : null;
    if (row.ours) {
      const r = row.ours.last;
      row.oursKind = r && r.kind;
      row.oursFindings = r && Array.isArray(r.findings) ? r.findings.length : null;
      if (!r || !Array.isArray(r.findings)) row.oursNote = 'lint() did not return { kind, findings[] }';
    }
    for (const k of ['floor', 'peer', 'ours', 'oursRepeat']) if (row[k]) delete row[k].last;
    rows.push(row);
  }
  return rows;
}
