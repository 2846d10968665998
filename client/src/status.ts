import * as path from 'node:path';
import {
  commands,
  languages,
  MarkdownString,
  StatusBarAlignment,
  Uri,
  window,
  workspace,
  type Disposable,
  type DocumentSelector,
  type LogOutputChannel,
  type StatusBarItem,
  type TextDocument,
} from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';

/** Server request (server/src/lsp/active-config.ts): the profile and rules file in force for a document. */
const ACTIVE_CONFIG_REQUEST = 'shipshape/activeConfig';
export const OPEN_RULES_FILE_COMMAND = 'shipshape.openRulesFile';

export interface ActiveConfig {
  profile: string;
  rulesFile?: string;
  rulesFileProblems: number;
  ignored: boolean;
}

const RULES_FILE_NAME = /(^|[\\/])\.shipshape\.(ya?ml|json)$/;

/**
 * The status bar item for the active document: "Shipshape: <profile>" with the rules file in the
 * tooltip; clicking it opens the rules file. Also logs to the output channel which rules file is in
 * force, once per change, and request errors.
 */
export class ShipshapeStatus implements Disposable {
  private readonly item: StatusBarItem;
  private readonly disposables: Disposable[] = [];
  private readonly logged = new Map<string, string>();
  private generation = 0;

  constructor(
    private readonly client: () => LanguageClient | undefined,
    private readonly selector: DocumentSelector,
    private readonly output: LogOutputChannel,
  ) {
    this.item = window.createStatusBarItem('shipshape.status', StatusBarAlignment.Right, 100);
    this.item.name = 'Shipshape';
    this.item.command = OPEN_RULES_FILE_COMMAND;
    const refresh = () => void this.refresh();
    this.disposables.push(
      this.item,
      commands.registerCommand(OPEN_RULES_FILE_COMMAND, () => this.openRulesFile()),
      window.onDidChangeActiveTextEditor(refresh),
      // The server re-lints open documents when a rules file changes: their diagnostics change with it.
      languages.onDidChangeDiagnostics((e) => {
        const active = window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) refresh();
      }),
      workspace.onDidSaveTextDocument((d) => RULES_FILE_NAME.test(d.fileName) && refresh()),
      workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('shipshape') && refresh()),
    );
  }

  /** The configuration in force for a document, or undefined when it is not one Shipshape looks at. */
  async activeConfig(document: TextDocument): Promise<ActiveConfig | undefined> {
    const running = this.client();
    if (!running || !running.isRunning() || languages.match(this.selector, document) === 0) return undefined;
    return running.sendRequest<ActiveConfig>(ACTIVE_CONFIG_REQUEST, { uri: running.code2ProtocolConverter.asUri(document.uri) });
  }

  async refresh(): Promise<void> {
    const generation = ++this.generation;
    const document = window.activeTextEditor?.document;
    let config: ActiveConfig | undefined;
    try {
      config = document && (await this.activeConfig(document));
    } catch (error) {
      this.output.error(`Could not get the active configuration for ${document?.uri.toString()}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (generation !== this.generation) return; // a newer refresh is on its way
    if (!document || !config) {
      this.item.hide();
      return;
    }
    this.logRulesFile(document, config);
    const rules = config.rulesFile ? workspace.asRelativePath(config.rulesFile) : undefined;
    this.item.text = `$(shield) Shipshape: ${config.profile}${config.ignored ? ' (ignored)' : ''}${config.rulesFileProblems ? ' $(warning)' : ''}`;
    const tooltip = new MarkdownString(undefined, true);
    tooltip.appendMarkdown(`**Shipshape** — profile \`${config.profile}\`\n\n`);
    tooltip.appendMarkdown(rules ? `Rules file: \`${rules}\`` : 'No rules file: the defaults and settings apply.');
    if (config.rulesFileProblems) tooltip.appendMarkdown(`\n\n$(warning) The rules file has ${config.rulesFileProblems} problem(s); its last good values stay in force.`);
    if (config.ignored) tooltip.appendMarkdown('\n\nThis file matches `ignorePaths`: it is not linted.');
    tooltip.appendMarkdown(rules ? '\n\nClick to open the rules file.' : '\n\nClick to create one.');
    this.item.tooltip = tooltip;
    this.item.show();
  }

  /** Opens the rules file in force for the active document (or offers to create one); returns the config used. */
  async openRulesFile(): Promise<ActiveConfig | undefined> {
    const document = window.activeTextEditor?.document;
    const config = document && (await this.activeConfig(document).catch(() => undefined));
    if (config?.rulesFile) {
      await window.showTextDocument(Uri.file(config.rulesFile), { preview: false });
    } else if (config) {
      const create = 'Create rules file';
      if ((await window.showInformationMessage(`No rules file applies to ${path.basename(document!.fileName)}; the ${config.profile} profile is in force.`, create)) === create) {
        await commands.executeCommand('shipshape.createRulesFile');
      }
    }
    return config;
  }

  /** "Rules file in force" lines in the output channel, once per document and change. */
  private logRulesFile(document: TextDocument, config: ActiveConfig): void {
    const summary = config.rulesFile
      ? `rules file ${config.rulesFile} (profile ${config.profile}${config.rulesFileProblems ? `, ${config.rulesFileProblems} problem(s)` : ''})`
      : `no rules file (profile ${config.profile})`;
    const key = document.uri.toString();
    if (this.logged.get(key) === summary) return;
    this.logged.set(key, summary);
    this.output.info(`${workspace.asRelativePath(document.uri)}: ${summary}${config.ignored ? '; ignored by ignorePaths' : ''}`);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** Output channel lines for the server's life: started (with its version), stopped or crashed. */
export function logServerState(client: LanguageClient, output: LogOutputChannel): Disposable {
  return client.onDidChangeState(({ newState }) => {
    if (newState === State.Running) {
      const info = client.initializeResult?.serverInfo;
      output.info(`Language server running: ${info?.name ?? 'shipshape'} ${info?.version ?? ''}`.trimEnd());
    } else if (newState === State.Stopped) {
      output.error('The language server stopped; the client restarts it unless it crashed repeatedly (see the errors above).');
    }
  });
}
