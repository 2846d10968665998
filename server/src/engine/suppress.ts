import type { ResolvedConfig } from '../config/types';
import { activeRules } from './registry';
import { getRule } from './registry';
import { annotationDirectives, ANNOTATION_MARKER } from './suppress-annotations';
import { DIRECTIVE_MARKER, parseDirective, type CommentDirective, type WrittenId } from './suppress-directives';
import { rulesForAnyForeignId, rulesForForeignId } from './suppress-ids';
import {
  dockerfileLayout,
  insideInstruction,
  nextInstruction,
  spanContains,
  yamlDocumentSpan,
  yamlLayout,
  yamlNextNode,
  type LineSpan,
} from './suppress-scopes';
import { LineIndex } from './text';
import type { FileKind, Finding, LintResult, Range, TextEdit } from './types';

/**
 * The suppression stage: runs after the rules, over the whole text (so the YAML chunk cache stays
 * untouched), drops the findings an ignore covers and reports the ignores that silence nothing as
 * `unused-ignore`. Only Shipshape's own ignores are reported as unused: a foreign comment
 * (`# hadolint ignore=…`) also serves the tool it was written for.
 */
export const UNUSED_IGNORE = 'unused-ignore';

interface Suppression {
  own: boolean;
  /** `file` covers everything; undefined when the comment is followed by nothing it could cover. */
  span: LineSpan | 'file' | undefined;
  ids: Array<{ written: WrittenId; rules: string[]; used: boolean }>;
  /** Removes the whole ignore (line or annotation). */
  removal: TextEdit;
  range: Range;
  global: boolean;
}

export function applySuppressions(text: string, result: LintResult, config: ResolvedConfig): LintResult {
  if (result.kind === 'unknown') return result;
  const kind = result.kind;
  const hasComments = DIRECTIVE_MARKER.test(text);
  const hasAnnotations = kind === 'kubernetes' && ANNOTATION_MARKER.test(text);
  if (!hasComments && !hasAnnotations) return result;

  const lines = new LineIndex(text);
  const suppressions = [...(hasComments ? commentSuppressions(lines, kind) : []), ...(hasAnnotations ? annotationSuppressions(text) : [])];
  if (suppressions.length === 0) return result;

  const inlineAllowed = config.allowInlineIgnores !== false;
  const kept = inlineAllowed ? result.findings.filter((f) => !suppress(suppressions, f)) : [...result.findings];
  const unused = unusedFindings(suppressions, kind, config, inlineAllowed, lines);
  // `# shipshape global ignore=unused-ignore` silences the stage's own reports too.
  const reported = inlineAllowed ? unused.filter((f) => !suppress(suppressions, f)) : unused;
  return { ...result, findings: [...kept, ...reported] };
}

function suppress(suppressions: Suppression[], finding: Finding): boolean {
  let hit = false;
  for (const s of suppressions) {
    if (!s.span || (s.span !== 'file' && !spanContains(s.span, finding.range.start.line))) continue;
    for (const id of s.ids) {
      if (id.rules.includes(finding.ruleId)) {
        id.used = true;
        hit = true;
      }
    }
  }
  return hit;
}

function commentSuppressions(lines: LineIndex, kind: FileKind): Suppression[] {
  const out: Suppression[] = [];
  const docker = kind === 'dockerfile' ? dockerfileLayout(lines.text) : undefined;
  const yaml = kind === 'dockerfile' ? undefined : yamlLayout(lines);
  for (let line = 0; line < lines.lineCount; line++) {
    const text = lines.lineText(line);
    const column = text.length - text.trimStart().length;
    if (text.charCodeAt(column) !== 35 /* # */) continue;
    if (yaml && yaml.kinds[line] !== 'comment') continue; // a `#` inside a block scalar is text
    if (docker && insideInstruction(docker, line)) continue;
    const directive = parseDirective(text, line, column);
    if (!directive) continue;
    out.push({
      own: directive.form === 'shipshape',
      span: spanOf(directive, docker, yaml, line),
      ids: directive.ids.map((written) => ({ written, rules: rulesOf(directive, written.id), used: false })),
      removal: removeLine(lines, line),
      range: directive.range,
      global: directive.global,
    });
  }
  return out;
}

function spanOf(
  directive: CommentDirective,
  docker: ReturnType<typeof dockerfileLayout> | undefined,
  yaml: ReturnType<typeof yamlLayout> | undefined,
  line: number,
): Suppression['span'] {
  if (directive.global) return 'file';
  if (directive.form === 'checkov') {
    // Checkov reads skip comments anywhere in a Dockerfile for the whole file; in YAML, for the resource.
    return docker ? 'file' : yamlDocumentSpan(yaml!, line);
  }
  return docker ? nextInstruction(docker, line) : yamlNextNode(yaml!, line);
}

