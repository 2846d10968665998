import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { applyEdits } from '../../server/src/engine/apply-fixes';
import { findingsOf, ruleTester } from '../helpers/rule-tester';

const pod = (container: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n${container}`;
const digest = 'sha256:' + 'ab'.repeat(32);

ruleTester('image-pull-policy', {
  valid: [
    { name: 'Always', path: 'p.yaml', code: pod('    - name: a\n      image: nginx:1.27\n      imagePullPolicy: Always\n') },
    { name: 'digest-pinned image needs no policy', path: 'p.yaml', code: pod(`    - name: a\n      image: nginx:1.27@${digest}\n      imagePullPolicy: IfNotPresent\n`) },
    { name: 'latest without a policy is pulled always by default', path: 'p.yaml', code: pod('    - name: a\n      image: nginx:latest\n') },
    { name: 'untagged without a policy is pulled always by default', path: 'p.yaml', code: pod('    - name: a\n      image: nginx\n') },
    { name: 'not a recommended-profile rule', path: 'p.yaml', code: pod('    - name: a\n      image: nginx:1.27\n'), config: { profile: 'recommended' } },
    { name: 'templated image', path: 'p.yaml', code: pod('    - name: a\n      image: "${IMAGE}"\n') },
  ],
  invalid: [
    {
      name: 'tagged image without a policy: inserted',
      path: 'p.yaml',
      code: pod('    - name: a\n      image: nginx:1.27\n'),
      errors: [{ line: 7, column: 7, severity: 'info', message: 'imagePullPolicy IfNotPresent (the default)' }],
      output: pod('    - name: a\n      image: nginx:1.27\n      imagePullPolicy: Always\n'),
      safe: false,
    },
    {
      name: 'IfNotPresent replaced',
      path: 'p.yaml',
      code: pod('    - name: a\n      image: nginx:1.27\n      imagePullPolicy: IfNotPresent # cache\n'),
      errors: [{ line: 9, column: 7, endColumn: 36 }],
      output: pod('    - name: a\n      image: nginx:1.27\n      imagePullPolicy: Always # cache\n'),
    },
    {
      name: 'latest with Never is still reported (on the policy)',
      path: 'p.yaml',
      code: pod('    - name: a\n      image: nginx:latest\n      imagePullPolicy: Never\n'),
      errors: [{ line: 9, column: 7 }],
    },
    {
      name: 'flow-style container, init and ephemeral containers',
      path: 'p.yaml',
      code: pod('    - {name: a, image: "nginx:1.27"}\n  initContainers:\n    - name: i\n      image: busybox:1.36\n  ephemeralContainers:\n    - name: e\n      image: busybox:1.36\n      imagePullPolicy: Always\n'),
      errors: [{ line: 7, column: 8 }, { line: 9, column: 7 }],
      output: pod('    - {name: a, image: "nginx:1.27", imagePullPolicy: Always}\n  initContainers:\n    - name: i\n      image: busybox:1.36\n  ephemeralContainers:\n    - name: e\n      image: busybox:1.36\n      imagePullPolicy: Always\n'),
    },
    {
      name: 'Argo Rollout (generic spec.template.spec)',
      path: 'r.yaml',
      code: 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: r}\nspec:\n  template:\n    spec:\n      containers:\n        - name: a\n          image: nginx:1.27\n',
      errors: [{ line: 8, column: 11 }],
    },
    {
      name: 'kind: List items',
      path: 'l.yaml',
      code: 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Pod\n    metadata: {name: p}\n    spec:\n      containers:\n        - name: a\n          image: nginx:1.27\n',
      errors: [{ line: 9, column: 11 }],
      output: 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Pod\n    metadata: {name: p}\n    spec:\n      containers:\n        - name: a\n          image: nginx:1.27\n          imagePullPolicy: Always\n',
    },
  ],
});

describe('image-pull-policy: the fixed YAML reads back as intended', () => {
  for (const [name, container] of [
    ['block', '    - name: a # web\n      image: nginx:1.27\n'],
    ['flow', '    - {name: a, image: "nginx:1.27"}\n'],
    ['replace', '    - name: a\n      image: nginx:1.27\n      imagePullPolicy: IfNotPresent\n'],
  ]) {
    it(name, () => {
      const code = pod(container);
      const [finding] = findingsOf('image-pull-policy', 'p.yaml', code);
      const doc = parseDocument(applyEdits(code, finding.fixes[0].edits));
      assert.deepEqual(doc.errors, []);
      assert.equal(doc.getIn(['spec', 'containers', 0, 'imagePullPolicy']), 'Always');
      assert.equal(doc.getIn(['spec', 'containers', 0, 'image']), 'nginx:1.27');
    });
  }
});
