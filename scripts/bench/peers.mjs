// Installs the peer language servers / libraries into a cache directory
// outside the repo (never touches /work/main/node_modules or package.json).
// Idempotent: a stamp file records the pinned set; a matching stamp + present
// entry points means nothing is done.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

// Pinned versions. yaml-language-server 2.x declares engines.node >=22.13,
// and this project targets Node 20, so the newest 1.x line is used.
export const PEERS = {
  'dockerfile-language-server-nodejs': '0.15.0',
  'yaml-language-server': '1.25.0',
  'dockerfile-utils': '0.16.3',
};

export function cacheDir() {
  return process.env.SHIPSHAPE_BENCH_CACHE || path.join(os.homedir(), '.cache', 'shipshape-bench');
}

export function peerPaths(dir = cacheDir()) {
  const nm = path.join(dir, 'node_modules');
  return {
    nodeModules: nm,
    dockerfileServer: path.join(nm, 'dockerfile-language-server-nodejs', 'lib', 'server.js'),
    yamlServer: path.join(nm, 'yaml-language-server', 'bin', 'yaml-language-server'),
    dockerfileUtils: path.join(nm, 'dockerfile-utils'),
  };
}

function installedVersion(nm, name) {
  try {
    return JSON.parse(fs.readFileSync(path.join(nm, name, 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
}

export function ensurePeers({ log = console.error } = {}) {
  const dir = cacheDir();
  const stampFile = path.join(dir, '.shipshape-bench-stamp.json');
  const wanted = JSON.stringify(PEERS);
  const p = peerPaths(dir);
  const ok = () =>
    Object.entries(PEERS).every(([n, v]) => installedVersion(p.nodeModules, n) === v) &&
    fs.existsSync(p.dockerfileServer) && fs.existsSync(p.yamlServer);
  let stamp = null;
  try { stamp = fs.readFileSync(stampFile, 'utf8'); } catch { /* none yet */ }
  if (stamp !== wanted || !ok()) {
    log(`[bench] installing peers into ${dir} ...`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({
      name: 'shipshape-bench-peers', private: true, description: 'cache for scripts/bench (safe to delete)',
      dependencies: PEERS,
    }, null, 2) + '\n');
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const r = spawnSync(npm, ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--omit=dev',
      '--loglevel=error'], { cwd: dir, stdio: ['ignore', 'inherit', 'inherit'] });
    if (r.status !== 0 || !ok()) throw new Error(`peer install failed in ${dir} (npm exit ${r.status})`);
    fs.writeFileSync(stampFile, wanted);
  }
  const versions = {};
  for (const n of Object.keys(PEERS)) versions[n] = installedVersion(p.nodeModules, n);
  // transitive versions that matter for interpretation
  versions['dockerfile-language-server-nodejs > dockerfile-utils'] =
    installedVersion(path.join(p.nodeModules, 'dockerfile-language-server-nodejs', 'node_modules'), 'dockerfile-utils') ||
    versions['dockerfile-utils'];
  versions['dockerfile-utils > dockerfile-ast'] =
    installedVersion(path.join(p.dockerfileUtils, 'node_modules'), 'dockerfile-ast') ||
    installedVersion(p.nodeModules, 'dockerfile-ast');
  return { dir, paths: p, versions };
}
