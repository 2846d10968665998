import { readFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Command,
  type Diagnostic,
  type InitializeParams,
  type SnippetTextEdit,
  type TextDocumentEdit,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { findRulesFile, isInside, RULES_FILE_NAMES } from '../config/discovery';
import { disableRuleEdit, ignoreFileEdit, ignoreLineEdit, ignoreObjectEdit, type IgnoreEdit } from '../engine/suppress-edits';
import { UNUSED_IGNORE } from '../engine/suppress';
import type { FileKind, FileKindOrUnknown, Fix } from '../engine/types';
import { diagnosticData, SOURCE } from './diagnostics';

/** Where "Disable <rule> in .shipshape.yaml" writes: an existing rules file or a new one. */
export interface RulesFileTarget {
  path: string;
  exists: boolean;
  /** Current text (the open editor's when the file is open); '' for a new file. */
  text: string;
  /** The open document's version, or null when edited on disk. */
  version: number | null;
}

export interface CodeActionEnv {
  /** The kind the last lint of this document found (decides comment syntax and annotations). */
  kind: FileKindOrUnknown;
  /** The client applies `SnippetTextEdit`s (LSP 3.18; vscode-languageclient 11 does). */
  snippets: boolean;
  /** The client can create files in a workspace edit. */
  createFiles: boolean;
  rulesFile?: RulesFileTarget;
  /** The command that opens a rule's documentation, if the client has one. */
  docsCommand?: (ruleId: string) => Command;
}

/** Labels behaviour-changing fixes that do not say so themselves. */
export function fixTitle(fix: Fix): string {
  return fix.safe || /behaviou?r/i.test(fix.title) ? fix.title : `${fix.title} (changes behaviour)`;
}

/**
 * Quick-fixes from the fixes each diagnostic carries, then the ways to silence it: ignore it for
 * the node (comment), for the Kubernetes object (annotation), for the file, in the rules file; and
 * its documentation. A diagnostic computed for another version of the document offers nothing:
 * its ranges would point at the wrong place.
 */
export function codeActions(document: TextDocument, params: CodeActionParams, env: CodeActionEnv): CodeAction[] {
  const only = params.context.only;
  if (only && !only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${k}.`))) return [];
  const fixes: CodeAction[] = [];
  const silencers: CodeAction[] = [];
  const seen = new Set<string>();
  const add = (list: CodeAction[], action: CodeAction | undefined): void => {
    if (!action || seen.has(action.title)) return;
    seen.add(action.title);
    list.push(action);
  };
  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== SOURCE || typeof diagnostic.code !== 'string') continue;
    const data = diagnosticData(diagnostic);
    if (!data || data.version !== document.version) continue;
    for (const fix of data.fixes) add(fixes, fixAction(document, fix, [diagnostic]));
    if (env.kind === 'unknown') continue;
    for (const action of silenceActions(document, diagnostic, diagnostic.code, env.kind, env)) add(silencers, action);
  }
  return [...fixes, ...silencers];
}

export function fixAction(document: TextDocument, fix: Fix, diagnostics: Diagnostic[]): CodeAction {
  return {
    title: fixTitle(fix),
    kind: CodeActionKind.QuickFix,
    diagnostics,
    isPreferred: fix.safe,
    edit: versioned(document, fix.edits),
  };
}

function silenceActions(document: TextDocument, diagnostic: Diagnostic, ruleId: string, kind: FileKind, env: CodeActionEnv): CodeAction[] {
  const text = document.getText();
  const out: CodeAction[] = [];
  const quickFix = (title: string, edit: WorkspaceEdit | undefined, command?: Command): CodeAction | undefined =>
    edit || command ? { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit, command } : undefined;
  const push = (action: CodeAction | undefined): void => {
    if (action) out.push(action);
  };
  // An ignore of `unused-ignore` would sit above a comment and cover the node after it: not offered.
  if (ruleId !== UNUSED_IGNORE) {
    push(quickFix(`Ignore ${ruleId} for this line (with reason)`, ignoreEdit(document, ignoreLineEdit(text, kind, diagnostic.range.start.line, ruleId), env)));
    if (kind === 'kubernetes') {
      const object = ignoreObjectEdit(text, diagnostic.range.start, ruleId);
      if (object) push(quickFix(`Ignore ${ruleId} for ${object.object} (annotation with reason)`, ignoreEdit(document, object, env)));
    }
  }
  push(quickFix(`Ignore ${ruleId} in this file`, ignoreEdit(document, ignoreFileEdit(text, kind, ruleId), env)));
  if (env.rulesFile) push(quickFix(`Disable ${ruleId} in ${basename(env.rulesFile.path)}`, rulesFileEdit(env.rulesFile, ruleId, env.createFiles)));
  if (env.docsCommand) push(quickFix(`Show documentation for ${ruleId}`, undefined, env.docsCommand(ruleId)));
  return out;
}

function versioned(document: TextDocument, edits: Array<TextEdit | SnippetTextEdit>): WorkspaceEdit {
  const change: TextDocumentEdit = { textDocument: { uri: document.uri, version: document.version }, edits };
  return { documentChanges: [change] };
}

/** The ignore comment, with its `reason` placeholder selected where the client takes snippets. */
function ignoreEdit(document: TextDocument, ignore: IgnoreEdit, env: CodeActionEnv): WorkspaceEdit {
  if (!env.snippets) return versioned(document, [ignore.edit]);
  const snippet: SnippetTextEdit = { range: ignore.edit.range, snippet: { kind: 'snippet', value: ignore.snippet } };
  return versioned(document, [snippet]);
}

function rulesFileEdit(target: RulesFileTarget, ruleId: string, createFiles: boolean): WorkspaceEdit | undefined {
  if (!/\.ya?ml$/i.test(target.path)) return undefined; // a JSON rules file is edited by hand
  const uri = pathToFileURL(target.path).href;
  const edit = disableRuleEdit(target.exists ? target.text : '', ruleId);
  const change: TextDocumentEdit = { textDocument: { uri, version: target.version }, edits: [edit] };
  if (target.exists) return { documentChanges: [change] };
  if (!createFiles) return undefined;
  return { documentChanges: [{ kind: 'create', uri, options: { ignoreIfExists: true } }, change] };
}

// ---------------------------------------------------------------- what the editor supports

/** Server command that opens a rule's page through `window/showDocument` (clients without our command). */
export const OPEN_RULE_DOCS_COMMAND = 'shipshape.server.openRuleDocs';
/** Client command (client/src/commands.ts) that opens the bundled page as a Markdown preview. */
export const CLIENT_SHOW_DOCS_COMMAND = 'shipshape.showRuleDocs';

export interface EditorSupport {
  snippets: boolean;
  createFiles: boolean;
  showDocument: boolean;
  /** Commands the client says it implements (`initializationOptions.clientCommands`). */
  clientCommands: Set<string>;
  /** Workspace folder paths, to bound the rules-file search. */
  workspaceRoots: string[];
}

export function editorSupport(params: InitializeParams): EditorSupport {
  const caps = params.capabilities;
  const options = params.initializationOptions as { clientCommands?: unknown } | undefined;
  const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  return {
    snippets: caps.workspace?.workspaceEdit?.snippetEditSupport === true,
    createFiles: caps.workspace?.workspaceEdit?.resourceOperations?.includes('create') === true,
    showDocument: caps.window?.showDocument?.support === true,
    clientCommands: new Set(Array.isArray(options?.clientCommands) ? options.clientCommands.filter((c): c is string => typeof c === 'string') : []),
    workspaceRoots: folders.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u)),
  };
}

export function ruleDocsCommand(support: EditorSupport): ((ruleId: string) => Command) | undefined {
  if (support.clientCommands.has(CLIENT_SHOW_DOCS_COMMAND)) {
    return (ruleId) => ({ title: `Show documentation for ${ruleId}`, command: CLIENT_SHOW_DOCS_COMMAND, arguments: [ruleId] });
  }
  if (support.showDocument) return (ruleId) => ({ title: `Show documentation for ${ruleId}`, command: OPEN_RULE_DOCS_COMMAND, arguments: [ruleId] });
  return undefined;
}

/**
 * The rules file "Disable <rule>" writes: the nearest existing one (discovery stops at the
 * workspace folder), else a new `.shipshape.yaml` at the workspace folder's root (the document's
 * folder outside any workspace). `open` gives the editor's copy of a file when it is open.
 */
export function rulesFileTarget(documentPath: string, workspaceRoots: string[], open: (path: string) => TextDocument | undefined): RulesFileTarget | undefined {
  if (!isAbsolute(documentPath)) return undefined;
  const root = workspaceRoots.filter((r) => isInside(dirname(documentPath), r)).sort((a, b) => b.length - a.length)[0];
  const found = findRulesFile(documentPath, root);
  if (found) {
    const document = open(found);
    if (document) return { path: found, exists: true, text: document.getText(), version: document.version };
    try {
      return { path: found, exists: true, text: readFileSync(found, 'utf8'), version: null };
    } catch {
      return undefined;
    }
  }
  return { path: join(root ?? dirname(documentPath), RULES_FILE_NAMES[0]), exists: false, text: '', version: null };
}
