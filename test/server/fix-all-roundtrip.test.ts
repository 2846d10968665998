import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { defaultConfig, type ResolvedConfig } from '../../server/src/config/types';
import { applyEdits, fixAll, fixAllEdits } from '../../server/src/engine/apply-fixes';
import { lint } from '../../server/src/engine/lint';
import type { Finding } from '../../server/src/engine/types';
import { assertParses } from '../helpers/rule-tester';

const EXAMPLES = join(__dirname, '..', '..', 'examples');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
const config: ResolvedConfig = {
  ...defaultConfig('strict'),
  images: { node: '22.11-bookworm-slim', nginx: '1.27-alpine', ubuntu: '24.04', postgres: '16.4', 'registry.example.com/api': '1.4.2' },
};

/**
 * Every quick-fix offered on the examples (strict profile, team pins): applied alone it keeps the
 * file parseable and removes its finding. Fix-all then applies only safe fixes, settles, and a
 * second run changes nothing.
 */
describe('fixes round-trip on the examples', () => {
  for (const path of files(EXAMPLES)) {
    const text = readFileSync(path, 'utf8');
    const result = lint(text, { path, config });
    if (result.kind === 'unknown') continue;
    const name = relative(EXAMPLES, path);
    it(`${name}: every quick-fix applies, re-lints and re-parses`, () => {
      for (const finding of result.findings) {
        for (const fix of finding.fixes) {
          const fixed = applyEdits(text, fix.edits);
          assertParses(path, fixed);
          const after = lint(fixed, { path, config }).findings;
          const same = (f: Finding) => f.ruleId === finding.ruleId && f.message === finding.message && f.range.start.line === finding.range.start.line;
          assert.ok(!after.some(same) || after.filter((f) => f.ruleId === finding.ruleId).length < result.findings.filter((f) => f.ruleId === finding.ruleId).length, `"${fix.title}" removes ${finding.ruleId} at ${finding.range.start.line + 1}`);
        }
      }
    });
    it(`${name}: fix-all applies safe fixes only and is idempotent`, () => {
      const once = fixAll(text, { path, config });
      assertParses(path, once.text);
      assert.deepEqual(fixAll(once.text, { path, config }), { text: once.text, applied: 0 });
      const { edits } = fixAllEdits(text, { path, config });
      assert.equal(applyEdits(text, edits), once.text, 'the editor edit and the CLI agree');
      const unsafe = result.findings.filter((f) => f.fixes.length > 0 && f.fixes.every((x) => !x.safe));
      const left = lint(once.text, { path, config }).findings;
      for (const f of unsafe) assert.ok(left.some((l) => l.ruleId === f.ruleId), `${f.ruleId} (only behaviour-changing fixes) is left for the user`);
    });
  }
});
