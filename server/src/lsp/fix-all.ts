import { CodeActionKind, type CodeAction, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fixAllEdits } from '../engine/apply-fixes';
import type { LintOptions } from '../engine/lint';

/** `editor.codeActionsOnSave: {"source.fixAll.shipshape": "explicit"}` asks for this kind. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.shipshape`;
/** Server command behind "Shipshape: Fix all in this file"; arguments: `{ uri, version }`. */
export const APPLY_FIX_ALL_COMMAND = 'shipshape.applyFixAll';

/** Whether a code-action request's `only` filter includes our fix-all kind (`source`, `source.fixAll`, …). */
export function wantsFixAll(only: string[] | undefined): boolean {
  return !!only?.some((kind) => FIX_ALL_KIND === kind || FIX_ALL_KIND.startsWith(`${kind}.`));
}

/**
 * The safe fixes of a document as one versioned edit: non-overlapping, behaviour-changing
 * suggestions left out. Undefined when nothing safe is left (so a second run changes nothing).
 */
export function fixAllEdit(document: TextDocument, options: LintOptions): { edit: WorkspaceEdit; applied: number } | undefined {
  const { edits, applied } = fixAllEdits(document.getText(), options);
  if (edits.length === 0) return undefined;
  return {
    edit: { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits }] },
    applied,
  };
}

export function fixAllAction(document: TextDocument, options: LintOptions): CodeAction | undefined {
  const fix = fixAllEdit(document, options);
  if (!fix) return undefined;
  return { title: `Fix all safe Shipshape problems (${fix.applied})`, kind: FIX_ALL_KIND, edit: fix.edit };
}
