// Fix-all on save, as a user turns it on: "editor.codeActionsOnSave": {"source.fixAll.shipshape": "explicit"}.
// Contract: saving applies the safe fixes (ADD -> COPY; the team's pinned tag from .shipshape.yaml `images:`)
// and never the behaviour-changing ones (USER root stays for the user to decide).
'use strict';
const assert = require('assert');
const vscode = require('vscode');
const { note, codeOf, ours, describeDiag, waitForDiagnostics, openFile } = require('./helpers');

const FILE = 'save/Dockerfile';

describe('fix-all on save (source.fixAll.shipshape)', function () {
  let doc;
  const has = (ds, rule) => ours(ds).some(d => codeOf(d) === rule);

  before(async function () {
    await vscode.workspace.getConfiguration('editor').update('codeActionsOnSave',
      { 'source.fixAll.shipshape': 'explicit' }, vscode.ConfigurationTarget.Workspace);
    doc = await openFile(FILE);
    await waitForDiagnostics(doc.uri, ds => ['image-latest-tag', 'add-instead-of-copy', 'user-root'].every(r => has(ds, r)),
      30000, 'the findings of save/Dockerfile');
    // an edit, then an explicit save: what a user does
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(0, 0), '# edited by the e2e test\n');
    assert.ok(await vscode.workspace.applyEdit(edit), 'applyEdit');
    const t0 = Date.now();
    assert.ok(await doc.save(), 'save succeeded');
    note(`      (save with code actions on save took ${Date.now() - t0} ms)`);
    note(`      saved text: ${JSON.stringify(doc.getText())}`);
  });

  after(async function () {
    await vscode.workspace.getConfiguration('editor').update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('replaces ADD with COPY (a safe fix) when the document is saved', async function () {
    assert.ok(!doc.isDirty, 'the saved document is not dirty');
    assert.strictEqual(doc.lineAt(2).text, 'COPY index.html /usr/share/nginx/html/');
    const diags = await waitForDiagnostics(doc.uri, ds => !has(ds, 'add-instead-of-copy') && has(ds, 'user-root'),
      30000, 'add-instead-of-copy to disappear after save');
    note(`      (after save: ${ours(diags).map(describeDiag).join(', ')})`);
  });

  it('keeps the behaviour-changing fixes for the user: USER root is still there and still reported', async function () {
    assert.strictEqual(doc.lineAt(3).text, 'USER root');
    assert.ok(has(vscode.languages.getDiagnostics(doc.uri), 'user-root'));
  });

  it("pins nginx to the team's tag from .shipshape.yaml (images: nginx: 1.27-alpine)", async function () {
    assert.strictEqual(doc.lineAt(1).text, 'FROM nginx:1.27-alpine');
    await waitForDiagnostics(doc.uri, ds => !has(ds, 'image-latest-tag'), 30000, 'image-latest-tag to disappear after save');
  });
});
