#!/usr/bin/env node
// UI smoke through the real VS Code workbench (code-server) with a packaged .vsix installed:
// open a file from the Explorer -> squiggle -> hover -> Problems panel row with the rule id ->
// double-click the row + Ctrl+. quick fix by title -> that row and its squiggle gone. Screenshots at every step.
//
//   node scripts/e2e/run-ui-smoke.mjs --vsix FILE [--workspace DIR] [--file REL] [--rule ID]
//        [--fix TITLE] [--screenshots DIR] [--severity error|warning|info] [--timeout MS] [--keep]
//   env equivalents: SHIPSHAPE_E2E_VSIX, SHIPSHAPE_E2E_WORKSPACE, SHIPSHAPE_E2E_FILE, SHIPSHAPE_E2E_RULE,
//        SHIPSHAPE_E2E_FIX, SHIPSHAPE_E2E_SCREENSHOTS, SHIPSHAPE_E2E_SEVERITY
//   defaults: workspace test/e2e/fixtures/workspace (a temp copy is opened), file Dockerfile,
//             rule image-latest-tag, fix "Replace latest", screenshots $TMPDIR/shipshape-e2e-screenshots
// Exit 0 = pass, 1 = a step failed (failure.png + code-server log tail printed).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';
import { startCodeServer, copyWorkspace, stopAll, REPO_ROOT } from './code-server.mjs';
import { launchBrowser } from './browser.mjs';

const { values: a } = util.parseArgs({ options: {
  vsix: { type: 'string' }, workspace: { type: 'string' }, file: { type: 'string' }, rule: { type: 'string' },
  fix: { type: 'string' }, screenshots: { type: 'string' }, severity: { type: 'string' },
  timeout: { type: 'string' }, keep: { type: 'boolean' },
} });
const env = process.env;
const vsix = a.vsix || env.SHIPSHAPE_E2E_VSIX;
const wsSrc = path.resolve(a.workspace || env.SHIPSHAPE_E2E_WORKSPACE || path.join(REPO_ROOT, 'test/e2e/fixtures/workspace'));
const file = a.file || env.SHIPSHAPE_E2E_FILE || 'Dockerfile';
const rule = a.rule || env.SHIPSHAPE_E2E_RULE || 'image-latest-tag';
const fixTitle = a.fix || env.SHIPSHAPE_E2E_FIX || 'Replace latest';
const shots = path.resolve(a.screenshots || env.SHIPSHAPE_E2E_SCREENSHOTS || path.join(os.tmpdir(), 'shipshape-e2e-screenshots'));
const severity = a.severity || env.SHIPSHAPE_E2E_SEVERITY || '';
const STEP_MS = Number(a.timeout || env.SHIPSHAPE_E2E_STEP_TIMEOUT_MS || 60000);
const SQUIGGLE = severity ? `.monaco-editor .squiggly-${severity}` : '.monaco-editor :is(.squiggly-error, .squiggly-warning, .squiggly-info)';

