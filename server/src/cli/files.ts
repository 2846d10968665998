import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { isComposeFileName } from '../documents/compose';
import { isDockerfileName } from '../documents/kind';
import { trimEndChars } from '../analysis/text-scan';

/** Files larger than this are reported and skipped rather than parsed. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
const SKIPPED_DIRS = new Set(['.git', 'node_modules', '.hg', '.svn']);

export interface FoundFile {
  /** As shown to the user: the path given, or joined to the folder given. */
  display: string;
  absolute: string;
  /** True when named on the command line: examined even when it is not a container file. */
  explicit: boolean;
}

export interface WalkProblem {
  path: string;
  message: string;
}

/** Files that may be container files: Dockerfile and compose names, and YAML (decided by content later). */
export function isCandidateName(name: string): boolean {
  return isDockerfileName(name) || isComposeFileName(name) || /\.ya?ml$/i.test(name);
}

export function collectFiles(paths: string[], cwd: string): { files: FoundFile[]; problems: WalkProblem[] } {
  const files: FoundFile[] = [];
  const problems: WalkProblem[] = [];
  const seen = new Set<string>();
  for (const given of paths) {
    const absolute = isAbsolute(given) ? given : join(cwd, given);
    let stat;
    try {
      stat = statSync(absolute);
    } catch (error) {
      problems.push({ path: given, message: describeFsError(error) });
      continue;
    }
    if (stat.isDirectory()) walk(absolute, trimEndChars(given, '/\\') || '/', absolute, ignore(), files, problems, seen);
    else files.push({ display: given, absolute, explicit: true });
  }
  return { files, problems };
}

function walk(dir: string, display: string, root: string, parentIgnore: Ignore, files: FoundFile[], problems: WalkProblem[], seen: Set<string>): void {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch (error) {
    problems.push({ path: display, message: describeFsError(error) });
    return;
  }
  if (seen.has(real)) return; // a symlink loop or a folder named twice
  seen.add(real);
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    problems.push({ path: display, message: describeFsError(error) });
    return;
  }
  const rules = ignore().add(parentIgnore);
  const gitignore = entries.find((e) => e.name === '.gitignore' && e.isFile());
  if (gitignore) {
    try {
      const prefix = relative(root, dir).split(sep).join('/');
      const patterns = readFileSync(join(dir, '.gitignore'), 'utf8')
        .split(/\r?\n/)
        .filter((l) => l.trim() && !l.startsWith('#'))
        .map((l) => (prefix ? prefixPattern(l, prefix) : l));
      rules.add(patterns);
    } catch {
      // An unreadable .gitignore only means nothing is excluded by it.
    }
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const absolute = join(dir, entry.name);
    const rel = relative(root, absolute).split(sep).join('/');
    const shown = display === '.' ? entry.name : `${display}/${entry.name}`;
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const target = statSync(absolute);
        isDir = target.isDirectory();
        isFile = target.isFile();
      } catch {
        continue; // a dangling link or a link loop
      }
    }
    if (isDir) {
      if (SKIPPED_DIRS.has(entry.name) || rules.ignores(rel + '/')) continue;
      walk(absolute, shown, root, rules, files, problems, seen);
    } else if (isFile && isCandidateName(entry.name) && !rules.ignores(rel)) {
      // Only regular files: a FIFO or a device named Dockerfile (or a link to one) would block or never end.
      files.push({ display: shown, absolute, explicit: false });
    }
  }
}

/** A nested .gitignore's patterns apply below its folder. */
function prefixPattern(pattern: string, prefix: string): string {
  const negated = pattern.startsWith('!');
  const body = negated ? pattern.slice(1) : pattern;
  const anchored = body.startsWith('/') ? `${prefix}${body}` : body.includes('/') && !body.endsWith('/') ? `${prefix}/${body}` : `${prefix}/**/${body}`;
  return (negated ? '!' : '') + anchored;
}

export type ReadResult = { text: string } | { skipped: string };

export function readTextFile(path: string): ReadResult {
  const stat = statSync(path); // follows links: the size and type of what is read
  if (stat.isDirectory()) return { skipped: 'is a folder; skipped' };
  if (!stat.isFile()) return { skipped: 'not a regular file (a pipe, socket or device); skipped' };
  if (stat.size > MAX_FILE_BYTES) return { skipped: `larger than ${MAX_FILE_BYTES / 1024 / 1024} MB; skipped` };
  const buffer = readFileSync(path);
  return decodeText(buffer);
}


export function decodeText(buffer: Buffer): ReadResult {
  if (buffer.subarray(0, 8192).includes(0)) return { skipped: 'binary file (contains NUL bytes); skipped' };
  let text = buffer.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text };
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'EISDIR':
      return 'is a folder';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
