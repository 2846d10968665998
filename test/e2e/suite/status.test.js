// The status of the active document: the profile and the rules file in force (status bar item), and
// "Shipshape: Open the rules file in force" (the item's command), which returns what it used.
'use strict';
const assert = require('assert');
const path = require('path');
const vscode = require('vscode');
const { openFile, replaceAllAndSave, waitForDiagnostics, ours, codeOf } = require('./helpers');

describe('status: profile and rules file of the active document', function () {
  let rules, original;
  after(async function () {
    if (rules && rules.getText() !== original) await replaceAllAndSave(rules, original);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('"Open the rules file in force" on a Dockerfile opens .shipshape.yaml (profile recommended)', async function () {
    await openFile('Dockerfile');
    const config = await vscode.commands.executeCommand('shipshape.openRulesFile');
    assert.ok(config, 'the command answered with the active configuration');
    assert.strictEqual(config.profile, 'recommended');
    assert.strictEqual(path.basename(config.rulesFile || ''), '.shipshape.yaml');
    assert.strictEqual(config.rulesFileProblems, 0);
    assert.strictEqual(config.ignored, false);
    assert.strictEqual(path.basename(vscode.window.activeTextEditor.document.fileName), '.shipshape.yaml');
  });

  it('follows the rules file: `extends: strict` makes the status say strict', async function () {
    rules = vscode.window.activeTextEditor.document;
    original = rules.getText();
    const docker = await openFile('Dockerfile');
    await replaceAllAndSave(rules, original.replace(/^extends: recommended$/m, 'extends: strict'));
    // the server re-lints under the new profile; once it has, the status asks the same resolution
    await waitForDiagnostics(docker.uri, ds => ours(ds).some(d => codeOf(d) === 'healthcheck-missing'), 20000, 'strict findings');
    await vscode.window.showTextDocument(docker);
    const config = await vscode.commands.executeCommand('shipshape.openRulesFile');
    assert.strictEqual(config.profile, 'strict');
  });
});
