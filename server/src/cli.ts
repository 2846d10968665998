import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { collectFiles, decodeText, describeFsError, MAX_FILE_BYTES, readTextFile, type FoundFile } from './cli/files';
import { parseCommandLine, USAGE, UsageError, type LintArgs } from './cli/args';
import { formatText } from './cli/format-text';
import { formatSarif } from './cli/format-sarif';
import { RULES_FILE_TEMPLATE } from './cli/init-command';
import { formatJson, type FileReport } from './cli/report';
import { rulesCatalog } from './cli/rules-command';
import { resolveFor, type LoadedRulesFile } from './config/resolve';
import { formatRulesFileProblems } from './config/report';
import { fixAll } from './engine/apply-fixes';
import { lint, type LintOptions } from './engine/lint';
import { prepareEngine } from './engine/prepare';
import { SEVERITY_RANK } from './engine/types';
import { allRules } from './rules';

declare const SERVER_VERSION: string;
const VERSION = typeof SERVER_VERSION === 'string' ? SERVER_VERSION : 'dev';

export interface Io {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<string>;
  isTty: boolean;
}

/** Runs the command line; returns the exit code (0 clean, 1 findings, 2 usage or input error). */
export async function main(argv: string[], io: Io): Promise<number> {
  let args;
  try {
    args = parseCommandLine(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`shipshape: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
  switch (args.command) {
    case 'help':
      io.stdout(USAGE + '\n');
      return 0;
    case 'version':
      io.stdout(VERSION + '\n');
      return 0;
    case 'rules':
      io.stdout(rulesCatalog(args.format) + '\n');
      return 0;
    case 'init': {
      const target = join(io.cwd, '.shipshape.yaml');
      if (existsSync(target) && !args.force) {
        io.stderr(`shipshape: ${target} already exists (use --force to overwrite)\n`);
        return 2;
      }
      writeFileSync(target, RULES_FILE_TEMPLATE);
      io.stdout(`Wrote ${target}\n`);
      return 0;
    }
    case 'lint':
      return runLint(args, io);
  }
}

async function runLint(args: LintArgs, io: Io): Promise<number> {
  try {
    await prepareEngine();
  } catch (error) {
    io.stderr(`shipshape: shell parser unavailable, RUN/command shell rules are skipped: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  const reports: FileReport[] = [];
  let inputError = false;
  const badRulesFiles = new Map<string, LoadedRulesFile>();
  const lintOne = (path: string, absolute: string, text: string, explicit: boolean): string | undefined => {
    const resolution = resolveFor({ filePath: absolute, configPath: args.config && resolve(io.cwd, args.config), profile: args.profile });
    if (resolution.rulesFile && resolution.rulesFile.problems.length > 0) {
      badRulesFiles.set(resolution.rulesFile.path, resolution.rulesFile); // an invalid rules file fails the run (exit 2)
      return undefined;
    }
    if (resolution.ignored) return undefined; // ignorePaths: not linted at all
    const config = resolution.config;
    const options: LintOptions = {
      path: absolute,
      config,
      fileExists: existsSync,
      incremental: false, // each file is linted once: nothing to keep for a next version
      maxFileBytes: MAX_FILE_BYTES, // the CLI reads up to 5 MB (the editor's default is smaller)
      onRuleError: (ruleId, error) => io.stderr(`shipshape: rule ${ruleId} failed on ${path}: ${error instanceof Error ? error.message : String(error)}\n`),
    };
    let fixed: string | undefined;
    if (args.fix) {
      const result = fixAll(text, options);
      if (result.applied > 0) fixed = result.text;
    }
    const result = lint(fixed ?? text, options);
    if (result.kind !== 'unknown' || explicit) {
      reports.push({ path, kind: result.kind, findings: result.findings, notices: result.notices });
    }
    return fixed;
  };

  if (args.stdin) {
    const name = args.stdinFilename ?? 'stdin';
    const decoded = decodeText(Buffer.from(await io.readStdin(), 'utf8'));
    if ('skipped' in decoded) {
      io.stderr(`shipshape: ${name}: ${decoded.skipped}\n`);
      return 2;
    }
    const fixed = lintOne(name, resolve(io.cwd, name), decoded.text, true);
    if (fixed !== undefined) io.stdout(fixed);
  } else {
    const { files, problems } = collectFiles(args.paths, io.cwd);
    for (const problem of problems) {
      io.stderr(`shipshape: ${problem.path}: ${problem.message}\n`);
      inputError = true;
    }
    for (const file of files) {
      inputError = lintFile(file, io, args, lintOne) || inputError;
    }
  }

  if (badRulesFiles.size > 0) {
    io.stderr(formatRulesFileProblems([...badRulesFiles.values()], io.cwd));
    return 2;
  }
  const output =
    args.format === 'json' ? formatJson(reports) : args.format === 'sarif' ? formatSarif(reports, allRules, VERSION) : formatText(reports, io.isTty);
  if (!(args.stdin && args.fix)) io.stdout(output + '\n');
  if (inputError) return 2;
  if (args.failLevel === 'none') return 0;
  const threshold = SEVERITY_RANK[args.failLevel];
  return reports.some((r) => r.findings.some((f) => SEVERITY_RANK[f.severity] >= threshold)) ? 1 : 0;
}

/** Reads, lints and (with --fix) rewrites one file; returns true when it could not be read. */
function lintFile(file: FoundFile, io: Io, args: LintArgs, lintOne: (path: string, absolute: string, text: string, explicit: boolean) => string | undefined): boolean {
  let read;
  try {
    read = readTextFile(file.absolute);
  } catch (error) {
    io.stderr(`shipshape: ${file.display}: ${describeFsError(error)}\n`);
    return true;
  }
  if ('skipped' in read) {
    if (file.explicit) io.stderr(`shipshape: ${file.display}: ${read.skipped}\n`);
    return false;
  }
  const fixed = lintOne(file.display, file.absolute, read.text, file.explicit);
  if (fixed !== undefined && args.fix) writeFileSync(file.absolute, fixed);
  return false;
}

/** Entry point of the `shipshape` binary. */
export function runFromProcess(): void {
  const io: Io = {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    isTty: !!process.stdout.isTTY && !process.env.NO_COLOR,
  };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`shipshape: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}

if (require.main === module) runFromProcess();
