import assert from 'node:assert/strict';
import { applyEdits, fixAll } from '../../server/src/engine/apply-fixes';
import type { TextEdit } from '../../server/src/engine/types';
import { LspClient, type PublishedDiagnostics } from '../helpers/lsp-client';

interface CodeAction {
  title: string;
  kind?: string;
  edit?: { documentChanges?: Array<{ textDocument: { uri: string; version: number }; edits: TextEdit[] }> };
}

const FIX_ALL = 'source.fixAll.shipshape';
// Two safe fixes (ADD → COPY), one stale ignore (safe to remove), and a behaviour-changing suggestion (USER root).
const DOCKERFILE = 'FROM node:22\nADD package.json /app/\n# shipshape ignore=image-latest-tag -- old\nADD src /app/src\nUSER root\nCMD ["node"]\n';
const FIXED = 'FROM node:22\nCOPY package.json /app/\nCOPY src /app/src\nUSER root\nCMD ["node"]\n';

describe('fix-all over stdio (source.fixAll.shipshape, shipshape.applyFixAll)', function () {
  let client: LspClient;
  let n = 0;
  const applied: unknown[] = [];

  before(async () => {
    client = new LspClient();
    client.requestHandlers.set('workspace/applyEdit', (params) => {
      applied.push(params);
      return { applied: true };
    });
    const { capabilities } = await client.initialize();
    assert.deepEqual((capabilities.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, ['quickfix', FIX_ALL]);
    assert.ok((capabilities.executeCommandProvider as { commands: string[] }).commands.includes('shipshape.applyFixAll'));
  });

  after(async () => {
    assert.equal(await client.stop(), 0, client.stderr);
  });

  async function open(text: string): Promise<{ uri: string; published: PublishedDiagnostics }> {
    const uri = `file:///work/fixall${++n}/Dockerfile`;
    const wait = client.nextDiagnostics(uri);
    client.open(uri, 'dockerfile', text);
    return { uri, published: await wait };
  }

  const fixAllActions = (uri: string, only: string[]) =>
    client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only },
    });

  it('answers codeActionsOnSave with one versioned edit of the safe fixes only; a second run changes nothing', async () => {
    const { uri, published } = await open(DOCKERFILE);
    assert.deepEqual(published.diagnostics.map((d) => d.code).sort(), ['add-instead-of-copy', 'add-instead-of-copy', 'unused-ignore', 'user-root']);
    const [action, ...more] = (await fixAllActions(uri, [FIX_ALL])).filter((a) => a.kind === FIX_ALL);
    assert.ok(action, 'fix-all offered');
    assert.equal(more.length, 0);
    const [change] = action.edit!.documentChanges!;
    assert.deepEqual(change.textDocument, { uri, version: 1 });
    const fixed = applyEdits(DOCKERFILE, change.edits);
    assert.equal(fixed, FIXED, 'USER root (a behaviour-changing suggestion) is never applied on save');

    const relinted = client.nextDiagnostics(uri, 2);
    client.change(uri, 2, fixed);
    assert.deepEqual((await relinted).diagnostics.map((d) => d.code), ['user-root']);
    assert.deepEqual((await fixAllActions(uri, [FIX_ALL])).filter((a) => a.kind === FIX_ALL), [], 'nothing left to fix the second time');
  });

  it('is offered for the parent kinds (source, source.fixAll) and not for quick fixes', async () => {
    const { uri } = await open('FROM node:22\nADD a.txt /a.txt\nUSER 10001\n');
    for (const only of [['source'], ['source.fixAll']]) {
      assert.equal((await fixAllActions(uri, only)).filter((a) => a.kind === FIX_ALL).length, 1, only[0]);
    }
    assert.equal((await fixAllActions(uri, ['quickfix'])).filter((a) => a.kind === FIX_ALL).length, 0);
  });

  it('"Fix all in this file" applies the same edit through workspace/applyEdit, and drops a request for an older version', async () => {
    const { uri } = await open(DOCKERFILE);
    applied.length = 0;
    const stale = await client.request<{ applied: number }>('workspace/executeCommand', { command: 'shipshape.applyFixAll', arguments: [{ uri, version: 0 }] });
    assert.deepEqual(stale, { applied: 0 });
    assert.equal(applied.length, 0, 'no edit for an older version');
    const result = await client.request<{ applied: number }>('workspace/executeCommand', { command: 'shipshape.applyFixAll', arguments: [{ uri, version: 1 }] });
    assert.equal(result.applied, 3);
    const edit = (applied[0] as { edit: CodeAction['edit'] }).edit!;
    assert.deepEqual(edit.documentChanges![0].textDocument, { uri, version: 1 });
    assert.equal(applyEdits(DOCKERFILE, edit.documentChanges![0].edits), FIXED);
  });

  it('the engine agrees: fix-all twice is fix-all once', () => {
    const once = fixAll(DOCKERFILE, { path: 'Dockerfile' });
    assert.equal(once.text, FIXED);
    assert.deepEqual(fixAll(once.text, { path: 'Dockerfile' }), { text: FIXED, applied: 0 });
  });
});
