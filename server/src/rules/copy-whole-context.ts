import { copyParts, flagNamed } from '../analysis/copy-sources';
import { defineRule } from '../engine/rule';

/** The ignore files BuildKit reads for a Dockerfile: `<Dockerfile>.dockerignore` first, then `.dockerignore`. */
export function ignoreFilesFor(path: string): string[] {
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  const dir = slash >= 0 ? path.slice(0, slash + 1) : '';
  return [`${path}.dockerignore`, `${dir}.dockerignore`];
}

export default defineRule({
  meta: {
    id: 'copy-whole-context',
    kinds: ['dockerfile'],
    profile: 'strict',
    severity: 'info',
    docs: {
      summary: '`COPY .` without a `.dockerignore` sends everything in the build context into the image: `.git`, `.env`, local keys.',
      aka: ['BuildKit CopyIgnoredFile'],
    },
    fixable: false,
  },
  dockerfile({ doc, path, fileExists, report }) {
    // Without the file's place on disk there is no telling whether an ignore file exists.
    if (!path || !fileExists) return;
    const ignoreFiles = ignoreFilesFor(path);
    let checked: boolean | undefined;
    for (const instruction of doc.instructions) {
      const parts = copyParts(doc, instruction);
      if (!parts || flagNamed(parts.flags, 'from')) continue;
      for (const source of parts.sources) {
        if (!isWholeContext(source.value)) continue;
        checked ??= ignoreFiles.some((f) => fileExists(f));
        if (checked) return;
        report({
          range: source.range,
          message: `${parts.keyword} ${source.value} copies the whole build context and no .dockerignore sits beside the Dockerfile, so .git, .env files and local keys can end up in the image. Add a .dockerignore, or copy only what the image needs.`,
        });
      }
    }
  },
});

/** `.`, `./`, `.//`: the context root. */
function isWholeContext(value: string): boolean {
  return /^\.[\\/]*$/.test(value.trim());
}
