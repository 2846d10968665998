// Minimal LSP client: JSON-RPC 2.0 over stdio with Content-Length framing.
// Answers the server->client requests that real servers block on
// (workspace/configuration, client/registerCapability, ...), timestamps every
// incoming message on arrival, and lets callers wait for a predicate with a timeout.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';

export class TimeoutError extends Error {}

// Looks up "a.b.c" in a nested settings object; also accepts literal keys
// such as "[yaml]" or "docker.languageserver.diagnostics" stored flat.
export function lookupSection(settings, section) {
  if (!section) return settings;
  if (Object.prototype.hasOwnProperty.call(settings, section)) return settings[section];
  let cur = settings;
  for (const part of section.split('.')) {
    if (cur == null || typeof cur !== 'object' || !(part in cur)) return null;
    cur = cur[part];
  }
  return cur === undefined ? null : cur;
}

// Every spawned server, so an aborted run never leaves one behind.
const LIVE = new Set();
process.on('exit', () => { for (const c of LIVE) c.kill(); });

export class LspClient {
  constructor({ name, command, args, cwd, env, settings = {}, workspaceFolders = [] }) {
    Object.assign(this, { name, command, args, cwd, env, settings, workspaceFolders });
    this.nextId = 1;
    this.pending = new Map();
    this.waiters = new Set();
    this.buf = Buffer.alloc(0);
    this.stderrTail = '';
    this.exited = null;
    this.configRequests = 0;
    this.serverRequests = {};
    this.diagnosticsLog = []; // { t, uri, version, count }
  }

  start() {
    this.t0 = performance.now();
    this.proc = spawn(this.command, this.args, {
      cwd: this.cwd, env: { ...process.env, ...this.env }, stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.pid = this.proc.pid;
    LIVE.add(this);
    this.proc.stdout.on('data', (chunk) => this.onData(chunk));
    this.proc.stderr.on('data', (d) => { this.stderrTail = (this.stderrTail + d.toString()).slice(-4000); });
    this.proc.stdin.on('error', () => { /* server died; surfaced via exit */ });
    this.proc.on('exit', (code, signal) => {
      this.exited = { code, signal };
      LIVE.delete(this);
      const err = new Error(`${this.name} exited (code ${code}, signal ${signal}). stderr: ${this.stderrTail.slice(-800)}`);
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
      for (const w of this.waiters) w.reject(err);
      this.waiters.clear();
    });
    this.proc.on('error', (e) => { this.exited = { error: e }; });
  }

  onData(chunk) {
    const t = performance.now();
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    for (;;) {
      const headerEnd = this.buf.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buf.subarray(0, headerEnd).toString('ascii');
      const m = /Content-Length:\s*(\d+)/i.exec(header);
      if (!m) throw new Error(`${this.name}: bad header ${JSON.stringify(header)}`);
      const len = Number(m[1]);
      const start = headerEnd + 4;
      if (this.buf.length < start + len) return;
      const body = this.buf.subarray(start, start + len).toString('utf8');
      this.buf = this.buf.subarray(start + len);
      let msg;
      try { msg = JSON.parse(body); } catch { continue; }
      this.dispatch(msg, t);
    }
  }

  dispatch(msg, t) {
    if (msg.id !== undefined && msg.method === undefined) {
      const p = this.pending.get(msg.id);
      if (p) {
        this.pending.delete(msg.id);
        if (msg.error) p.reject(Object.assign(new Error(`${p.method}: ${msg.error.message}`), { rpc: msg.error }));
        else p.resolve({ result: msg.result, t });
      }
      return;
    }
    if (msg.id !== undefined) { this.answer(msg); return; }
    // notification
    if (msg.method === 'textDocument/publishDiagnostics') {
      const { uri, version, diagnostics } = msg.params;
      this.diagnosticsLog.push({ t, uri, version, count: diagnostics.length });
    }
    for (const w of [...this.waiters]) {
      if (w.predicate(msg)) { this.waiters.delete(w); clearTimeout(w.timer); w.resolve({ msg, t }); }
    }
  }

  answer(req) {
    this.serverRequests[req.method] = (this.serverRequests[req.method] || 0) + 1;
    let result = null;
    switch (req.method) {
      case 'workspace/configuration':
        this.configRequests++;
        result = (req.params.items || []).map((it) => lookupSection(this.settings, it.section));
        break;
      case 'workspace/workspaceFolders':
        result = this.workspaceFolders;
        break;
      case 'workspace/applyEdit':
        result = { applied: false };
        break;
      // client/registerCapability, client/unregisterCapability, window/workDoneProgress/create,
      // window/showMessageRequest, workspace/*/refresh ...: null is a valid answer for all of them
      default:
        result = null;
    }
    this.write({ jsonrpc: '2.0', id: req.id, result });
    for (const w of [...this.waiters]) {
      if (w.predicate({ ...req, answered: true })) { this.waiters.delete(w); clearTimeout(w.timer); w.resolve({ msg: req, t: performance.now() }); }
    }
  }

  write(obj) {
    const json = JSON.stringify(obj);
    this.proc.stdin.write(`Content-Length: ${Buffer.byteLength(json, 'utf8')}\r\n\r\n${json}`);
  }

  request(method, params, timeoutMs = 30000) {
    if (this.exited) return Promise.reject(new Error(`${this.name} is not running`));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new TimeoutError(`${this.name}: ${method} timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, {
        method,
        resolve: (v) => { clearTimeout(timer); resolve(v); },
        reject: (e) => { clearTimeout(timer); reject(e); },
      });
      this.write({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method, params) {
    this.write({ jsonrpc: '2.0', method, params });
  }

  // Register BEFORE triggering the event, then await the returned promise.
  waitFor(predicate, timeoutMs, label) {
    if (this.exited) return Promise.reject(new Error(`${this.name} is not running`));
    let w;
    const p = new Promise((resolve, reject) => {
      w = { predicate, resolve, reject };
      w.timer = setTimeout(() => {
        this.waiters.delete(w);
        reject(new TimeoutError(`${this.name}: timed out after ${timeoutMs} ms waiting for ${label}`));
      }, timeoutMs);
      this.waiters.add(w);
    });
    return p;
  }

  memory() {
    try {
      const s = fs.readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const kb = (k) => { const m = new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(s); return m ? Number(m[1]) * 1024 : null; };
      return { hwm: kb('VmHWM'), rss: kb('VmRSS') };
    } catch {
      return { hwm: null, rss: null };
    }
  }

  async shutdown() {
    if (this.exited) return;
    const exited = new Promise((r) => this.proc.once('exit', r));
    try { await this.request('shutdown', null, 5000); this.notify('exit', null); } catch { /* ignore */ }
    const t = setTimeout(() => { try { this.proc.kill('SIGKILL'); } catch { /* gone */ } }, 3000);
    await exited;
    clearTimeout(t);
  }

  kill() {
    if (!this.exited) { try { this.proc.kill('SIGKILL'); } catch { /* gone */ } }
  }
}

export const CLIENT_CAPABILITIES = {
  general: { positionEncodings: ['utf-16'] },
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: true },
    applyEdit: true,
    workspaceEdit: { documentChanges: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: false, willSave: false, willSaveWaitUntil: false, didSave: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
  },
  window: { workDoneProgress: true },
};
