import { readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import type { Profile } from '../engine/types';
import { findRulesFile, nodeDiscoveryFs, type DiscoveryFs } from './discovery';
import { pathMatcher } from './globs';
import { buildConfig, dataInForce } from './merge';
import { parseRulesFile, type RulesFileData, type RulesFileProblem } from './parse';
import { registryCatalog, type RuleCatalog } from './rule-catalog';
import type { ResolvedConfig } from './types';

export interface ConfigRequest {
  /** The file being linted (absolute path). */
  filePath?: string;
  /** An explicit rules file (`--config`, `shipshape.rulesFile`), absolute. */
  configPath?: string;
  /** Profile from the command line or the editor settings, used when no rules file says otherwise. */
  profile?: Profile;
  /** Where discovery stops (the workspace folder); without it, the repository root or `/`. */
  workspaceRoot?: string;
}

/** A rules file as loaded: the data in force and the mistakes found in its current text. */
export interface LoadedRulesFile {
  path: string;
  dir: string;
  /** The current text could not be read (missing, unreadable): nothing of it applies. */
  unreadable?: string;
  data: RulesFileData;
  problems: RulesFileProblem[];
  /** Changes whenever the data in force may have changed; part of the cache keys. */
  generation: number;
  ignored: (relativePath: string) => boolean;
  overrideMatchers: Array<(relativePath: string) => boolean>;
}

export interface Resolution {
  config: ResolvedConfig;
  rulesFile?: LoadedRulesFile;
  /** The file matches `ignorePaths`: it is not linted at all. */
  ignored: boolean;
}

/** Where the resolver reads files; the language server reads open documents from the editor first. */
export interface ConfigHost extends DiscoveryFs {
  /** The text of a file, or undefined when it does not exist; throws when it cannot be read. */
  readFile(path: string): string | undefined;
}

const MAX_RULES_FILE_BYTES = 1024 * 1024;

export const nodeConfigHost: ConfigHost = {
  ...nodeDiscoveryFs,
  readFile: (path) => {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return undefined;
    if (stat.size > MAX_RULES_FILE_BYTES) throw new Error(`the rules file is larger than ${MAX_RULES_FILE_BYTES / 1024} KB`);
    return readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  },
};

/**
 * Finds, loads and merges rules files. Discovery is cached per folder and loaded files per path;
 * `invalidate` drops what a change to a rules file can affect. Knows nothing of the editor.
 */
export class ConfigResolver {
  private readonly discovered = new Map<string, string | null>();
  private readonly loaded = new Map<string, LoadedRulesFile>();
  private readonly lastGood = new Map<string, RulesFileData>();
  private readonly configs = new Map<string, ResolvedConfig>();
  private generation = 0;

  constructor(
    private readonly host: ConfigHost = nodeConfigHost,
    private readonly catalog: RuleCatalog = registryCatalog,
  ) {}

  /** The rules file that applies to a file (explicit path first, then discovery), if any. */
  rulesFileFor(request: ConfigRequest): string | undefined {
    if (request.configPath) return resolve(request.configPath);
    if (!request.filePath) return undefined;
    const dir = dirname(resolve(request.filePath));
    const key = `${dir}\0${request.workspaceRoot ?? ''}`;
    let found = this.discovered.get(key);
    if (found === undefined) {
      found = findRulesFile(request.filePath, request.workspaceRoot, this.host) ?? null;
      this.discovered.set(key, found);
    }
    return found ?? undefined;
  }

  resolve(request: ConfigRequest): Resolution {
    const fallback = request.profile ?? 'recommended';
    const path = this.rulesFileFor(request);
    if (!path) return { config: this.cachedConfig(`none\0${fallback}`, () => buildConfig(undefined, [], fallback)), ignored: false };
    const file = this.load(path);
    const rel = request.filePath ? relative(file.dir, resolve(request.filePath)).split(sep).join('/') : undefined;
    const ignored = rel !== undefined && file.ignored(rel);
    const matching = rel === undefined ? [] : file.overrideMatchers.flatMap((matches, i) => (matches(rel) ? [i] : []));
    const key = `${file.path}\0${file.generation}\0${fallback}\0${matching.join(',')}`;
    const config = this.cachedConfig(key, () => buildConfig(file.data, matching, fallback, file.path));
    return { config, rulesFile: file, ignored };
  }

  /** Loads (or returns the cached) rules file at a path. Never throws. */
  load(path: string): LoadedRulesFile {
    const absolute = resolve(path);
    const cached = this.loaded.get(absolute);
    if (cached) return cached;
    let text: string | undefined;
    let unreadable: string | undefined;
    try {
      text = this.host.readFile(absolute);
      if (text === undefined) unreadable = 'the rules file does not exist';
    } catch (error) {
      unreadable = error instanceof Error ? error.message : String(error);
    }
    const loaded = text === undefined ? this.unreadableFile(absolute, unreadable!) : this.fromText(absolute, text);
    this.loaded.set(absolute, loaded);
    return loaded;
  }

  /** Checks a rules file's text (e.g. the editor's unsaved buffer) without changing what is in force. */
  check(text: string): RulesFileProblem[] {
    return parseRulesFile(text, this.catalog).problems;
  }

  /** Forgets what a change to the rules file at `path` (or to any, without a path) can affect. */
  invalidate(path?: string, deleted = false): void {
    this.discovered.clear();
    this.configs.clear();
    if (path === undefined) {
      this.loaded.clear();
      if (deleted) this.lastGood.clear();
      return;
    }
    const absolute = resolve(path);
    this.loaded.delete(absolute);
    if (deleted) this.lastGood.delete(absolute);
  }

  private fromText(path: string, text: string): LoadedRulesFile {
    const parsed = parseRulesFile(text, this.catalog);
    const data = dataInForce(parsed, this.lastGood.get(path));
    if (!parsed.fatal) this.lastGood.set(path, data);
    return {
      path,
      dir: dirname(path),
      data,
      problems: parsed.problems,
      generation: ++this.generation,
      ignored: pathMatcher(data.ignorePaths),
      overrideMatchers: data.overrides.map((o) => pathMatcher(o.files)),
    };
  }

  private unreadableFile(path: string, reason: string): LoadedRulesFile {
    // A rules file that vanished or cannot be read keeps its last good data in force, if any.
    const data = this.lastGood.get(path) ?? parseRulesFile('', this.catalog).data;
    return {
      path,
      dir: dirname(path),
      unreadable: reason,
      data,
      problems: [{ message: `Cannot read the rules file: ${reason}.`, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 'error' }],
      generation: ++this.generation,
      ignored: pathMatcher(data.ignorePaths),
      overrideMatchers: data.overrides.map((o) => pathMatcher(o.files)),
    };
  }

  private cachedConfig(key: string, build: () => ResolvedConfig): ResolvedConfig {
    let config = this.configs.get(key);
    if (!config) {
      // The same object for the same inputs lets the engine's per-config caches hit.
      config = build();
      this.configs.set(key, config);
    }
    return config;
  }
}

const processResolver = new ConfigResolver();

/** The configuration in force for a file (the CLI's entry point; cached for the process). */
export function resolveConfig(request: ConfigRequest): ResolvedConfig {
  return processResolver.resolve(request).config;
}

/** Full resolution for a file: config, the rules file with its problems, whether the file is ignored. */
export function resolveFor(request: ConfigRequest): Resolution {
  return processResolver.resolve(request);
}
