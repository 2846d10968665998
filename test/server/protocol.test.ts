import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { applyEdits } from '../../server/src/engine/apply-fixes';
import type { TextEdit } from '../../server/src/engine/types';
import { LspClient } from '../helpers/lsp-client';

interface CodeAction {
  title: string;
  kind?: string;
  isPreferred?: boolean;
  edit?: { documentChanges?: Array<{ textDocument: { uri: string; version: number }; edits: TextEdit[] }> };
}

describe('language server over stdio', function () {
  let client: LspClient;

  before(async function () {
    client = new LspClient();
    const result = await client.initialize();
    assert.ok(result.capabilities.codeActionProvider, 'offers code actions');
    assert.ok(result.capabilities.textDocumentSync, 'syncs documents');
  });

  after(async () => {
    const code = await client.stop();
    assert.equal(code, 0, `server exited cleanly (stderr: ${client.stderr})`);
  });

  it('publishes diagnostics on open with code, source, docs link and exact range', async () => {
    const uri = 'file:///work/app/Dockerfile';
    const published = client.nextDiagnostics(uri);
    client.open(uri, 'dockerfile', 'FROM nginx:latest\nUSER 10001\n');
    const { diagnostics, version } = await published;
    assert.equal(version, 1);
    assert.equal(diagnostics.length, 1);
    const [d] = diagnostics;
    assert.equal(d.code, 'image-latest-tag');
    assert.equal(d.source, 'shipshape');
    assert.equal(d.severity, 2);
    assert.deepEqual(d.range, { start: { line: 0, character: 5 }, end: { line: 0, character: 17 } });
    assert.ok(d.codeDescription?.href.endsWith('/docs/rules/image-latest-tag.md'));
    assert.ok(existsSync(fileURLToPath(d.codeDescription!.href)), 'the docs link points at a shipped page');
  });

  it('offers the fix as a versioned quick-fix; applying it clears the diagnostic', async () => {
    const uri = 'file:///work/app2/Dockerfile';
    const text = 'FROM node:22\nUSER root\nCMD ["node"]\n';
    let published = client.nextDiagnostics(uri);
    client.open(uri, 'dockerfile', text);
    const first = await published;
    const diagnostic = first.diagnostics.find((d) => d.code === 'user-root');
    assert.ok(diagnostic, 'user-root reported');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: ['quickfix'] },
    });
    const action = actions.find((a) => a.title.includes('10001:10001'));
    assert.ok(action, `quick-fix offered (got ${actions.map((a) => a.title).join(', ')})`);
    assert.equal(action.kind, 'quickfix');
    assert.equal(action.isPreferred, false, 'behaviour-changing fixes are not preferred');
    const change = action.edit!.documentChanges![0];
    assert.deepEqual(change.textDocument, { uri, version: 1 });
    const fixed = applyEdits(text, change.edits);
    assert.equal(fixed, 'FROM node:22\nUSER 10001:10001\nCMD ["node"]\n');
    published = client.nextDiagnostics(uri, 2);
    client.change(uri, 2, fixed);
    const second = await published;
    assert.equal(second.version, 2);
    assert.deepEqual(second.diagnostics.map((d) => d.code), []);
  });

  it('never offers fixes computed for an older version', async () => {
    const uri = 'file:///work/app3/Dockerfile';
    let published = client.nextDiagnostics(uri);
    client.open(uri, 'dockerfile', 'FROM node:22\nUSER root\n');
    const stale = (await published).diagnostics.find((d) => d.code === 'user-root')!;
    published = client.nextDiagnostics(uri, 2);
    client.change(uri, 2, '# a line added above\nFROM node:22\nUSER root\n');
    await published;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: stale.range,
      context: { diagnostics: [stale], only: ['quickfix'] },
    });
    assert.deepEqual(actions.filter((a) => a.edit).map((a) => a.title), []);
  });

  it('lints Compose and Kubernetes YAML, and leaves other YAML alone', async () => {
    const compose = 'file:///work/app/compose.yaml';
    const k8s = 'file:///work/app/deploy.yaml';
    const other = 'file:///work/app/.github/workflows/ci.yaml';
    const waits = [client.nextDiagnostics(compose), client.nextDiagnostics(k8s), client.nextDiagnostics(other)];
    client.open(compose, 'dockercompose', 'services:\n  web:\n    image: nginx:1.27\n    privileged: true\n');
    client.open(k8s, 'yaml', 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: x:1\n      securityContext: {privileged: true, runAsNonRoot: true, allowPrivilegeEscalation: false}\n');
    client.open(other, 'yaml', 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps: [{run: "echo ${{ secrets.TOKEN }}"}]\n');
    const [c, k, o] = await Promise.all(waits);
    assert.deepEqual(c.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]), [['privileged', 3, 4]]);
    assert.deepEqual(k.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]), [['privileged', 7, 24]]);
    assert.deepEqual(o.diagnostics, []);
  });

  it('clears diagnostics when a document closes', async () => {
    const uri = 'file:///work/app4/Dockerfile';
    let published = client.nextDiagnostics(uri);
    client.open(uri, 'dockerfile', 'FROM nginx:latest\n');
    assert.ok((await published).diagnostics.length > 0);
    published = client.nextDiagnostics(uri);
    client.close(uri);
    assert.deepEqual((await published).diagnostics, []);
  });

  it('reports a YAML syntax error once and keeps linting the other documents', async () => {
    const uri = 'file:///work/app/broken.yaml';
    const published = client.nextDiagnostics(uri);
    client.open(uri, 'yaml', 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: q}\nspec:\n  containers:\n    - name: a\n      image: x:1\n      securityContext: {privileged: true, runAsNonRoot: true, allowPrivilegeEscalation: false}\n');
    const { diagnostics } = await published;
    const syntax = diagnostics.filter((d) => d.code === undefined);
    assert.equal(syntax.length, 1);
    assert.ok(syntax[0].message.startsWith('YAML syntax error'));
    assert.ok(diagnostics.some((d) => d.code === 'privileged' && d.range.start.line === 13));
  });
});
