// CLI throughput: wall time of `node <cli> lint <dir> --format json --fail-level none`
// over a generated tree of small files, against a parse-only floor process.

import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { median } from './stats.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const TIME_BIN = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

function runOnce(args, { timeoutMs = 300000, cwd } = {}) {
  return new Promise((resolve) => {
    const argv = TIME_BIN ? [TIME_BIN, ['-f', '__BENCH_MAXRSS_KB=%M', process.execPath, ...args]] : [process.execPath, args];
    const t0 = performance.now();
    const p = spawn(argv[0], argv[1], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    let err = '';
    p.stdout.on('data', (d) => out.push(d));
    p.stderr.on('data', (d) => { err = (err + d.toString()).slice(-20000); });
    const timer = setTimeout(() => p.kill('SIGKILL'), timeoutMs);
    p.on('close', (code, signal) => {
      clearTimeout(timer);
      const ms = performance.now() - t0;
      const m = /__BENCH_MAXRSS_KB=(\d+)/.exec(err);
      resolve({ ms, code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: err.replace(/__BENCH_MAXRSS_KB=\d+\n?/, ''),
        maxRss: m ? Number(m[1]) * 1024 : null, timedOut: signal === 'SIGKILL' });
    });
  });
}

// Best-effort description of the JSON the CLI printed (its schema is not fixed yet).
function describeJson(stdout) {
  let j;
  try { j = JSON.parse(stdout); } catch { return { parsed: false }; }
  const arr = Array.isArray(j) ? j : Array.isArray(j?.files) ? j.files : Array.isArray(j?.results) ? j.results : null;
  let findings = null;
  if (arr) {
    findings = 0;
    for (const f of arr) {
      const list = f && (Array.isArray(f.findings) ? f.findings : Array.isArray(f.diagnostics) ? f.diagnostics : null);
      if (list) findings += list.length;
    }
  } else if (Array.isArray(j?.findings)) findings = j.findings.length;
  return { parsed: true, fileEntries: arr ? arr.length : null, findings };
}

export async function runCliBench({ cliPath, repoRoot, dir, fileCount, runs }) {
  const res = { fileCount, runs, floor: null, ours: null, notes: [] };
  const floorRuns = [];
  for (let i = 0; i < runs; i++) floorRuns.push(await runOnce([path.join(HERE, 'cli-floor.cjs'), repoRoot, dir]));
  const bad = floorRuns.find((r) => r.code !== 0);
  if (bad) res.notes.push(`floor run failed: ${bad.stderr.slice(-400)}`);
  else {
    const ms = median(floorRuns.map((r) => r.ms));
    const seen = JSON.parse(floorRuns[0].stdout).files;
    res.floor = { ms, filesPerSec: (fileCount / ms) * 1000, maxRss: median(floorRuns.map((r) => r.maxRss)), seen, samples: floorRuns.map((r) => r.ms) };
  }
  if (!fs.existsSync(cliPath)) {
    res.notes.push(`Shipshape CLI not found at ${cliPath}; skipped`);
    return res;
  }
  const measure = async (extra) => {
    const cliRuns = [];
    for (let i = 0; i < runs; i++) {
      cliRuns.push(await runOnce([cliPath, 'lint', dir, '--format', 'json', '--fail-level', 'none', ...extra], { cwd: repoRoot }));
    }
    const failed = cliRuns.find((r) => r.code !== 0);
    if (failed) {
      res.notes.push(`CLI${extra.length ? ` ${extra.join(' ')}` : ''} exited ${failed.code ?? failed.signal}${failed.timedOut ? ' (timeout)' : ''} (expected 0 with --fail-level none): ${failed.stderr.slice(-400)}`);
    }
    const ms = median(cliRuns.map((r) => r.ms));
    const out = { ms, filesPerSec: (fileCount / ms) * 1000, maxRss: median(cliRuns.map((r) => r.maxRss)),
      samples: cliRuns.map((r) => r.ms), exitCode: cliRuns[0].code, json: describeJson(cliRuns[0].stdout), sameOutput: true };
    if (!out.json.parsed) res.notes.push(`CLI${extra.length ? ` ${extra.join(' ')}` : ''} stdout was not a single JSON document`);
    return { out, stdout: cliRuns[0].stdout };
  };
  const single = await measure(['--jobs', '1']);
  res.ours = single.out;
  // Two lint threads (the main one and a worker): the same output, in the same order, is required.
  const two = await measure(['--jobs', '2']);
  two.out.sameOutput = two.stdout === single.stdout;
  if (!two.out.sameOutput) res.notes.push('CLI --jobs 2 printed a different JSON document than --jobs 1');
  res.twoThreads = two.out;
  return res;
}
