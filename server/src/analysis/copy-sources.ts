import type { Flag, Instruction, JSONInstruction, ModifiableInstruction } from 'dockerfile-ast';
import type { DockerfileModel } from '../documents/dockerfile';
import type { Range } from '../engine/types';
import { cutAtFirst, trimEndChars } from './text-scan';

/** One path argument of `COPY` / `ADD`, as written and with `ARG`/`ENV` defaults substituted. */
export interface PathArg {
  written: string;
  /** Quotes removed and variables with defaults substituted; may still hold `$VAR` when unknown. */
  value: string;
  /** True when variables without a known value remain. */
  unresolved: boolean;
  range: Range;
}

export interface CopyParts {
  keyword: 'COPY' | 'ADD';
  flags: Flag[];
  sources: PathArg[];
  dest?: PathArg;
  json: boolean;
}

/**
 * Sources and destination of a `COPY` or `ADD`, in shell or JSON form. Here-documents
 * (`COPY <<EOF /x`) have no files as sources and give undefined, as does `ONBUILD COPY`.
 */
const parsed = new WeakMap<DockerfileModel, Map<Instruction, CopyParts | null>>();

/**
 * The parts of a COPY/ADD, computed once per instruction and model (several rules read them). Per
 * model, not per instruction: an unchanged stage keeps its instructions across edits, but the
 * values substituted for its variables can come from the global ARGs, which may have changed.
 */
export function copyParts(doc: DockerfileModel, instruction: Instruction): CopyParts | undefined {
  let byInstruction = parsed.get(doc);
  if (!byInstruction) parsed.set(doc, (byInstruction = new Map()));
  let parts = byInstruction.get(instruction);
  if (parts === undefined) byInstruction.set(instruction, (parts = computeCopyParts(doc, instruction) ?? null));
  return parts ?? undefined;
}

function computeCopyParts(doc: DockerfileModel, instruction: Instruction): CopyParts | undefined {
  const keyword = doc.keyword(instruction);
  if (keyword !== 'COPY' && keyword !== 'ADD') return undefined;
  const modifiable = instruction as ModifiableInstruction;
  const flags = modifiable.getFlags();
  const json = instruction as JSONInstruction;
  let args: PathArg[];
  const strings = json.getJSONStrings();
  const isJson = !!json.getOpeningBracket() && !!json.getClosingBracket() && strings.length > 0;
  if (isJson) {
    args = strings.map((s) => {
      const range = s.getRange();
      const text = doc.lines.text.slice(doc.lines.offsetAt(range.start), doc.lines.offsetAt(range.end));
      let value: string;
      try {
        value = JSON.parse(text) as string;
      } catch {
        value = s.getJSONValue();
      }
      return pathArg(doc, instruction, text, value, range);
    });
  } else {
    args = modifiable.getArguments().map((a) => pathArg(doc, instruction, a.getValue(), unquote(a.getValue()), a.getRange()));
  }
  if (args.some((a) => a.written.startsWith('<<'))) return undefined;
  if (args.length < 2) return { keyword, flags, sources: args, json: isJson };
  return { keyword, flags, sources: args.slice(0, -1), dest: args[args.length - 1], json: isJson };
}

function pathArg(doc: DockerfileModel, instruction: Instruction, written: string, raw: string, range: Range): PathArg {
  const value = doc.expand(raw, instruction);
  return { written, value, unresolved: /\$\{?\w/.test(value), range };
}

function unquote(value: string): string {
  const first = value[0];
  if (value.length >= 2 && (first === '"' || first === "'") && value[value.length - 1] === first) return value.slice(1, -1);
  return value;
}

/** A flag by name (without `--`), case-insensitive as BuildKit reads it. */
export function flagNamed(flags: Flag[], name: string): Flag | undefined {
  return flags.find((f) => f.getName().toLowerCase() === name);
}

/** `http(s)://…`, `git@host:…`, `git://…`, `ssh://…`: sources `ADD` fetches over the network. */
export function isRemoteSource(value: string): boolean {
  return /^(?:https?|git|ssh):\/\//i.test(value) || /^[\w.-]+@[\w.-]+:/.test(value);
}

/** The last path segment of a source (`a/b/.env` → `.env`, `https://x/y.tgz?z` → `y.tgz`). */
export function baseName(value: string): string {
  const path = trimEndChars(value.includes('://') ? cutAtFirst(value, '?#') : value, '\\/');
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return path.slice(slash + 1);
}
