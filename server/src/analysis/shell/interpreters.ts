import { POSIX_SHELLS, type Invocation } from './commands';
import type { ShellWord } from './parser';

/** Interpreters that run code they are given, with their "code on the command line" options. */
// `inline` tests are linear: one character class per pattern, letters checked with includes().
const INTERPRETERS: { match: (name: string) => boolean; inline: { test(v: string): boolean }; valued: Set<string> }[] = [
  { match: (n) => POSIX_SHELLS.has(n) && n !== 'busybox', inline: { test: (v: string) => /^-[a-z]+$/.test(v) && v.includes('c') }, valued: new Set(['-o', '+o', '-O', '+O', '--rcfile', '--init-file']) },
  { match: (n) => /^(python|pypy)(\d+(\.\d+)?)?$/.test(n), inline: /^-[a-zA-Z]*[cm]/, valued: new Set(['-W', '-X', '-Q']) },
  { match: (n) => /^perl(\d+(\.\d+)*)?$/.test(n), inline: /^-[a-zA-Z]*[eE]/, valued: new Set(['-I', '-M', '-m', '-x']) },
  { match: (n) => /^ruby(\d+(\.\d+)*)?$/.test(n), inline: /^-[a-zA-Z]*e/, valued: new Set(['-I', '-r', '-C']) },
  { match: (n) => n === 'node' || n === 'nodejs', inline: /^(-[a-z]*[ep]|--eval|--print)/, valued: new Set(['-r', '--require', '--import']) },
  { match: (n) => n === 'php', inline: /^-[a-zA-Z]*r/, valued: new Set(['-c', '-d']) },
];

export function isInterpreter(name: string): boolean {
  return INTERPRETERS.some((i) => i.match(name));
}

export interface InterpreterUse {
  /** Reads its program from standard input (`sh`, `bash -s`, `python3 -`). */
  readsStdin: boolean;
  /** The word holding inline code (`-c CODE`, `-e CODE`), if any. */
  inline?: ShellWord;
  /** Operands: a script file, or `<(…)`. */
  operands: ShellWord[];
}

/** How an interpreter invocation gets its program; undefined when the command is not an interpreter. */
export function interpreterUse(inv: Invocation): InterpreterUse | undefined {
  const spec = INTERPRETERS.find((i) => i.match(inv.name));
  if (!spec) return undefined;
  const args = inv.argv.slice(1);
  const operands: ShellWord[] = [];
  let inline: ShellWord | undefined;
  let stdinFlag = false;
  let inlineFlag = false;
  for (let i = 0; i < args.length; i++) {
    const v = args[i].value;
    if (operands.length > 0 || inlineFlag) {
      if (inlineFlag && !inline) inline = args[i];
      else operands.push(args[i]);
      continue;
    }
    if (v === '--') continue;
    if (v === '-' || args[i].dynamic || !/^[-+]/.test(v)) {
      operands.push(args[i]);
      continue;
    }
    if (spec.valued.has(v)) {
      i++;
      continue;
    }
    if (spec.inline.test(v)) {
      inlineFlag = true;
      // `-c` takes the next word; python's `-cCODE` / node's `--eval=CODE` carry it.
      if (/^--\w+=/.test(v)) inline = args[i];
      continue;
    }
    if (POSIX_SHELLS.has(inv.name) && /^-[a-z]+$/.test(v) && v.includes('s')) stdinFlag = true;
  }
  const readsStdin = !inlineFlag && (stdinFlag || operands.length === 0 || operands[0].value === '-');
  return { readsStdin, inline, operands };
}
