#!/usr/bin/env node
// `npm run demo:editor`: try Shipshape in a browser, no VS Code install needed. Sets up the cached tools
// (scripts/e2e/setup.sh), packages the extension, starts code-server (the real VS Code workbench) on
// 127.0.0.1 with dist/shipshape.vsix installed, opens a copy of examples/ and prints the URL.
// Ctrl+C stops it (and removes the temp folder with the copy).
//
//   node scripts/e2e/demo-editor.mjs [--port N] [--folder DIR] [--no-package]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { startCodeServer, copyWorkspace, once, REPO_ROOT } from './code-server.mjs';

const { values: a } = util.parseArgs({ options: {
  port: { type: 'string' }, folder: { type: 'string' }, 'no-package': { type: 'boolean' },
} });
const folder = path.resolve(a.folder || path.join(REPO_ROOT, 'examples'));
const vsix = path.join(REPO_ROOT, 'dist/shipshape.vsix');

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) { console.error(`${cmd} ${args.join(' ')} failed`); process.exit(1); }
}

run('bash', ['scripts/e2e/setup.sh']);
if (!a['no-package'] || !fs.existsSync(vsix)) run('npm', ['run', '--silent', 'package']);

const cs = await startCodeServer({ vsix: [vsix], port: a.port ? Number(a.port) : undefined,
  settings: { 'workbench.startupEditor': 'none', 'editor.minimap.enabled': false } });
const ws = copyWorkspace(folder, cs.runDir); // a copy: edits in the demo never touch the repository
const url = cs.url({ folder: ws });
console.log(`
  Shipshape demo editor: the VS Code workbench (code-server) with dist/shipshape.vsix installed
  workspace: a copy of ${path.relative(REPO_ROOT, folder) || folder} at ${ws}

      ${url}

  Open the URL in a browser on this machine (it listens on 127.0.0.1 only; for a remote machine,
  forward the port: ssh -L ${cs.port}:127.0.0.1:${cs.port} HOST). Open insecure/Dockerfile, hover the
  squiggles, press Ctrl+. for fixes, and Ctrl+Shift+M for the Problems panel.
  Ctrl+C stops the editor.
`);
await once(process, 'SIGINT', 2 ** 31 - 1).catch(() => {}); // the signal handler in code-server.mjs stops it
