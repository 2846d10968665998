import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';

/**
 * Where the cursor is in a YAML rules file, as completion and hover need it: in a key or in a value,
 * and under which keys. It has to work while the user types, when the YAML is often invalid
 * (`rules:\n  image-l`), so block structure is read from indentation line by line; flow collections
 * (`rules: { image-latest-tag: off, po }`), whose structure indentation does not show, are read from
 * the `yaml` AST, which keeps positions and survives unclosed brackets.
 */
export type RulesFileSlot = KeySlot | ValueSlot;

/** Offsets into the text; `end` is exclusive. */
export interface Span {
  start: number;
  end: number;
}

export interface KeySlot {
  at: 'key';
  /** Keys from the root to the mapping that holds this key; `-` stands for a sequence item. */
  path: string[];
  /** The key as typed: the whole word around the cursor (empty at the cursor when nothing is typed). */
  word: Span;
  /** Keys already present in that mapping, besides this one. */
  siblings: string[];
  /** Nothing follows the word on its line (block style): a completion may add `: ` after it. */
  bare: boolean;
  /** Column of the key (for indenting what a completion inserts on the next lines). */
  column: number;
  /** Inside a flow mapping (`{ … }`): what a completion inserts stays on one line. */
  flow: boolean;
}

export interface ValueSlot {
  at: 'value';
  /** Path of the mapping that holds `key`. */
  path: string[];
  key: string;
  /** The value as typed (whole word around the cursor). */
  word: Span;
  /** The cursor is right after the colon: a value needs a space before it. */
  needsSpace: boolean;
}

export const RULES_MAP_PATHS = [['rules'], ['overrides', '-', 'rules']];

/** True when the path is a mapping of rule ids (`rules:` at the top or in an `overrides` entry). */
export function isRulesMap(path: readonly string[]): boolean {
  return RULES_MAP_PATHS.some((p) => p.length === path.length && p.every((s, i) => s === path[i]));
}

/** The slot at an offset, or undefined where nothing can be completed (comments, strings, lists). */
export function slotAt(text: string, offset: number): RulesFileSlot | undefined {
  const flow = flowSlot(text, offset);
  if (flow !== undefined) return flow ?? undefined;
  return blockSlot(text, offset);
}

// --- block style, line by line -------------------------------------------------------------------

const isWordChar = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_$.\/-]/.test(c);

interface LineShape {
  /** Columns of the `- ` sequence markers that open the line. */
  dashes: number[];
  /** Column where the content starts (after indentation and markers). */
  content: number;
  /** Only whitespace or a comment. */
  blank: boolean;
  /** Indentation (column of the first non-space character). */
  indent: number;
}

function shapeOf(line: string): LineShape {
  let i = 0;
  while (line[i] === ' ') i++;
  const indent = i;
  const dashes: number[] = [];
  while (line[i] === '-' && (i + 1 === line.length || line[i + 1] === ' ')) {
    dashes.push(i);
    i++;
    while (line[i] === ' ') i++;
  }
  const blank = dashes.length === 0 && (i === line.length || line[i] === '#' || line.slice(i).trim() === '');
  return { dashes, content: i, blank, indent };
}

interface KeyAt {
  key: string;
  start: number;
  /** End of the key text. */
  end: number;
  /** Just after the colon. */
  after: number;
}

/** A `key:` starting at `from` (plain or quoted), followed by the end of the line or a space. */
function keyAt(line: string, from: number): KeyAt | undefined {
  let i = from;
  let key: string;
  let start = from;
  let end: number;
  const quote = line[i];
  if (quote === '"' || quote === "'") {
    const close = line.indexOf(quote, i + 1);
    if (close < 0) return undefined;
    key = line.slice(i + 1, close);
    start = i + 1;
    end = close;
    i = close + 1;
  } else {
    while (isWordChar(line[i])) i++;
    if (i === from) return undefined;
    key = line.slice(from, i);
    end = i;
  }
  while (line[i] === ' ') i++;
  if (line[i] !== ':') return undefined;
  if (i + 1 < line.length && line[i + 1] !== ' ' && line[i + 1] !== '\t') return undefined;
  return { key, start, end, after: i + 1 };
}

/** What follows a key on its line is nothing or a comment: the key holds a block below it. */
function opensBlock(line: string, after: number): boolean {
  const rest = line.slice(after).trim();
  return rest === '' || rest.startsWith('#');
}

