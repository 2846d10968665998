import * as path from 'node:path';
import { commands, Uri, window, workspace, type Disposable, type ExtensionContext } from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';

/** Commands the client implements; the server offers them in code actions only when listed here. */
export const CLIENT_COMMANDS = ['shipshape.showRuleDocs'] as const;

/** Server command behind fix-all (server/src/lsp/fix-all.ts). */
const APPLY_FIX_ALL = 'shipshape.applyFixAll';

/**
 * "Shipshape: Fix all in this file" asks the server to apply the safe fixes of the active document
 * (the server drops the request if the document changed meanwhile); "Show documentation for <rule>"
 * opens the page shipped in the extension, offline, as a Markdown preview.
 */
export function registerCommands(context: ExtensionContext, client: () => LanguageClient | undefined): Disposable[] {
  return [
    commands.registerCommand('shipshape.fixAll', async () => {
      const editor = window.activeTextEditor;
      const running = client();
      if (!editor || !running) return;
      const { document } = editor;
      const result = (await running.sendRequest(ExecuteCommandRequest.type, {
        command: APPLY_FIX_ALL,
        arguments: [{ uri: running.code2ProtocolConverter.asUri(document.uri), version: document.version }],
      })) as { applied?: number } | null;
      if (!result?.applied) void window.setStatusBarMessage('Shipshape: no safe fixes to apply', 3000);
    }),
    commands.registerCommand('shipshape.showRuleDocs', async (ruleId: unknown) => {
      if (typeof ruleId !== 'string' || !/^[a-z0-9-]+$/.test(ruleId)) return;
      const page = Uri.file(context.asAbsolutePath(path.join('docs', 'rules', `${ruleId}.md`)));
      try {
        await commands.executeCommand('markdown.showPreview', page);
      } catch {
        await window.showTextDocument(await workspace.openTextDocument(page), { preview: true });
      }
    }),
  ];
}
