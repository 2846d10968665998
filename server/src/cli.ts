import './v8-wasm-tier';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { collectFiles, decodeText } from './cli/files';
import { lintFiles, lintFilesInWorker, lintText, threadsFor, type FileOutcome, type WorkerInput } from './cli/lint-files';
import { parseCommandLine, USAGE, UsageError, type LintArgs } from './cli/args';
import { formatText } from './cli/format-text';
import { formatSarif } from './cli/format-sarif';
import { RULES_FILE_TEMPLATE } from './cli/init-command';
import { formatJson, type FileReport } from './cli/report';
import { rulesCatalog } from './cli/rules-command';
import type { LoadedRulesFile } from './config/resolve';
import { formatRulesFileProblems } from './config/report';
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
  let outcomes: FileOutcome[];
  let inputError = false;
  if (args.stdin) {
    const name = args.stdinFilename ?? 'stdin';
    const decoded = decodeText(Buffer.from(await io.readStdin(), 'utf8'));
    if ('skipped' in decoded) {
      io.stderr(`shipshape: ${name}: ${decoded.skipped}\n`);
      return 2;
    }
    const outcome = lintText(name, resolve(io.cwd, name), decoded.text, true, args, io.cwd);
    if (outcome.fixed !== undefined) io.stdout(outcome.fixed);
    outcomes = [outcome];
  } else {
    const { files, problems } = collectFiles(args.paths, io.cwd);
    for (const problem of problems) {
      io.stderr(`shipshape: ${problem.path}: ${problem.message}\n`);
      inputError = true;
    }
    // Worker threads run this bundle again; from TypeScript sources (tests) everything stays on this thread.
    const threads = threadsFor(files.length, args.jobs, __filename.endsWith('.js'));
    outcomes = await lintFiles(files, args, io.cwd, threads, __filename);
  }
  const reports: FileReport[] = [];
  const badRulesFiles = new Map<string, Pick<LoadedRulesFile, 'path' | 'problems'>>();
  for (const outcome of outcomes) {
    for (const message of outcome.messages) io.stderr(`${message}\n`);
    if (outcome.inputError) inputError = true;
    if (outcome.badRulesFile) badRulesFiles.set(outcome.badRulesFile.path, outcome.badRulesFile); // fails the run (exit 2)
    if (outcome.report) reports.push(outcome.report);
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

/** Entry point of a lint thread (see cli/lint-files.ts): the same bundle, started by the main thread. */
async function runWorker(input: WorkerInput): Promise<void> {
  try {
    await prepareEngine();
  } catch {
    // The main thread said so already; the shell rules are skipped here too.
  }
  lintFilesInWorker(input, (outcomes) => parentPort!.postMessage(outcomes));
}

if (!isMainThread && (workerData as Partial<WorkerInput> | undefined)?.shipshapeLintWorker) void runWorker(workerData as WorkerInput);
else if (require.main === module) runFromProcess();
