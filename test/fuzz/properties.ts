import assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import { defaultConfig, type ResolvedConfig } from '../../server/src/config/types';
import { applyEdits } from '../../server/src/engine/apply-fixes';
import { mayNestTooDeeply } from '../../server/src/engine/limits';
import { hasTemplateAction, lint } from '../../server/src/engine/lint';
import { comparePositions, LineIndex } from '../../server/src/engine/text';
import type { LintResult, Range, TextEdit } from '../../server/src/engine/types';
import type { FuzzInput } from './corpus';

/** Upper bound for one lint of a fuzzed input (a hang detector, not a benchmark). */
export const LINT_BOUND_MS = Number(process.env.FUZZ_LINT_BOUND_MS ?? 5000);

/** Fixes applied and re-linted per input: a file with thousands of findings would otherwise take minutes. */
const MAX_FIXES_APPLIED = 24;

const CONFIGS: ResolvedConfig[] = [
  defaultConfig('recommended'),
  {
    ...defaultConfig('strict'),
    trustedRegistries: ['registry.example.com', '*.gcr.io'],
  } as ResolvedConfig,
];

function describe(input: FuzzInput): string {
  return `${input.path}: ${JSON.stringify(input.text.length > 2000 ? input.text.slice(0, 2000) + '…' : input.text)}`;
}

function assertInside(range: Range, lines: LineIndex, what: string): void {
  for (const p of [range.start, range.end]) {
    assert.ok(Number.isInteger(p.line) && Number.isInteger(p.character), `${what}: integer position ${JSON.stringify(p)}`);
    assert.ok(p.line >= 0 && p.line < lines.lineCount, `${what}: line ${p.line} outside 0..${lines.lineCount - 1}`);
    const length = lines.lineEnd(p.line) - lines.lineStart(p.line);
    assert.ok(p.character >= 0 && p.character <= length, `${what}: character ${p.character} outside line ${p.line} (length ${length})`);
  }
  assert.ok(comparePositions(range.start, range.end) <= 0, `${what}: start after end ${JSON.stringify(range)}`);
}

function assertDisjoint(edits: TextEdit[], what: string): void {
  const sorted = [...edits].sort((a, b) => comparePositions(a.range.start, b.range.start));
  for (let i = 1; i < sorted.length; i++) {
    assert.ok(comparePositions(sorted[i - 1].range.end, sorted[i].range.start) <= 0, `${what}: edits overlap`);
  }
}

function yamlParses(text: string): boolean {
  // Too deep for the parser (the engine refuses it too): see mayNestTooDeeply.
  if (mayNestTooDeeply(text)) return false;
  const docs = parseAllDocuments(text, { uniqueKeys: false });
  return Array.isArray(docs) && docs.every((d) => d.errors.length === 0);
}

function timedLint(text: string, path: string, config: ResolvedConfig, ruleErrors: string[]): LintResult {
  const start = performance.now();
  const result = lint(text, { path, config, onRuleError: (id, error) => ruleErrors.push(`${id}: ${error instanceof Error ? error.stack : String(error)}`) });
  const elapsed = performance.now() - start;
  assert.ok(elapsed < LINT_BOUND_MS, `lint took ${Math.round(elapsed)} ms (bound ${LINT_BOUND_MS} ms)`);
  return result;
}

/**
 * The engine's contract on any input: it returns (never throws), no rule faults, every range lies
 * inside the document, every fix's edits are inside and disjoint and apply, the fixed text lints
 * again, a YAML file that parsed still parses after a fix, and linting is deterministic (what the
 * engine keeps per document gives what a fresh, non-incremental lint gives).
 */
export function checkEngineContract(input: FuzzInput, configIndex = 0): void {
  const config = CONFIGS[configIndex % CONFIGS.length];
  const ruleErrors: string[] = [];
  const where = describe(input);
  const result = timedLint(input.text, input.path, config, ruleErrors);
  assert.deepEqual(ruleErrors, [], `rule faults on ${where}`);
  const lines = new LineIndex(input.text);
  for (const notice of result.notices) assertInside(notice.range, lines, `notice "${notice.message}" on ${where}`);
  const isYaml = /\.ya?ml$/.test(input.path);
  const parsedBefore = isYaml && !hasTemplateAction(input.text) && yamlParses(input.text);
  // Every fix is checked for its ranges; a sample of them (spread over the file) is applied and re-linted.
  const fixCount = result.findings.reduce((n, f) => n + f.fixes.length, 0);
  const every = Math.max(1, Math.ceil(fixCount / MAX_FIXES_APPLIED));
  let fixIndex = 0;
  for (const finding of result.findings) {
    const what = `${finding.ruleId} on ${where}`;
    assertInside(finding.range, lines, what);
    for (const fix of finding.fixes) {
      if (fixIndex++ % every !== 0) {
        for (const edit of fix.edits) assertInside(edit.range, lines, `fix "${fix.title}" of ${what}`);
        continue;
      }
      for (const edit of fix.edits) assertInside(edit.range, lines, `fix "${fix.title}" of ${what}`);
      assertDisjoint(fix.edits, `fix "${fix.title}" of ${what}`);
      const fixed = applyEdits(input.text, fix.edits);
      if (parsedBefore) assert.ok(yamlParses(fixed), `fix "${fix.title}" of ${what} breaks the YAML:\n${fixed}`);
      timedLint(fixed, input.path, config, ruleErrors);
      assert.deepEqual(ruleErrors, [], `rule faults after fix "${fix.title}" of ${what}`);
    }
  }
  const again = timedLint(input.text, input.path, config, ruleErrors);
  assert.deepEqual(again, result, `a second lint gives the same result on ${where}`);
  // What the engine kept from earlier versions at this path (other inputs, the fixed texts) changes nothing.
  const fresh = lint(input.text, { path: input.path, config, incremental: false });
  assert.deepEqual(result, fresh, `an incremental lint gives what a fresh one gives on ${where}`);
}
