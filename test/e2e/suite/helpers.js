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
 * Code actions for `range` until one titled `title` is offered (resolves with it and the titles seen).
 * Why a retry: VS Code cancels a code-action request, and returns [], whenever the set of code-action
 * providers changes while it runs; right after start-up other extensions are still registering theirs.
 * Each attempt is a full round trip through the workbench; attempts are spaced by `intervalMs`.
 */
async function waitForCodeAction(uri, range, title, { timeoutMs = 30000, intervalMs = 100, kind = vscode.CodeActionKind.QuickFix } = {}) {
  const deadline = Date.now() + timeoutMs;
  let titles = [], attempts = 0;
  for (;;) {
    attempts++;
    const actions = (await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, range, kind && kind.value)) || [];
    titles = actions.map(a => a.title);
    const found = actions.find(a => a.title === title);
    if (found) return { action: found, titles, attempts };
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

module.exports = { note, codeOf, waitForDiagnostics, waitForCodeAction, workspaceFile };
