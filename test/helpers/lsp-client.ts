import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * A minimal LSP client for protocol tests: spawns the bundled server over stdio as an editor does,
 * speaks JSON-RPC with Content-Length framing, and lets tests wait on notifications with timeouts.
 */
export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: Array<{
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    severity?: number;
    code?: string | number;
    source?: string;
    message: string;
    codeDescription?: { href: string };
    data?: unknown;
  }>;
}

type Handler = (params: unknown) => unknown;

export const SERVER_PATH = join(__dirname, '..', '..', 'dist', 'server.js');

export class LspClient {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly notificationListeners: Array<(method: string, params: unknown) => void> = [];
  readonly requestHandlers = new Map<string, Handler>();
  /** Every publishDiagnostics received, by URI, latest last. */
  readonly diagnostics = new Map<string, PublishedDiagnostics[]>();
  readonly logs: string[] = [];
  stderr = '';

  constructor(args: string[] = ['--stdio'], env: NodeJS.ProcessEnv = process.env) {
    this.child = spawn(process.execPath, [SERVER_PATH, ...args], { stdio: ['pipe', 'pipe', 'pipe'], env });
    this.child.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.requestHandlers.set('workspace/configuration', (params) => (params as { items: unknown[] }).items.map(() => null));
    this.requestHandlers.set('client/registerCapability', () => null);
    this.requestHandlers.set('window/workDoneProgress/create', () => null);
    this.onNotification((method, params) => {
      if (method === 'textDocument/publishDiagnostics') {
        const p = params as PublishedDiagnostics;
        const list = this.diagnostics.get(p.uri) ?? [];
        list.push(p);
        this.diagnostics.set(p.uri, list);
      } else if (method === 'window/logMessage') {
        this.logs.push((params as { message: string }).message);
      }
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const match = /Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'));
      if (!match) throw new Error('bad header from server');
      const length = Number(match[1]);
      const start = headerEnd + 4;
      if (this.buffer.length < start + length) return;
      const message = JSON.parse(this.buffer.subarray(start, start + length).toString('utf8'));
      this.buffer = this.buffer.subarray(start + length);
      this.dispatch(message);
    }
  }

  private dispatch(message: { id?: number; method?: string; params?: unknown; result?: unknown; error?: { message: string } }): void {
    if (message.method !== undefined && message.id !== undefined) {
      const handler = this.requestHandlers.get(message.method);
      Promise.resolve(handler ? handler(message.params) : null).then((result) => this.write({ jsonrpc: '2.0', id: message.id, result }));
    } else if (message.method !== undefined) {
      for (const listener of [...this.notificationListeners]) listener(message.method, message.params);
    } else if (message.id !== undefined) {
      const waiter = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) waiter?.reject(new Error(message.error.message));
      else waiter?.resolve(message.result);
    }
  }

  private write(message: object): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  request<T = unknown>(method: string, params: unknown, timeoutMs = 10000): Promise<T> {
    const id = this.nextId++;
    this.write({ jsonrpc: '2.0', id, method, params });
    return withTimeout(
      new Promise<T>((resolve, reject) => this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject })),
      timeoutMs,
      `no answer to ${method}`,
    );
  }

  notify(method: string, params: unknown): void {
    this.write({ jsonrpc: '2.0', method, params });
  }

  onNotification(listener: (method: string, params: unknown) => void): () => void {
    this.notificationListeners.push(listener);
    return () => {
      const index = this.notificationListeners.indexOf(listener);
      if (index >= 0) this.notificationListeners.splice(index, 1);
    };
  }

  /** Resolves with the first notification that satisfies the predicate (only ones arriving from now on). */
  waitForNotification<T>(method: string, predicate: (params: T) => boolean = () => true, timeoutMs = 10000): Promise<T> {
    let off = () => {};
    const promise = new Promise<T>((resolve) => {
      off = this.onNotification((m, params) => {
        if (m === method && predicate(params as T)) {
          off();
          resolve(params as T);
        }
      });
    });
    return withTimeout(promise, timeoutMs, `no ${method} arrived`).finally(off);
  }

  /** The next diagnostics published for a URI (optionally for a document version). */
  nextDiagnostics(uri: string, version?: number, timeoutMs = 10000): Promise<PublishedDiagnostics> {
    return this.waitForNotification<PublishedDiagnostics>(
      'textDocument/publishDiagnostics',
      (p) => p.uri === uri && (version === undefined || p.version === undefined || p.version >= version),
      timeoutMs,
    );
  }

  async initialize(options: { rootPath?: string; capabilities?: object; initializationOptions?: unknown } = {}): Promise<{ capabilities: Record<string, unknown> }> {
    const rootUri = options.rootPath ? pathToFileURL(options.rootPath).href : null;
    const result = await this.request<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'workspace' }] : null,
      capabilities: options.capabilities ?? {
        workspace: { configuration: true, workspaceEdit: { documentChanges: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: {
          publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          codeAction: { dataSupport: true, resolveSupport: { properties: ['edit'] }, codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll', 'source'] } } },
        },
      },
      initializationOptions: options.initializationOptions,
    });
    this.notify('initialized', {});
    return result;
  }

  open(uri: string, languageId: string, text: string, version = 1): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, text: string): void {
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  close(uri: string): void {
    this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  /** Shuts the server down politely; kills it if it does not exit in time. */
  async stop(): Promise<number | null> {
    if (this.child.exitCode !== null) return this.child.exitCode;
    const exited = once(this.child, 'exit');
    try {
      await this.request('shutdown', null, 3000);
      this.notify('exit', null);
      await withTimeout(exited, 3000, 'server did not exit');
    } catch {
      this.child.kill('SIGKILL');
      await exited;
    }
    return this.child.exitCode;
  }

  kill(): void {
    this.child.kill('SIGKILL');
  }

  get exited(): Promise<unknown[]> {
    return this.child.exitCode !== null ? Promise.resolve([this.child.exitCode]) : once(this.child, 'exit');
  }
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
