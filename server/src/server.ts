import { fileURLToPath } from 'node:url';
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
import { lint } from './engine/lint';
import { quickFixes } from './lsp/code-actions';
import { noticeToDiagnostic, toDiagnostic } from './lsp/diagnostics';
import { LintScheduler } from './lsp/scheduler';
import { RulesFiles } from './lsp/rules-file';
import { LintTriggers, SettingsCache } from './lsp/settings';
import { describeActiveRules } from './config/describe';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let configurationSupported = false;
const settings = new SettingsCache(connection, () => configurationSupported);
const rulesFiles = new RulesFiles(connection, documents, (uri) => pathOf(uri));
const triggers = new LintTriggers();
let workspaceFoldersSupported = false;
const reportedRuleErrors = new Set<string>();

connection.onInitialize((params): InitializeResult => {
  configurationSupported = !!params.capabilities.workspace?.configuration;
  rulesFiles.setFolders(params.workspaceFolders);
  rulesFiles.dynamicWatchers = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  workspaceFoldersSupported = !!params.capabilities.workspace?.workspaceFolders;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
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
    void connection.sendDiagnostics({ uri, version: document.version, diagnostics: [] });
    return;
  }
  const result = lint(document.getText(), {
    path: pathOf(uri),
    languageId: document.languageId,
    config: resolution.config,
    onRuleError: (ruleId, error) => {
      if (reportedRuleErrors.has(ruleId)) return;
      reportedRuleErrors.add(ruleId);
      connection.console.error(`Rule ${ruleId} failed and was skipped: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    },
  });
  const docsUrl = (ruleId: string) => ruleDocsFileUrl(__dirname, ruleId);
  const diagnostics = [
    ...result.notices.map(noticeToDiagnostic),
    ...result.findings.map((f) => toDiagnostic(f, document.version, docsUrl)),
  ];
  void connection.sendDiagnostics({ uri, version: document.version, diagnostics });
}

const scheduler = new LintScheduler((uri) => {
  validate(uri).catch((error) => connection.console.error(`Linting ${uri} failed: ${String(error)}`));
});

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
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

connection.onDidChangeConfiguration(() => {
  settings.clear();
  relintAll();
});

connection.onRequest('shipshape/activeRules', async (params: { uri: string }) => {
  const document = documents.get(params.uri);
  const path = pathOf(params.uri);
  const resolution = rulesFiles.resolve(params.uri, await settings.get(params.uri));
  const kind = document ? lint(document.getText(), { path, languageId: document.languageId, config: resolution.config }).kind : 'unknown';
  return describeActiveRules(path, kind, resolution);
});

connection.onCodeAction((params) => {
  const document = documents.get(params.textDocument.uri);
  return document ? quickFixes(document, params) : [];
});

declare const SERVER_VERSION: string;
documents.listen(connection);
connection.listen();
