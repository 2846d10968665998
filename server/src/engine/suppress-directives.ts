import type { Range } from './types';

/**
 * Ignore comments, as written. One parser for every form; where each form applies is decided by
 * the caller (suppress-scopes.ts), which knows the file kind.
 *
 *   # shipshape ignore=<rule>[,<rule>…] -- <reason>     next instruction / YAML node
 *   # shipshape global ignore=<rule>[,…] -- <reason>    whole file
 *   # hadolint ignore=DL3007,DL3006                     next instruction / node
 *   # hadolint global ignore=DL3007                     whole file
 *   # trivy:ignore:DS-0001                              next instruction / node
 *   # checkov:skip=CKV_K8S_16:<reason>                  Dockerfile: whole file; YAML: its document
 *
 * Only comments on their own line count. Every pattern is anchored and free of nested quantifiers.
 */
export type CommentForm = 'shipshape' | 'hadolint' | 'trivy' | 'checkov';

export interface WrittenId {
  id: string;
  /** Where the id is written (for `unused-ignore`). */
  range: Range;
}

export interface CommentDirective {
  form: CommentForm;
  global: boolean;
  ids: WrittenId[];
  reason?: string;
  /** 0-based line of the comment. */
  line: number;
  /** The comment itself. */
  range: Range;
}

const SHIPSHAPE = /^#[ \t]*shipshape[ \t]+(global[ \t]+)?ignore[ \t]*=[ \t]*/i;
const HADOLINT = /^#[ \t]*hadolint[ \t]+(global[ \t]+)?ignore[ \t]*=[ \t]*/i;
const TRIVY = /trivy:ignore:([A-Za-z0-9_-]+)/gi;
const CHECKOV = /^#[ \t]*checkov:skip=([A-Za-z0-9_*-]+)(?::(.*))?/i;
/** Cheap test before any scanning: does the text hold a directive at all? */
export const DIRECTIVE_MARKER = /#[ \t]*(?:shipshape[ \t]|hadolint[ \t]|trivy:ignore:|checkov:skip=)/i;

/**
 * Parses one line (its text after leading whitespace starts with `#`). `column` is where the `#` is.
 */
export function parseDirective(text: string, line: number, column: number): CommentDirective | undefined {
  const body = text.slice(column).trimEnd();
  const range = { start: { line, character: column }, end: { line, character: column + body.length } };
  const idRange = (from: number, id: string): Range => ({
    start: { line, character: column + from },
    end: { line, character: column + from + id.length },
  });
  for (const [form, pattern] of [['shipshape', SHIPSHAPE], ['hadolint', HADOLINT]] as const) {
    const m = pattern.exec(body);
    if (!m) continue;
    const rest = body.slice(m[0].length);
    const dashes = form === 'shipshape' ? rest.indexOf('--') : -1;
    const idsText = dashes >= 0 ? rest.slice(0, dashes) : rest;
    const reason = dashes >= 0 ? rest.slice(dashes + 2).trim() : undefined;
    const ids: WrittenId[] = [];
    const token = /[^\s,]+/g;
    for (let t = token.exec(idsText); t; t = token.exec(idsText)) {
      // hadolint allows a trailing comment-ish text after whitespace; stop at a second '#'.
      if (t[0].startsWith('#')) break;
      ids.push({ id: t[0], range: idRange(m[0].length + t.index, t[0]) });
    }
    return { form, global: !!m[1], ids, reason: reason || undefined, line, range };
  }
  if (/^#[ \t]*trivy:ignore:/i.test(body)) {
    const ids: WrittenId[] = [];
    TRIVY.lastIndex = 0;
    for (let t = TRIVY.exec(body); t; t = TRIVY.exec(body)) {
      ids.push({ id: t[1], range: idRange(t.index + t[0].length - t[1].length, t[1]) });
    }
    return { form: 'trivy', global: false, ids, line, range };
  }
  const checkov = CHECKOV.exec(body);
  if (checkov) {
    const at = body.indexOf(checkov[1]);
    return { form: 'checkov', global: false, ids: [{ id: checkov[1], range: idRange(at, checkov[1]) }], reason: checkov[2]?.trim() || undefined, line, range };
  }
  return undefined;
}
