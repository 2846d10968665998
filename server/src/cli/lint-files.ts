import { existsSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { resolveFor, type LoadedRulesFile } from '../config/resolve';
import { fixAll } from '../engine/apply-fixes';
import { lint, type LintOptions } from '../engine/lint';
import type { LintArgs } from './args';
import { describeFsError, MAX_FILE_BYTES, readTextFile, type FoundFile } from './files';
import type { FileReport } from './report';

/** What linting one file gave: plain data, so a worker thread can send it back. */
export interface FileOutcome {
  report?: FileReport;
  /** Lines for standard error, in order. */
  messages: string[];
  /** The file could not be read (exit 2). */
  inputError?: boolean;
  /** The rules file in force is invalid: nothing is linted and the run exits 2. */
  badRulesFile?: Pick<LoadedRulesFile, 'path' | 'problems'>;
  /** With --fix, the fixed text when a fix applied. */
  fixed?: string;
}

export type LintSettings = Pick<LintArgs, 'config' | 'profile' | 'fix'>;

/** Lints one text as the file at `absolute` (shown as `display`). */
export function lintText(display: string, absolute: string, text: string, explicit: boolean, settings: LintSettings, cwd: string): FileOutcome {
  const messages: string[] = [];
  const resolution = resolveFor({ filePath: absolute, configPath: settings.config && resolve(cwd, settings.config), profile: settings.profile });
  if (resolution.rulesFile && resolution.rulesFile.problems.length > 0) {
    return { messages, badRulesFile: { path: resolution.rulesFile.path, problems: resolution.rulesFile.problems } };
  }
  if (resolution.ignored) return { messages }; // ignorePaths: not linted at all
  const options: LintOptions = {
    path: absolute,
    config: resolution.config,
    fileExists: existsSync,
    incremental: false, // each file is linted once: nothing to keep for a next version
    maxFileBytes: MAX_FILE_BYTES, // the CLI reads up to 5 MB (the editor's default is smaller)
    onRuleError: (ruleId, error) => messages.push(`shipshape: rule ${ruleId} failed on ${display}: ${error instanceof Error ? error.message : String(error)}`),
  };
  let fixed: string | undefined;
  if (settings.fix) {
    const result = fixAll(text, options);
    if (result.applied > 0) fixed = result.text;
  }
  const result = lint(fixed ?? text, options);
  const report = result.kind !== 'unknown' || explicit ? { path: display, kind: result.kind, findings: result.findings, notices: result.notices } : undefined;
  return { report, messages, fixed };
}

/** Reads, lints and (with --fix) rewrites one file. */
export function lintFile(file: FoundFile, settings: LintSettings, cwd: string): FileOutcome {
  let read;
  try {
    read = readTextFile(file.absolute);
  } catch (error) {
    return { messages: [`shipshape: ${file.display}: ${describeFsError(error)}`], inputError: true };
  }
  if ('skipped' in read) return { messages: file.explicit ? [`shipshape: ${file.display}: ${read.skipped}`] : [] };
  const outcome = lintText(file.display, file.absolute, read.text, file.explicit, settings, cwd);
  if (outcome.fixed !== undefined) writeFileSync(file.absolute, outcome.fixed);
  return { ...outcome, fixed: undefined };
}

/** Files per lint thread below which another thread costs more to start (≈ 0.1 s and its own JIT warm-up) than it saves. */
const PARALLEL_MIN_FILES = 400;

/**
 * How many threads lint `count` files: `--jobs`, else one per core but one (at most 4), and 1 for few
 * files. One core is left because V8's own threads (garbage collection, compilers) keep about one
 * busy while a thread lints flat out: on a 2-core machine a single thread used 1.37 cores, and a
 * second lint thread made the run no faster (docs/benchmarks.md, CLI throughput).
 */
export function threadsFor(count: number, jobs: number | undefined, canSpawn: boolean, cores = availableParallelism()): number {
  if (!canSpawn) return 1;
  if (jobs) return Math.max(1, Math.min(jobs, count));
  return Math.max(1, Math.min(cores - 1, 4, Math.floor(count / PARALLEL_MIN_FILES)));
}

export interface WorkerInput {
  shipshapeLintWorker: true;
  files: FoundFile[];
  settings: LintSettings;
  cwd: string;
}

/**
 * Lints the files on `threads` threads: this one and `threads - 1` workers running `workerScript`
 * (the CLI bundle), each taking every n-th file. Outcomes come back in the files' order.
 */
export async function lintFiles(files: FoundFile[], settings: LintSettings, cwd: string, threads: number, workerScript: string): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = new Array(files.length);
  const share = (thread: number) => files.map((_, i) => i).filter((i) => i % threads === thread);
  const running = Array.from({ length: threads - 1 }, (_, w) => {
    const indices = share(w + 1);
    const input: WorkerInput = { shipshapeLintWorker: true, files: indices.map((i) => files[i]), settings, cwd };
    return new Promise<void>((done, fail) => {
      const worker = new Worker(workerScript, { workerData: input });
      worker.once('message', (results: FileOutcome[]) => {
        results.forEach((outcome, k) => (outcomes[indices[k]] = outcome));
        done();
      });
      worker.once('error', fail);
      worker.once('exit', (code) => (code === 0 ? done() : fail(new Error(`a lint thread stopped (exit code ${code})`))));
    });
  });
  for (const i of share(0)) outcomes[i] = lintFile(files[i], settings, cwd);
  await Promise.all(running);
  for (let i = 0; i < outcomes.length; i++) if (!outcomes[i]) throw new Error(`no result for ${files[i].display} from a lint thread`);
  return outcomes;
}

/** The body of a worker thread: lint its files and post the outcomes. */
export function lintFilesInWorker(input: WorkerInput, post: (outcomes: FileOutcome[]) => void): void {
  post(input.files.map((file) => lintFile(file, input.settings, input.cwd)));
}
