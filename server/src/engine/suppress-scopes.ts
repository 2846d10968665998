import { DockerfileParser } from 'dockerfile-ast';
import type { LineIndex } from './text';

/**
 * What an ignore comment covers, in whole lines: the next Dockerfile instruction (with its
 * continuation lines and heredocs), or the next YAML node and everything under it. Findings are
 * matched by the line they start on, so a finding about something *missing* (anchored on the final
 * `FROM`, a container's `name:` key, a service key) is covered by a comment above that node.
 */
export interface LineSpan {
  start: number;
  /** Inclusive. */
  end: number;
}

export function spanContains(span: LineSpan, line: number): boolean {
  return span.start <= line && line <= span.end;
}

// ---------------------------------------------------------------- Dockerfile

export interface DockerfileLayout {
  instructions: LineSpan[];
}

export function dockerfileLayout(text: string): DockerfileLayout {
  const instructions = DockerfileParser.parse(text)
    .getInstructions()
    .map((i) => ({ start: i.getRange().start.line, end: i.getRange().end.line }));
  return { instructions };
}

/** True when a `#` line is a continuation-line comment inside an instruction (not a directive). */
export function insideInstruction(layout: DockerfileLayout, line: number): boolean {
  return layout.instructions.some((i) => i.start < line && line <= i.end);
}

export function nextInstruction(layout: DockerfileLayout, line: number): LineSpan | undefined {
  return layout.instructions.find((i) => i.start > line);
}

/** The line an ignore comment must sit above to cover a finding on `line`. */
export function dockerfileAnchorLine(layout: DockerfileLayout, line: number): number {
  return layout.instructions.find((i) => i.start <= line && line <= i.end)?.start ?? line;
}

// ---------------------------------------------------------------- YAML

type LineKind = 'blank' | 'comment' | 'content' | 'block' | 'marker';

export interface YamlLayout {
  kinds: LineKind[];
  indents: number[];
  /** Whether a content line starts with a sequence dash (`- x`). */
  dashes: boolean[];
  /** Per line, the index of its document (split at `---` like yaml-chunks.ts). */
  docOf: number[];
  /** First content line of each document. */
  docFirst: number[];
  /** Last non-blank line of each document. */
  docLast: number[];
}

const DOC_MARKER = /^(?:---|\.\.\.)(?:[ \t]|$)/;
const BLOCK_INDICATOR = /^[|>][-+1-9]{0,2}$/;

/**
 * One linear pass over the lines: blank, comment, content, block-scalar content (a `#` there is
 * text, not a comment) or a document marker, with indentation.
 */
export function yamlLayout(lines: LineIndex): YamlLayout {
  const layout: YamlLayout = { kinds: [], indents: [], dashes: [], docOf: [], docFirst: [], docLast: [] };
  let blockParent: number | undefined;
  let doc = 0;
  for (let i = 0; i < lines.lineCount; i++) {
    const text = lines.lineText(i);
    let indent = 0;
    while (indent < text.length && (text.charCodeAt(indent) === 32 || text.charCodeAt(indent) === 9)) indent++;
    let kind: LineKind;
    let dash = false;
    if (indent === text.length) kind = 'blank';
    else if (blockParent !== undefined && indent > blockParent) kind = 'block';
    else {
      blockParent = undefined;
      if (indent === 0 && DOC_MARKER.test(text.slice(0, 4))) {
        kind = 'marker';
        if (i > 0 && text.startsWith('---')) doc++;
      } else if (text.charCodeAt(indent) === 35 /* # */) kind = 'comment';
      else {
        kind = 'content';
        dash = text.charCodeAt(indent) === 45 /* - */ && (indent + 1 === text.length || /[ \t]/.test(text[indent + 1]));
        const trimmed = text.trimEnd();
        const lastSpace = Math.max(trimmed.lastIndexOf(' '), trimmed.lastIndexOf('\t'));
        if (lastSpace >= indent && BLOCK_INDICATOR.test(trimmed.slice(lastSpace + 1))) blockParent = indent;
      }
    }
    layout.kinds.push(kind);
    layout.indents.push(indent);
    layout.dashes.push(dash);
    layout.docOf.push(doc);
    if (kind === 'content' && layout.docFirst[doc] === undefined) layout.docFirst[doc] = i;
    if (kind !== 'blank' && kind !== 'marker') layout.docLast[doc] = i;
  }
  return layout;
}

/** The node that starts on a content line: that line and every line nested under it. */
export function yamlNodeSpan(layout: YamlLayout, line: number): LineSpan {
  const indent = layout.indents[line];
  const item = layout.dashes[line];
  let end = line;
  for (let j = line + 1; j < layout.kinds.length; j++) {
    const kind = layout.kinds[j];
    if (kind === 'blank' || kind === 'comment') continue;
    if (kind === 'marker') break;
    if (kind === 'block' || layout.indents[j] > indent || (!item && layout.indents[j] === indent && layout.dashes[j])) {
      end = j;
      continue;
    }
    break;
  }
  return { start: line, end };
}

/**
 * What a comment on `line` covers: the next node. Above a document's first node (its root) that is
 * the whole document.
 */
export function yamlNextNode(layout: YamlLayout, line: number): LineSpan | undefined {
  for (let j = line + 1; j < layout.kinds.length; j++) {
    const kind = layout.kinds[j];
    if (kind === 'blank' || kind === 'comment') continue;
    if (kind !== 'content') return undefined;
    const doc = layout.docOf[j];
    if (layout.docFirst[doc] === j) return { start: j, end: layout.docLast[doc] ?? j };
    return yamlNodeSpan(layout, j);
  }
  return undefined;
}

/** The document (between `---` markers) a line belongs to. */
export function yamlDocumentSpan(layout: YamlLayout, line: number): LineSpan {
  const doc = layout.docOf[line] ?? 0;
  const start = layout.docOf.indexOf(doc);
  return { start: Math.max(0, start), end: layout.docLast[doc] ?? line };
}

/** The line an ignore comment must sit above to cover a finding on `line`. */
export function yamlAnchorLine(layout: YamlLayout, line: number): number {
  if (layout.kinds[line] === 'content') return line;
  for (let l = line - 1; l >= 0; l--) {
    if (layout.kinds[l] === 'marker') break;
    if (layout.kinds[l] === 'content' && spanContains(yamlNodeSpan(layout, l), line)) return l;
  }
  return line;
}
