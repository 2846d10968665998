#!/usr/bin/env node
// UI smoke through the real VS Code workbench (code-server) with a packaged .vsix installed. For each
// case, in ONE workbench session: open the file from the Explorer -> squiggle -> Problems panel row with
// the rule id -> hover names the rule -> double-click the row, Ctrl+., choose the fix by title -> that
// row and its squiggle gone. Then the rules file with the server's completion. Screenshots along the way.
//
//   node scripts/e2e/run-ui-smoke.mjs --vsix FILE [--only dockerfile,compose,kubernetes,rules-file]
//        [--workspace DIR] [--screenshots DIR] [--timeout MS] [--keep]
//   one custom case instead of the built-in ones (used by selftest.sh with the stand-in):
//        --file REL --rule ID --fix TITLE [--name NAME]
//   env equivalents: SHIPSHAPE_E2E_VSIX, SHIPSHAPE_E2E_WORKSPACE, SHIPSHAPE_E2E_SCREENSHOTS, SHIPSHAPE_E2E_STEP_TIMEOUT_MS
//   defaults: workspace test/e2e/fixtures/workspace (a temp copy is opened), screenshots $TMPDIR/shipshape-e2e-screenshots
//
// Screenshots (NAME = dockerfile | compose | kubernetes): NAME-problems.png (squiggles + Problems panel),
// NAME-hover.png, NAME-quick-fix.png (the Ctrl+. menu), NAME-fixed.png; ignore-comment.png (grammar);
// rules-file-completion.png (rule ids offered under `rules:`).
// Exit 0 = pass, 1 = a step failed (failure-NAME.png + code-server log tail printed), 2 = harness error.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';
import { startCodeServer, copyWorkspace, stopAll, REPO_ROOT } from './code-server.mjs';
import { launchBrowser } from './browser.mjs';

/** What a user sees for each file kind of the fixture workspace (test/e2e/fixtures/workspace). */
const CASES = [
  { name: 'dockerfile', file: 'Dockerfile', rule: 'add-instead-of-copy', fix: 'Replace ADD with COPY', hover: true, status: true },
  { name: 'compose', file: 'compose.yaml', rule: 'privileged', fix: 'Set privileged: false', status: true },
  { name: 'kubernetes', file: 'k8s/deployment.yaml', rule: 'privileged', fix: 'Set privileged: false', status: true },
];
const RULES_FILE = { name: 'rules-file', file: '.shipshape.yaml' };
const GRAMMAR = { name: 'ignore-comment', file: 'ignored/Dockerfile' };

const { values: a } = util.parseArgs({ options: {
  vsix: { type: 'string' }, workspace: { type: 'string' }, only: { type: 'string' },
  file: { type: 'string' }, rule: { type: 'string' }, fix: { type: 'string' }, name: { type: 'string' },
  screenshots: { type: 'string' }, timeout: { type: 'string' }, keep: { type: 'boolean' },
} });
const env = process.env;
const vsix = a.vsix || env.SHIPSHAPE_E2E_VSIX;
const wsSrc = path.resolve(a.workspace || env.SHIPSHAPE_E2E_WORKSPACE || path.join(REPO_ROOT, 'test/e2e/fixtures/workspace'));
const shots = path.resolve(a.screenshots || env.SHIPSHAPE_E2E_SCREENSHOTS || path.join(os.tmpdir(), 'shipshape-e2e-screenshots'));
const STEP_MS = Number(a.timeout || env.SHIPSHAPE_E2E_STEP_TIMEOUT_MS || 60000);
/** A hover, quick-fix or completion request waits this long for its widget before it is asked again. */
const ATTEMPT_MS = 5000;
const SQUIGGLE = '.editor-instance .monaco-editor :is(.squiggly-error, .squiggly-warning, .squiggly-info)';

let cases;
if (a.file) cases = [{ name: a.name || path.basename(a.file).toLowerCase(), file: a.file, rule: a.rule, fix: a.fix, hover: true }];
else {
  const only = (a.only || 'dockerfile,compose,kubernetes,ignore-comment,rules-file').split(',').map(s => s.trim());
  cases = [...CASES, GRAMMAR, RULES_FILE].filter(c => only.includes(c.name));
}

