// The engine's vocabulary. Positions are 0-based lines and UTF-16 characters, as in the
// Language Server Protocol, so the server can hand findings to an editor unchanged, but nothing
// here depends on an LSP library: the CLI and the tests use the same types.

export type FileKind = 'dockerfile' | 'compose' | 'kubernetes';
export type FileKindOrUnknown = FileKind | 'unknown';
export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type Profile = 'recommended' | 'strict';

export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1, hint: 0 };

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Safe fixes keep the container's behaviour and may be applied on save; the others are suggestions. */
  safe: boolean;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
  fixes: Fix[];
}

export interface LintResult {
  kind: FileKindOrUnknown;
  findings: Finding[];
  /** Problems that are not findings: parse errors, skipped content. Shown to the user, never fatal. */
  notices: Notice[];
}

export interface Notice {
  message: string;
  range: Range;
  severity: Severity;
}
