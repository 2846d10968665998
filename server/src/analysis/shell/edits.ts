import type { TextEdit } from '../../engine/types';
import type { ShellSite } from './dockerfile-shell';
import type { ShellWord } from './parser';

/**
 * Deletes consecutive words (`--insecure`, or `--trusted-host pypi.org`) and one blank next to
 * them, so the command stays valid shell: the blank after them, else the one before. Undefined
 * when the site's offsets are not exact (exec form, escaped JSON strings).
 */
export function removeWordsEdit(site: ShellSite, words: ShellWord[]): TextEdit | undefined {
  if (!site.exact || words.length === 0) return undefined;
  const src = site.src;
  let start = words[0].start;
  let end = words[words.length - 1].end;
  // Alone on a continued line: the whole line goes, so no empty continuation line is left.
  const lineStart = src.lastIndexOf('\n', start - 1) + 1;
  const rest = /^[ \t]*\\\n/.exec(src.slice(end, end + 200));
  if (lineStart > 0 && src.slice(lineStart, start).trim() === '' && rest) return { range: site.range(lineStart, end + rest[0].length), newText: '' };
  if (src[end] === ' ' || src[end] === '\t') end++;
  else if (start > 0 && (src[start - 1] === ' ' || src[start - 1] === '\t')) start--;
  return { range: site.range(start, end), newText: '' };
}

/** Replaces a word's text (offsets exact only). */
export function replaceWordEdit(site: ShellSite, word: ShellWord, newText: string): TextEdit | undefined {
  if (!site.exact) return undefined;
  return { range: site.range(word.start, word.end), newText };
}

/**
 * Short options of a cluster such as `-fsSLk`: each letter, and where an option taking a value
 * starts (`-o` in `-sSLo file` takes the rest of the word or the next word).
 */
export function shortCluster(word: string, valued: string): { letters: string; valuedAt?: number } | undefined {
  if (!/^-[A-Za-z0-9]/.test(word) || word.startsWith('--')) return undefined;
  for (let i = 1; i < word.length; i++) {
    if (valued.includes(word[i])) return { letters: word.slice(1, i + 1), valuedAt: i };
  }
  return { letters: word.slice(1) };
}

/** Removes one letter from a short-option cluster: `-fsSLk` → `-fsSL`; a lone `-k` goes with a blank. */
export function removeShortLetterEdit(site: ShellSite, word: ShellWord, letter: string): TextEdit | undefined {
  if (!site.exact) return undefined;
  const raw = site.src.slice(word.start, word.end);
  if (raw !== word.value) return undefined; // quoted or escaped: leave it to the user
  if (raw === `-${letter}`) return removeWordsEdit(site, [word]);
  const at = raw.indexOf(letter, 1);
  if (at < 0) return undefined;
  return { range: site.range(word.start + at, word.start + at + 1), newText: '' };
}
