import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Fix } from '../engine/types';
import { diagnosticData, SOURCE } from './diagnostics';

/**
 * Quick-fixes straight from the fixes each diagnostic carries. A diagnostic computed for another
 * version of the document offers nothing: its edits would land in the wrong place.
 */
export function quickFixes(document: TextDocument, params: CodeActionParams): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== SOURCE) continue;
    const data = diagnosticData(diagnostic);
    if (!data || data.version !== document.version) continue;
    for (const fix of data.fixes) actions.push(fixAction(document, fix, [diagnostic]));
  }
  return actions;
}

export function fixAction(document: TextDocument, fix: Fix, diagnostics: Diagnostic[]): CodeAction {
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics,
    isPreferred: fix.safe,
    edit: {
      documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits: fix.edits }],
    },
  };
}
