#!/usr/bin/env node
// Run a mocha suite INSIDE the real VS Code extension host (code-server + headless chromium).
//
//   node scripts/e2e/run-ext-tests.mjs [--extension DIR] [--tests FILE] [--workspace DIR]
//        [--vsix FILE]... [--timeout MS] [--keep]
//   env equivalents: SHIPSHAPE_E2E_EXTENSION, SHIPSHAPE_E2E_TESTS, SHIPSHAPE_E2E_WORKSPACE, SHIPSHAPE_E2E_TIMEOUT_MS
//   defaults: --extension = repo root (must be built: package.json "main" must exist),
//             --tests = test/e2e/suite/index.js, --workspace = test/e2e/fixtures/workspace (a temp copy is opened)
//
// How: code-server runs with `--vscode-option enable-smoke-test-driver`; the workbench URL carries
// payload=[["extensionDevelopmentPath", vscode-remote://...], ["extensionTestsPath", vscode-remote://...]].
// The extension host calls the suite's run(); when it settles the workbench calls window.codeAutomationExit(code).
// Exit code: the in-host mocha result (0 pass, 1 fail), 2 = harness error or timeout.
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { startCodeServer, copyWorkspace, stopAll, tools, REPO_ROOT } from './code-server.mjs';
import { launchBrowser } from './browser.mjs';

const { values: a } = util.parseArgs({ options: {
  extension: { type: 'string' }, tests: { type: 'string' }, workspace: { type: 'string' },
  vsix: { type: 'string', multiple: true }, timeout: { type: 'string' }, keep: { type: 'boolean' },
  verbose: { type: 'boolean' },
} });
const ext = path.resolve(a.extension || process.env.SHIPSHAPE_E2E_EXTENSION || REPO_ROOT);
const testsPath = path.resolve(a.tests || process.env.SHIPSHAPE_E2E_TESTS || path.join(REPO_ROOT, 'test/e2e/suite/index.js'));
const wsSrc = path.resolve(a.workspace || process.env.SHIPSHAPE_E2E_WORKSPACE || path.join(REPO_ROOT, 'test/e2e/fixtures/workspace'));
const timeoutMs = Number(a.timeout || process.env.SHIPSHAPE_E2E_TIMEOUT_MS || 240000);

const T0 = Date.now();
const log = m => console.log(`[ext-tests +${Date.now() - T0}ms] ${m}`);

function preflight() {
  const pkgFile = path.join(ext, 'package.json');
  if (!fs.existsSync(pkgFile)) throw new Error(`no extension at ${ext} (package.json missing)`);
  const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
  if (pkg.main && !fs.existsSync(path.resolve(ext, pkg.main)) && !fs.existsSync(path.resolve(ext, `${pkg.main}.js`)))
    throw new Error(`extension entry ${pkg.main} not found in ${ext}: build the extension first`);
  if (!fs.existsSync(testsPath)) throw new Error(`tests entry not found: ${testsPath}`);
  if (!fs.existsSync(wsSrc)) throw new Error(`workspace not found: ${wsSrc}`);
  return pkg;
}

async function main() {
  const pkg = preflight();
  const t = tools();
  log(`extension ${pkg.publisher}.${pkg.name}@${pkg.version} from ${ext}; tests ${testsPath}`);
  let resultsFile;
  const cs = await startCodeServer({ vsix: a.vsix, keep: a.keep, log: m => log(`code-server: ${m}`),
    env: runDir => ({ SHIPSHAPE_E2E: '1', SHIPSHAPE_E2E_MOCHA: t.mocha,
      SHIPSHAPE_E2E_RESULTS: (resultsFile = path.join(runDir, 'mocha-results.txt')) }) });
  let code = 2;
  try {
    const ws = copyWorkspace(wsSrc, cs.runDir);
    const { page, close } = await launchBrowser({ log });
    const hostLines = [];
    let exitCode;
    const exited = new Promise(resolve => { exitCode = resolve; });
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = util.format(...(Array.isArray(args) ? args : [args]));
      hostLines.push(line);
      if (a.verbose) console.log(`[host ${type}] ${line}`);
    });
    await page.exposeFunction('codeAutomationExit', (c) => exitCode(c));
    page.on('close', () => exitCode('page closed'));
    const url = cs.url({ folder: ws, payload: [
      ['extensionDevelopmentPath', cs.remoteUri(ext)],
      ['extensionTestsPath', cs.remoteUri(testsPath)],
    ] });
    log(`open ${url}`);
    await page.goto(url);
    let timer;
    const timedOut = new Promise(r => { timer = setTimeout(() => r('timeout'), timeoutMs); });
    const result = await Promise.race([exited, timedOut]);
    clearTimeout(timer);

    console.log('----- mocha output (inside the extension host) -----');
    const out = fs.existsSync(resultsFile) ? fs.readFileSync(resultsFile, 'utf8') : '';
    console.log(out.trim() || '(no reporter output captured)');
    if (!out.trim() || result !== 0) {
      console.log('----- extension host console -----');
      console.log(hostLines.join('\n') || '(none)');
    }
    console.log('-----------------------------------------------------');
    if (result === 'timeout' || typeof result !== 'number') {
      log(`FAILED: ${result === 'timeout' ? `no result within ${timeoutMs} ms` : result}`);
      console.log(cs.logTail());
      await page.screenshot({ path: path.join(cs.runDir, 'timeout.png') }).catch(() => {});
      code = 2;
    } else {
      code = result === 0 ? 0 : 1;
      log(`extension tests finished: exit code ${result}`);
    }
    await close();
  } finally {
    await cs.stop();
  }
  log(`done: ${code === 0 ? 'PASS' : 'FAIL'} (total ${Date.now() - T0} ms)`);
  return code;
}

main().then(code => process.exit(code), async e => { console.error(`[ext-tests] ERROR: ${e.stack || e}`); await stopAll(); process.exit(2); });
