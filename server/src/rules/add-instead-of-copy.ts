import { baseName, copyParts, flagNamed, isRemoteSource, type PathArg } from '../analysis/copy-sources';
import { removeFlagEdit } from '../analysis/dockerfile-flags';
import { defineRule } from '../engine/rule';
import type { TextEdit } from '../engine/types';

/**
 * Names `ADD` may unpack. BuildKit detects tar archives (plain, gzip, bzip2, xz, zstd) by content;
 * a compressed file that is not a tar is copied as it is, but from its name we cannot tell, so
 * every compressed name keeps `ADD`. Zip files are never extracted by `ADD`: they are plain copies.
 */
const ARCHIVE = /\.(?:tar|tgz|taz|tbz|tbz2|tb2|txz|tzst|tlz|gz|bz2|xz|zst|lz|lzma|z)$/i;

/** Source flags that only `ADD` knows; with them the instruction is not a plain copy. */
const ADD_ONLY_FLAGS = ['checksum', 'keep-git-dir'];

export default defineRule({
  meta: {
    id: 'add-instead-of-copy',
    kinds: ['dockerfile'],
    profile: 'recommended',
    severity: 'info',
    docs: {
      summary: '`ADD` of local files should be `COPY`: `ADD` also fetches URLs and unpacks archives, which a reader does not expect.',
      aka: ['DL3020'],
    },
    fixable: true,
  },
  perStage: true,
  dockerfile({ doc, report }) {
    for (const instruction of doc.instructions) {
      const parts = copyParts(doc, instruction);
      if (!parts || parts.keyword !== 'ADD' || parts.sources.length === 0 || !parts.dest) continue;
      if (ADD_ONLY_FLAGS.some((name) => flagNamed(parts.flags, name))) continue;
      const unpack = flagNamed(parts.flags, 'unpack');
      const unpackValue = unpack?.getValue()?.toLowerCase();
      if (unpack && unpackValue !== 'false') continue; // --unpack / --unpack=true: extraction is the point
      // A source from a build argument may be given a URL or an archive at build time.
      if (parts.sources.some((s) => s.unresolved || s.written.includes('$') || isRemoteSource(s.value))) continue;
      if (!unpack && parts.sources.some((s) => ARCHIVE.test(baseName(s.value)))) continue;
      const globs = !unpack && parts.sources.some(mayMatchArchive);
      const keywordRange = instruction.getInstructionRange();
      const written = instruction.getInstruction();
      const edits: TextEdit[] = [{ range: keywordRange, newText: written === written.toLowerCase() ? 'copy' : 'COPY' }];
      if (unpack) edits.push(removeFlagEdit(doc, unpack));
      report({
        range: keywordRange,
        message: 'ADD copies only local files here; use COPY, which never fetches URLs or unpacks archives, so the instruction does what it says.',
        fixes: [
          globs
            ? { title: 'Replace ADD with COPY (changes behaviour if a file the wildcard matches is a tar archive: COPY does not unpack it)', edits, safe: false }
            : { title: 'Replace ADD with COPY', edits, safe: true },
        ],
      });
    }
  },
});

/** A wildcard source whose last segment could name an archive (`src/*`, `*.bin*`); `*.json` cannot. */
function mayMatchArchive(source: PathArg): boolean {
  const base = baseName(source.value);
  if (!/[*?[]/.test(base)) return false;
  const ext = /\.([A-Za-z0-9]+)$/.exec(base);
  return !ext || ARCHIVE.test(base);
}