const T0 = Date.now();
const log = m => console.log(`[ui-smoke +${Date.now() - T0}ms] ${m}`);
const escapeRe = s => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function main() {
  if (!vsix || !fs.existsSync(vsix)) throw new Error(`--vsix FILE (or SHIPSHAPE_E2E_VSIX) required; got ${vsix}`);
  for (const c of cases) if (!fs.existsSync(path.join(wsSrc, c.file))) throw new Error(`${c.file} not found in workspace ${wsSrc}`);
  fs.mkdirSync(shots, { recursive: true });
  // word-based suggestions off: any completion in the rules file then comes from the extension itself
  const cs = await startCodeServer({ vsix: [vsix], keep: a.keep, log: m => log(`code-server: ${m}`),
    settings: { 'editor.wordBasedSuggestions': 'off', 'editor.minimap.enabled': false, 'workbench.editor.enablePreview': false } });
  let page, close, current = 'start', failed = [];
  const shot = async name => { const p = path.join(shots, name); await page.screenshot({ path: p }); log(`screenshot ${p}`); };
  try {
    const ws = copyWorkspace(wsSrc, cs.runDir);
    ({ page, close } = await launchBrowser({ log }));
    page.setDefaultTimeout(STEP_MS);
    await page.goto(cs.url({ folder: ws }));
    await page.waitForSelector('.monaco-workbench');
    await page.waitForSelector('.explorer-folders-view .monaco-list-row');
    log('workbench + explorer ready');
    for (const c of cases) {
      current = c.name;
      try {
        if (c === GRAMMAR) await ignoreCommentColors(page, c, shot);
        else if (c === RULES_FILE) await rulesFileCompletion(page, c, shot);
        else await fileCase(page, c, shot);
      } catch (e) {
        failed.push(c.name);
        log(`FAILED ${c.name}: ${e.message.split('\n')[0]}`);
        console.error(e);
        await shot(`failure-${c.name}.png`).catch(() => {});
      }
      await closeAllEditors(page).catch(e => log(`closing editors failed: ${e.message}`));
    }
  } catch (e) {
    failed.push(current);
    log(`FAILED (${current}): ${e.message.split('\n')[0]}`);
    console.error(e);
    if (page) await shot('failure.png').catch(() => {});
  } finally {
    if (failed.length) console.log(`----- code-server log tail -----\n${cs.logTail()}`);
    if (close) await close();
    await cs.stop();
  }
  log(`done: ${failed.length ? `FAIL (${failed.join(', ')})` : 'PASS'} (total ${Date.now() - T0} ms)`);
  return failed.length ? 1 : 0;
}

