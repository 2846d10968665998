import assert from 'node:assert/strict';
import { DockerfileParser } from 'dockerfile-ast';
import { parseAllDocuments } from 'yaml';
import { defaultConfig, type ResolvedConfig } from '../../server/src/config/types';
import { applyEdits } from '../../server/src/engine/apply-fixes';
import { lint } from '../../server/src/engine/lint';
import type { Finding } from '../../server/src/engine/types';

/**
 * Table-driven rule tests in the style of ESLint's RuleTester. Lines and columns are 1-based, as
 * editors and the text output show them.
 */
export interface ValidCase {
  name?: string;
  path: string;
  code: string;
  config?: Partial<ResolvedConfig>;
}

export interface ExpectedFinding {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  severity?: Finding['severity'];
  /** A substring the message must contain. */
  message?: string;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedFinding[];
  /** The text after applying the first fix of the first finding; `null` asserts there is no fix. */
  output?: string | null;
  /** Which fix of the first finding `output` applies (default 0). */
  fixIndex?: number;
  /** Whether that fix is safe (applied on save). */
  safe?: boolean;
}

export function configWith(partial: Partial<ResolvedConfig> = {}): ResolvedConfig {
  return { ...defaultConfig(partial.profile ?? 'strict'), ...partial };
}

export function findingsOf(ruleId: string, path: string, code: string, config?: Partial<ResolvedConfig>): Finding[] {
  return lint(code, { path, config: configWith(config) }).findings.filter((f) => f.ruleId === ruleId);
}

/** A fixed text must still parse: YAML without errors, a Dockerfile with only known instructions. */
export function assertParses(path: string, text: string): void {
  if (/\.ya?ml$/i.test(path)) {
    for (const doc of parseAllDocuments(text)) assert.deepEqual(doc.errors.map((e) => e.message), [], `fixed YAML does not parse:\n${text}`);
  } else {
    const known = new Set(['ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);
    for (const instruction of DockerfileParser.parse(text).getInstructions()) {
      assert.ok(known.has(instruction.getKeyword().toUpperCase()), `fixed Dockerfile has an unknown instruction "${instruction.getKeyword()}":\n${text}`);
    }
  }
}

export function ruleTester(ruleId: string, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(ruleId, () => {
    describe('reports nothing on secure files', () => {
      for (const [i, c] of cases.valid.entries()) {
        it(c.name ?? `valid #${i + 1} (${c.path})`, () => {
          const found = findingsOf(ruleId, c.path, c.code, c.config);
          assert.deepEqual(found.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message}`), []);
        });
      }
    });
    describe('reports insecure files', () => {
      for (const [i, c] of cases.invalid.entries()) {
        it(c.name ?? `invalid #${i + 1} (${c.path})`, () => {
          const found = findingsOf(ruleId, c.path, c.code, c.config);
          assert.deepEqual(
            found.map((f) => ({ line: f.range.start.line + 1, column: f.range.start.character + 1 })),
            c.errors.map((e) => ({ line: e.line, column: e.column })),
            'findings at the expected places',
          );
          c.errors.forEach((e, k) => {
            const f = found[k];
            if (e.endLine !== undefined) assert.equal(f.range.end.line + 1, e.endLine, 'end line');
            if (e.endColumn !== undefined) assert.equal(f.range.end.character + 1, e.endColumn, 'end column');
            if (e.severity) assert.equal(f.severity, e.severity, 'severity');
            if (e.message) assert.ok(f.message.includes(e.message), `message "${f.message}" should contain "${e.message}"`);
          });
          if (c.output === undefined) return;
          const fixes = found[0].fixes;
          if (c.output === null) {
            assert.deepEqual(fixes, [], 'no fix expected');
            return;
          }
          const fix = fixes[c.fixIndex ?? 0];
          assert.ok(fix, 'a fix is offered');
          if (c.safe !== undefined) assert.equal(fix.safe, c.safe, 'fix safety');
          const fixed = applyEdits(c.code, fix.edits);
          assert.equal(fixed, c.output);
          assertParses(c.path, fixed);
          const after = findingsOf(ruleId, c.path, fixed, c.config);
          const gone = !after.some((f) => f.message === found[0].message && f.range.start.line === found[0].range.start.line);
          assert.ok(gone && after.length < found.length, `the fixed finding is gone (left: ${after.map((f) => f.message).join('; ')})`);
        });
      }
    });
  });
}
