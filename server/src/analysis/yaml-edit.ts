import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { TextEdit } from '../engine/types';
import { keyOf, type YamlDoc } from '../documents/yaml';

/**
 * Text edits on YAML that keep the author's layout: block or flow style, indentation, comments
 * and line endings. Values are given as YAML text (`"10001:10001"`, `true`).
 */

export type YamlValue = string | { [key: string]: YamlValue };

/** Replaces a scalar, quotes included, with `text` (YAML source: quote it when it must stay a string). */
export function replaceScalar(yaml: YamlDoc, node: Scalar, text: string): TextEdit {
  const [start, end] = node.range ?? [0, 0];
  return { range: yaml.lines.rangeOf(start, end), newText: text };
}

/** Sets `path` under `map` to `value`, creating the missing mappings, or replaces a scalar there. */
export function setPath(yaml: YamlDoc, map: YAMLMap, path: string[], value: YamlValue): TextEdit {
  let current = map;
  for (let i = 0; i < path.length; i++) {
    const pair = ownPair(current, path[i]);
    const rest = path.slice(i + 1);
    if (!pair) return insertPair(yaml, current, path[i], nest(rest, value));
    const child = pair.value as Node | null;
    if (rest.length === 0 || !isMap(child)) {
      if (isMap(child) && child.items.length === 0 && child.flow) {
        return { range: yaml.range(child), newText: flowText({ [rest[0] ?? '']: nest(rest.slice(1), value) }) };
      }
      if (!child || (isScalar(child) && (child.value === null || child.value === undefined) && child.range![0] === child.range![1])) {
        return insertBlockValue(yaml, pair, nest(rest, value));
      }
      if (rest.length === 0 && typeof value === 'string' && isScalar(child)) return replaceScalar(yaml, child, value);
      return { range: yaml.range(child), newText: renderInline(nest(rest, value)) };
    }
    current = child;
  }
  throw new Error('setPath needs a path');
}

function nest(path: string[], value: YamlValue): YamlValue {
  return path.reduceRight<YamlValue>((acc, key) => ({ [key]: acc }), value);
}

function ownPair(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => keyOf(p) === key);
}

/** Adds `key: value` to a mapping, after its last entry, in the mapping's own style. */
export function insertPair(yaml: YamlDoc, map: YAMLMap, key: string, value: YamlValue): TextEdit {
  const { lines } = yaml;
  if (map.flow || map.items.length === 0) {
    const [start, end] = map.range ?? [0, 0];
    const closing = lines.text.lastIndexOf('}', end - 1);
    if (closing > start) {
      const sep = map.items.length > 0 ? ', ' : '';
      const at = lines.positionAt(closing);
      return { range: { start: at, end: at }, newText: `${sep}${key}: ${renderInline(value)}` };
    }
  }
  const first = map.items[0];
  const last = map.items[map.items.length - 1];
  const indent = lines.positionAt((first.key as Node).range![0]).character;
  const lastEnd = Math.max((last.value as Node | null)?.range?.[1] ?? 0, (last.key as Node).range![1]);
  const endLine = lines.positionAt(Math.max(0, lastEnd - 1)).line;
  const at = { line: endLine, character: lines.lineEnd(endLine) - lines.lineStart(endLine) };
  return { range: { start: at, end: at }, newText: lines.eol + renderBlock(key, value, indent, indentStep(yaml), lines.eol) };
}

/** Gives a key with no value (`securityContext:`) a block mapping. */
function insertBlockValue(yaml: YamlDoc, pair: Pair, value: YamlValue): TextEdit {
  const { lines } = yaml;
  const keyStart = lines.positionAt((pair.key as Node).range![0]);
  const at = { line: keyStart.line, character: lines.lineEnd(keyStart.line) - lines.lineStart(keyStart.line) };
  if (typeof value === 'string') return { range: { start: at, end: at }, newText: ' ' + value };
  const step = indentStep(yaml);
  const body = Object.entries(value).map(([k, v]) => renderBlock(k, v, keyStart.character + step, step, lines.eol)).join(lines.eol);
  return { range: { start: at, end: at }, newText: lines.eol + body };
}

function renderBlock(key: string, value: YamlValue, indent: number, step: number, eol: string): string {
  const pad = ' '.repeat(indent);
  if (typeof value === 'string') return `${pad}${key}: ${value}`;
  const children = Object.entries(value).map(([k, v]) => renderBlock(k, v, indent + step, step, eol));
  return [`${pad}${key}:`, ...children].join(eol);
}

function renderInline(value: YamlValue): string {
  return typeof value === 'string' ? value : flowText(value);
}

function flowText(value: { [key: string]: YamlValue }): string {
  return `{${Object.entries(value).map(([k, v]) => `${k}: ${renderInline(v)}`).join(', ')}}`;
}

/** The indentation step the document uses (2 when it cannot tell). */
export function indentStep(yaml: YamlDoc): number {
  const m = /\n( +)\S[^\n]*:[ \t]*\r?\n\1( +)\S/.exec(yaml.lines.text);
  return m ? m[2].length : 2;
}

