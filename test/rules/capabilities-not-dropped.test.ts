import assert from 'node:assert/strict';
import { fixedValue } from '../helpers/fix-roundtrip';
import { ruleTester } from '../helpers/rule-tester';

const pod = (sc: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  securityContext:\n    runAsNonRoot: true\n  containers:\n    - name: app # the web server\n      image: x:1\n${sc}`;

ruleTester('capabilities-not-dropped', {
  valid: [
    { name: 'compose cap_drop ALL', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    cap_drop: [ALL]\n' },
    { name: 'compose cap_drop all in lower case with CAP_ prefix is still ALL', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    cap_drop:\n      - all\n' },
    { name: 'compose inherited from an anchor', path: 'compose.yaml', code: 'x-h: &h\n  cap_drop: [ALL]\nservices:\n  a:\n    <<: *h\n    image: x:1\n' },
    { name: 'compose interpolated drop list entry', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    cap_drop: ["${DROP}"]\n' },
    { name: 'compose: strict only', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n', config: { profile: 'recommended' } },
    { name: 'k8s drop ALL', path: 'p.yaml', code: pod('      securityContext:\n        capabilities:\n          drop: ["ALL"]\n') },
  ],
  invalid: [
    {
      name: 'compose no cap_drop: created',
      path: 'compose.yaml',
      code: 'services:\n  a:\n    image: x:1\n',
      errors: [{ line: 2, column: 3, severity: 'warning' }],
      output: 'services:\n  a:\n    image: x:1\n    cap_drop: [ALL]\n',
      safe: false,
    },
    {
      name: 'compose cap_drop without ALL: appended, at the list',
      path: 'compose.yaml',
      code: 'services:\n  a:\n    image: x:1\n    cap_drop:\n    - NET_RAW\n    read_only: true\n',
      errors: [{ line: 4, column: 5 }],
      output: 'services:\n  a:\n    image: x:1\n    cap_drop:\n    - NET_RAW\n    - ALL\n    read_only: true\n',
    },
    {
      name: 'k8s no securityContext: created under the container',
      path: 'p.yaml',
      code: pod(''),
      errors: [{ line: 9, column: 7 }],
      output: pod('      securityContext:\n        capabilities:\n          drop: [ALL]\n'),
      safe: false,
    },
    {
      name: 'k8s capabilities without drop',
      path: 'p.yaml',
      code: pod('      securityContext:\n        capabilities:\n          add: [NET_BIND_SERVICE]\n'),
      errors: [{ line: 9, column: 7 }],
      output: pod('      securityContext:\n        capabilities:\n          add: [NET_BIND_SERVICE]\n          drop: [ALL]\n'),
    },
    {
      name: 'k8s drop list without ALL (flow)',
      path: 'p.yaml',
      code: pod('      securityContext: {capabilities: {drop: [NET_RAW]}}\n'),
      errors: [{ line: 11, column: 40 }],
      output: pod('      securityContext: {capabilities: {drop: [NET_RAW, ALL]}}\n'),
    },
    {
      name: 'k8s: pod-level settings do not cover capabilities (container-level only)',
      path: 'p.yaml',
      code: pod('').replace('    runAsNonRoot: true\n', '    runAsNonRoot: true\n    capabilities: {drop: [ALL]}\n'),
      errors: [{ line: 10, column: 7 }],
    },
  ],
});

describe('capabilities-not-dropped fixes re-parse to the intended structure', () => {
  it('k8s: created securityContext, comment kept', () => {
    assert.deepEqual(fixedValue('capabilities-not-dropped', 'p.yaml', pod(''), ['spec', 'containers', 0, 'securityContext', 'capabilities', 'drop']), ['ALL']);
  });
  it('compose: appended to a block list', () => {
    assert.deepEqual(fixedValue('capabilities-not-dropped', 'compose.yaml', 'services:\n  a:\n    cap_drop:\n      - NET_RAW # no ping\n    image: x:1\n', ['services', 'a', 'cap_drop']), ['NET_RAW', 'ALL']);
  });
  it('compose: a flow service mapping', () => {
    assert.deepEqual(fixedValue('capabilities-not-dropped', 'compose.yaml', 'services:\n  a: {image: "x:1"}\n', ['services', 'a', 'cap_drop']), ['ALL']);
  });
});
