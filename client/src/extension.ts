import * as path from 'node:path';
import { window, workspace, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { CLIENT_COMMANDS, registerCommands } from './commands';
import { registerRulesFileCommands, RULES_FILE_WATCH_GLOB } from './rules-file-commands';
import { logServerState, ShipshapeStatus } from './status';

let client: LanguageClient | undefined;

/** The documents Shipshape looks at; the server decides per file whether it is a container file. */
export const DOCUMENT_SELECTOR = [
  { language: 'dockerfile' },
  { language: 'dockercompose' },
  { language: 'yaml' },
  { pattern: '**/{Dockerfile,Dockerfile.*,*.Dockerfile,*.dockerfile,Containerfile,Containerfile.*}' },
  { pattern: '**/.shipshape.json' }, // the rules file's own diagnostics (YAML rules files are covered above)
];

export async function activate(context: ExtensionContext): Promise<void> {
  const output = window.createOutputChannel('Shipshape', { log: true });
  context.subscriptions.push(output);
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    outputChannel: output,
    synchronize: { configurationSection: 'shipshape', fileEvents: workspace.createFileSystemWatcher(RULES_FILE_WATCH_GLOB) },
    initializationOptions: { clientCommands: CLIENT_COMMANDS },
  };
  client = new LanguageClient('shipshape', 'Shipshape', serverOptions, clientOptions);
  output.info(`Starting the Shipshape language server (${serverModule})`);
  context.subscriptions.push(...registerCommands(context, () => client));
  context.subscriptions.push(...registerRulesFileCommands(() => client));
  const status = new ShipshapeStatus(() => client, DOCUMENT_SELECTOR, output);
  context.subscriptions.push(status, logServerState(client, output));
  await client.start();
  void status.refresh();
  context.subscriptions.push(
    workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('shipshape.enable')) output.info('shipshape.enable changed; re-linting open documents');
    }),
  );
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