/** Removes a pair from its mapping: the whole line(s) in block style, the entry and a comma in flow. */
export function removePair(yaml: YamlDoc, map: YAMLMap, pair: Pair): TextEdit {
  const { lines } = yaml;
  const start = (pair.key as Node).range![0];
  const valueEnd = (pair.value as Node | null)?.range?.[1] ?? (pair.key as Node).range![1];
  if (map.flow) return removeFlowEntry(yaml, start, valueEnd);
  if (map.items.length === 1) {
    // The last key of a block mapping: leave an empty flow mapping so the parent stays a mapping.
    return { range: lines.rangeOf(start, contentEnd(lines.text, start, valueEnd)), newText: '{}' };
  }
  const prefix = lines.text.slice(lines.lineStart(lines.positionAt(start).line), start);
  if (prefix.trim()) {
    // First key of a sequence item (`- a: 1`): the next key moves up behind the dash.
    const next = map.items[map.items.indexOf(pair) + 1];
    if (next) return { range: lines.rangeOf(start, (next.key as Node).range![0]), newText: '' };
  }
  return removeLines(yaml, start, valueEnd);
}

/** Removes an item from a sequence: its line(s) in block style, the entry and a comma in flow. */
export function removeSeqItem(yaml: YamlDoc, seq: YAMLSeq, item: Node): TextEdit {
  const [start, end] = item.range ?? [0, 0];
  if (seq.flow) return removeFlowEntry(yaml, start, end);
  if (seq.items.length === 1) {
    const [s, e] = seq.range ?? [start, end];
    return { range: yaml.lines.rangeOf(s, contentEnd(yaml.lines.text, s, e)), newText: '[]' };
  }
  const text = yaml.lines.text;
  const dash = text.lastIndexOf('-', start);
  return removeLines(yaml, dash >= 0 && !text.slice(dash + 1, start).trim() ? dash : start, end);
}

/** A block node's range ends after its line break; an edit that replaces it must keep that break. */
function contentEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1])) e--;
  return e;
}

function removeLines(yaml: YamlDoc, start: number, end: number): TextEdit {
  const { lines } = yaml;
  const first = lines.positionAt(start).line;
  const last = lines.positionAt(Math.max(start, end - 1)).line;
  const lineStartOffset = lines.lineStart(first);
  const onlyThis = !lines.text.slice(lineStartOffset, start).replace(/-/, '').trim();
  if (!onlyThis) return { range: lines.rangeOf(start, end), newText: '' };
  const to = last + 1 < lines.lineCount ? lines.lineStart(last + 1) : lines.text.length;
  const from = last + 1 < lines.lineCount || first === 0 ? lineStartOffset : lines.lineEnd(first - 1);
  return { range: lines.rangeOf(from, to), newText: '' };
}

function removeFlowEntry(yaml: YamlDoc, start: number, end: number): TextEdit {
  const text = yaml.lines.text;
  let to = end;
  const after = /^\s*,\s*/.exec(text.slice(end));
  if (after) to = end + after[0].length;
  else {
    const before = /,\s*$/.exec(text.slice(0, start));
    if (before) return { range: yaml.lines.rangeOf(before.index, end), newText: '' };
  }
  return { range: yaml.lines.rangeOf(start, to), newText: '' };
}

/** YAML text for a string that must stay a string (`"10001:10001"`). */
export function quote(value: string): string {
  return JSON.stringify(value);
}

export function isSeqNode(node: unknown): node is YAMLSeq {
  return isSeq(node);
}

/**
 * Appends an item (YAML text, e.g. `ALL`) to a sequence in its own style: before the `]` of a
 * flow sequence, or as a new `- item` line under the last block item, at the items' indentation.
 */
export function appendSeqItem(yaml: YamlDoc, seq: YAMLSeq, text: string): TextEdit {
  const { lines } = yaml;
  const [start, end] = seq.range ?? [0, 0];
  if (seq.flow || seq.items.length === 0) {
    const closing = lines.text.lastIndexOf(']', end - 1);
    if (closing >= start) {
      const at = lines.positionAt(closing);
      const before = lines.text.slice(start + 1, closing).trimEnd();
      const sep = seq.items.length > 0 ? (before.endsWith(',') ? ' ' : ', ') : '';
      const trimmedAt = seq.items.length > 0 ? lines.positionAt(start + 1 + before.length) : at;
      return { range: { start: trimmedAt, end: at }, newText: `${sep}${text}` };
    }
  }
  const first = seq.items[0] as Node;
  const dash = lines.text.lastIndexOf('-', first.range![0]);
  const column = lines.positionAt(dash).character;
  const last = seq.items[seq.items.length - 1] as Node;
  const endLine = lines.positionAt(Math.max(0, last.range![1] - 1)).line;
  const at = { line: endLine, character: lines.lineEnd(endLine) - lines.lineStart(endLine) };
  return { range: { start: at, end: at }, newText: `${lines.eol}${' '.repeat(column)}- ${text}` };
}
