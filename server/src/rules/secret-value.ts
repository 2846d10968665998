import type { Node } from 'yaml';
import { findKnownSecrets } from '../analysis/secrets';
import { defineRule, type ReportInput } from '../engine/rule';
import type { LineIndex } from '../engine/text';

export default defineRule({
  meta: {
    id: 'secret-value',
    kinds: ['dockerfile', 'compose', 'kubernetes'],
    profile: 'recommended',
    severity: 'error',
    docs: {
      summary: 'A credential in a known format (cloud keys, tokens, private keys) is written in the file.',
      aka: ['CKV_SECRET_*', 'secretlint', 'gitleaks'],
    },
    fixable: false,
  },
  perStage: true,
  readsText: true,
  dockerfile: ({ doc, report }) => scan(doc.lines, doc.scope.start, doc.scope.end, report),
  compose: ({ compose, report }) => scanNode(compose.yaml.lines, compose.root, report),
  kubernetes: ({ object, report }) => scanNode(object.yaml.lines, object.map, report),
});

function scanNode(lines: LineIndex, node: Node, report: (f: ReportInput) => void): void {
  const [start, , end] = node.range ?? [0, 0, lines.text.length];
  scan(lines, start, end, report);
}

function scan(lines: LineIndex, start: number, end: number, report: (f: ReportInput) => void): void {
  for (const match of findKnownSecrets(lines.text.slice(start, end))) {
    report({
      range: lines.rangeOf(start + match.start, start + match.end),
      message: `This looks like a real ${match.format}. Revoke it, remove it from the file and its history, and inject it at run time from a secret store.`,
    });
  }
}
