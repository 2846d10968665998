import { copyParts, flagNamed, isRemoteSource } from '../analysis/copy-sources';
import { defineRule } from '../engine/rule';
import { cutAtFirst } from '../analysis/text-scan';

/** A git source pinned to a full commit id (`…#<40 hex>`) is immutable, like a checksum. */
function isPinnedGitCommit(value: string): boolean {
  return /#[0-9a-f]{40}(?:[0-9a-f]{24})?(?::|$)/i.test(value) && (/^git@|^(?:git|ssh):\/\//i.test(value) || /\.git(?:#|$)/i.test(value));
}

/** The URL without user info, query or fragment: safe to show (it never carries a credential). */
export function displayUrl(value: string): string {
  const scp = /^[\w.-]+@([\w.-]+):([^#?\s]*)/.exec(value);
  if (scp) return `${scp[1]}:${scp[2]}`;
  return cutAtFirst(value.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/i, '$1'), '?#');
}

export default defineRule({
  meta: {
    id: 'add-remote-url',
    kinds: ['dockerfile'],
    profile: 'recommended',
    severity: 'warning',
    docs: {
      summary: '`ADD` of a URL or git repository without `--checksum` trusts whatever the server returns at build time.',
      aka: ['CKV_DOCKER_4', 'DS-0005'],
    },
    fixable: false,
  },
  perStage: true,
  dockerfile({ doc, report }) {
    for (const instruction of doc.instructions) {
      const parts = copyParts(doc, instruction);
      if (!parts || parts.keyword !== 'ADD') continue;
      if (flagNamed(parts.flags, 'checksum')?.getValue()) continue;
      for (const source of parts.sources) {
        if (!isRemoteSource(source.value) || isPinnedGitCommit(source.value)) continue;
        const git = /^git@|^(?:git|ssh):\/\/|\.git(?:#|$)/i.test(source.value);
        report({
          range: source.range,
          message: git
            ? `ADD fetches "${displayUrl(source.value)}" without pinning it: a moved branch or tag changes the image. Pin a commit (#<commit-sha>) or add --checksum=<commit-sha>.`
            : `ADD downloads "${displayUrl(source.value)}" without --checksum, so a changed or tampered file goes into the image unnoticed. Add --checksum=sha256:<digest>, or download and verify it in a RUN step.`,
        });
      }
    }
  },
});
