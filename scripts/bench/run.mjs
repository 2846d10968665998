#!/usr/bin/env node
// Shipshape benchmark harness. See scripts/bench/README.md.
//
//   node scripts/bench/run.mjs [--quick] [--server PATH] [--engine PATH] [--cli PATH]
//        [--out FILE | --no-write] [--write] [--json FILE] [--only lsp,inproc,cli]
//        [--runs N] [--edits N] [--paced-edits N] [--edit-gap MS] [--keep] [--render FILE.json]
//        [--inputs dockerfile-1000,k8s-5000,...]

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensurePeers } from './peers.mjs';
import { writeInputs, writeCliTree, FULL_SIZES, QUICK_SIZES } from './generate.mjs';
import { runSession } from './lsp-bench.mjs';
import { loadEngine, loadFloors, runInproc } from './inproc.mjs';
import { runCliBench } from './cli-bench.mjs';
import { renderMarkdown } from './report.mjs';
import { median, quantile } from './stats.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');

function parseArgs(argv) {
  const a = { quick: false, write: null, only: null, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const val = () => { if (i + 1 >= argv.length) throw new Error(`${k} needs a value`); return argv[++i]; };
    switch (k) {
      case '--quick': a.quick = true; break;
      case '--server': a.server = val(); break;
      case '--engine': a.engine = val(); break;
      case '--cli': a.cli = val(); break;
      case '--out': a.out = val(); a.write = true; break;
      case '--write': a.write = true; break;
      case '--no-write': a.write = false; break;
      case '--json': a.json = val(); break;
      case '--only': a.only = new Set(val().split(',')); break;
      case '--runs': a.runs = Number(val()); break;
      case '--edits': a.edits = Number(val()); break;
      case '--edit-gap': a.editGap = Number(val()); break;
      case '--paced-edits': a.pacedEdits = Number(val()); break;
      case '--keep': a.keep = true; break;
      case '--render': a.render = val(); break;
      case '--inputs': a.inputs = new Set(val().split(',')); break;
      case '-h': case '--help':
        console.log(fs.readFileSync(path.join(HERE, 'README.md'), 'utf8')); process.exit(0);
        break;
      default: throw new Error(`unknown argument ${k}`);
    }
  }
  return a;
}

const T0 = Date.now();
const log = (...m) => console.error(`[bench ${((Date.now() - T0) / 1000).toFixed(0).padStart(3)}s]`, ...m);

function repoCommit() {
  try {
    const head = fs.readFileSync(path.join(REPO, '.git', 'HEAD'), 'utf8').trim();
    if (!head.startsWith('ref: ')) return head.slice(0, 12);
    const ref = head.slice(5);
    const loose = path.join(REPO, '.git', ref);
    if (fs.existsSync(loose)) return fs.readFileSync(loose, 'utf8').trim().slice(0, 12);
    const packed = fs.readFileSync(path.join(REPO, '.git', 'packed-refs'), 'utf8');
    const m = packed.split('\n').find((l) => l.endsWith(` ${ref}`));
    return m ? m.slice(0, 12) : null;
  } catch { return null; }
}