async function openFromExplorer(page, file) {
  // Rows of the (virtualised) Explorer list are not in visual order in the DOM and several files may
  // share a name (Dockerfile, ignored/Dockerfile): pick the row at the right depth (aria-level) that
  // comes right below its parent folder's row on screen.
  const parts = file.split('/');
  let parentTop = -1;
  for (const [i, name] of parts.entries()) {
    const candidates = page.locator(`.explorer-folders-view .monaco-list-row[aria-level="${i + 1}"]`,
      { has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRe(name)}$`) }) });
    await candidates.first().waitFor();
    const tops = await candidates.evaluateAll(rows => rows.map(r => r.getBoundingClientRect().top));
    const below = tops.map((top, k) => [top, k]).filter(([top]) => top > parentTop).sort((x, y) => x[0] - y[0]);
    if (!below.length) throw new Error(`${name} not found in the Explorer below its folder`);
    const row = candidates.nth(below[0][1]);
    parentTop = below[0][0];
    const isFolder = i < parts.length - 1;
    if (!isFolder || await row.getAttribute('aria-expanded') !== 'true') await row.click();
    if (isFolder) await page.waitForFunction(el => el.getAttribute('aria-expanded') === 'true', await row.elementHandle());
  }
  await page.locator('.tabs-container .tab.active', { hasText: parts.at(-1) }).waitFor();
  await page.locator('.breadcrumbs-control', { hasText: parts.length > 1 ? parts.at(-2) : parts.at(-1) }).first().waitFor();
  await page.waitForSelector('.editor-instance .monaco-editor .view-lines');
}

async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** Reverts and closes every editor (no "save changes?" dialog), so the next case starts clean. */
async function closeAllEditors(page) {
  await page.keyboard.press('Escape');
  for (let i = 0; i < 10 && await page.locator('.tabs-container .tab').count() > 0; i++) {
    const tabs = await page.locator('.tabs-container .tab').count();
    await runCommand(page, 'View: Revert and Close Editor');
    await page.waitForFunction(n => document.querySelectorAll('.tabs-container .tab').length < n, tabs);
  }
}

async function showProblems(page) {
  if (await page.locator('.markers-panel').isVisible()) return;
  await page.keyboard.press('Control+Shift+M'); // toggles: pressed only while the panel is hidden
  await page.locator('.markers-panel').waitFor();
}

/**
 * A keyboard request (hover, quick fix, completion) until its widget shows. The workbench now and
 * then drops one (a request cancelled by a late focus or selection change, by a provider registered
 * meanwhile): each try waits ATTEMPT_MS, then the harness logs where the keyboard was, presses
 * Escape, runs `recover` and asks again, until the step deadline. `refused` is an answer that means
 * "ask again" at once (VS Code's "No code actions available").
 */
async function askUntilShown(page, label, { ask, shown, refused, recover }) {
  const deadline = Date.now() + STEP_MS;
  for (let attempt = 1; ; attempt++) {
    await ask();
    const answer = refused ? shown.or(refused).first() : shown;
    const got = await answer.waitFor({ timeout: Math.max(1000, Math.min(ATTEMPT_MS, deadline - Date.now())) })
      .then(() => true, e => { if (e.name !== 'TimeoutError') throw e; return false; });
    if (got && await shown.isVisible()) { if (attempt > 1) log(`${label}: shown on attempt ${attempt}`); return; }
    log(`${label}: attempt ${attempt}: ${got ? 'refused' : `nothing within ${ATTEMPT_MS} ms`}; ${await focusReport(page)}`);
    if (Date.now() > deadline) throw new Error(`${label}: never shown (${attempt} attempts)`);
    await page.keyboard.press('Escape');
    if (refused) await refused.waitFor({ state: 'hidden' });
    await recover?.();
  }
}

/** Where the keyboard is and what the quick-fix widget shows: logged when a request brings nothing. */
const focusReport = page => page.evaluate(() => {
  const el = document.activeElement;
  const where = el ? [el.tagName.toLowerCase(), ...(el.className && typeof el.className === 'string' ? el.className.split(/\s+/).slice(0, 3) : [])].join('.') : 'nothing';
  const inEditor = !!el?.closest('.editor-instance .monaco-editor');
  const widget = document.querySelector('.action-widget');
  const rows = widget ? [...widget.querySelectorAll('.monaco-list-row')].map(r => r.textContent.trim()) : [];
  const cursor = [...document.querySelectorAll('.statusbar-item')].map(e => e.textContent.trim()).find(t => /^Ln \d+, Col \d+/.test(t));
  return `focus ${where}${inEditor ? ' (in the editor)' : ''}, ${cursor ?? 'no cursor position'}, widget ${widget ? JSON.stringify(rows) : 'absent'}`;
});

const squiggleRects = page => page.evaluate(sel => [...document.querySelectorAll(sel)]
  .map(e => { const r = e.getBoundingClientRect(); return `${Math.round(r.left)},${Math.round(r.top)},${Math.round(r.width)}`; })
  .sort().join(' '), SQUIGGLE);

async function fileCase(page, c, shot) {
  await openFromExplorer(page, c.file);
  const tOpen = Date.now();
  log(`${c.name}: editor open for ${c.file}`);

  // 1. squiggles from the extension's diagnostics, and the Problems panel row with the rule id
  await page.locator(SQUIGGLE).first().waitFor({ state: 'attached' });
  log(`${c.name}: squiggle after ${Date.now() - tOpen} ms from editor open`);
  await showProblems(page);
  const row = page.locator('.markers-panel .monaco-list-row', { hasText: c.rule }).first();
  await row.waitFor();
  log(`${c.name}: Problems row ${JSON.stringify((await row.innerText()).replace(/\s+/g, ' '))}`);
  await page.mouse.move(5, 5); // no stray hover in the picture
  // the status bar names the profile in force for the active document (client/src/status.ts)
  if (c.status) await page.locator('.statusbar-item', { hasText: 'Shipshape: recommended' }).waitFor();
  await shot(`${c.name}-problems.png`);

  // 2. double-click the row: the caret lands on THIS rule's range (other rules may squiggle too)
  const before = await squiggleRects(page);
  await row.dblclick();
  await page.locator('.editor-instance .monaco-editor.focused').waitFor();

  // 3. hover at the caret (keyboard: "Show or Focus Hover") names the rule
  if (c.hover) {
    await askUntilShown(page, `${c.name}: hover`, {
      ask: async () => { await page.keyboard.press('Control+K'); await page.keyboard.press('Control+I'); },
      shown: page.locator('.monaco-hover', { hasText: c.rule }).first(),
    });
    log(`${c.name}: hover shows the rule id`);
    await shot(`${c.name}-hover.png`);
    await page.keyboard.press('Escape');
    await page.locator('.monaco-hover', { hasText: c.rule }).first().waitFor({ state: 'hidden' });
  }

  // 4. Ctrl+. and the fix by title. VS Code answers "No code actions available" when the request was
  // cancelled because a provider registered meanwhile (start-up churn), and about one run in ten shows
  // nothing at all (the caret on the range, the lightbulb drawn, no menu within 60 s): then ask again,
  // with the caret put back on this rule's range.
  const item = page.locator('.action-widget .monaco-list-row', { hasText: c.fix }).first();
  await askUntilShown(page, `${c.name}: Ctrl+.`, {
    ask: () => page.keyboard.press('Control+.'),
    shown: item,
    refused: page.locator('.monaco-editor-overlaymessage', { hasText: /no code actions/i }).first(),
    recover: async () => {
      await page.locator('.action-widget').waitFor({ state: 'hidden' });
      await row.dblclick();
      await page.locator('.editor-instance .monaco-editor.focused').waitFor();
    },
  });
  await item.hover(); // highlights the fix, as a user pointing at it
  await shot(`${c.name}-quick-fix.png`);
  await item.click();

  // 5. this rule's Problems row disappears, and with it its squiggle (overlapping squiggles of one
  // severity render as ONE element, so compare the set of squiggle rectangles, not their count)
  await page.locator('.markers-panel .monaco-list-row', { hasText: new RegExp(`\\b${escapeRe(c.rule)}\\b(?!-)`) }).first().waitFor({ state: 'detached' });
  await page.waitForFunction(([sel, prev]) => [...document.querySelectorAll(sel)]
    .map(e => { const r = e.getBoundingClientRect(); return `${Math.round(r.left)},${Math.round(r.top)},${Math.round(r.width)}`; })
    .sort().join(' ') !== prev, [SQUIGGLE, before]);
  log(`${c.name}: after the fix the ${c.rule} row is gone; squiggles [${before}] -> [${await squiggleRects(page)}]`);
  await page.mouse.move(5, 5);
  await shot(`${c.name}-fixed.png`);
}

/** The injection grammar: in `# shipshape ignore=<id> -- <reason>` the id and the reason are coloured apart from the comment. */
async function ignoreCommentColors(page, c, shot) {
  await openFromExplorer(page, c.file);
  const line = page.locator('.editor-instance .view-line', { hasText: 'shipshape ignore=' }).first();
  await line.waitFor();
  const colorOf = text => line.locator('span > span', { hasText: text }).first().evaluate(e => getComputedStyle(e).color);
  // tokenization is asynchronous: wait until the rule id is coloured differently from the `#`
  await page.waitForFunction(el => {
    const spans = [...el.querySelectorAll('span > span')];
    const hash = spans.find(s => s.textContent.startsWith('#'));
    const id = spans.find(s => s.textContent === 'image-latest-tag');
    return hash && id && getComputedStyle(hash).color !== getComputedStyle(id).color;
  }, await line.elementHandle());
  const [hash, id, reason] = [await colorOf('#'), await colorOf('image-latest-tag'), await colorOf('rebuilds')];
  log(`${c.name}: colours # ${hash}, rule id ${id}, reason ${reason}`);
  if (reason === hash) throw new Error('the reason is not highlighted');
  await page.mouse.move(5, 5);
  await shot(`${c.name}.png`);
}

/**
 * The rules file: a new `rules:` entry, Ctrl+Space, the server's completion (word-based suggestions are
 * off and no YAML extension is installed) with the rule's summary; accepting it writes `id: ` and
 * the severities are offered next.
 */
async function rulesFileCompletion(page, c, shot) {
  await openFromExplorer(page, c.file);
  await page.locator('.editor-instance .monaco-editor .view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('rules:\n  image-l', { delay: 20 });
  const suggest = page.locator('.editor-widget.suggest-widget.visible');
  const rows = suggest.locator('.monaco-list-row');
  const noSuggestions = suggest.locator('.message', { hasText: /no suggestions/i });
  await askUntilShown(page, `${c.name}: Ctrl+Space`, { ask: () => page.keyboard.press('Control+Space'), shown: rows.first().or(noSuggestions).first() });
  if (!(await rows.first().isVisible())) throw new Error('no completion offered in the rules file');
  const labels = await rows.allInnerTexts();
  log(`${c.name}: completion offers ${JSON.stringify(labels.map(l => l.replace(/\s+/g, ' ')))}`);
  if (!labels.some(l => l.includes('image-latest-tag'))) throw new Error('completion offered, but not image-latest-tag');
  await suggest.locator('.monaco-list-row.focused', { hasText: 'image-latest-tag' }).waitFor();
  await page.locator('.suggest-details', { hasText: 'latest' }).waitFor();
  await page.mouse.move(5, 5);
  await shot(`${c.name}-completion.png`);
  await page.keyboard.press('Enter');
  await page.locator('.editor-instance .view-line', { hasText: 'image-latest-tag:' }).waitFor();
  await suggest.locator('.monaco-list-row', { hasText: /^\s*warning/ }).waitFor();
  log(`${c.name}: accepted; severities offered: ${JSON.stringify((await rows.allInnerTexts()).map(l => l.split(/\s+/)[0]))}`);
  await page.keyboard.press('Escape');
}

main().then(code => process.exit(code), async e => { console.error(`[ui-smoke] ERROR: ${e.stack || e}`); await stopAll(); process.exit(2); });
