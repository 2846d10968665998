// The team rules file in the real editor: .shipshape.yaml at the workspace root applies to the open
// documents, and editing it (as a user does: change, save) changes their diagnostics with no reload.
'use strict';
const assert = require('assert');
const vscode = require('vscode');
const { note, codeOf, ours, describeDiag, waitForDiagnostics, waitForCodeAction, openFile, replaceAllAndSave } = require('./helpers');

const FILES = ['Dockerfile', 'compose.yaml', 'k8s/deployment.yaml'];
const has = (ds, rule) => ours(ds).some(d => codeOf(d) === rule);
const WAIT_MS = 20000;

describe('the rules file (.shipshape.yaml) in the real editor', function () {
  const docs = {};
  let rules, original;

  before(async function () {
    for (const f of FILES) {
      docs[f] = await openFile(f);
      await waitForDiagnostics(docs[f].uri, ds => has(ds, 'image-latest-tag'), 30000, `image-latest-tag in ${f}`);
    }
    rules = await openFile('.shipshape.yaml');
    original = rules.getText();
  });

  after(async function () {
    if (rules && rules.getText() !== original) await replaceAllAndSave(rules, original);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it("offers the team's pinned tag from `images:` as the preferred quick fix for image-latest-tag", async function () {
    const doc = docs.Dockerfile;
    const d = ours(vscode.languages.getDiagnostics(doc.uri)).find(x => codeOf(x) === 'image-latest-tag');
    const { action, titles } = await waitForCodeAction(doc.uri, d.range, "Pin nginx to the team's tag 1.27-alpine", { timeoutMs: WAIT_MS });
    note(`      (offered: ${JSON.stringify(titles)})`);
    assert.strictEqual(action.isPreferred, true);
  });

  it('`rules: {image-latest-tag: off}` removes image-latest-tag from every open document, without a reload', async function () {
    const t0 = Date.now();
    await replaceAllAndSave(rules, `${original.trimEnd()}\nrules:\n  image-latest-tag: off\n`);
    for (const f of FILES) {
      const diags = await waitForDiagnostics(docs[f].uri, ds => !has(ds, 'image-latest-tag') && ours(ds).length > 0,
        WAIT_MS, `image-latest-tag to go from ${f}`);
      note(`      (${f} after ${Date.now() - t0} ms: ${ours(diags).map(describeDiag).join(', ')})`);
    }
    assert.ok(has(vscode.languages.getDiagnostics(docs.Dockerfile.uri), 'user-root'), 'the other rules still run');
  });

  it('`extends: strict` turns on the strict rules (healthcheck-missing) in the open Dockerfile', async function () {
    await replaceAllAndSave(rules, original.replace(/^extends: recommended$/m, 'extends: strict'));
    await waitForDiagnostics(docs.Dockerfile.uri, ds => has(ds, 'healthcheck-missing') && has(ds, 'image-latest-tag'),
      WAIT_MS, 'healthcheck-missing under profile strict');
  });

  it('a new pin in `images:` changes the offered fix (nginx: 1.29-alpine)', async function () {
    await replaceAllAndSave(rules, original.replace('"1.27-alpine"', '"1.29-alpine"'));
    const doc = docs.Dockerfile;
    await waitForDiagnostics(doc.uri, ds => has(ds, 'image-latest-tag') && !has(ds, 'healthcheck-missing'), WAIT_MS, 'the recommended profile again');
    const d = ours(vscode.languages.getDiagnostics(doc.uri)).find(x => codeOf(x) === 'image-latest-tag');
    const { action } = await waitForCodeAction(doc.uri, d.range, "Pin nginx to the team's tag 1.29-alpine", { timeoutMs: WAIT_MS });
    assert.strictEqual(action.isPreferred, true);
  });
});
