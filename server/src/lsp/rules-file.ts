import { basename, dirname, isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type Connection,
  type Diagnostic,
  type DidChangeWatchedFilesParams,
  type TextDocuments,
  type WorkspaceFolder,
  type WorkspaceFoldersChangeEvent,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isInside, isRulesFileName, nodeDiscoveryFs } from '../config/discovery';
import { ConfigResolver, nodeConfigHost, type ConfigRequest, type LoadedRulesFile, type Resolution } from '../config/resolve';
import type { RulesFileProblem } from '../config/parse';
import type { ResolvedConfig } from '../config/types';
import { SOURCE } from './diagnostics';
import type { Settings } from './settings';

/**
 * The rules file in the language server: discovery per workspace folder, the editor's unsaved text
 * of an open rules file taking precedence over the disk, diagnostics in the rules file itself, and
 * invalidation when a rules file changes anywhere (editor or disk).
 */
export class RulesFiles {
  readonly resolver: ConfigResolver;
  private folders: string[] = [];
  /** Generation of the problems last published per rules file path. */
  private readonly published = new Map<string, number>();
  private readonly watchedExplicit = new Set<string>();
  /** The configuration each open document was last linted with (code actions and fix-all reuse it). */
  private readonly lastConfig = new Map<string, ResolvedConfig>();
  dynamicWatchers = false;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly pathOf: (uri: string) => string,
  ) {
    this.resolver = new ConfigResolver({
      isFile: (path) => this.openDocument(path) !== undefined || nodeDiscoveryFs.isFile(path),
      exists: nodeDiscoveryFs.exists,
      readFile: (path) => this.openDocument(path)?.getText() ?? nodeConfigHost.readFile(path),
    });
  }

  setFolders(folders: readonly WorkspaceFolder[] | null | undefined): void {
    this.folders = (folders ?? []).map((f) => this.pathOf(f.uri));
    this.resolver.invalidate();
  }

  changeFolders(event: WorkspaceFoldersChangeEvent): void {
    const removed = new Set(event.removed.map((f) => this.pathOf(f.uri)));
    this.folders = [...this.folders.filter((f) => !removed.has(f)), ...event.added.map((f) => this.pathOf(f.uri))];
    this.resolver.invalidate();
  }

  /** The innermost workspace folder holding a path. */
  folderOf(path: string): string | undefined {
    let best: string | undefined;
    for (const folder of this.folders) if (isInside(path, folder) && (!best || folder.length > best.length)) best = folder;
    return best;
  }

  request(uri: string, settings: Settings): ConfigRequest {
    const filePath = this.pathOf(uri);
    const workspaceRoot = this.folderOf(filePath);
    let configPath: string | undefined;
    if (settings.rulesFile) {
      configPath = isAbsolute(settings.rulesFile) ? settings.rulesFile : resolve(workspaceRoot ?? dirname(filePath), settings.rulesFile);
    }
    return { filePath, workspaceRoot, configPath, profile: settings.profile };
  }

  /** True when the document is a rules file (by name, or the one `shipshape.rulesFile` names). */
  isRulesFile(uri: string, settings: Settings): boolean {
    const path = this.pathOf(uri);
    return isRulesFileName(path) || this.request(uri, settings).configPath === resolve(path);
  }

  /** The configuration for a container document; publishes the rules file's own diagnostics when they changed. */
  resolve(uri: string, settings: Settings): Resolution {
    const request = this.request(uri, settings);
    const resolution = this.resolver.resolve(request);
    this.lastConfig.set(uri, resolution.config);
    if (resolution.rulesFile) {
      this.publish(resolution.rulesFile);
      if (request.configPath) this.watchExplicit(request.configPath);
    }
    return resolution;
  }

  /** Lints an open rules file: its problems, for the document's version. */
  check(document: TextDocument): void {
    this.publish(this.resolver.load(this.pathOf(document.uri)), true);
  }

  /** An open rules file was edited, opened or closed: its text in force changed. True when it is one. */
  documentChanged(document: TextDocument, settings?: Settings): boolean {
    const path = this.pathOf(document.uri);
    if (!isRulesFileName(path) && !(settings && this.isRulesFile(document.uri, settings)) && !this.watchedExplicit.has(resolve(path))) return false;
    this.resolver.invalidate(path);
    return true;
  }

  /** Rules files created, changed or deleted (also outside the editor). True when any rules file is among them. */
  filesChanged(params: DidChangeWatchedFilesParams): boolean {
    let any = false;
    for (const change of params.changes) {
      const path = this.pathOf(change.uri);
      if (!isRulesFileName(path) && !this.watchedExplicit.has(resolve(path))) continue;
      any = true;
      const deleted = change.type === FileChangeType.Deleted;
      this.resolver.invalidate(path, deleted);
      if (deleted && !this.openDocument(path)) {
        this.published.delete(resolve(path));
        void this.connection.sendDiagnostics({ uri: change.uri, diagnostics: [] });
      }
    }
    return any;
  }

  /** The configuration a document was last linted with, if it was. */
  configOf(uri: string): ResolvedConfig | undefined {
    return this.lastConfig.get(uri);
  }

  /** A document was closed. */
  forget(uri: string): void {
    this.lastConfig.delete(uri);
    this.published.delete(resolve(this.pathOf(uri)));
  }

  private publish(file: LoadedRulesFile, force = false): void {
    if (!force && this.published.get(file.path) === file.generation) return;
    this.published.set(file.path, file.generation);
    const document = this.openDocument(file.path);
    if (file.unreadable && !document && !force) {
      // A rules file that is gone or unreadable (a wrong shipshape.rulesFile): there is no text to mark.
      void this.connection.window.showWarningMessage(`Shipshape: ${file.path}: ${file.problems[0]?.message ?? file.unreadable}`);
      return;
    }
    const uri = document?.uri ?? pathToFileURL(file.path).href;
    void this.connection.sendDiagnostics({ uri, version: document?.version, diagnostics: file.problems.map(toDiagnostic) });
  }

  private openDocument(path: string): TextDocument | undefined {
    const absolute = resolve(path);
    return this.documents.all().find((d) => d.uri.startsWith('file:') && resolve(this.pathOf(d.uri)) === absolute);
  }

  /** A rules file with a name the client does not watch (shipshape.rulesFile) is watched on request. */
  private watchExplicit(path: string): void {
    const absolute = resolve(path);
    if (isRulesFileName(absolute) || this.watchedExplicit.has(absolute)) return;
    this.watchedExplicit.add(absolute);
    if (!this.dynamicWatchers) return;
    void this.connection.client
      .register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: { baseUri: pathToFileURL(dirname(absolute)).href, pattern: basename(absolute) } }],
      })
      .catch(() => undefined);
  }
}

function toDiagnostic(problem: RulesFileProblem): Diagnostic {
  return {
    range: problem.range,
    severity: problem.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: SOURCE,
    code: 'rules-file',
    message: problem.message,
  };
}
