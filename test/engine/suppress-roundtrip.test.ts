import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { defaultConfig } from '../../server/src/config/types';
import { applyEdits } from '../../server/src/engine/apply-fixes';
import { lint } from '../../server/src/engine/lint';
import { ignoreFileEdit, ignoreLineEdit, ignoreObjectEdit } from '../../server/src/engine/suppress-edits';
import type { FileKind, Finding } from '../../server/src/engine/types';
import { assertParses } from '../helpers/rule-tester';

const EXAMPLES = join(__dirname, '..', '..', 'examples');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
const config = defaultConfig('strict');
const key = (f: Finding) => `${f.ruleId}@${f.range.start.line}:${f.range.start.character}`;

/**
 * Every finding in the examples (strict profile), silenced by each "Ignore …" action in turn: the
 * edited file still parses, that finding is gone, nothing else is, and no ignore is reported unused.
 */
describe('ignore actions round-trip on every finding of the examples', () => {
  for (const path of files(EXAMPLES)) {
    const text = readFileSync(path, 'utf8');
    const result = lint(text, { path, config });
    if (result.kind === 'unknown' || result.findings.length === 0) continue;
    const kind = result.kind as FileKind;
    it(`${relative(EXAMPLES, path)} (${result.findings.length} findings)`, () => {
      for (const finding of result.findings) {
        const edits = [
          ['line', ignoreLineEdit(text, kind, finding.range.start.line, finding.ruleId)],
          ['file', ignoreFileEdit(text, kind, finding.ruleId)],
          ...(kind === 'kubernetes' ? [['object', ignoreObjectEdit(text, finding.range.start, finding.ruleId)] as const] : []),
        ] as const;
        for (const [what, ignore] of edits) {
          assert.ok(ignore, `${what} ignore offered for ${key(finding)}`);
          const edited = applyEdits(text, [ignore.edit]);
          assertParses(path, edited);
          const after = lint(edited, { path, config }).findings;
          assert.deepEqual(after.filter((f) => f.ruleId === 'unused-ignore').map((f) => f.message), [], `${what} ignore for ${key(finding)} is used`);
          const same = (f: Finding) => f.ruleId === finding.ruleId && f.message === finding.message;
          assert.ok(!after.some(same), `${what} ignore silences ${key(finding)}:\n${edited}`);
          // The line ignore covers one node: other findings of other rules stay.
          if (what === 'line') {
            const others = result.findings.filter((f) => f.ruleId !== finding.ruleId).length;
            assert.equal(after.filter((f) => f.ruleId !== finding.ruleId).length, others, `only ${finding.ruleId} is silenced`);
          }
          assert.equal(edited.split(/\r?\n/)[ignore.placeholder.start.line].slice(ignore.placeholder.start.character, ignore.placeholder.end.character), 'reason', 'placeholder range');
        }
      }
    });
  }
});
