import { parseArgs } from 'node:util';
import type { Profile, Severity } from '../engine/types';

export type Format = 'text' | 'json' | 'sarif';
export type FailLevel = Severity | 'none';

export interface LintArgs {
  command: 'lint';
  paths: string[];
  format: Format;
  config?: string;
  profile?: Profile;
  failLevel: FailLevel;
  fix: boolean;
  stdin: boolean;
  stdinFilename?: string;
  /** Threads that lint (default: one per core, at most 4; 1 lints on the main thread only). */
  jobs?: number;
}

export type Args =
  | LintArgs
  | { command: 'rules'; format: 'text' | 'json' }
  | { command: 'init'; force: boolean }
  | { command: 'help' }
  | { command: 'version' };

export class UsageError extends Error {}

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got "${value}")`);
}

function positiveInteger(name: string, value: string): number {
  if (!/^[1-9]\d{0,3}$/.test(value)) throw new UsageError(`--${name} must be a whole number from 1 (got "${value}")`);
  return Number(value);
}

export function parseCommandLine(argv: string[]): Args {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') return { command: 'help' };
  if (command === '--version' || command === '-v' || command === 'version') return { command: 'version' };
  try {
    if (command === 'lint') {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: {
          format: { type: 'string', short: 'f' },
          config: { type: 'string', short: 'c' },
          profile: { type: 'string' },
          'fail-level': { type: 'string' },
          fix: { type: 'boolean' },
          stdin: { type: 'boolean' },
          'stdin-filename': { type: 'string' },
          jobs: { type: 'string', short: 'j' },
        },
      });
      const stdin = !!values.stdin;
      if (stdin && positionals.length > 0) throw new UsageError('--stdin lints standard input; do not name paths as well');
      return {
        command: 'lint',
        paths: positionals.length > 0 || stdin ? positionals : ['.'],
        format: oneOf('format', values.format, ['text', 'json', 'sarif'] as const, 'text'),
        config: values.config,
        profile: values.profile === undefined ? undefined : oneOf('profile', values.profile, ['recommended', 'strict'] as const, 'recommended'),
        failLevel: oneOf('fail-level', values['fail-level'], ['error', 'warning', 'info', 'none'] as const, 'error'),
        fix: !!values.fix,
        stdin,
        stdinFilename: values['stdin-filename'],
        jobs: values.jobs === undefined ? undefined : positiveInteger('jobs', values.jobs),
      };
    }
    if (command === 'rules') {
      const { values } = parseArgs({ args: rest, options: { format: { type: 'string', short: 'f' } } });
      return { command: 'rules', format: oneOf('format', values.format, ['text', 'json'] as const, 'text') };
    }
    if (command === 'init') {
      const { values } = parseArgs({ args: rest, options: { force: { type: 'boolean' } } });
      return { command: 'init', force: !!values.force };
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  throw new UsageError(`unknown command "${command}"`);
}

export const USAGE = `Usage: shipshape <command> [options]

Commands:
  lint [PATH...]            Lint Dockerfiles, Compose files and Kubernetes YAML (folders are walked)
    --format text|json|sarif  Output format (default text)
    --config PATH             Rules file (default: the nearest .shipshape.yaml)
    --profile recommended|strict
    --fail-level error|warning|info|none   Exit 1 when a finding at or above it exists (default error)
    --fix                     Apply the safe fixes in place, then report what remains
    --stdin --stdin-filename NAME   Lint standard input as if it were NAME
    --jobs N                  Lint on N threads (default: one per core but one, at most 4)
  rules [--format text|json]  List the rule catalog
  init                        Write a commented .shipshape.yaml in the current folder

Exit codes: 0 no finding at or above the fail level, 1 findings, 2 usage error or unreadable input.`;