function machineInfo() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model?.trim() ?? 'unknown', cores: cpus.length,
    memGiB: os.totalmem() / 2 ** 30, os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version, date: new Date().toISOString(), commit: repoCommit(),
    loadStart: os.loadavg()[0],
  };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const only = (s) => !args.only || args.only.has(s);
  const quick = args.quick;
  const cfg = {
    mode: quick ? 'quick' : 'full',
    sizes: quick ? QUICK_SIZES : FULL_SIZES,
    edits: args.edits ?? (quick ? 10 : 20),
    pacedEdits: args.pacedEdits ?? (quick ? 6 : 10),
    editGapMs: args.editGap ?? 150,
    // repeated sessions per (server, input); the largest inputs get fewer to stay within budget
    runsFor: (inp) => args.runs ?? (quick ? 1 : inp.lines >= 10000 ? 2 : 3),
    inprocBudgetMs: quick ? 600 : 1500,
    cliFiles: quick ? 1000 : 5000,
    cliRuns: args.runs ?? (quick ? 1 : 3),
    serverPath: path.resolve(args.server ?? process.env.SHIPSHAPE_SERVER ?? path.join(REPO, 'dist', 'server.js')),
    enginePath: path.resolve(args.engine ?? process.env.SHIPSHAPE_ENGINE ?? path.join(REPO, 'dist', 'engine.js')),
    cliPath: path.resolve(args.cli ?? process.env.SHIPSHAPE_CLI ?? path.join(REPO, 'dist', 'cli.js')),
  };
  const write = args.write ?? (!quick && !args.inputs && !args.only);
  const outFile = path.resolve(args.out ?? path.join(REPO, 'docs', 'benchmarks.md'));
  const tStart = Date.now();
  if (args.render) { // re-render Markdown from a saved --json file, no measuring
    const md = renderMarkdown(JSON.parse(fs.readFileSync(path.resolve(args.render), 'utf8')));
    console.log(md);
    if (args.write) { fs.mkdirSync(path.dirname(outFile), { recursive: true }); fs.writeFileSync(outFile, md); log(`wrote ${outFile}`); }
    return;
  }

  const peers = ensurePeers({ log });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-bench-'));
  log(`mode=${cfg.mode} temp=${tmp}`);
  const inputs = writeInputs(tmp, cfg.sizes).filter((i) => !args.inputs || args.inputs.has(i.id));
  const results = { machine: machineInfo(), cfg: { ...cfg, runsFor: undefined }, peers: peers.versions,
    inputs: inputs.map(({ text, ...i }) => i), lsp: [], inproc: [], cli: null, notes: [] };

  // ------------------------------------------------------------ servers ----
  const yamlSettings = (schemas) => ({
    yaml: { validate: true, hover: true, completion: true, format: { enable: false },
      schemaStore: { enable: false }, kubernetesCRDStore: { enable: false }, schemas },
    http: { proxy: '', proxyStrictSSL: false }, editor: {}, '[yaml]': {},
  });
  const servers = [
    { id: 'shipshape', label: 'Shipshape', command: process.execPath, args: [cfg.serverPath, '--stdio'],
      kinds: ['dockerfile', 'k8s', 'compose'], settings: { shipshape: { enable: true, trace: { server: 'off' } } },
      missing: fs.existsSync(cfg.serverPath) ? null : `Shipshape server not found at ${cfg.serverPath}` },
    { id: 'dockerfile-ls', label: `dockerfile-language-server-nodejs ${peers.versions['dockerfile-language-server-nodejs']}`,
      command: process.execPath, args: [peers.paths.dockerfileServer, '--stdio'], kinds: ['dockerfile'],
      settings: { docker: { languageserver: { diagnostics: {}, formatter: {} } } } },
    { id: 'yaml-ls', label: `yaml-language-server ${peers.versions['yaml-language-server']} (no schema)`,
      command: process.execPath, args: [peers.paths.yamlServer, '--stdio'], kinds: ['k8s', 'compose'],
      settings: yamlSettings({}), awaitConfigPull: true },
    { id: 'yaml-ls-k8s', label: `yaml-language-server ${peers.versions['yaml-language-server']} (schemas: {kubernetes: "*.yaml"}, offline)`,
      command: process.execPath, args: [peers.paths.yamlServer, '--stdio'], kinds: ['k8s'],
      settings: yamlSettings({ kubernetes: '*.yaml' }), awaitConfigPull: true, runs: 1, paced: false, maxLines: 5000 },
  ];
  results.servers = servers.map(({ id, label, kinds, missing, settings }) => ({ id, label, kinds, missing, settings }));
  for (const s of servers) if (s.missing) { log(`SKIP ${s.id}: ${s.missing}`); results.notes.push(`${s.missing} — LSP rows for Shipshape skipped.`); }

  if (only('lsp')) {
    for (const inp of inputs) {
      const active = servers.filter((s) => !s.missing && s.kinds.includes(inp.kind) && !(s.maxLines && inp.lines > s.maxLines));
      const runs = cfg.runsFor(inp);
      const sessions = new Map(active.map((s) => [s.id, []]));
      for (let r = 0; r < runs; r++) {
        for (const s of active) { // interleaved, so drift hits every server alike
          if (s.runs != null && r >= s.runs) continue;
          const prev = sessions.get(s.id);
          if (prev.some((x) => x.error)) continue; // do not repeat a failing setup
          log(`lsp ${inp.id} ${s.id} run ${r + 1}/${s.runs ?? runs}`);
          const res = await runSession(s, inp, { edits: cfg.edits, pacedEdits: s.paced === false || inp.lines >= 10000 ? 0 : cfg.pacedEdits, editGapMs: cfg.editGapMs });
          if (res.error) log(`  error: ${res.error}`);
          for (const n of res.notes) log(`  note: ${n}`);
          prev.push(res);
        }
      }
      for (const s of active) {
        const ss = sessions.get(s.id);
        const ok = ss.filter((x) => !x.error);
        const edits = ok.flatMap((x) => x.edits);
        const paced = ok.flatMap((x) => x.pacedEdits);
        results.lsp.push({
          input: inp.id, kind: inp.kind, server: s.id, sessions: ss.length, okSessions: ok.length,
          start: median(ok.map((x) => x.start)), open: median(ok.map((x) => x.open)),
          editMedian: median(edits), editP90: quantile(edits, 0.9), editCount: edits.length,
          pacedMedian: median(paced), pacedP90: quantile(paced, 0.9), pacedCount: paced.length,
          editTimeouts: ss.reduce((n, x) => n + x.editTimeouts, 0),
          hwm: median(ok.map((x) => x.hwm)), openDiagCount: ok[0]?.openDiagCount ?? null,
          sync: ok[0]?.sync ?? null, versioned: ok[0]?.versioned ?? null,
          maxPublishesPerEdit: Math.max(0, ...ok.flatMap((x) => x.publishesPerEdit)),
          configRequests: ok[0]?.configRequests ?? null,
          errors: [...new Set(ss.map((x) => x.error).filter(Boolean))],
          notes: [...new Set(ss.flatMap((x) => x.notes))],
        });
      }
    }
  }

  // ---------------------------------------------------------- in-process ----
  if (only('inproc')) {
    const engine = await loadEngine(cfg.enginePath);
    if (engine.missing) { log(`SKIP engine: ${engine.missing}`); results.notes.push(`${engine.missing} — in-process Shipshape column skipped.`); }
    const floors = loadFloors(REPO, peers.paths.nodeModules);
    results.floorVersions = { 'dockerfile-ast (repo)': floors.dockerfileAstVersion, 'yaml (repo)': floors.yamlVersion };
    results.notes.push(...floors.notes);
    log('in-process timings ...');
    results.inproc = runInproc(inputs, floors, engine, { budgetMs: cfg.inprocBudgetMs });
  }

  // ----------------------------------------------------------------- CLI ----
  if (only('cli')) {
    const treeDir = path.join(tmp, 'cli-tree');
    const tree = writeCliTree(treeDir, cfg.cliFiles);
    log(`cli throughput over ${tree.files.length} files ...`);
    results.cli = await runCliBench({ cliPath: cfg.cliPath, repoRoot: REPO, dir: treeDir, fileCount: tree.files.length, runs: cfg.cliRuns });
    results.cli.counts = tree.counts;
    results.cli.lines = tree.files.reduce((n, f) => n + fs.readFileSync(f, 'utf8').split('\n').length - 1, 0);
    for (const n of results.cli.notes) log(`cli note: ${n}`);
  }

  results.elapsedSec = (Date.now() - tStart) / 1000;
  results.machine.loadEnd = os.loadavg()[0];
  const md = renderMarkdown(results);
  console.log(md);
  if (write) {
    fs.mkdirSync(path.dirname(outFile), { recursive: true });
    fs.writeFileSync(outFile, md);
    log(`wrote ${outFile}`);
  } else {
    log('not writing docs (quick mode or --no-write; pass --write to force)');
  }
  if (args.json) { fs.writeFileSync(path.resolve(args.json), JSON.stringify(results, null, 2)); log(`wrote ${args.json}`); }
  if (!args.keep) fs.rmSync(tmp, { recursive: true, force: true });
  else log(`kept inputs in ${tmp}`);
  log(`done in ${results.elapsedSec.toFixed(1)} s`);
}

for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(130)); // runs the 'exit' hook that kills spawned servers
main().catch((e) => { console.error(e); process.exit(1); });
