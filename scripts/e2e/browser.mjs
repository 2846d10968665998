// Debian chromium, started by us in its own process group (so it can always be group-killed, like
// code-server) and driven by playwright-core (from the e2e cache) over CDP.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { tools, registerCleanup, once } from './code-server.mjs';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--no-default-browser-check', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage', '--disable-crash-reporter', '--disable-breakpad', '--hide-scrollbars',
  // what Playwright's own launcher passes so a headless page is never throttled as "in the background"
  '--disable-background-timer-throttling', '--disable-backgrounding-occluded-windows', '--disable-renderer-backgrounding',
  '--disable-ipc-flooding-protection', '--disable-hang-monitor', '--disable-extensions', '--disable-default-apps',
  '--password-store=basic', '--use-mock-keychain', '--force-color-profile=srgb', '--enable-automation',
  '--remote-debugging-address=127.0.0.1', '--remote-debugging-port=0'];

function killGroup(pid, sig) { try { process.kill(-pid, sig); } catch { /* already gone */ } }

/** Start chromium with a fresh profile; returns { browser, context, page, close }. */
export async function launchBrowser({ viewport = { width: 1400, height: 850 }, log = console.log, startTimeoutMs = 30000 } = {}) {
  const t = tools();
  const { chromium } = t.require('playwright-core');
  const udd = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-e2e-chromium-'));
  const proc = spawn(t.chromium, [...CHROMIUM_ARGS, `--user-data-dir=${udd}`,
    `--window-size=${viewport.width},${viewport.height}`, 'about:blank'],
  { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let browser = null, stopPromise = null;
  const entry = {
    killNow() { killGroup(proc.pid, 'SIGKILL'); fs.rmSync(udd, { recursive: true, force: true }); },
    stop() {
      return stopPromise ||= (async () => {
        if (browser) await browser.close().catch(() => {});
        const alive = proc.exitCode === null && proc.signalCode === null;
        const gone = alive ? once(proc, 'exit', 5000, 'chromium exit').catch(() => {}) : null;
        if (alive) { killGroup(proc.pid, 'SIGTERM'); await gone; }
        killGroup(proc.pid, 'SIGKILL');
        fs.rmSync(udd, { recursive: true, force: true });
        unregister();
      })();
    },
  };
  const unregister = registerCleanup(entry);
  try {
    // event: chromium prints "DevTools listening on ws://..." on stderr once the CDP endpoint is up
    const wsUrl = await new Promise((resolve, reject) => {
      let err = '';
      const timer = setTimeout(() => reject(new Error(`chromium: no DevTools endpoint after ${startTimeoutMs} ms\n${err}`)), startTimeoutMs);
      proc.stderr.on('data', d => {
        err += d;
        const m = /DevTools listening on (ws:\/\/\S+)/.exec(err);
        if (m) { clearTimeout(timer); resolve(m[1]); }
      });
      proc.once('exit', c => { clearTimeout(timer); reject(new Error(`chromium exited (${c}) at start\n${err}`)); });
    });
    proc.stderr.resume();
    browser = await chromium.connectOverCDP(wsUrl);
    const context = browser.contexts()[0];
    const page = context.pages()[0] || await context.newPage();
    await page.setViewportSize(viewport);
    page.on('pageerror', e => log(`[pageerror] ${e.message}`));
    page.on('crash', () => log('[page crashed]'));
    return { browser, context, page, close: () => entry.stop() };
  } catch (e) {
    await entry.stop();
    throw e;
  }
}
