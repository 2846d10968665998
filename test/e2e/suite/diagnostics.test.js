// The extension in the real extension host: activation on each container file kind, the diagnostics a
// user sees (rule ids, exact ranges, severities, docs links), parity with the CLI, and silence elsewhere.
'use strict';
const assert = require('assert');
const { execFileSync } = require('child_process');
const path = require('path');
const vscode = require('vscode');
const { note, codeOf, ours, describeDiag, waitForDiagnostics, nextDiagnosticsEvent, openFile, workspaceFile } = require('./helpers');

const EXTENSION_ID = 'shipshape.shipshape';
const { Error: E, Warning: W, Information: I } = vscode.DiagnosticSeverity;

// What the fixture workspace must show (0-based ranges, as the editor API reports them). Listed, not
// exhaustive: the parity test below checks the full set against the CLI.
const CASES = [
  { file: 'Dockerfile', languageId: 'dockerfile', expect: [
    ['image-latest-tag@0:5-0:17', W], ['add-instead-of-copy@2:0-2:3', I], ['user-root@3:5-3:9', W]] },
  { file: 'compose.yaml', languageId: 'dockercompose', expect: [
    ['image-latest-tag@2:11-2:23', W], ['privileged@3:4-3:20', E]] },
  { file: 'k8s/deployment.yaml', languageId: 'yaml', expect: [
    ['run-as-non-root-missing@12:10-12:14', W], ['image-latest-tag@13:17-13:29', W], ['privileged@15:12-15:28', E]] },
];

/** The CLI's findings for a workspace file, as `rule@range` strings (same engine, same rules file). */
function cliFindings(extensionPath, rel) {
  const out = execFileSync(process.execPath, [path.join(extensionPath, 'dist/cli.js'), 'lint', '--format', 'json',
    '--fail-level', 'none', workspaceFile(rel).fsPath], { encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
  const file = JSON.parse(out).files[0];
  return (file ? file.diagnostics : []).map(d => `${d.ruleId}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`).sort();
}

describe('diagnostics in the real editor', function () {
  const extension = () => vscode.extensions.getExtension(EXTENSION_ID);

  it(`finds the extension ${EXTENSION_ID} (loaded from the working tree)`, function () {
    assert.ok(extension(), `extension ${EXTENSION_ID} not found`);
  });

  for (const c of CASES) {
    describe(c.file, function () {
      let doc, diags;
      before(async function () {
        doc = await openFile(c.file);
      });
      after(async function () {
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      });

      it(`opens as ${c.languageId} and the extension is active`, async function () {
        assert.strictEqual(doc.languageId, c.languageId);
        await extension().activate(); // resolves at once when already active; fails if activation threw
        assert.strictEqual(extension().isActive, true);
      });

      it(`shows ${c.expect.map(e => e[0].split('@')[0]).join(', ')} with exact ranges`, async function () {
        const t0 = Date.now();
        const want = c.expect.map(e => e[0]);
        diags = ours(await waitForDiagnostics(doc.uri, ds => want.every(w => ours(ds).some(d => describeDiag(d) === w)),
          30000, `${want.join(', ')}`));
        note(`      (${diags.length} diagnostics ${Date.now() - t0} ms after the wait began: ${diags.map(describeDiag).join(', ')})`);
        for (const [id, severity] of c.expect) {
          const d = diags.find(x => describeDiag(x) === id);
          assert.strictEqual(d.severity, severity, `${id} severity`);
          assert.ok(d.message.length > 20, `${id} has a message`);
          assert.ok(d.code && d.code.target && d.code.target.path.endsWith(`/docs/rules/${codeOf(d)}.md`),
            `${id} links to its docs page: ${d.code && d.code.target}`);
        }
      });

      it('shows exactly what `shipshape lint` reports for the file', function () {
        const editor = diags.filter(d => codeOf(d) !== 'undefined').map(describeDiag).sort();
        assert.deepStrictEqual(editor, cliFindings(extension().extensionPath, c.file));
      });
    });
  }

  describe('a file that is not a container file', function () {
    it('notes.yaml (plain YAML with image/privileged/user keys) gets no diagnostics', async function () {
      const uri = workspaceFile('notes.yaml');
      const event = nextDiagnosticsEvent(uri, 30000, 'the server to publish for notes.yaml');
      const doc = await openFile('notes.yaml');
      assert.strictEqual(doc.languageId, 'yaml');
      // The server publishes for every document it is given, an empty list included: that event is
      // the proof that it looked at the file, so "no diagnostics" is an answer, not a timing accident.
      const diags = await event.promise;
      assert.deepStrictEqual(ours(diags).map(describeDiag), []);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    });
  });
});