function rulesOf(directive: CommentDirective, id: string): string[] {
  switch (directive.form) {
    case 'shipshape':
      return getRule(id) ? [id] : [];
    case 'hadolint':
      return rulesForForeignId('hadolint', id);
    case 'trivy':
      return rulesForForeignId('trivy', id);
    case 'checkov':
      return rulesForForeignId('checkov', id);
  }
}

function annotationSuppressions(text: string): Suppression[] {
  return annotationDirectives(text).map((a) => ({
    own: a.form === 'shipshape',
    span: a.span,
    ids: [{ written: a.id, rules: a.form === 'shipshape' ? (getRule(a.id.id) ? [a.id.id] : []) : rulesForForeignId(a.form === 'checkov' ? 'checkov' : 'kube-linter', a.id.id), used: false }],
    removal: a.removal,
    range: a.range,
    global: false,
  }));
}

/** Deletes a comment line with its line break. */
function removeLine(lines: LineIndex, line: number): TextEdit {
  if (line + 1 < lines.lineCount) {
    return { range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, newText: '' };
  }
  const start = line > 0 ? lines.positionAt(lines.lineEnd(line - 1)) : { line, character: 0 };
  return { range: { start, end: lines.positionAt(lines.lineEnd(line)) }, newText: '' };
}

/** Deletes one id of a comment that names several, with the comma that joins it to a neighbour. */
function removeId(lines: LineIndex, id: WrittenId): TextEdit {
  const text = lines.lineText(id.range.start.line);
  let from = id.range.start.character;
  let to = id.range.end.character;
  const after = /^[ \t]*,[ \t]*/.exec(text.slice(to));
  if (after) to += after[0].length;
  else {
    let k = from;
    while (k > 0 && (text[k - 1] === ' ' || text[k - 1] === '\t')) k--;
    if (text[k - 1] === ',') from = k - 1;
  }
  const line = id.range.start.line;
  return { range: { start: { line, character: from }, end: { line, character: to } }, newText: '' };
}

function unusedFindings(suppressions: Suppression[], kind: FileKind, config: ResolvedConfig, inlineAllowed: boolean, lines: LineIndex): Finding[] {
  const active = activeRules(kind, config);
  const reporter = active.find((a) => a.rule.meta.id === UNUSED_IGNORE);
  if (!reporter) return [];
  const activeIds = new Set(active.map((a) => a.rule.meta.id));
  const severity = reporter.userSeverity ?? reporter.defaultSeverity;
  const out: Finding[] = [];
  const report = (range: Range, message: string, fix?: TextEdit): void => {
    out.push({ ruleId: UNUSED_IGNORE, severity, message, range, fixes: fix ? [{ title: 'Remove the unused ignore', edits: [fix], safe: true }] : [] });
  };
  for (const s of suppressions) {
    if (!s.own) continue;
    if (!inlineAllowed) {
      report(s.range, 'Inline ignores are turned off by the rules file (allowInlineIgnores: false), so this ignore has no effect; ask for the exception in .shipshape.yaml instead.');
      continue;
    }
    if (s.ids.length === 0) {
      report(s.range, 'This ignore names no rule; write the rule ids after "ignore=", e.g. "# shipshape ignore=user-root -- reason".');
      continue;
    }
    if (!s.span) {
      report(s.range, 'This ignore is followed by nothing it could cover; put it on the line above the instruction or YAML node it is meant for.', s.removal);
      continue;
    }
    const unknown = s.ids.filter((i) => i.rules.length === 0);
    for (const i of unknown) {
      const meant = rulesForAnyForeignId(i.written.id);
      const hint = meant.length > 0 ? ` "${i.written.id}" is another tool's id: write ${meant.map((m) => `"${m}"`).join(' or ')}.` : ' Check the spelling against `shipshape rules`.';
      report(i.written.range, `"${i.written.id}" is not a Shipshape rule, so this ignore silences nothing.${hint}`);
    }
    // Rules that are off for this file (another profile, another kind) may fire elsewhere: not stale.
    const stale = s.ids.filter((i) => i.rules.length > 0 && !i.used && i.rules.every((r) => activeIds.has(r)));
    if (stale.length === 0) continue;
    const allStale = stale.length === s.ids.length;
    const where = s.global ? 'in this file' : 'in what it covers';
    for (const i of stale) {
      report(
        i.written.range,
        `The ignore for "${i.written.id}" silences nothing: there is no ${i.written.id} finding ${where}. Remove it, or move it above the node it is meant for.`,
        allStale ? s.removal : removeId(lines, i.written),
      );
    }
  }
  return out;
}
