import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, isAbsolute } from 'node:path';

/** Names of the rules file, in the order they are looked for within one folder. */
export const RULES_FILE_NAMES = ['.shipshape.yaml', '.shipshape.yml', '.shipshape.json'] as const;

/** The glob the editor watches for rules files. */
export const RULES_FILE_GLOB = '**/.shipshape.{yaml,yml,json}';

export function isRulesFileName(path: string): boolean {
  return (RULES_FILE_NAMES as readonly string[]).includes(basename(path));
}

/** The file-system questions discovery asks; tests and the server may answer them differently. */
export interface DiscoveryFs {
  isFile(path: string): boolean;
  /** Files or folders (`.git` is a file in worktrees and submodules). */
  exists(path: string): boolean;
}

export const nodeDiscoveryFs: DiscoveryFs = {
  isFile: (path) => statSync(path, { throwIfNoEntry: false })?.isFile() === true,
  exists: (path) => existsSync(path),
};

/**
 * The rules file for a document: the nearest `.shipshape.yaml` / `.yml` / `.json` in the document's
 * folder or an ancestor, stopping at `workspaceRoot` (inclusive). Without a workspace root (the CLI,
 * a loose file) the search stops at the repository root (a folder holding `.git`) or the file-system root.
 */
export function findRulesFile(documentPath: string, workspaceRoot?: string, fs: DiscoveryFs = nodeDiscoveryFs): string | undefined {
  const root = workspaceRoot === undefined ? undefined : resolve(workspaceRoot);
  let dir = dirname(resolve(documentPath));
  // A document outside the given workspace root searches as if there were none.
  const bounded = root !== undefined && isInside(dir, root);
  for (;;) {
    const found = rulesFileIn(dir, fs);
    if (found) return found;
    if (bounded ? dir === root : fs.exists(join(dir, '.git'))) return undefined;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The rules file directly in a folder, if any. */
export function rulesFileIn(dir: string, fs: DiscoveryFs = nodeDiscoveryFs): string | undefined {
  for (const name of RULES_FILE_NAMES) {
    const candidate = join(dir, name);
    if (fs.isFile(candidate)) return candidate;
  }
  return undefined;
}

export function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}
