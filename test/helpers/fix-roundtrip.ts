import assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import { applyEdits } from '../../server/src/engine/apply-fixes';
import { findingsOf } from './rule-tester';

/**
 * Applies a fix of a rule's finding and reads a value back from the re-parsed YAML, so a test
 * asserts the structure the fix produced, not only its text.
 */
export function fixedValue(ruleId: string, path: string, code: string, at: (string | number)[], options: { finding?: number; fix?: number; doc?: number } = {}): unknown {
  const findings = findingsOf(ruleId, path, code);
  const finding = findings[options.finding ?? 0];
  assert.ok(finding, `${ruleId} reports a finding`);
  const fix = finding.fixes[options.fix ?? 0];
  assert.ok(fix, `${ruleId} offers a fix`);
  const fixed = applyEdits(code, fix.edits);
  // Merge keys resolved, as Compose reads them: the value a service ends up with.
  const docs = parseAllDocuments(fixed, { merge: true });
  assert.ok(Array.isArray(docs));
  const doc = docs[options.doc ?? 0];
  assert.deepEqual(doc.errors.map((e) => e.message), [], `fixed YAML parses:\n${fixed}`);
  let value: unknown = doc.toJS({ maxAliasCount: 100 });
  for (const key of at) value = value && typeof value === 'object' ? (value as Record<string | number, unknown>)[key] : undefined;
  return value;
}

/** The fix titles of a rule's first finding. */
export function fixTitles(ruleId: string, path: string, code: string, finding = 0): string[] {
  return findingsOf(ruleId, path, code)[finding]?.fixes.map((f) => f.title) ?? [];
}
