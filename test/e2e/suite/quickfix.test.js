// Quick fixes through VS Code's own command (vscode.executeCodeActionProvider), as the lightbulb and
// Ctrl+. ask for them: the fix is offered for the diagnostic, safe fixes are preferred and
// behaviour-changing ones are not, and applying one removes its diagnostic (and only that one).
'use strict';
const assert = require('assert');
const vscode = require('vscode');
const { note, codeOf, ours, describeDiag, waitForDiagnostics, waitForCodeAction, applyAction, openFile, revert } = require('./helpers');

const CASES = [
  { file: 'Dockerfile', rule: 'add-instead-of-copy', fix: 'Replace ADD with COPY', preferred: true,
    after: (doc) => assert.match(doc.lineAt(2).text, /^COPY index\.html /) },
  { file: 'Dockerfile', rule: 'user-root', fix: 'Run as 10001:10001 instead (changes behaviour', preferred: false,
    after: (doc) => assert.strictEqual(doc.lineAt(3).text, 'USER 10001:10001') },
  { file: 'compose.yaml', rule: 'privileged', fix: 'Set privileged: false (changes behaviour)', preferred: false,
    after: (doc) => assert.strictEqual(doc.lineAt(3).text, '    privileged: false') },
  { file: 'k8s/deployment.yaml', rule: 'run-as-non-root-missing', fix: 'Set securityContext.runAsNonRoot: true', preferred: false,
    after: (doc) => assert.match(doc.getText(), /runAsNonRoot: true/) },
];

describe('quick fixes in the real editor', function () {
  for (const c of CASES) {
    describe(`${c.file}: ${c.rule}`, function () {
      let doc;
      const ofRule = ds => ours(ds).filter(d => codeOf(d) === c.rule);
      before(async function () { doc = await openFile(c.file); });
      after(async function () {
        await revert(doc);
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      });

      it(`offers "${c.fix}…" (${c.preferred ? 'preferred: safe' : 'not preferred: changes behaviour'}) and applying it removes the diagnostic`, async function () {
        const [d] = ofRule(await waitForDiagnostics(doc.uri, ds => ofRule(ds).length > 0, 30000, c.rule));
        const others = ours(vscode.languages.getDiagnostics(doc.uri)).filter(x => x !== d).map(describeDiag);
        const { action, titles, attempts } = await waitForCodeAction(doc.uri, d.range, c.fix);
        note(`      (offered on request #${attempts}: ${JSON.stringify(titles)})`);
        assert.strictEqual(action.kind && action.kind.value, 'quickfix');
        assert.strictEqual(!!action.isPreferred, c.preferred, 'isPreferred');
        await applyAction(action);
        const after = ours(await waitForDiagnostics(doc.uri, ds => ofRule(ds).length === 0, 30000, `${c.rule} to disappear`));
        c.after(doc);
        // the other findings stay (ranges may move when a fix adds lines, so compare rule ids)
        const ids = s => s.map(x => x.split('@')[0]).sort();
        const remaining = after.map(describeDiag);
        for (const id of ids(others)) assert.ok(ids(remaining).includes(id), `${id} still reported after the fix; now ${remaining}`);
      });
    });
  }
});
