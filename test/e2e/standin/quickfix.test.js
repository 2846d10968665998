// Harness self-test only (scripts/e2e/selftest.sh): the stand-in extension's diagnostic and quick fix.
// Rule and fix are parameters so the same test fits any extension with one fixable diagnostic.
'use strict';
const assert = require('assert');
const vscode = require('vscode');
const { note, codeOf, waitForDiagnostics, waitForCodeAction, workspaceFile } = require('../suite/helpers');

const RULE = process.env.SHIPSHAPE_E2E_RULE || 'image-latest-tag';
const FIX = process.env.SHIPSHAPE_E2E_FIX || 'Replace latest';
const SOURCE = process.env.SHIPSHAPE_E2E_SOURCE || 'shipshape';
const FILE = process.env.SHIPSHAPE_E2E_FILE || 'Dockerfile';
const LINE = Number(process.env.SHIPSHAPE_E2E_LINE || 0); // 0-based line of the diagnostic
const RANGE_TEXT = process.env.SHIPSHAPE_E2E_RANGE_TEXT ?? 'latest'; // text inside the diagnostic range

describe(`stand-in extension in the real extension host (${RULE})`, function () {
  let doc;
  const ofRule = ds => ds.filter(d => codeOf(d) === RULE);

  before(async function () {
    const uri = workspaceFile(FILE);
    doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
  });

  after(async function () {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('opens the file with the dockerfile language id', function () {
    assert.strictEqual(doc.languageId, 'dockerfile');
  });

  it(`reports ${RULE} from source ${SOURCE} on line ${LINE + 1}`, async function () {
    const t0 = Date.now();
    const diags = ofRule(await waitForDiagnostics(doc.uri, ds => ofRule(ds).length > 0, 30000, RULE));
    note(`      (diagnostic arrived ${Date.now() - t0} ms after the wait began)`);
    assert.strictEqual(diags.length, 1, 'exactly one diagnostic for the rule');
    const d = diags[0];
    assert.strictEqual(d.source, SOURCE);
    assert.strictEqual(d.range.start.line, LINE);
    assert.ok(doc.getText(d.range).includes(RANGE_TEXT), `range text ${JSON.stringify(doc.getText(d.range))}`);
  });

  it(`offers "${FIX}" and applying it clears the diagnostic`, async function () {
    const d = ofRule(vscode.languages.getDiagnostics(doc.uri))[0];
    assert.ok(d, 'diagnostic present');
    const before = doc.getText();
    const { action: fix, attempts } = await waitForCodeAction(doc.uri, d.range, FIX);
    if (attempts > 1) note(`      (quick fix offered on request #${attempts})`);
    if (fix.edit) assert.ok(await vscode.workspace.applyEdit(fix.edit), 'applyEdit succeeded');
    if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments || []));
    await waitForDiagnostics(doc.uri, ds => ofRule(ds).length === 0, 30000, `${RULE} to disappear`);
    assert.notStrictEqual(doc.getText(), before, 'the fix changed the document');
  });
});
