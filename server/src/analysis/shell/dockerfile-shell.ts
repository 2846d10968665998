import type { Instruction, ModifiableInstruction } from 'dockerfile-ast';
import type { DockerfileModel, Stage } from '../../documents/dockerfile';
import type { Range } from '../../engine/types';
import { commandName, POSIX_SHELLS } from './commands';
import { parseExecForm } from './exec-form';
import { analyzeShell, shellParserReady, type ShellAnalysis, type ShellCommand } from './parser';

/**
 * The shell code of a Dockerfile: every `RUN`, and `CMD` / `ENTRYPOINT` / `HEALTHCHECK CMD`, mapped
 * to the text a shell would run, with a way back to document offsets.
 *
 * - Shell form: the text after the keyword and flags, as written. Line continuations stay (escape
 *   + newline; a backtick escape becomes a backslash for the shell), so offsets map one to one;
 *   comment and blank lines inside a continued instruction, which Docker drops, become spaces
 *   (newline included). CRLF line ends are read as LF.
 * - `RUN <<EOF` whose heredoc *is* the command: the body is the script (unless a `#!` line names
 *   another interpreter). `RUN python3 <<EOF` is ordinary shell with a heredoc.
 * - Exec form (`["a", "b"]`): the strings are argv, no shell; `["sh", "-c", "…"]` analyses the script.
 * - The shell in force follows `SHELL` through the stage and the stages it builds on; a
 *   PowerShell or cmd shell (or a Windows base image) is not analysed.
 */

export interface ShellInfo {
  argv: string[];
  posix: boolean;
  /** `-o pipefail` among the shell's options. */
  pipefail: boolean;
  /** The `SHELL` instruction in force, if any. */
  instruction?: Instruction;
}

export interface ShellSite {
  instruction: Instruction;
  keyword: 'RUN' | 'CMD' | 'ENTRYPOINT' | 'HEALTHCHECK';
  stage?: Stage;
  form: 'shell' | 'exec' | 'heredoc' | 'script';
  shell: ShellInfo;
  /** Undefined when the code is not POSIX shell, or the shell parser is not initialised. */
  analysis?: ShellAnalysis;
  src: string;
  /** Edits computed from analysis offsets land where they should (false for exec form and escaped strings). */
  exact: boolean;
  toDoc(offset: number): number;
  range(start: number, end: number): Range;
}

const cache = new WeakMap<DockerfileModel, ShellSite[]>();

/** The shell sites of a Dockerfile, computed once per model and shared by the rules. */
export function shellSites(doc: DockerfileModel): ShellSite[] {
  let sites = cache.get(doc);
  if (!sites) cache.set(doc, (sites = collect(doc)));
  return sites;
}

const KEYWORDS = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK']);
const DEFAULT_SHELL = ['/bin/sh', '-c'];

