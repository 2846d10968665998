import './v8-tuning';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ruleDocsFileUrl } from './engine/docs';
import { forgetDocument, lint, type LintOptions } from './engine/lint';
import { prepareEngine } from './engine/prepare';
import type { FileKindOrUnknown, Finding } from './engine/types';
import { APPLY_FIX_ALL_COMMAND, fixAllAction, fixAllEdit, FIX_ALL_KIND, wantsFixAll } from './lsp/fix-all';
import { hoverAt, ruleHoverInfo } from './lsp/hover';
import { codeActions, editorSupport, OPEN_RULE_DOCS_COMMAND, rulesFileTarget, ruleDocsCommand, type EditorSupport } from './lsp/code-actions';
import { noticeToDiagnostic, toDiagnostic } from './lsp/diagnostics';
import { LintScheduler } from './lsp/scheduler';
import { RulesFiles } from './lsp/rules-file';
import { rulesFileCompletion } from './lsp/rules-file-completion';
import { rulesFileHover } from './lsp/rules-file-hover';
import { LintTriggers, SettingsCache } from './lsp/settings';
import { describeActiveRules } from './config/describe';
import { ACTIVE_CONFIG_REQUEST, activeConfig, type ActiveConfigParams } from './lsp/active-config';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let configurationSupported = false;
const settings = new SettingsCache(connection, () => configurationSupported);
const rulesFiles = new RulesFiles(connection, documents, (uri) => pathOf(uri));
const triggers = new LintTriggers();
let workspaceFoldersSupported = false;
/** Red Hat's YAML extension completes and explains the rules file from our schema: no double lists. */
let yamlExtensionPresent = false;
const reportedRuleErrors = new Set<string>();
/** The bundled docs page of each rule, as a file URL (computed once per rule, not per diagnostic). */
const docsUrls = new Map<string, string>();
function docsUrl(ruleId: string): string {
  let url = docsUrls.get(ruleId);
  if (!url) docsUrls.set(ruleId, (url = ruleDocsFileUrl(__dirname, ruleId)));
  return url;
}
/** Each document's size limit (setting shipshape.maxFileSize), for code actions and fix-all too. */
const maxFileBytes = new Map<string, number>();
/** The last lint of each open document, for hovers and code actions. */
const lastLint = new Map<string, { version: number; kind: FileKindOrUnknown; findings: Finding[] }>();
let support: EditorSupport = editorSupport({ capabilities: {}, processId: null, rootUri: null, workspaceFolders: null });
const hoverInfo = ruleHoverInfo(
  (ruleId) => fileURLToPath(ruleDocsFileUrl(__dirname, ruleId)),
  (ruleId) => ruleDocsFileUrl(__dirname, ruleId),
);

connection.onInitialize((params): InitializeResult => {
  yamlExtensionPresent = !!(params.initializationOptions as { yamlExtension?: boolean } | undefined)?.yamlExtension;
  configurationSupported = !!params.capabilities.workspace?.configuration;
  support = editorSupport(params);
  rulesFiles.setFolders(params.workspaceFolders);
  rulesFiles.dynamicWatchers = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  workspaceFoldersSupported = !!params.capabilities.workspace?.workspaceFolders;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      hoverProvider: true,
      // Completion is for the YAML rules file only. A space opens it after `key: ` and in a new
      // line's indentation; letters open it anyway (quick suggestions). Not `:`, which would offer
      // values before the space YAML needs.
      completionProvider: { triggerCharacters: [' '] },
      executeCommandProvider: { commands: [APPLY_FIX_ALL_COMMAND, OPEN_RULE_DOCS_COMMAND] },
    },
    serverInfo: { name: 'shipshape', version: SERVER_VERSION },
  };
});

connection.onInitialized(() => {
  if (configurationSupported) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'shipshape' });
  }
  if (workspaceFoldersSupported) {
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      rulesFiles.changeFolders(event);
      relintAll();
    });
  }
});

