import * as path from 'node:path';
import { extensions, window, workspace, type ExtensionContext, type TextDocument } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { CLIENT_COMMANDS, registerCommands } from './commands';
import { RestartPolicy } from './restart';
import { registerRulesFileCommands, RULES_FILE_WATCH_GLOB } from './rules-file-commands';
import { logServerState, ShipshapeStatus } from './status';
import { isComposeFileName, isDockerfileName } from '../../server/src/documents/file-names';
import { isRulesFileName } from '../../server/src/config/discovery';

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
    // A crashed server is restarted (4 times in 3 minutes at most) and the output channel says so.
    errorHandler: new RestartPolicy((message) => output.warn(message)),
    synchronize: { configurationSection: 'shipshape', fileEvents: workspace.createFileSystemWatcher(RULES_FILE_WATCH_GLOB) },
    initializationOptions: {
      clientCommands: CLIENT_COMMANDS,
      // Red Hat's YAML extension already completes and explains the rules file from our schema.
      yamlExtension: !!extensions.getExtension('redhat.vscode-yaml'),
    },
  };
  client = new LanguageClient('shipshape', 'Shipshape', serverOptions, clientOptions);
  output.info(`Starting the Shipshape language server (${serverModule})`);
  context.subscriptions.push(...registerCommands(context, () => client));
  context.subscriptions.push(...registerRulesFileCommands(() => client));
  const status = new ShipshapeStatus(() => client, DOCUMENT_SELECTOR, output);
  context.subscriptions.push(status, logServerState(client, output));
  // Start the server only once a container file is open: a workspace with a Dockerfile somewhere,
  // or a YAML file that is neither Compose nor Kubernetes, costs no process.
  const started = new Promise<void>((resolve) => {
    const start = () => {
      opened.dispose();
      output.info('A container file is open; starting the server');
      client!.start().then(resolve, (error: unknown) => {
        output.error(`The Shipshape server did not start: ${String(error)}`);
        resolve();
      });
    };
    const opened = workspace.onDidOpenTextDocument((document) => {
      if (isContainerDocument(document)) start();
    });
    context.subscriptions.push(opened);
    if (workspace.textDocuments.some(isContainerDocument)) start();
  });
  void started.then(() => status.refresh());
  context.subscriptions.push(
    workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('shipshape.enable')) output.info('shipshape.enable changed; re-linting open documents');
    }),
  );
}


/** Dockerfiles, Compose files, rules files, and YAML that declares a Kubernetes object. */
function isContainerDocument(document: TextDocument): boolean {
  if (document.languageId === 'dockerfile' || document.languageId === 'dockercompose') return true;
  if (isDockerfileName(document.fileName) || isComposeFileName(document.fileName) || isRulesFileName(document.fileName)) return true;
  if (document.languageId !== 'yaml') return false;
  const head = document.getText().slice(0, 65536);
  return (/^apiVersion:/m.test(head) && /^kind:/m.test(head)) || /^services:/m.test(head);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
