import { isMap, parseAllDocuments, parseDocument, type Node } from 'yaml';
import { setPath } from '../analysis/yaml-edit';
import { kubernetesObjects, type K8sObject } from '../documents/kubernetes';
import { asMap, YamlDoc } from '../documents/yaml';
import { splitYamlDocuments } from '../documents/yaml-chunks';
import { dockerfileAnchorLine, dockerfileLayout, yamlAnchorLine, yamlLayout } from './suppress-scopes';
import { LineIndex } from './text';
import type { FileKind, Position, Range, TextEdit } from './types';

/**
 * The edits behind the "Ignore …" code actions, computed from text alone (no LSP types). Each comes
 * with the range its `reason` placeholder will occupy once applied, so the editor can select it.
 */
export interface IgnoreEdit {
  edit: TextEdit;
  placeholder: Range;
  /** The edit's text with the placeholder marked as snippet tab stop `${1:reason}`. */
  snippet: string;
}

export const REASON_PLACEHOLDER = 'reason';

/** `# shipshape ignore=<rule> -- reason` above the instruction or YAML node a finding starts on. */
export function ignoreLineEdit(text: string, kind: FileKind, line: number, ruleId: string): IgnoreEdit {
  const lines = new LineIndex(text);
  const anchor = kind === 'dockerfile' ? dockerfileAnchorLine(dockerfileLayout(text), line) : yamlAnchorLine(yamlLayout(lines), line);
  const lineText = lines.lineText(anchor);
  const indent = lineText.slice(0, lineText.length - lineText.trimStart().length);
  return commentLine(lines, anchor, `${indent}# shipshape ignore=${ruleId} -- `);
}

/** `# shipshape global ignore=<rule> -- reason` at the top (below Dockerfile parser directives). */
export function ignoreFileEdit(text: string, kind: FileKind, ruleId: string): IgnoreEdit {
  const lines = new LineIndex(text);
  let line = 0;
  if (kind === 'dockerfile') {
    while (line < lines.lineCount && /^#[ \t]*(?:syntax|escape|check)[ \t]*=/i.test(lines.lineText(line))) line++;
  }
  return commentLine(lines, line, `# shipshape global ignore=${ruleId} -- `);
}

function commentLine(lines: LineIndex, line: number, prefix: string): IgnoreEdit {
  const eol = lines.eol;
  const at: Position = { line, character: 0 };
  if (line >= lines.lineCount) {
    // After the last line: start a new line instead.
    const end = lines.positionAt(lines.text.length);
    const lead = lines.text.length > 0 && !lines.text.endsWith('\n') ? eol : '';
    const startLine = end.line + (lead ? 1 : 0);
    return {
      edit: { range: { start: end, end }, newText: `${lead}${prefix}${REASON_PLACEHOLDER}` },
      placeholder: placeholderAt(startLine, prefix.length),
      snippet: `${escapeSnippet(lead + prefix)}\${1:${REASON_PLACEHOLDER}}`,
    };
  }
  return {
    edit: { range: { start: at, end: at }, newText: `${prefix}${REASON_PLACEHOLDER}${eol}` },
    placeholder: placeholderAt(line, prefix.length),
    snippet: `${escapeSnippet(prefix)}\${1:${REASON_PLACEHOLDER}}${escapeSnippet(eol)}`,
  };
}

function placeholderAt(line: number, character: number): Range {
  return { start: { line, character }, end: { line, character: character + REASON_PLACEHOLDER.length } };
}

export function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, (c) => `\\${c}`);
}

/**
 * `ignore.shipshape.dev/<rule>: "reason"` in the annotations of the Kubernetes object around
 * `position`; undefined when the position is in no object.
 */
export function ignoreObjectEdit(text: string, position: Position, ruleId: string): (IgnoreEdit & { object: string }) | undefined {
  const chunk = splitYamlDocuments(text).filter((c) => c.line <= position.line).pop();
  if (!chunk) return undefined;
  const lines = new LineIndex(chunk.text);
  const local = lines.offsetAt({ line: position.line - chunk.line, character: position.character });
  const docs = parseAllDocuments(chunk.text, { uniqueKeys: false, prettyErrors: false, strict: false });
  let target: K8sObject | undefined;
  for (const doc of Array.isArray(docs) ? docs : []) {
    for (const object of kubernetesObjects(new YamlDoc(doc, lines))) {
      const [start, end] = object.map.range ?? [0, 0];
      if (start <= local && local <= end && (!target || start >= (target.map.range?.[0] ?? 0))) target = object;
    }
  }
  if (!target) return undefined;
  const key = `ignore.shipshape.dev/${ruleId}`;
  const value = `"${REASON_PLACEHOLDER}"`;
  const edit = setPath(target.yaml, target.map, ['metadata', 'annotations', key], value);
  const inText = edit.newText.lastIndexOf(value) + 1;
  const start = lines.offsetAt(edit.range.start);
  // Where the placeholder lands: the edit's start plus the text inserted before it.
  const after = new LineIndex(chunk.text.slice(0, start) + edit.newText.slice(0, inText));
  const at = after.positionAt(after.text.length);
  const shift = (p: Position): Position => ({ line: p.line + chunk.line, character: p.character });
  const escapedValue = `"\${1:${REASON_PLACEHOLDER}}"`;
  const valueAt = edit.newText.lastIndexOf(value);
  return {
    edit: { range: { start: shift(edit.range.start), end: shift(edit.range.end) }, newText: edit.newText },
    placeholder: { start: shift(at), end: shift({ line: at.line, character: at.character + REASON_PLACEHOLDER.length }) },
    snippet: escapeSnippet(edit.newText.slice(0, valueAt)) + escapedValue + escapeSnippet(edit.newText.slice(valueAt + value.length)),
    object: `${target.kind}${target.name ? ` "${target.name}"` : ''}`,
  };
}

/**
 * The edit that turns a rule off in a YAML rules file: `rules: {<id>: off}` added or updated, in the
 * file's own layout. `text` is the file's current content ('' for a new file).
 */
export function disableRuleEdit(text: string, ruleId: string): TextEdit {
  const lines = new LineIndex(text);
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
  const root = asMap(doc.contents);
  if (!root || doc.errors.length > 0) {
    // An empty (or comment-only) file, or one we cannot read: append a `rules:` block.
    const end = lines.positionAt(text.length);
    const lead = text.length > 0 && !text.endsWith('\n') ? lines.eol : '';
    return { range: { start: end, end }, newText: `${lead}rules:${lines.eol}  ${ruleId}: off${lines.eol}` };
  }
  const yaml = new YamlDoc(doc as never, lines);
  const rules = yaml.lookup(root, 'rules');
  const current = rules && asMap(rules.value) ? yaml.lookup(asMap(rules.value), ruleId) : undefined;
  if (current && isMap(current.value as Node)) return setPath(yaml, root, ['rules', ruleId, 'level'], 'off');
  return setPath(yaml, root, ['rules', ruleId], 'off');
}
