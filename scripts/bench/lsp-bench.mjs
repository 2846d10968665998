// Drives one language server through one session on one input:
// spawn -> initialize (timed) -> initialized -> didChangeConfiguration ->
// didOpen (timed to first publishDiagnostics for the URI) -> N one-character
// edits (each timed to the "fresh" publishDiagnostics that follows) -> VmHWM -> shutdown.

import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { LspClient, CLIENT_CAPABILITIES, TimeoutError } from './lsp-client.mjs';

// Lines where appending one character and deleting it again keeps the file
// well-formed: scalar values in the middle of the document, never a line that
// ends in a continuation backslash, never a comment.
const EDIT_LINE = {
  dockerfile: /^(?:ENV|ARG|WORKDIR|EXPOSE|USER) [^#]*[A-Za-z0-9]$/,
  k8s: /^\s+(?:-\s+)?(?:image|name|value|app|serviceAccountName|mountPath): [^"#]*[A-Za-z0-9]$/,
  compose: /^\s+(?:image|container_name|LOG_LEVEL|SERVICE_NAME): [^"#]*[A-Za-z0-9]$/,
};

export function planEdits(text, kind, count) {
  const lines = text.split('\n');
  const re = EDIT_LINE[kind];
  const cands = [];
  lines.forEach((l, i) => { if (re.test(l)) cands.push(i); });
  if (!cands.length) throw new Error(`no editable line for ${kind}`);
  // Focus on the middle 80% of the file (where a user would type), spread evenly.
  const lo = Math.floor(cands.length * 0.1);
  const hi = Math.max(lo + 1, Math.ceil(cands.length * 0.9));
  const pool = cands.slice(lo, hi);
  const pairs = Math.ceil(count / 2);
  const edits = [];
  for (let p = 0; p < pairs; p++) {
    const line = pool[Math.floor(((p + 0.5) * pool.length) / pairs) % pool.length];
    const ch = lines[line].length;
    // insert "x" at end of line, then delete it again -> the document oscillates
    edits.push({ line, ch, insert: 'x' });
    edits.push({ line, ch, remove: 1 });
  }
  return edits.slice(0, count);
}

function syncKind(caps) {
  const s = caps && caps.textDocumentSync;
  if (typeof s === 'number') return s;
  if (s && typeof s === 'object') return s.change ?? 0;
  return 0;
}

const isDiagFor = (uri, minVersion) => (m) =>
  m.method === 'textDocument/publishDiagnostics' && m.params && m.params.uri === uri &&
  (m.params.version == null || m.params.version >= minVersion);

export async function runSession(server, input, { edits = 20, pacedEdits = 0, editGapMs = 150, openTimeoutMs = 30000, editTimeoutMs } = {}) {
  const root = path.dirname(input.file);
  const rootUri = pathToFileURL(root).href;
  const uri = pathToFileURL(input.file).href;
  const client = new LspClient({
    name: server.id, command: server.command, args: server.args, cwd: root, env: server.env,
    settings: server.settings, workspaceFolders: [{ uri: rootUri, name: path.basename(root) }],
  });
  const res = { server: server.id, input: input.id, start: null, open: null, edits: [], pacedEdits: [], editTimeouts: 0,
    hwm: null, openDiagCount: null, sync: null, publishesPerEdit: [], versioned: false, error: null, notes: [] };
  try {
    // Config-pull waiter must exist before anything can trigger the pull.
    const configPulled = server.awaitConfigPull
      ? client.waitFor((m) => m.answered && m.method === 'workspace/configuration', 15000, 'workspace/configuration')
      : null;
    client.start();
    const init = await client.request('initialize', {
      processId: process.pid, clientInfo: { name: 'shipshape-bench', version: '1' }, locale: 'en',
      rootUri, rootPath: root, workspaceFolders: [{ uri: rootUri, name: path.basename(root) }],
      capabilities: CLIENT_CAPABILITIES, initializationOptions: server.initializationOptions ?? {},
      trace: 'off',
    }, 60000);
    res.start = init.t - client.t0;
    const kind = syncKind(init.result.capabilities);
    res.sync = kind === 2 ? 'incremental' : kind === 1 ? 'full' : 'none';
    client.notify('initialized', {});
    client.notify('workspace/didChangeConfiguration', { settings: server.settings });
    if (configPulled) {
      try { await configPulled; } catch (e) { res.notes.push(`no config pull: ${e.message}`); }
    } else {
      configPulled?.catch(() => {});
    }

    const lines = input.text.split('\n');
    let version = 1;
    const openWait = client.waitFor(isDiagFor(uri, version), openTimeoutMs, 'diagnostics after didOpen');
    const tOpen = performance.now();
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: server.languageIds?.[input.kind] ?? input.languageId, version, text: input.text } });
    const opened = await openWait;
    res.open = opened.t - tOpen;
    res.openDiagCount = opened.msg.params.diagnostics.length;
    res.versioned = opened.msg.params.version != null;

    if (kind === 0) {
      res.notes.push('server declares no textDocumentSync change support; edits skipped');
    } else {
      // A server that does not republish after an edit must not stall the run.
      const editTimeout = editTimeoutMs ?? Math.max(5000, 5 * res.open);
      const plan = planEdits(input.text, input.kind, edits + pacedEdits);
      // Phase 1 ("back-to-back"): each edit is sent as soon as the previous edit's diagnostics arrived.
      // Phase 2 ("paced"): edit sends are spaced at least editGapMs apart, like typing.
      const phases = [{ key: 'edits', list: plan.slice(0, edits), gap: 0 },
        { key: 'pacedEdits', list: plan.slice(edits), gap: editGapMs }];
      for (const phase of phases) {
        let consecutiveTimeouts = 0;
        let lastSend = -Infinity;
        for (const e of phase.list) {
          const gapLeft = lastSend + phase.gap - performance.now();
          if (phase.gap > 0 && gapLeft > 0) await new Promise((r) => setTimeout(r, gapLeft));
          version++;
          const l = lines[e.line];
          let change;
          if (e.insert) {
            lines[e.line] = l.slice(0, e.ch) + e.insert + l.slice(e.ch);
            change = { range: { start: { line: e.line, character: e.ch }, end: { line: e.line, character: e.ch } }, text: e.insert };
          } else {
            lines[e.line] = l.slice(0, e.ch) + l.slice(e.ch + e.remove);
            change = { range: { start: { line: e.line, character: e.ch }, end: { line: e.line, character: e.ch + e.remove } }, text: '' };
          }
          const contentChanges = kind === 2 ? [change] : [{ text: lines.join('\n') }];
          const before = client.diagnosticsLog.length;
          const wait = client.waitFor(isDiagFor(uri, version), editTimeout, `diagnostics after edit v${version}`);
          const t = performance.now();
          lastSend = t;
          client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
          try {
            const got = await wait;
            res[phase.key].push(got.t - t);
            res.publishesPerEdit.push(client.diagnosticsLog.length - before);
            consecutiveTimeouts = 0;
          } catch (err) {
            if (!(err instanceof TimeoutError)) throw err;
            res.editTimeouts++;
            if (++consecutiveTimeouts >= 2) {
              res.notes.push(`2 consecutive edits got no publishDiagnostics within ${Math.round(editTimeout)} ms; stopped editing`);
              break;
            }
          }
        }
        if (consecutiveTimeouts >= 2) break;
      }
    }
    res.hwm = client.memory().hwm;
    res.configRequests = client.configRequests;
    res.serverRequests = client.serverRequests;
    await client.shutdown();
  } catch (err) {
    res.error = err.message;
    client.kill();
  }
  return res;
}
