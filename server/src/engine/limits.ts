import { isMap, isPair, isSeq, type Node } from 'yaml';
import type { Notice, Range } from './types';

/**
 * Bounds on the work one lint may do, so that a hostile or accidental file (a 20 MB bundle, a
 * "billion laughs" YAML, 100,000 documents, nesting thousands of levels deep) costs a bounded
 * amount of time and memory and the user is told, in one notice, what was skipped and why.
 *
 * Measured on the recommended profile (Node 20, one core): a dense 1 MB manifest of Pods lints in
 * about 2.5 s, a 2 MB one in about 5 s, compose files in half that; a 20 MB file took over a minute
 * and 1.7 GB of heap before these limits. Real manifests over 2 MB are CRD bundles, which are data
 * the rules do not read.
 */

/** Files larger than this (in UTF-8 bytes) are not linted in the editor (setting `shipshape.maxFileSize`). */
export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024;

/** YAML documents (`---`) linted per file; a generated bundle rarely has more than a few hundred. */
export const MAX_YAML_DOCUMENTS = 10_000;

/**
 * Collections nested deeper than this are not walked. Real manifests stay under 30 levels; the
 * `yaml` parser and recursive walkers run out of stack in the low thousands.
 */
export const MAX_YAML_DEPTH = 200;

const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function megabytes(bytes: number): string {
  const mb = bytes / 1024 / 1024;
  return `${Number.isInteger(mb) ? mb : mb.toFixed(mb < 1 ? 2 : 1)} MB`;
}

/** The notice for a file over the size limit, or undefined when it is within it. */
export function sizeNotice(text: string, maxBytes: number): Notice | undefined {
  // Cheap first: a UTF-16 length within a third of the limit cannot exceed it in UTF-8.
  if (text.length * 3 <= maxBytes) return undefined;
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes <= maxBytes) return undefined;
  return {
    message: `Shipshape skipped this file: it is ${megabytes(bytes)}, over the ${megabytes(maxBytes)} limit (setting shipshape.maxFileSize). Very large files are usually generated; lint their sources, or raise the limit.`,
    range: START,
    severity: 'info',
  };
}

export function tooManyDocumentsNotice(count: number, range: Range = START): Notice {
  return {
    message: `Shipshape checked the first ${MAX_YAML_DOCUMENTS.toLocaleString('en-US')} of ${count.toLocaleString('en-US')} YAML documents in this file and skipped the rest.`,
    range,
    severity: 'info',
  };
}

export function tooDeepNotice(range: Range): Notice {
  return {
    message: `Shipshape skipped this YAML document: its collections are nested more than ${MAX_YAML_DEPTH} levels deep, which no manifest needs.`,
    range,
    severity: 'warning',
  };
}

export function internalErrorNotice(what: string, error: unknown): Notice {
  const reason = error instanceof RangeError ? 'the input is nested too deeply or is too large' : 'an internal error';
  return { message: `Shipshape could not check ${what}: ${reason}. Other files are not affected.`, range: START, severity: 'warning' };
}

/** The `yaml` parser turns its own stack overflow into a document error with this message. */
export function isStackOverflowMessage(message: string): boolean {
  return message.includes('Maximum call stack size exceeded');
}

/** Leading indentation (plus compact `- - -` indicators) beyond which a line is treated as too deep to parse. */
export const MAX_YAML_INDENT = 500;

/**
 * True when a YAML text may nest too deeply to hand to the parser: flow brackets open deeper than
 * MAX_YAML_DEPTH (counted without regard to quotes, so at worst a string full of brackets is
 * refused), or a line indented past MAX_YAML_INDENT. Checked before parsing because the `yaml`
 * parser recurses per level, and V8 aborts the whole process ("RegExpCompiler Allocation failed")
 * when a regular expression is compiled near the stack limit: a stack overflow there cannot be caught.
 * One linear pass, no regular expressions.
 */
export function mayNestTooDeeply(text: string): boolean {
  let flow = 0;
  let lineStart = true;
  let indent = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */ || c === 13 /* \r */) {
      lineStart = true;
      indent = 0;
      continue;
    }
    if (lineStart) {
      // Spaces, tabs and compact block indicators ("- ", "? ", ": ") all open a level per column or two.
      if (c === 32 || c === 9 || ((c === 45 || c === 63 || c === 58) && (text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 9))) {
        if (++indent > MAX_YAML_INDENT) return true;
        continue;
      }
      lineStart = false;
    }
    if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++flow > MAX_YAML_DEPTH) return true;
    } else if ((c === 93 /* ] */ || c === 125) /* } */ && flow > 0) flow--;
  }
  return false;
}

/** True when a parsed YAML node nests collections deeper than `max` (an iterative walk: no recursion). */
export function nestsDeeperThan(root: Node | null | undefined, max = MAX_YAML_DEPTH): boolean {
  if (!root) return false;
  const stack: Array<[unknown, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (isMap(node) || isSeq(node)) {
      if (depth >= max) return true;
      for (const item of node.items) stack.push([item, depth + 1]);
    } else if (isPair(node)) {
      stack.push([node.key, depth], [node.value, depth]);
    }
  }
  return false;
}