/** The comment start (` #`) before a column, if any; quotes are taken into account roughly. */
function inComment(line: string, column: number): boolean {
  let quote = '';
  for (let i = 0; i < column; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      if (i === 0 || /[\s:\[{,-]/.test(line[i - 1])) quote = c;
    } else if (c === '#' && (i === 0 || line[i - 1] === ' ' || line[i - 1] === '\t')) {
      return true;
    }
  }
  return false;
}

interface Lines {
  texts: string[];
  starts: number[];
}

function splitLines(text: string): Lines {
  const texts: string[] = [];
  const starts: number[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    starts.push(start);
    texts.push(text.slice(start, end > start && text[end - 1] === '\r' ? end - 1 : end));
    if (nl < 0) break;
    start = nl + 1;
  }
  return { texts, starts };
}

function blockSlot(text: string, offset: number): RulesFileSlot | undefined {
  const lines = splitLines(text);
  let line = lines.starts.length - 1;
  while (line > 0 && lines.starts[line] > offset) line--;
  const lineText = lines.texts[line];
  const col = offset - lines.starts[line];
  if (col > lineText.length || inComment(lineText, col)) return undefined;
  const shape = shapeOf(lineText);
  const base = lines.starts[line];

  // The cursor in the indentation of an empty line: a new key at the cursor's column.
  if (col < shape.content) {
    if (lineText.trim() !== '' || shape.dashes.length > 0) return undefined;
    return keySlot(lines, line, col, { start: offset, end: offset }, true, []);
  }
  const dashesBefore = shape.dashes;
  const key = keyAt(lineText, shape.content);
  if (key && col >= key.after) {
    // In the value: `key: wor|`, or right after the colon.
    const value = lineText.slice(key.after, col);
    const typed = value.trimStart();
    if (!/^[A-Za-z0-9_-]*$/.test(typed)) return undefined;
    let end = col;
    while (isWordChar(lineText[end])) end++;
    const path = parentPath(lines, line, shape.content, dashesBefore);
    if (!path) return undefined;
    return { at: 'value', path, key: key.key, word: { start: offset - typed.length, end: base + end }, needsSpace: value === '' };
  }
  if (key && (col < key.start || col > key.end)) return undefined;
  if (key) return keySlot(lines, line, shape.content, { start: base + key.start, end: base + key.end }, false, dashesBefore);
  // No colon yet: a key being typed (`  image-l`).
  let end = shape.content;
  while (isWordChar(lineText[end])) end++;
  if (col > end) return undefined;
  return keySlot(lines, line, shape.content, { start: base + shape.content, end: base + end }, lineText.slice(end).trim() === '', dashesBefore);
}

function keySlot(lines: Lines, line: number, column: number, word: Span, bare: boolean, dashes: number[]): KeySlot | undefined {
  const path = parentPath(lines, line, column, dashes);
  if (!path) return undefined;
  return { at: 'key', path, word, siblings: siblingKeys(lines, line, column), bare, column, flow: false };
}

/**
 * The keys above a key at `column` on `line` (whose own line opens with the sequence markers `dashes`):
 * each less indented `key:` line opens the block below it, and each `- ` marker at a smaller column
 * is a sequence item. A sequence may sit at its key's own column (`overrides:\n- files: …`).
 * Undefined when the cursor cannot be in a mapping key (under a scalar, a block scalar, a flow value).
 */
function parentPath(lines: Lines, line: number, column: number, dashes: readonly number[]): string[] | undefined {
  const reversed: string[] = [];
  let cur = column;
  let afterDash = false;
  for (let d = dashes.length - 1; d >= 0; d--) {
    reversed.push('-');
    cur = dashes[d];
    afterDash = true;
  }
  for (let i = line - 1; i >= 0 && (cur > 0 || afterDash); i--) {
    const text = lines.texts[i];
    const shape = shapeOf(text);
    if (shape.blank) continue;
    if (shape.indent === 0 && (text.startsWith('---') || text.startsWith('...'))) break;
    const holdsSeq = afterDash && shape.content === cur && shape.dashes.length === 0;
    if (shape.content < cur || holdsSeq) {
      const key = keyAt(text, shape.content);
      if (!key || !opensBlock(text, key.after)) return undefined;
      reversed.push(key.key);
      cur = shape.content;
      afterDash = false;
      for (let d = shape.dashes.length - 1; d >= 0; d--) {
        reversed.push('-');
        cur = shape.dashes[d];
        afterDash = true;
      }
    } else if (shape.dashes.some((d) => d < cur)) {
      for (let d = shape.dashes.length - 1; d >= 0; d--) {
        if (shape.dashes[d] >= cur) continue;
        reversed.push('-');
        cur = shape.dashes[d];
        afterDash = true;
      }
    }
  }
  return reversed.reverse();
}

/** Keys at `column` in the same mapping as the key on `line` (not counting that line). */
function siblingKeys(lines: Lines, line: number, column: number): string[] {
  const keys: string[] = [];
  const add = (text: string, shape: LineShape) => {
    const key = keyAt(text, shape.content);
    if (key) keys.push(key.key);
  };
  // Upwards to the line that opens the mapping (a less indented key, or the `- ` of this item).
  if (!shapeOf(lines.texts[line]).dashes.some((d) => d < column)) {
    for (let i = line - 1; i >= 0; i--) {
      const text = lines.texts[i];
      const shape = shapeOf(text);
      if (shape.blank) continue;
      if (shape.content < column) break;
      if (shape.content === column) add(text, shape);
      if (shape.indent < column) break;
    }
  }
  // Downwards to the end of the mapping (a less indented line, or the next `- ` item).
  for (let i = line + 1; i < lines.texts.length; i++) {
    const text = lines.texts[i];
    const shape = shapeOf(text);
    if (shape.blank) continue;
    if (shape.indent < column) break;
    if (shape.indent === column && shape.dashes.length === 0) add(text, shape);
  }
  return keys;
}

// --- flow style, from the AST ---------------------------------------------------------------------

/**
 * The slot when the cursor is inside a flow collection: a slot, null (inside one, but nothing to
 * complete there) or undefined (not inside one: block style decides).
 */
function flowSlot(text: string, offset: number): RulesFileSlot | null | undefined {
  if (!text.includes('{') && !text.includes('[')) return undefined;
  let doc;
  try {
    doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  } catch {
    return undefined;
  }
  return descend(text, offset, doc.contents as Node | null, []);
}

function contains(text: string, node: Node, offset: number): boolean {
  const [start, , end] = node.range ?? [0, 0, 0];
  if (!(isMap(node) || isSeq(node)) || !node.flow) return start <= offset && offset <= end;
  const closer = isMap(node) ? '}' : ']';
  const closed = text[node.range![1] - 1] === closer;
  return offset > start && (closed ? offset < node.range![1] : offset <= node.range![1]);
}

function descend(text: string, offset: number, node: Node | null, path: string[]): RulesFileSlot | null | undefined {
  if (!node || !(isMap(node) || isSeq(node)) || !contains(text, node, offset)) return undefined;
  if (isSeq(node)) {
    for (const item of node.items) {
      const found = descend(text, offset, item as Node, [...path, '-']);
      if (found !== undefined) return found;
    }
    if (!node.flow) return undefined;
    // `rule-id: [wa|` — the first item of a rule's [severity, options] is its severity.
    const ruleId = path[path.length - 1];
    const first = node.items[0] as Node | undefined;
    const firstEnd = first?.range ? first.range[1] : undefined;
    const onFirst = first === undefined || (isScalar(first) && first.range![0] <= offset && offset <= firstEnd!);
    if (ruleId && isRulesMap(path.slice(0, -1)) && onFirst) {
      const word = first && isScalar(first) && first.range ? { start: first.range[0], end: first.range[1] } : { start: offset, end: offset };
      if (!/^[A-Za-z0-9_-]*$/.test(text.slice(word.start, offset))) return null;
      return { at: 'value', path: path.slice(0, -1), key: ruleId, word, needsSpace: false };
    }
    return null;
  }
  const keys = node.items.map((pair) => (isScalar(pair.key) ? String(pair.key.value) : undefined));
  for (const [index, pair] of node.items.entries()) {
    const key = keys[index];
    const value = pair.value as Node | null;
    if (key !== undefined && value && (isMap(value) || isSeq(value))) {
      const found = descend(text, offset, value, [...path, key]);
      if (found !== undefined) return found;
    }
  }
  if (!node.flow) return undefined;
  const siblings = (skip: number) => keys.filter((k, i): k is string => k !== undefined && i !== skip);
  for (const [index, pair] of node.items.entries()) {
    const keyNode = pair.key as Node | null;
    if (keyNode && isScalar(keyNode) && keyNode.range && keyNode.range[0] <= offset && offset <= keyNode.range[1]) {
      return {
        at: 'key', path, word: { start: keyNode.range[0], end: keyNode.range[1] }, siblings: siblings(index),
        bare: pair.value === null, column: keyNode.range[0] - lineStart(text, keyNode.range[0]), flow: true,
      };
    }
    const value = pair.value as Node | null;
    if (value && isScalar(value) && value.range && value.range[0] < value.range[1] && value.range[0] <= offset && offset <= value.range[1]) {
      if (keys[index] === undefined || typeof value.value !== 'string') return null;
      return { at: 'value', path, key: keys[index]!, word: { start: value.range[0], end: value.range[1] }, needsSpace: false };
    }
  }
  // Between items: after `{` or `,` a new key; after `key:` its value.
  let i = offset - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i--;
  if (text[i] === '{' || text[i] === ',') {
    return { at: 'key', path, word: { start: offset, end: offset }, siblings: siblings(-1), bare: true, column: offset - lineStart(text, offset), flow: true };
  }
  if (text[i] === ':') {
    const pair = [...node.items.entries()].reverse().find(([, p]) => isScalar(p.key) && p.key.range && p.key.range[1] <= i);
    if (!pair || keys[pair[0]] === undefined) return null;
    return { at: 'value', path, key: keys[pair[0]]!, word: { start: offset, end: offset }, needsSpace: i === offset - 1 };
  }
  return null;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}
