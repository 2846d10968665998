import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { applyEdits } from '../../server/src/engine/apply-fixes';
import { findingsOf, ruleTester } from '../helpers/rule-tester';

const deployment = (podLevel: string, containers: string, annotations = '') =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n${annotations}    spec:\n${podLevel}      containers:\n${containers}`;

ruleTester('seccomp-missing', {
  valid: [
    { name: 'pod-level RuntimeDefault covers containers', path: 'd.yaml', code: deployment('      securityContext:\n        seccompProfile:\n          type: RuntimeDefault\n', '        - name: a\n          image: x:1\n') },
    { name: 'container Localhost', path: 'd.yaml', code: deployment('', '        - name: a\n          image: x:1\n          securityContext: {seccompProfile: {type: Localhost, localhostProfile: p.json}}\n') },
    { name: 'explicit Unconfined belongs to seccomp-unconfined', path: 'd.yaml', code: deployment('      securityContext: {seccompProfile: {type: Unconfined}}\n', '        - name: a\n          image: x:1\n') },
    { name: 'legacy pod annotation runtime/default', path: 'd.yaml', code: deployment('', '        - name: a\n          image: x:1\n', '    metadata:\n      annotations:\n        seccomp.security.alpha.kubernetes.io/pod: runtime/default\n') },
    { name: 'Windows pods are exempt', path: 'd.yaml', code: deployment('      os: {name: windows}\n', '        - name: a\n          image: x:1\n') },
    { name: 'strict-only rule', path: 'd.yaml', code: deployment('', '        - name: a\n          image: x:1\n'), config: { profile: 'recommended' } },
  ],
  invalid: [
    {
      name: 'no profile anywhere: pod-level securityContext created',
      path: 'd.yaml',
      code: deployment('', '        - name: a\n          image: x:1\n'),
      errors: [{ line: 9, column: 11, endColumn: 15, severity: 'warning' }],
      output: deployment('', '        - name: a\n          image: x:1\n      securityContext:\n        seccompProfile:\n          type: RuntimeDefault\n'),
      safe: false,
    },
    {
      name: 'existing pod securityContext is extended, comments kept',
      path: 'd.yaml',
      code: deployment('      securityContext:\n        runAsNonRoot: true # keep\n', '        - name: a\n          image: x:1\n'),
      errors: [{ line: 11, column: 11 }],
      output: deployment('      securityContext:\n        runAsNonRoot: true # keep\n        seccompProfile:\n          type: RuntimeDefault\n', '        - name: a\n          image: x:1\n'),
    },
    {
      name: 'flow pod securityContext',
      path: 'd.yaml',
      code: deployment('      securityContext: {runAsNonRoot: true}\n', '        - name: a\n          image: x:1\n'),
      errors: [{ line: 10, column: 11 }],
      output: deployment('      securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}\n', '        - name: a\n          image: x:1\n'),
    },
    {
      name: 'one finding per container, all three lists',
      path: 'd.yaml',
      code: deployment('', '        - name: a\n          image: x:1\n      initContainers:\n        - name: i\n          image: x:1\n      ephemeralContainers:\n        - name: e\n          image: x:1\n'),
      errors: [{ line: 9, column: 11 }, { line: 12, column: 11 }, { line: 15, column: 11 }],
    },
    {
      name: 'container profile without a type is completed in place',
      path: 'd.yaml',
      code: deployment('', '        - name: a\n          image: x:1\n          securityContext:\n            seccompProfile: {}\n'),
      errors: [{ line: 9, column: 11 }],
      output: deployment('', '        - name: a\n          image: x:1\n          securityContext:\n            seccompProfile: {type: RuntimeDefault}\n'),
    },
    {
      name: 'CronJob pod spec',
      path: 'c.yaml',
      code: 'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  schedule: "* * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n            - name: a\n              image: x:1\n',
      errors: [{ line: 11, column: 15 }],
    },
  ],
});

describe('seccomp-missing: the harden action', () => {
  const code = deployment('', '        - name: a\n          image: x:1\n');
  it('is offered second when the container has several restricted-profile findings', () => {
    const [finding] = findingsOf('seccomp-missing', 'd.yaml', code);
    assert.equal(finding.fixes.length, 2);
    assert.match(finding.fixes[1].title, /^Harden this container/);
    assert.match(finding.fixes[1].title, /changes behaviour/);
    assert.equal(finding.fixes[1].safe, false);
    const fixed = applyEdits(code, finding.fixes[1].edits);
    const sc = parseDocument(fixed).getIn(['spec', 'template', 'spec', 'containers', 0, 'securityContext'], false);
    assert.deepEqual((sc as { toJSON(): unknown }).toJSON(), {
      runAsNonRoot: true,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      seccompProfile: { type: 'RuntimeDefault' },
      readOnlyRootFilesystem: true,
    });
    assert.deepEqual(findingsOf('seccomp-missing', 'd.yaml', fixed), []);
  });
  it('is not offered when seccomp is the only restricted-profile gap', () => {
    const hardened = deployment('', '        - name: a\n          image: x:1\n          securityContext: {runAsNonRoot: true, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: {drop: [ALL]}}\n');
    const [finding] = findingsOf('seccomp-missing', 'd.yaml', hardened);
    assert.equal(finding.fixes.length, 1);
  });
});

describe('seccomp-missing: CRLF files', () => {
  it('the pod-level fix keeps CRLF line breaks', () => {
    const code = deployment('', '        - name: a\n          image: x:1\n').replace(/\n/g, '\r\n');
    const [finding] = findingsOf('seccomp-missing', 'd.yaml', code);
    const fixed = applyEdits(code, finding.fixes[0].edits);
    assert.ok(!/[^\r]\n/.test(fixed), 'only CRLF line breaks');
    assert.equal(parseDocument(fixed).getIn(['spec', 'template', 'spec', 'securityContext', 'seccompProfile', 'type']), 'RuntimeDefault');
  });
});