const T0 = Date.now();
const log = m => console.log(`[ui-smoke +${Date.now() - T0}ms] ${m}`);
const escapeRe = s => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function main() {
  if (!vsix || !fs.existsSync(vsix)) throw new Error(`--vsix FILE (or SHIPSHAPE_E2E_VSIX) required; got ${vsix}`);
  if (!fs.existsSync(path.join(wsSrc, file))) throw new Error(`${file} not found in workspace ${wsSrc}`);
  fs.mkdirSync(shots, { recursive: true });
  const cs = await startCodeServer({ vsix: [vsix], keep: a.keep, log: m => log(`code-server: ${m}`) });
  let page, close, ok = false;
  const shot = async name => { const p = path.join(shots, name); await page.screenshot({ path: p }); log(`screenshot ${p}`); };
  try {
    const ws = copyWorkspace(wsSrc, cs.runDir);
    ({ page, close } = await launchBrowser({ log }));
    page.setDefaultTimeout(STEP_MS);
    await page.goto(cs.url({ folder: ws }));
    await page.waitForSelector('.monaco-workbench');
    await page.waitForSelector('.explorer-folders-view .monaco-list-row');
    log('workbench + explorer ready');

    // 1. open the file from the Explorer (expanding folders on the way)
    const parts = file.split('/');
    for (const [i, name] of parts.entries()) {
      const row = page.locator('.explorer-folders-view .monaco-list-row', { has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRe(name)}$`) }) }).first();
      await row.click();
      if (i < parts.length - 1) await page.locator(`.explorer-folders-view .monaco-list-row[aria-expanded="true"]`, { hasText: name }).first().waitFor();
    }
    await page.locator('.tabs-container .tab.active', { hasText: parts.at(-1) }).waitFor();
    await page.waitForSelector('.editor-instance .monaco-editor .view-lines');
    const tOpen = Date.now();
    log(`editor open for ${file}`);

    // 2. squiggle from the extension's diagnostic
    const squiggle = page.locator(SQUIGGLE).first();
    await squiggle.waitFor({ state: 'attached' });
    log(`squiggle after ${Date.now() - tOpen} ms from editor open`);
    await shot('01-squiggle.png');

    // 3. hover the squiggle: the hover names the rule
    const box = await squiggle.boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.locator('.monaco-hover', { hasText: rule }).first().waitFor();
    log('hover shows the rule id');
    await shot('02-hover.png');
    const ed = await page.locator('.editor-instance').first().boundingBox();
    await page.mouse.move(ed.x + ed.width * 0.6, ed.y + ed.height * 0.6); // empty editor area, away from the hover
    await page.keyboard.press('Escape');
    await page.locator('.monaco-hover', { hasText: rule }).first().waitFor({ state: 'hidden' });

    // 4. Problems panel row with the rule id
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: rule }).first();
    await row.waitFor();
    log(`Problems row: ${JSON.stringify((await row.innerText()).replace(/\s+/g, ' '))}`);
    await shot('03-problems.png');

    // 5. quick fix: double-click the Problems row (puts the caret on THIS rule's range in the editor,
    //    other rules may squiggle too), Ctrl+., choose by title
    // squiggle geometry: overlapping diagnostics of one severity render as ONE merged element, so the
    // rule's squiggle "going" shows as a change in the set of squiggle rectangles, not always in their count
    const squiggleRects = () => page.evaluate(sel => [...document.querySelectorAll(sel)]
      .map(e => { const r = e.getBoundingClientRect(); return `${Math.round(r.left)},${Math.round(r.top)},${Math.round(r.width)}`; })
      .sort().join(' '), SQUIGGLE);
    const squigglesBefore = await squiggleRects();
    await row.dblclick();
    await page.locator('.editor-instance .monaco-editor.focused').waitFor();
    // VS Code answers "No code actions available" when the request was cancelled because another
    // extension registered a provider meanwhile (start-up churn): then dismiss and ask again.
    const item = page.locator('.action-widget .monaco-list-row', { hasText: fixTitle }).first();
    const none = page.locator('.monaco-editor-overlaymessage', { hasText: /no code actions/i }).first();
    const deadline = Date.now() + STEP_MS;
    for (let attempt = 1; ; attempt++) {
      await page.keyboard.press('Control+.');
      await item.or(none).first().waitFor({ timeout: Math.max(1000, deadline - Date.now()) });
      if (await item.isVisible()) { if (attempt > 1) log(`quick fix menu on attempt ${attempt}`); break; }
      if (Date.now() > deadline) throw new Error(`"${fixTitle}" never offered (${attempt} attempts)`);
      await page.keyboard.press('Escape');
      await none.waitFor({ state: 'hidden' });
    }
    await shot('04-quick-fix-menu.png');
    await item.click();

    // 6. this rule's Problems row disappears, and with it one squiggle
    await page.locator('.markers-panel .monaco-list-row', { hasText: rule }).first().waitFor({ state: 'detached' });
    await page.waitForFunction(([sel, before]) => [...document.querySelectorAll(sel)]
      .map(e => { const r = e.getBoundingClientRect(); return `${Math.round(r.left)},${Math.round(r.top)},${Math.round(r.width)}`; })
      .sort().join(' ') !== before, [SQUIGGLE, squigglesBefore]);
    const line = (await page.locator('.editor-instance .monaco-editor .view-line').first().innerText()).replace(/\u00a0/g, ' ');
    log(`after quick fix: Problems row gone, squiggles [${squigglesBefore}] -> [${await squiggleRects()}]; first line ${JSON.stringify(line)}`);
    await shot('05-fixed.png');
    ok = true;
  } catch (e) {
    log(`FAILED: ${e.message.split('\n')[0]}`);
    console.error(e);
    if (page) await shot('failure.png').catch(() => {});
    console.log(`----- code-server log tail -----\n${cs.logTail()}`);
  } finally {
    if (close) await close();
    await cs.stop();
  }
  log(`done: ${ok ? 'PASS' : 'FAIL'} (total ${Date.now() - T0} ms)`);
  return ok ? 0 : 1;
}

main().then(code => process.exit(code), async e => { console.error(`[ui-smoke] ERROR: ${e.stack || e}`); await stopAll(); process.exit(2); });
