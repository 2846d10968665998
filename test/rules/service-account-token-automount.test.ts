import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { applyEdits } from '../../server/src/engine/apply-fixes';
import { findingsOf, ruleTester } from '../helpers/rule-tester';

const deployment = (podLevel: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n${podLevel}      containers:\n        - name: a\n          image: x:1\n`;

ruleTester('service-account-token-automount', {
  valid: [
    { name: 'automount off', path: 'd.yaml', code: deployment('      automountServiceAccountToken: false\n') },
    { name: 'quoted false', path: 'd.yaml', code: deployment('      automountServiceAccountToken: "false"\n') },
    { name: 'no pod spec', path: 'sa.yaml', code: 'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: app}\n' },
    { name: 'strict-only rule', path: 'd.yaml', code: deployment(''), config: { profile: 'recommended' } },
  ],
  invalid: [
    {
      name: 'unset: inserted into the pod spec',
      path: 'd.yaml',
      code: deployment(''),
      errors: [{ line: 7, column: 5, endColumn: 9, severity: 'info' }],
      output: `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: a\n          image: x:1\n      automountServiceAccountToken: false\n`,
      safe: false,
    },
    {
      name: 'explicit true: replaced',
      path: 'd.yaml',
      code: deployment('      automountServiceAccountToken: true # needs the API?\n'),
      errors: [{ line: 8, column: 7, endColumn: 41 }],
      output: deployment('      automountServiceAccountToken: false # needs the API?\n'),
    },
    {
      name: 'a bare Pod with a flow spec',
      path: 'p.yaml',
      code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: a, image: "x:1"}]}\n',
      errors: [{ line: 4, column: 1 }],
      output: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: a, image: "x:1"}], automountServiceAccountToken: false}\n',
    },
  ],
});

describe('service-account-token-automount: the fixed YAML reads back as intended', () => {
  it('the pod spec of a Deployment gets automountServiceAccountToken: false, containers kept', () => {
    const code = deployment('      # no API access needed\n');
    const [finding] = findingsOf('service-account-token-automount', 'd.yaml', code);
    const fixed = applyEdits(code, finding.fixes[0].edits);
    const doc = parseDocument(fixed);
    assert.deepEqual(doc.errors, []);
    assert.equal(doc.getIn(['spec', 'template', 'spec', 'automountServiceAccountToken']), false);
    assert.equal(doc.getIn(['spec', 'template', 'spec', 'containers', 0, 'name']), 'a');
    assert.ok(fixed.includes('# no API access needed'));
  });
});
