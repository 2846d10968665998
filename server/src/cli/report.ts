import type { FileKindOrUnknown, Finding, Notice } from '../engine/types';

/** One examined file, as the formats print it. */
export interface FileReport {
  path: string;
  kind: FileKindOrUnknown;
  findings: Finding[];
  notices: Notice[];
}

/** `--format json`: the stable shape of spec/cli.md. */
export function formatJson(files: FileReport[]): string {
  return JSON.stringify(
    {
      version: 1,
      files: files.map((file) => ({
        path: file.path,
        kind: file.kind,
        diagnostics: file.findings.map((f) => ({
          ruleId: f.ruleId,
          severity: f.severity,
          message: f.message,
          range: f.range,
          fixes: f.fixes.map((fix) => ({ title: fix.title, edits: fix.edits })),
        })),
        ...(file.notices.length > 0 ? { notices: file.notices } : {}),
      })),
    },
    null,
    2,
  );
}
