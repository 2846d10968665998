import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ruleProfile, ruleSeverity } from '../server/src/engine/rule';
import type { FileKind } from '../server/src/engine/types';
import { allRules } from '../server/src/rules';

/**
 * The table at the top of every docs/rules/<id>.md agrees with the rule's metadata: file kinds,
 * profile, default severity and whether there is a quick-fix. The cells are prose (they add
 * conditions such as "error when … is written"); the test checks what they must start with or name.
 */

const NAME: Record<FileKind, string> = { dockerfile: 'Dockerfile', compose: 'Compose', kubernetes: 'Kubernetes' };

function field(text: string, name: string): string {
  const value = new RegExp(`^\\| ${name} \\| (.*) \\|$`, 'm').exec(text)?.[1];
  assert.ok(value, `no "${name}" row in the table at the top`);
  return value;
}

describe('rule pages (docs/rules/<id>.md) agree with the rules', () => {
  for (const { meta } of allRules) {
    it(meta.id, () => {
      const text = readFileSync(join(__dirname, '..', 'docs', 'rules', `${meta.id}.md`), 'utf8');
      const kinds = field(text, 'File kinds').split(/,\s*|\s+and\s+/);
      assert.deepEqual(kinds.sort(), meta.kinds.map((k) => NAME[k]).sort(), 'File kinds');

      const profiles = meta.kinds.map((k) => ruleProfile(meta, k));
      const profile = field(text, 'Profile');
      if (new Set(profiles).size === 1) assert.ok(profile.startsWith(profiles[0]), `Profile "${profile}" should be ${profiles[0]}`);
      else meta.kinds.forEach((k, i) => assert.ok(profile.includes(`${NAME[k]}: ${profiles[i]}`), `Profile "${profile}" should say ${NAME[k]}: ${profiles[i]}`));

      const severities = meta.kinds.map((k) => ruleSeverity(meta, k, ruleProfile(meta, k)));
      const severity = field(text, 'Default severity');
      if (new Set(severities).size === 1) assert.ok(severity.startsWith(severities[0]), `Default severity "${severity}" should be ${severities[0]}`);
      else {
        // "warning (Kubernetes: error)" or "Dockerfile warning; Compose and Kubernetes error".
        const base = /^(error|warning|info|hint)\b/.exec(severity)?.[1];
        meta.kinds.forEach((k, i) => {
          if (severities[i] !== base) assert.match(severity, new RegExp(`${NAME[k]}[^;]*\\b${severities[i]}\\b`), `Default severity should give ${NAME[k]} ${severities[i]}`);
        });
      }
      if (meta.strictSeverity) assert.ok(severity.includes(`strict: ${meta.strictSeverity}`), `Default severity should say strict: ${meta.strictSeverity}`);

      const fix = field(text, 'Quick-fix');
      assert.equal(!/^no\b/.test(fix), meta.fixable, `Quick-fix "${fix}" but fixable is ${meta.fixable}`);
    });
  }
});
