import { lint, type LintOptions } from './lint';
import { comparePositions, LineIndex } from './text';
import type { Finding, Fix, TextEdit } from './types';

/** Applies edits to a text; edits must not overlap. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = new LineIndex(text);
  const sorted = edits
    .map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), text: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/**
 * The safe fixes of a set of findings that can be applied together: whole fixes only, none whose
 * edits overlap an earlier one's, in document order.
 */
export function compatibleSafeFixes(findings: Finding[]): Fix[] {
  const chosen: Fix[] = [];
  const taken: TextEdit[] = [];
  const candidates = findings
    .flatMap((f) => f.fixes.filter((fix) => fix.safe).slice(0, 1))
    .sort((a, b) => comparePositions(a.edits[0]?.range.start ?? { line: 0, character: 0 }, b.edits[0]?.range.start ?? { line: 0, character: 0 }));
  for (const fix of candidates) {
    if (fix.edits.length === 0) continue;
    if (fix.edits.some((e) => taken.some((t) => overlaps(e, t)))) continue;
    chosen.push(fix);
    taken.push(...fix.edits);
  }
  return chosen;
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  // Two insertions at the same point would interleave unpredictably: treat them as overlapping too.
  const aEmpty = comparePositions(a.range.start, a.range.end) === 0;
  const bEmpty = comparePositions(b.range.start, b.range.end) === 0;
  if (aEmpty && bEmpty) return comparePositions(a.range.start, b.range.start) === 0;
  return comparePositions(a.range.start, b.range.end) < 0 && comparePositions(b.range.start, a.range.end) < 0
    || (aEmpty && comparePositions(b.range.start, a.range.start) < 0 && comparePositions(a.range.start, b.range.end) < 0)
    || (bEmpty && comparePositions(a.range.start, b.range.start) < 0 && comparePositions(b.range.start, a.range.end) < 0);
}

export interface FixAllResult {
  text: string;
  /** How many fixes were applied over all passes. */
  applied: number;
}

/** Applies safe fixes and re-lints until nothing safe is left (bounded passes). */
export function fixAll(text: string, options: LintOptions, maxPasses = 5): FixAllResult {
  let current = text;
  let applied = 0;
  for (let pass = 0; pass < maxPasses; pass++) {
    const fixes = compatibleSafeFixes(lint(current, options).findings);
    if (fixes.length === 0) break;
    const next = applyEdits(current, fixes.flatMap((f) => f.edits));
    if (next === current) break;
    current = next;
    applied += fixes.length;
  }
  return { text: current, applied };
}

export interface FixAllEdits {
  /** Edits against the given text, non-overlapping; empty when nothing safe is left. */
  edits: TextEdit[];
  applied: number;
}

/**
 * Fix-all as edits for an editor: when one pass settles everything, the fixes' own edits (the
 * cursor and the rest of the text stay put); when later passes were needed, one edit spanning
 * only the changed part of the text.
 */
export function fixAllEdits(text: string, options: LintOptions, maxPasses = 5): FixAllEdits {
  const first = compatibleSafeFixes(lint(text, options).findings);
  if (first.length === 0) return { edits: [], applied: 0 };
  const edits = first.flatMap((f) => f.edits);
  const afterFirst = applyEdits(text, edits);
  const rest = fixAll(afterFirst, options, maxPasses - 1);
  if (rest.applied === 0) return { edits, applied: first.length };
  const diff = diffEdit(text, rest.text);
  return { edits: diff ? [diff] : [], applied: first.length + rest.applied };
}

/** The single edit that turns `before` into `after`, trimmed to the part that differs. */
export function diffEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  // Never split a CRLF pair: positions inside one do not exist for an editor.
  if (start > 0 && before[start - 1] === '\r') start--;
  if (end > 0 && before[before.length - end] === '\n' && before[before.length - end - 1] === '\r' && start < before.length - end) end--;
  const lines = new LineIndex(before);
  return { range: lines.rangeOf(start, before.length - end), newText: after.slice(start, after.length - end) };
}