function collect(doc: DockerfileModel): ShellSite[] {
  const sites: ShellSite[] = [];
  const escape = doc.ast.getEscapeCharacter();
  for (const instruction of doc.instructions) {
    const keyword = doc.keyword(instruction);
    if (!KEYWORDS.has(keyword)) continue;
    let args = instruction.getArguments();
    if (keyword === 'HEALTHCHECK') {
      if (args[0]?.getValue().toUpperCase() !== 'CMD') continue;
      args = args.slice(1);
    }
    if (args.length === 0) continue;
    const start = doc.lines.offsetAt(args[0].getRange().start);
    const end = doc.lines.offsetAt(instruction.getRange().end);
    if (end <= start) continue;
    const stage = doc.stageOf(instruction);
    const shell = shellInForce(doc, instruction, stage);
    const base: SiteBase = { instruction, keyword: keyword as ShellSite['keyword'], stage };
    const raw = doc.text.slice(start, end);
    const exec = parseExecForm(raw, escape);
    if (exec) {
      if (exec.length === 0) continue;
      const argv = exec.map((s) => ({ value: s.value, start: start + s.start, end: start + s.end, dynamic: false }));
      const command: ShellCommand = { argv, assigns: [], redirects: [], start: argv[0].start, end: argv[argv.length - 1].end, depth: 0 };
      const analysis: ShellAnalysis = { commands: [command], pipelines: [], heredocs: [], lists: [], hasError: false };
      sites.push(site(doc, base, 'exec', { argv: [], posix: false, pipefail: false }, analysis, raw, false, (o) => o));
      // `["sh", "-c", "script"]`: the script is shell code again.
      const name = commandName(argv[0]);
      const c = exec.findIndex((s, i) => i > 0 && /^-[a-z]*c$/.test(s.value));
      if (name && POSIX_SHELLS.has(name) && c > 0 && c + 1 < exec.length && exec.slice(1, c).every((s) => s.value.startsWith('-') || exec[c - 1].value === '-o')) {
        const script = exec[c + 1];
        const scriptShell = shellFromArgv(exec.slice(0, c + 1).map((s) => s.value));
        const from = start + script.start + 1;
        const src = script.plain ? doc.text.slice(from, start + script.end - 1) : script.value;
        const toDoc = script.plain ? (o: number) => from + o : () => start + script.start;
        sites.push(site(doc, base, 'script', scriptShell, analyse(src), src, script.plain, toDoc));
      }
      continue;
    }
    if (!shell.posix) {
      sites.push(site(doc, base, 'shell', shell, undefined, raw, false, (o) => start + o));
      continue;
    }
    const prepared = prepare(raw, escape);
    const toDoc = (o: number) => start + prepared.toRaw(o);
    const heredoc = leadingHeredoc(prepared.text);
    if (heredoc) {
      const body = prepared.text.slice(heredoc.bodyStart, heredoc.bodyEnd);
      const shebang = /^#!\s*(\S+)(?:[ \t]+(\S+))?/.exec(body);
      const interpreter = shebang ? (shebang[1].endsWith('/env') ? shebang[2] ?? '' : shebang[1].slice(shebang[1].lastIndexOf('/') + 1)) : undefined;
      const posix = interpreter === undefined || POSIX_SHELLS.has(interpreter);
      sites.push(
        site(doc, base, 'heredoc', posix ? shell : { argv: [interpreter ?? ''], posix: false, pipefail: false }, posix ? analyse(body) : undefined, body, true, (o) =>
          toDoc(heredoc.bodyStart + o),
        ),
      );
      continue;
    }
    const analysis = analyse(prepared.text);
    sites.push(site(doc, base, 'shell', shell, analysis, prepared.text, true, toDoc));
    // `bash <<EOF` / `sh -s <<EOF`: the heredoc body is a script for that shell.
    for (const h of analysis?.heredocs ?? []) {
      const cmd = h.command === undefined ? undefined : analysis!.commands[h.command];
      const name = commandName(cmd?.argv[0]);
      if (!cmd || !name || !POSIX_SHELLS.has(name) || cmd.argv.slice(1).some((w) => !w.value.startsWith('-') || /^-[a-z]*c/.test(w.value))) continue;
      const body = prepared.text.slice(h.bodyStart, h.bodyEnd);
      sites.push(site(doc, base, 'script', shellFromArgv(cmd.argv.map((w) => w.value)), analyse(body), body, true, (o) => toDoc(h.bodyStart + o)));
    }
  }
  return sites;
}

interface SiteBase {
  instruction: Instruction;
  keyword: ShellSite['keyword'];
  stage?: Stage;
}

function site(
  doc: DockerfileModel,
  base: SiteBase,
  form: ShellSite['form'],
  shell: ShellInfo,
  analysis: ShellAnalysis | undefined,
  src: string,
  exact: boolean,
  toDoc: (o: number) => number,
): ShellSite {
  const { lines } = doc;
  // One literal shape for every site (no spreads): rules iterate them in their hot loops.
  return {
    instruction: base.instruction,
    keyword: base.keyword,
    stage: base.stage,
    form,
    shell,
    analysis,
    src,
    exact,
    toDoc,
    range: (s, e) => lines.rangeOf(toDoc(s), toDoc(e)),
  };
}

/**
 * Analyses by source text, most recent last: re-linting after an edit re-parses only the RUNs that
 * changed. Results are shared, so rules must treat them as read-only.
 */
const analyses = new Map<string, ShellAnalysis>();
const ANALYSES_LIMIT = 5000;

function analyse(src: string): ShellAnalysis | undefined {
  if (!shellParserReady()) return undefined;
  let analysis = analyses.get(src);
  if (analysis) analyses.delete(src);
  else analysis = analyzeShell(src);
  analyses.set(src, analysis);
  if (analyses.size > ANALYSES_LIMIT) analyses.delete(analyses.keys().next().value!);
  return analysis;
}

export function shellFromArgv(argv: string[], instruction?: Instruction): ShellInfo {
  const name = argv[0] ? argv[0].slice(argv[0].lastIndexOf('/') + 1).toLowerCase() : '';
  let pipefail = false;
  for (let i = 1; i < argv.length; i++) {
    if (/^[-+][a-z]*o$/i.test(argv[i]) && argv[i + 1] === 'pipefail' && argv[i][0] === '-') pipefail = true;
    if (argv[i] === '-opipefail') pipefail = true;
  }
  return { argv, posix: POSIX_SHELLS.has(name), pipefail, instruction };
}

