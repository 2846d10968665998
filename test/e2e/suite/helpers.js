// Event-driven helpers for tests inside the extension host: no sleeps, every wait has a timeout.
'use strict';
const vscode = require('vscode');

/** Diagnostic code as a string (LSP codes may arrive as { value, target }). */
function codeOf(d) {
  return d.code && typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/**
 * Resolve with the diagnostics of `uri` once `predicate(diags)` holds; checks the current state first,
 * then re-checks on every vscode.languages.onDidChangeDiagnostics for that uri.
 */
function waitForDiagnostics(uri, predicate, timeoutMs = 30000, what = 'diagnostics') {
  return new Promise((resolve, reject) => {
    const check = () => {
      const diags = vscode.languages.getDiagnostics(uri);
      if (predicate(diags)) { cleanup(); resolve(diags); return true; }
      return false;
    };
    const sub = vscode.languages.onDidChangeDiagnostics(e => {
      if (e.uris.some(u => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      cleanup();
      const now = vscode.languages.getDiagnostics(uri).map(d => `${d.source}/${codeOf(d)}@${d.range.start.line}`);
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} on ${uri.fsPath}; now: [${now.join(', ')}]`));
    }, timeoutMs);
    function cleanup() { clearTimeout(timer); sub.dispose(); }
    check();
  });
}

/**
 * Code actions for `range` until one whose title equals or starts with `title` is offered (resolves with it and the titles seen).
 * Why a retry: VS Code cancels a code-action request, and returns [], whenever the set of code-action
 * providers changes while it runs; right after start-up other extensions are still registering theirs.
 * Each attempt is a full round trip through the workbench; attempts are spaced by `intervalMs`.
 */
async function waitForCodeAction(uri, range, title, { timeoutMs = 30000, intervalMs = 100, kind = vscode.CodeActionKind.QuickFix } = {}) {
  const deadline = Date.now() + timeoutMs;
  let titles = [], attempts = 0, misses = 0;
  for (;;) {
    attempts++;
    const actions = (await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, range, kind && kind.value)) || [];
    titles = actions.map(a => a.title);
    const found = actions.find(a => a.title === title || a.title.startsWith(title));
    if (found) return { action: found, titles, attempts };
    misses = titles.length ? misses + 1 : 0; // a non-empty answer was not cancelled: the title is really missing
    if (misses >= 5) throw new Error(`code action "${title}" not offered; offered: ${JSON.stringify(titles)}`);
    if (Date.now() >= deadline) throw new Error(`timed out after ${timeoutMs} ms (${attempts} requests) waiting for code action "${title}"; last offered: ${JSON.stringify(titles)}`);
    await new Promise(r => setTimeout(r, intervalMs)); // spacing between retries of the request, not a wait for state
  }
}

/** A line in the test output (extension host console + the runner's results file). */
function note(...args) {
  const line = require('util').format(...args);
  console.log(line);
  if (process.env.SHIPSHAPE_E2E_RESULTS) require('fs').appendFileSync(process.env.SHIPSHAPE_E2E_RESULTS, line + '\n');
}

/** The first workspace folder's file `rel` (the runner opens a temp copy of the fixture workspace). */
function workspaceFile(rel) {
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  if (!folder) throw new Error('no workspace folder open');
  return vscode.Uri.joinPath(folder.uri, rel);
}

/** Shipshape's diagnostics only (other extensions may publish on the same files). */
function ours(diags) {
  return diags.filter(d => d.source === 'shipshape');
}

/** `rule@line:col-line:col` for readable assertions on rule ids and exact ranges. */
function describeDiag(d) {
  const r = d.range;
  return `${codeOf(d)}@${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/**
 * Resolves on the next diagnostics event for `uri` (whatever it carries). Subscribe BEFORE the action
 * that causes it; used to prove a negative: the server answered for this file, and answered nothing.
 */
function nextDiagnosticsEvent(uri, timeoutMs = 30000, what = 'a diagnostics event') {
  let cancel;
  const promise = new Promise((resolve, reject) => {
    const sub = vscode.languages.onDidChangeDiagnostics(e => {
      if (e.uris.some(u => u.toString() === uri.toString())) { cancel(); resolve(vscode.languages.getDiagnostics(uri)); }
    });
    const timer = setTimeout(() => { cancel(); reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} on ${uri.fsPath}`)); }, timeoutMs);
    cancel = () => { clearTimeout(timer); sub.dispose(); };
  });
  return { promise, cancel: () => cancel() };
}

/** Applies a code action the way the lightbulb does: its edit, then its command. */
async function applyAction(action) {
  if (action.edit) {
    const ok = await vscode.workspace.applyEdit(action.edit);
    if (!ok) throw new Error(`applyEdit failed for "${action.title}"`);
  }
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments || []));
}

/** Opens a workspace file in an editor and returns its document. */
async function openFile(rel) {
  const doc = await vscode.workspace.openTextDocument(workspaceFile(rel));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/** Replaces the whole text of a document and saves it (as a user editing the file would). */
async function replaceAllAndSave(doc, text) {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), text);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`applyEdit failed on ${doc.uri.fsPath}`);
  if (!(await doc.save())) throw new Error(`save failed on ${doc.uri.fsPath}`);
}

/** Reverts the document's unsaved changes (the workspace is a temp copy, but tests share it). */
async function revert(doc) {
  if (!doc || !doc.isDirty) return;
  await vscode.window.showTextDocument(doc, { preview: false });
  await vscode.commands.executeCommand('workbench.action.files.revert');
}

module.exports = {
  note, codeOf, ours, describeDiag, waitForDiagnostics, nextDiagnosticsEvent, waitForCodeAction, applyAction,
  workspaceFile, openFile, replaceAllAndSave, revert,
};
