import picomatch from 'picomatch';
import { trimEndChars } from '../analysis/text-scan';

/**
 * Globs from the rules file. They come from a repository that may be hostile, and picomatch turns a
 * glob into a backtracking regular expression (it even passes `(a|aa)+` through), so patterns are
 * held to a budget that keeps matching cheap: no regular-expression syntax, at most two `**` and at
 * most two `*` per path segment.
 */
const MAX_PATTERN_LENGTH = 256;
const MAX_GLOBSTARS = 2;
const MAX_STARS_PER_SEGMENT = 2;
const MAX_BRACE_GROUPS = 2;
/** Longer paths (beyond PATH_MAX) never match. */
const MAX_PATH_LENGTH = 4096;

const OPTIONS: picomatch.PicomatchOptions = { dot: true, noextglob: true, nonegate: true };

/** Why a pattern is refused, or undefined when it is a usable glob. */
export function globProblem(pattern: string): string | undefined {
  if (pattern.length === 0) return 'an empty pattern matches nothing';
  if (pattern.length > MAX_PATTERN_LENGTH) return `patterns are limited to ${MAX_PATTERN_LENGTH} characters`;
  const regexLike = /[()|+@!\\]/.exec(pattern);
  if (regexLike) return `"${regexLike[0]}" is not glob syntax: patterns are globs (*, **, ?, [abc], {a,b}), not regular expressions`;
  const segments = pattern.split('/');
  if (segments.filter((s) => s === '**').length > MAX_GLOBSTARS) return `at most ${MAX_GLOBSTARS} "**" per pattern`;
  for (const segment of segments) {
    if (segment === '**') continue;
    if (segment.includes('**')) return '"**" must be a whole path segment, as in "a/**/b"';
    if ((segment.match(/\*/g) ?? []).length > MAX_STARS_PER_SEGMENT) return `at most ${MAX_STARS_PER_SEGMENT} "*" per path segment`;
  }
  const braces = (pattern.match(/\{/g) ?? []).length;
  if (braces > MAX_BRACE_GROUPS || /\{[^}]*\{/.test(pattern)) return `at most ${MAX_BRACE_GROUPS} "{a,b}" groups per pattern, not nested`;
  if (braces !== (pattern.match(/\}/g) ?? []).length || (pattern.match(/\[/g) ?? []).length !== (pattern.match(/\]/g) ?? []).length) {
    return 'unbalanced "{" or "[" in the pattern';
  }
  return undefined;
}

/** A matcher for paths relative to the rules file's folder (forward slashes); refused patterns are left out. */
export function pathMatcher(patterns: readonly string[]): (relativePath: string) => boolean {
  const usable = patterns.map((p) => trimEndChars(p.replace(/^\.\//, ''), '/')).filter((p) => !globProblem(p));
  if (usable.length === 0) return () => false;
  const isMatch = picomatch(usable, OPTIONS);
  return (relativePath) => {
    if (relativePath.length > MAX_PATH_LENGTH || relativePath.startsWith('../') || relativePath === '..') return false;
    // A pattern naming a folder covers everything below it, as in .gitignore: "third_party" ignores third_party/x/Dockerfile.
    let path = relativePath;
    for (;;) {
      if (isMatch(path)) return true;
      const slash = path.lastIndexOf('/');
      if (slash <= 0) return false;
      path = path.slice(0, slash);
    }
  };
}

/** A matcher for values that are not paths (image names): the same budget applies. */
export function valueMatcher(patterns: readonly string[]): (value: string) => boolean {
  const usable = patterns.filter((p) => !globProblem(p));
  if (usable.length === 0) return () => false;
  const isMatch = picomatch(usable, OPTIONS);
  return (value) => value.length <= MAX_PATH_LENGTH && isMatch(value);
}