function pathOf(uri: string): string {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : decodeURIComponent(uri.replace(/^[a-z-]+:\/*/i, '/'));
  } catch {
    return uri;
  }
}

async function validate(uri: string): Promise<void> {
  const document = documents.get(uri);
  if (!document) return;
  const typedOnly = triggers.takeTypedOnly(uri);
  const documentSettings = await settings.get(uri);
  const { enable } = documentSettings;
  const current = documents.get(uri);
  if (!current || current.version !== document.version) return; // a newer version is on its way
  if (!enable) {
    void connection.sendDiagnostics({ uri, diagnostics: [] });
    return;
  }
  if (rulesFiles.isRulesFile(uri, documentSettings)) {
    rulesFiles.check(document); // the rules file gets its own diagnostics, not container linting
    return;
  }
  if (typedOnly && documentSettings.run === 'onSave') return;
  const resolution = rulesFiles.resolve(uri, documentSettings);
  if (resolution.ignored) {
    lastLint.delete(uri);
    void connection.sendDiagnostics({ uri, version: document.version, diagnostics: [] });
    return;
  }
  maxFileBytes.set(uri, documentSettings.maxFileBytes);
  const result = lint(document.getText(), lintOptionsFor(document));
  lastLint.set(uri, { version: document.version, kind: result.kind, findings: result.findings });
  const diagnostics = [
    ...result.notices.map(noticeToDiagnostic),
    ...result.findings.map((f) => toDiagnostic(f, document.version, docsUrl)),
  ];
  void connection.sendDiagnostics({ uri, version: document.version, diagnostics });
}

/** How a document is linted; validation, fix-all and code actions share it. */
function lintOptionsFor(document: TextDocument): LintOptions {
  return {
    path: pathOf(document.uri),
    languageId: document.languageId,
    config: rulesFiles.configOf(document.uri),
    maxFileBytes: maxFileBytes.get(document.uri),
    onRuleError: (ruleId, error) => {
      if (reportedRuleErrors.has(ruleId)) return;
      reportedRuleErrors.add(ruleId);
      connection.console.error(`Rule ${ruleId} failed and was skipped: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    },
  };
}

const scheduler = new LintScheduler((uri) =>
  validate(uri).catch((error) => connection.console.error(`Linting ${uri} failed: ${String(error)}`)),
);

/** Lints every open document again (the rules file or the workspace changed). */
function relintAll(): void {
  for (const document of documents.all()) {
    triggers.other(document.uri);
    scheduler.schedule(document.uri);
  }
}

documents.onDidOpen((e) => triggers.other(e.document.uri));
documents.onDidChangeContent((e) => {
  triggers.typed(e.document.uri);
  // An edited rules file applies at once (its unsaved text is in force in the editor).
  if (rulesFiles.documentChanged(e.document)) relintAll();
  else scheduler.schedule(e.document.uri);
});
documents.onDidSave((e) => {
  triggers.other(e.document.uri);
  scheduler.schedule(e.document.uri);
});
connection.onDidChangeWatchedFiles((params) => {
  if (rulesFiles.filesChanged(params)) relintAll();
});
documents.onDidClose((e) => {
  scheduler.forget(e.document.uri);
  settings.forget(e.document.uri);
  triggers.forget(e.document.uri);
  rulesFiles.forget(e.document.uri);
  // A closed rules file is read from the disk again: its unsaved text is no longer in force.
  if (rulesFiles.documentChanged(e.document)) relintAll();
  lastLint.delete(e.document.uri);
  maxFileBytes.delete(e.document.uri);
  forgetDocument(pathOf(e.document.uri));
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

connection.onDidChangeConfiguration(() => {
  settings.clear();
  relintAll();
});

connection.onRequest(ACTIVE_CONFIG_REQUEST, async (p: ActiveConfigParams) => activeConfig(rulesFiles.resolve(p.uri, await settings.get(p.uri))));

connection.onRequest('shipshape/activeRules', async (params: { uri: string }) => {
  const document = documents.get(params.uri);
  const path = pathOf(params.uri);
  const resolution = rulesFiles.resolve(params.uri, await settings.get(params.uri));
  const kind = lastLint.get(params.uri)?.kind ?? (document ? lint(document.getText(), { path, languageId: document.languageId, config: resolution.config }).kind : 'unknown');
  return describeActiveRules(path, kind, resolution);
});

connection.onCodeAction((params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return [];
  const options = lintOptionsFor(document);
  const kind = lastLint.get(document.uri)?.kind ?? lint(document.getText(), options).kind;
  const actions = codeActions(document, params, {
    kind,
    snippets: support.snippets,
    createFiles: support.createFiles,
    rulesFile: rulesFileTarget(pathOf(document.uri), support.workspaceRoots, (path) => documents.get(pathToFileURL(path).href)),
    docsCommand: ruleDocsCommand(support),
  });
  if (wantsFixAll(params.context.only)) {
    const fixAll = fixAllAction(document, options);
    if (fixAll) actions.push(fixAll);
  }
  return actions;
});

/** An open YAML rules file (a `.shipshape.json` gets completion from the editor's JSON support and the schema). */
async function isYamlRulesFile(document: TextDocument): Promise<boolean> {
  if (document.languageId === 'json' || document.languageId === 'jsonc' || /\.json$/i.test(document.uri)) return false;
  return rulesFiles.isRulesFile(document.uri, await settings.get(document.uri));
}

connection.onCompletion(async (params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document || yamlExtensionPresent || !(await isYamlRulesFile(document))) return null;
  return rulesFileCompletion(document, params.position, hoverInfo);
});

connection.onHover(async (params) => {
  const rulesFile = documents.get(params.textDocument.uri);
  if (rulesFile && !lastLint.has(rulesFile.uri) && (await isYamlRulesFile(rulesFile))) return yamlExtensionPresent ? null : rulesFileHover(rulesFile, params.position, hoverInfo);
  const last = lastLint.get(params.textDocument.uri);
  const document = documents.get(params.textDocument.uri);
  if (!last || !document || last.version !== document.version) return null;
  return hoverAt(last.findings, params.position, hoverInfo);
});

connection.onExecuteCommand(async (params) => {
  if (params.command === APPLY_FIX_ALL_COMMAND) {
    const target = params.arguments?.[0] as { uri?: string; version?: number } | undefined;
    const document = target?.uri ? documents.get(target.uri) : undefined;
    // A request made for an older version is dropped: the user has typed since.
    if (!document || (target?.version !== undefined && target.version !== document.version)) return { applied: 0 };
    const fix = fixAllEdit(document, lintOptionsFor(document));
    if (!fix) return { applied: 0 };
    const result = await connection.workspace.applyEdit({ label: 'Shipshape: fix all', edit: fix.edit });
    return { applied: result.applied ? fix.applied : 0 };
  }
  if (params.command === OPEN_RULE_DOCS_COMMAND) {
    const ruleId = String(params.arguments?.[0] ?? '');
    if (/^[a-z0-9-]+$/.test(ruleId)) await connection.window.showDocument({ uri: ruleDocsFileUrl(__dirname, ruleId), takeFocus: true });
  }
  return null;
});

declare const SERVER_VERSION: string;
// The shell rules need the parser's WebAssembly: load it before the first message is handled
// (messages wait in the stream meanwhile). If it fails, the server still runs; those rules skip.
void prepareEngine()
  .catch((error: unknown) => process.stderr.write(`shipshape: shell parser unavailable, RUN/command shell rules are skipped: ${String(error)}\n`))
  .finally(() => {
    documents.listen(connection);
    connection.listen();
  });
