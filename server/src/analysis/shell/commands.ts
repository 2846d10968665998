import type { ShellAnalysis, ShellCommand, ShellWord } from './parser';

/** `/usr/bin/curl` → `curl`; undefined for a word only known at run time. */
export function commandName(word: ShellWord | undefined): string | undefined {
  if (!word || word.dynamic) return undefined;
  const slash = word.value.lastIndexOf('/');
  return slash >= 0 ? word.value.slice(slash + 1) : word.value;
}

/** Wrappers that run the rest of their arguments as a command, with the options that take a value. */
const WRAPPERS: Record<string, { valued: Set<string>; assignments?: boolean }> = {
  sudo: { valued: new Set(['-u', '-g', '-h', '-p', '-C', '-D', '-r', '-t', '-U', '-T', '-R', '--user', '--group', '--host', '--prompt', '--chdir', '--role', '--type', '--other-user', '--command-timeout', '--chroot']) },
  doas: { valued: new Set(['-u', '-C']) },
  env: { valued: new Set(['-u', '-C', '-S', '--unset', '--chdir', '--split-string']), assignments: true },
  command: { valued: new Set() },
  exec: { valued: new Set(['-a']) },
  nohup: { valued: new Set() },
  time: { valued: new Set(['-f', '-o', '--format', '--output']) },
  nice: { valued: new Set(['-n', '--adjustment']) },
  gosu: { valued: new Set() },
  'su-exec': { valued: new Set() },
  'tini': { valued: new Set(['-s', '-p', '-e']) },
  'dumb-init': { valued: new Set(['-r', '--rewrite']) },
  busybox: { valued: new Set() },
  xargs: { valued: new Set(['-a', '-d', '-E', '-I', '-L', '-n', '-P', '-s', '--arg-file', '--delimiter', '--max-args', '--max-procs', '--replace']) },
};
/** Wrappers whose first operand is not the command (`gosu user cmd`, `su-exec user cmd`). */
const USER_FIRST = new Set(['gosu', 'su-exec']);

export interface Invocation {
  /** The effective command name (basename). */
  name: string;
  /** The effective argv: the command word and its arguments, wrappers removed. */
  argv: ShellWord[];
  /** Wrappers seen before it, outermost first (`sudo`, `env`). */
  wrappers: string[];
}

/** The command a simple command really runs: `sudo -E env X=1 /usr/bin/bash -s` → `bash -s`. */
export function invocation(cmd: ShellCommand | { argv: ShellWord[] }): Invocation | undefined {
  const argv = cmd.argv;
  const wrappers: string[] = [];
  let i = 0;
  for (let guard = 0; guard < 8 && i < argv.length; guard++) {
    const name = commandName(argv[i]);
    if (!name) return undefined;
    const wrapper = WRAPPERS[name];
    if (!wrapper) return { name, argv: argv.slice(i), wrappers };
    wrappers.push(name);
    i++;
    while (i < argv.length) {
      const v = argv[i].value;
      if (v === '--') {
        i++;
        break;
      }
      if (wrapper.assignments && /^[A-Za-z_]\w*=/.test(v)) i++;
      else if (v.startsWith('-') && v.length > 1) i += wrapper.valued.has(v) ? 2 : 1;
      else break;
    }
    if (USER_FIRST.has(name)) i++;
  }
  return undefined;
}

/** All simple commands with their effective invocation. */
export function invocations(analysis: ShellAnalysis): { cmd: ShellCommand; index: number; inv: Invocation }[] {
  const out: { cmd: ShellCommand; index: number; inv: Invocation }[] = [];
  analysis.commands.forEach((cmd, index) => {
    const inv = invocation(cmd);
    if (inv) out.push({ cmd, index, inv });
  });
  return out;
}

export const POSIX_SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh', 'busybox']);

/** Options of an argv (after the command word) up to the operands, for commands with GNU-style options. */
export interface Parsed {
  /** Operand words (not options, not option values). */
  operands: ShellWord[];
  /** Option words in order, with the value word that follows a valued option. */
  options: { word: ShellWord; name: string; value?: ShellWord }[];
}

/**
 * Splits arguments into options and operands. `valued` names options that take the next word
 * as value (`-o`, `--target-release`); `--x=y` carries its own value; `--` ends the options.
 */
export function parseArgs(args: ShellWord[], valued: Set<string>): Parsed {
  const out: Parsed = { operands: [], options: [] };
  let ended = false;
  for (let i = 0; i < args.length; i++) {
    const w = args[i];
    const v = w.value;
    if (ended || !v.startsWith('-') || v === '-' || w.dynamic) {
      out.operands.push(w);
      continue;
    }
    if (v === '--') {
      ended = true;
      continue;
    }
    const eq = v.startsWith('--') ? v.indexOf('=') : -1;
    const name = eq > 0 ? v.slice(0, eq) : v;
    if (eq < 0 && valued.has(name) && i + 1 < args.length) {
      out.options.push({ word: w, name, value: args[i + 1] });
      i++;
    } else out.options.push({ word: w, name });
  }
  return out;
}
