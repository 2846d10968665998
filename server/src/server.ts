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
import { SettingsCache } from './lsp/settings';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let configurationSupported = false;
const settings = new SettingsCache(connection, () => configurationSupported);
const reportedRuleErrors = new Set<string>();

connection.onInitialize((params): InitializeResult => {
  configurationSupported = !!params.capabilities.workspace?.configuration;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
    },
    serverInfo: { name: 'shipshape', version: SERVER_VERSION },
  };
});

connection.onInitialized(() => {
  if (configurationSupported) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'shipshape' });
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
  const { enable } = await settings.get(uri);
  const current = documents.get(uri);
  if (!current || current.version !== document.version) return; // a newer version is on its way
  if (!enable) {
    void connection.sendDiagnostics({ uri, diagnostics: [] });
    return;
  }
  const result = lint(document.getText(), {
    path: pathOf(uri),
    languageId: document.languageId,
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

documents.onDidOpen((e) => scheduler.schedule(e.document.uri));
documents.onDidChangeContent((e) => scheduler.schedule(e.document.uri));
documents.onDidClose((e) => {
  scheduler.forget(e.document.uri);
  settings.forget(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

connection.onDidChangeConfiguration(() => {
  settings.clear();
  for (const document of documents.all()) scheduler.schedule(document.uri);
});

connection.onCodeAction((params) => {
  const document = documents.get(params.textDocument.uri);
  return document ? quickFixes(document, params) : [];
});

declare const SERVER_VERSION: string;
documents.listen(connection);
connection.listen();