/** The `SHELL` in force at an instruction: the last one before it in its stage, else in the stages it builds on. */
export function shellInForce(doc: DockerfileModel, instruction: Instruction, stage: Stage | undefined): ShellInfo {
  if (!stage) return DEFAULT_SHELL_INFO;
  const line = instruction.getRange().start.line;
  for (const s of doc.lineage(stage)) {
    const shells = shellInstructions(doc, s);
    for (let i = shells.length - 1; i >= 0; i--) {
      const candidate = shells[i];
      if (candidate.getRange().start.line >= line) continue;
      const exec = parseExecForm(doc.text.slice(doc.lines.offsetAt(candidate.getArguments()[0]?.getRange().start ?? candidate.getRange().end), doc.lines.offsetAt(candidate.getRange().end)), doc.ast.getEscapeCharacter());
      if (exec && exec.length > 0) return shellFromArgv(exec.map((e) => e.value), candidate);
    }
  }
  const root = doc.rootOf(stage);
  const image = doc.fromImage(root)?.resolved.toLowerCase() ?? '';
  if (/(^|\/)windows\/|nanoserver|servercore/.test(image)) return { argv: ['cmd', '/S', '/C'], posix: false, pipefail: false };
  return DEFAULT_SHELL_INFO;
}

const DEFAULT_SHELL_INFO: ShellInfo = Object.freeze(shellFromArgv(DEFAULT_SHELL)) as ShellInfo;

/** The SHELL instructions of a stage, looked up once per stage and model (most stages have none). */
const stageShells = new WeakMap<Stage, Instruction[]>();

function shellInstructions(doc: DockerfileModel, stage: Stage): Instruction[] {
  let shells = stageShells.get(stage);
  if (!shells) stageShells.set(stage, (shells = stage.instructions.filter((i) => doc.keyword(i) === 'SHELL')));
  return shells;
}

interface Prepared {
  text: string;
  /** Offset in `text` → offset in the raw instruction text. */
  toRaw(offset: number): number;
}

/**
 * Makes an instruction's text what the shell sees, keeping offsets: CRLF → LF (the only change of
 * length, mapped back by `toRaw`); on the command line(s), escape + newline becomes backslash +
 * newline (trailing blanks after the escape are allowed by Docker: the backslash moves past them),
 * and comment or blank lines inside the continuation become spaces, newline included.
 */
export function prepare(raw: string, escape: string): Prepared {
  const removed: number[] = [];
  let text = raw;
  if (raw.includes('\r')) {
    let out = '';
    let from = 0;
    for (let i = raw.indexOf('\r\n'); i >= 0; i = raw.indexOf('\r\n', i + 2)) {
      out += raw.slice(from, i);
      removed.push(out.length);
      from = i + 1;
    }
    text = out + raw.slice(from);
  }
  const toRaw = (o: number) => {
    if (removed.length === 0) return o;
    let lo = 0;
    let hi = removed.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (removed[mid] <= o) lo = mid + 1;
      else hi = mid;
    }
    return o + lo;
  };
  if (!text.includes('\n')) return { text, toRaw }; // one line: nothing continues
  // Pieces of the result, replacing characters in place (the length never changes).
  let prepared = '';
  let copied = 0;
  const put = (at: number, replacement: string) => {
    prepared += text.slice(copied, at) + replacement;
    copied = at + replacement.length;
  };
  let lineStart = 0;
  let continued = false;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let first = lineStart;
    while (first < lineEnd && /\s/.test(text[first])) first++;
    if (continued && (first === lineEnd || text[first] === '#') && lineEnd < text.length) {
      put(lineStart, ' '.repeat(lineEnd + 1 - lineStart));
    } else {
      let e = lineEnd;
      while (e > lineStart && (text[e - 1] === ' ' || text[e - 1] === '\t')) e--;
      // Docker continues any line that ends with the escape character (blanks after it allowed).
      continued = e > lineStart && text[e - 1] === escape && lineEnd < text.length;
      if (!continued) break; // the rest is heredoc bodies: the shell reads them as they are
      if (e === lineEnd) put(e - 1, '\\');
      else put(e - 1, ` ${text.slice(e, lineEnd - 1)}\\`);
    }
    lineStart = lineEnd + 1;
  }
  return { text: prepared + text.slice(copied), toRaw };
}

/** `<<EOF` (or `<<-"EOF"`) at the very start: the heredoc is the command and its body the script. */
function leadingHeredoc(text: string): { bodyStart: number; bodyEnd: number } | undefined {
  const m = /^[ \t]*<<(-?)[ \t]*(["']?)([A-Za-z_][\w.-]*)\2/.exec(text);
  if (!m) return undefined;
  const nl = text.indexOf('\n');
  if (nl < 0) return undefined;
  const bodyStart = nl + 1;
  let at = bodyStart;
  while (at < text.length) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const line = m[1] ? text.slice(at, end).replace(/^\t+/, '') : text.slice(at, end);
    if (line === m[3]) return { bodyStart, bodyEnd: at };
    at = end + 1;
  }
  return { bodyStart, bodyEnd: text.length };
}

/** Whether a `RUN` mounts a build secret (`--mount=type=secret`). */
export function mountsSecret(instruction: Instruction): boolean {
  const flags = (instruction as ModifiableInstruction).getFlags?.() ?? [];
  return flags.some((f) => f.getName().toLowerCase() === 'mount' && f.getOptions().some((o) => o.getName().toLowerCase() === 'type' && o.getValue()?.toLowerCase() === 'secret'));
}
