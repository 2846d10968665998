import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../helpers/lsp-client';

/**
 * Nothing executes, nothing phones home. Statically: which bundled modules of dist/server.js and
 * dist/cli.js require a process, network or socket module, each allowed one with its reason. At
 * run time: the CLI and the server lint the examples with those modules (and fetch) booby-trapped.
 */
const ROOT = join(__dirname, '..', '..');
const FORBIDDEN = /require\("(?:node:)?(child_process|net|http|https|http2|dgram|tls|dns|cluster|worker_threads|inspector)"\)/;
const PRELOAD = join(__dirname, 'forbid-network.cjs');

/** `module → required name` for every forbidden require in a bundle (esbuild marks each module with a `// path` line). */
function forbiddenRequires(bundle: string): string[] {
  const found: string[] = [];
  let module = '(entry)';
  for (const line of readFileSync(join(ROOT, bundle), 'utf8').split('\n')) {
    if (/^\/\/ (?:node_modules|server|client)\//.test(line)) module = line.slice(3);
    const m = FORBIDDEN.exec(line);
    if (m) found.push(`${module} → ${m[1]}`);
  }
  return found;
}

describe('no process execution, no network', function () {
  this.timeout(60_000);

  it('dist/cli.js requires no process, network or socket module; worker threads run only its own bundle', () => {
    assert.deepEqual(forbiddenRequires('dist/cli.js'), [
      // `--jobs`: lint threads run dist/cli.js itself (`new Worker(__filename)`), never a file of the workspace.
      'server/src/cli.ts → worker_threads',
      'server/src/cli/lint-files.ts → worker_threads',
    ]);
    const source = readFileSync(join(ROOT, 'server', 'src', 'cli.ts'), 'utf8');
    assert.match(source, /lintFiles\(files, args, io\.cwd, threads, __filename\)/, 'the worker script is the CLI bundle itself');
  });

  it('dist/server.js requires only what the LSP library needs for its other transports', () => {
    assert.deepEqual(forbiddenRequires('dist/server.js').sort(), [
      // Files.resolveGlobalNodePath / resolveGlobalYarnPath (asks npm/yarn where global modules are);
      // Shipshape never calls them (the run-time test below would fail if it did).
      'node_modules/vscode-languageserver/lib/node/files.js → child_process',
      // The socket and named-pipe transports (--socket, --pipe); the editor starts the server over
      // IPC (Node's process channel) and the tests over stdio, neither of which opens a socket.
      'node_modules/vscode-languageserver/node_modules/vscode-jsonrpc/lib/node/main.js → net',
    ]);
  });

  it('the extension declares what it does: supported in untrusted workspaces (nothing executes), not in virtual ones (reads the disk)', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, true);
    assert.equal(pkg.capabilities.virtualWorkspaces.supported, false);
    assert.match(pkg.capabilities.virtualWorkspaces.description, /from disk/);
  });

  it('the trap works (a control)', () => {
    const run = spawnSync(process.execPath, ['--require', PRELOAD, '-e', "try { require('net').connect(1) } catch {} try { fetch('http://localhost') } catch {}"], { encoding: 'utf8' });
    assert.match(run.stderr, /FORBIDDEN net\.connect/);
    assert.match(run.stderr, /FORBIDDEN fetch/);
  });

  it('the CLI lints the examples in every format with processes, sockets and fetch forbidden', () => {
    for (const format of ['text', 'json', 'sarif']) {
      const run = spawnSync(process.execPath, ['--require', PRELOAD, join(ROOT, 'dist', 'cli.js'), 'lint', 'examples', '--format', format], { cwd: ROOT, encoding: 'utf8' });
      assert.doesNotMatch(run.stderr, /FORBIDDEN/, run.stderr);
      assert.equal(run.status, 1, `findings reported (${format}): ${run.stderr}`);
    }
  });

  it('the server lints Dockerfile, Compose and Kubernetes documents with processes, sockets and fetch forbidden', async () => {
    const client = new LspClient(['--stdio'], { ...process.env, NODE_OPTIONS: `--require ${PRELOAD}` });
    try {
      await client.initialize({ rootPath: join(ROOT, 'examples', 'insecure') });
      for (const [file, languageId] of [['Dockerfile', 'dockerfile'], ['docker-compose.yml', 'dockercompose'], ['k8s/deployment.yaml', 'yaml']]) {
        const path = join(ROOT, 'examples', 'insecure', file);
        const uri = pathToFileURL(path).href;
        const published = client.nextDiagnostics(uri, 1, 20_000);
        client.open(uri, languageId, readFileSync(path, 'utf8'));
        assert.ok((await published).diagnostics.length > 0, `${file} has findings`);
      }
    } finally {
      await client.stop();
    }
    assert.doesNotMatch(client.stderr, /FORBIDDEN/, client.stderr);
  });
});
