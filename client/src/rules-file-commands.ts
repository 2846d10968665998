import { commands, Uri, window, workspace, type Disposable, type WorkspaceFolder } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { RULES_FILE_TEMPLATE } from '../../server/src/cli/init-command';

export const CREATE_RULES_FILE_COMMAND = 'shipshape.createRulesFile';
export const SHOW_ACTIVE_RULES_COMMAND = 'shipshape.showActiveRules';
/** The rules files the client watches; the server re-reads them and re-lints open documents. */
export const RULES_FILE_WATCH_GLOB = '**/.shipshape.{yaml,yml,json}';
const NAMES = ['.shipshape.yaml', '.shipshape.yml', '.shipshape.json'];

/** 'Shipshape: Create rules file' and 'Shipshape: Show active rules for this file'. */
export function registerRulesFileCommands(client: () => LanguageClient | undefined): Disposable[] {
  return [
    commands.registerCommand(CREATE_RULES_FILE_COMMAND, createRulesFile),
    commands.registerCommand(SHOW_ACTIVE_RULES_COMMAND, (uri?: Uri) => showActiveRules(client(), uri)),
  ];
}

async function pickFolder(): Promise<WorkspaceFolder | undefined> {
  const folders = workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void window.showWarningMessage('Shipshape: open a folder first; the rules file lives at the root of the repository.');
    return undefined;
  }
  if (folders.length === 1) return folders[0];
  const active = window.activeTextEditor?.document.uri;
  const preferred = active && workspace.getWorkspaceFolder(active);
  return window.showWorkspaceFolderPick({ placeHolder: preferred ? `Where to create .shipshape.yaml (current: ${preferred.name})` : 'Where to create .shipshape.yaml' });
}

async function exists(uri: Uri): Promise<boolean> {
  try {
    await workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function createRulesFile(): Promise<void> {
  const folder = await pickFolder();
  if (!folder) return;
  for (const name of NAMES) {
    const existing = Uri.joinPath(folder.uri, name);
    if (await exists(existing)) {
      await window.showTextDocument(existing);
      void window.showInformationMessage(`Shipshape: ${name} already exists in ${folder.name}; opened it.`);
      return;
    }
  }
  const target = Uri.joinPath(folder.uri, '.shipshape.yaml');
  await workspace.fs.writeFile(target, Buffer.from(RULES_FILE_TEMPLATE, 'utf8'));
  await window.showTextDocument(target);
}

async function showActiveRules(client: LanguageClient | undefined, given?: Uri): Promise<void> {
  const uri = given ?? window.activeTextEditor?.document.uri;
  if (!uri) {
    void window.showInformationMessage('Shipshape: open a Dockerfile, Compose file or Kubernetes manifest first.');
    return;
  }
  if (!client?.isRunning()) {
    void window.showWarningMessage('Shipshape: the language server is not running.');
    return;
  }
  const content = await client.sendRequest<string>('shipshape/activeRules', { uri: uri.toString() });
  const document = await workspace.openTextDocument({ language: 'markdown', content });
  await window.showTextDocument(document, { preview: true });
}
