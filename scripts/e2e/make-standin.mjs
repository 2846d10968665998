#!/usr/bin/env node
// Writes a tiny throwaway stand-in extension (one diagnostic + one quick fix, no language server) into DIR
// and packages it as DIR/shipshape-standin.vsix. Used by selftest.sh to prove the e2e harness without the
// real extension:  node scripts/e2e/make-standin.mjs /tmp/e2e-standin
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tools } from './code-server.mjs';

const dir = path.resolve(process.argv[2] || '/tmp/e2e-standin');
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({
  name: 'shipshape-standin', displayName: 'Shipshape e2e stand-in', version: '0.0.1', publisher: 'shipshape-e2e',
  description: 'Throwaway stand-in used to prove the Shipshape real-editor e2e harness.', license: 'MIT',
  engines: { vscode: '^1.91.0' }, main: './extension.js', activationEvents: ['onLanguage:dockerfile'], contributes: {},
}, null, 2));
fs.writeFileSync(path.join(dir, 'LICENSE'), 'MIT License (throwaway e2e stand-in)\n');
fs.writeFileSync(path.join(dir, 'extension.js'), `// Stand-in: rule image-latest-tag on ':latest', quick fix "Replace latest" -> ':1.0'.
const vscode = require('vscode');
function lint(doc, collection) {
  if (doc.languageId !== 'dockerfile') return;
  const diags = [];
  for (let i = 0; i < doc.lineCount; i++) {
    const col = doc.lineAt(i).text.indexOf(':latest');
    if (col < 0) continue;
    const d = new vscode.Diagnostic(new vscode.Range(i, col, i, col + 7),
      'Image uses the mutable ":latest" tag; pin a version.', vscode.DiagnosticSeverity.Warning);
    d.code = 'image-latest-tag';
    d.source = 'shipshape';
    diags.push(d);
  }
  collection.set(doc.uri, diags);
}
exports.activate = function activate(context) {
  const collection = vscode.languages.createDiagnosticCollection('shipshape');
  context.subscriptions.push(collection,
    vscode.workspace.onDidOpenTextDocument(d => lint(d, collection)),
    vscode.workspace.onDidChangeTextDocument(e => lint(e.document, collection)),
    vscode.workspace.onDidCloseTextDocument(d => collection.delete(d.uri)),
    vscode.languages.registerCodeActionsProvider({ language: 'dockerfile' }, {
      provideCodeActions(doc, _range, ctx) {
        return ctx.diagnostics.filter(d => d.code === 'image-latest-tag').map(d => {
          const a = new vscode.CodeAction('Replace latest', vscode.CodeActionKind.QuickFix);
          a.edit = new vscode.WorkspaceEdit();
          a.edit.replace(doc.uri, d.range, ':1.0');
          a.diagnostics = [d];
          a.isPreferred = true;
          return a;
        });
      },
    }, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }));
  vscode.workspace.textDocuments.forEach(d => lint(d, collection));
};
exports.deactivate = function deactivate() {};
`);
const vsix = path.join(dir, 'shipshape-standin.vsix');
execFileSync(process.execPath, [tools().vsce, 'package', '--allow-missing-repository', '--no-dependencies', '--out', vsix],
  { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
console.log(vsix);
