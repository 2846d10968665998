import assert from 'node:assert/strict';
import { fixTitles, fixedValue } from '../helpers/fix-roundtrip';
import { ruleTester } from '../helpers/rule-tester';

const pod = (podSc: string, container: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${podSc}  containers:\n    - name: app\n      image: nginx:1.27\n${container}`;

ruleTester('privilege-escalation', {
  valid: [
    { name: 'compose no-new-privileges:true', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    security_opt:\n      - no-new-privileges:true\n' },
    { name: 'compose no-new-privileges=true', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    security_opt: ["no-new-privileges=true"]\n' },
    { name: 'compose bare no-new-privileges means true', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    security_opt: [no-new-privileges]\n' },
    { name: 'compose inherited through a merge key', path: 'compose.yaml', code: 'x-hardening: &hardening\n  security_opt: ["no-new-privileges:true"]\nservices:\n  a:\n    <<: *hardening\n    image: x:1\n' },
    { name: 'compose: an interpolated entry may be it', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    security_opt: ["${NNP}"]\n' },
    { name: 'compose rule is strict only', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n', config: { profile: 'recommended' } },
    { name: 'k8s container false', path: 'p.yaml', code: pod('', '      securityContext:\n        allowPrivilegeEscalation: false\n') },
    { name: 'k8s string "false"', path: 'p.yaml', code: pod('', '      securityContext: {allowPrivilegeEscalation: "false"}\n') },
  ],
  invalid: [
    {
      name: 'compose without security_opt: created (flow, quoted)',
      path: 'compose.yaml',
      code: 'services:\n  a:\n    image: x:1\n',
      errors: [{ line: 2, column: 3, endColumn: 4, severity: 'warning' }],
      output: 'services:\n  a:\n    image: x:1\n    security_opt: ["no-new-privileges:true"]\n',
      safe: false,
    },
    {
      name: 'compose security_opt without it: appended in block style',
      path: 'compose.yaml',
      code: 'services:\n  a:\n    image: x:1\n    security_opt:\n      - label:type:svirt_apache_t # keep\n',
      errors: [{ line: 4, column: 5 }],
      output: 'services:\n  a:\n    image: x:1\n    security_opt:\n      - label:type:svirt_apache_t # keep\n      - no-new-privileges:true\n',
    },
    {
      name: 'compose no-new-privileges:false',
      path: 'compose.yaml',
      code: 'services:\n  a:\n    image: x:1\n    security_opt: [no-new-privileges:false]\n',
      errors: [{ line: 4, column: 20, endColumn: 43 }],
      output: 'services:\n  a:\n    image: x:1\n    security_opt: [no-new-privileges:true]\n',
    },
    {
      name: 'compose: inherited security_opt is judged on each service, at the anchor',
      path: 'compose.yaml',
      code: 'x-defaults: &defaults\n  security_opt: [seccomp=default.json]\nservices:\n  a:\n    <<: *defaults\n  b:\n    <<: *defaults\n',
      errors: [{ line: 2, column: 3 }, { line: 2, column: 3 }],
      output: 'x-defaults: &defaults\n  security_opt: [seccomp=default.json, "no-new-privileges:true"]\nservices:\n  a:\n    <<: *defaults\n  b:\n    <<: *defaults\n',
      safe: false,
    },
    {
      name: 'k8s nothing set: securityContext created',
      path: 'p.yaml',
      code: pod('', ''),
      errors: [{ line: 7, column: 7, severity: 'warning' }],
      output: pod('', '      securityContext:\n        allowPrivilegeEscalation: false\n'),
      safe: false,
    },
    {
      name: 'k8s explicit true is an error at the value',
      path: 'p.yaml',
      code: pod('', '      securityContext:\n        allowPrivilegeEscalation: true\n'),
      errors: [{ line: 10, column: 9, severity: 'error' }],
      output: pod('', '      securityContext:\n        allowPrivilegeEscalation: false\n'),
    },
    {
      name: 'k8s: one finding per container, init containers too; recommended severity',
      path: 'p.yaml',
      code: pod('', '      securityContext: {allowPrivilegeEscalation: false}\n  initContainers:\n    - name: init\n      image: busybox:1.36\n    - name: init2\n      image: busybox:1.36\n'),
      config: { profile: 'recommended' },
      errors: [{ line: 11, column: 7, severity: 'warning' }, { line: 13, column: 7, severity: 'warning' }],
    },
    {
      name: 'k8s privileged container: no fix (the API rejects false with privileged)',
      path: 'p.yaml',
      code: pod('', '      securityContext: {privileged: true}\n'),
      errors: [{ line: 7, column: 7, message: 'remove those first' }],
      output: null,
    },
    {
      name: 'k8s flow securityContext gets the key',
      path: 'p.yaml',
      code: pod('', '      securityContext: {runAsNonRoot: true}\n'),
      errors: [{ line: 7, column: 7 }],
      output: pod('', '      securityContext: {runAsNonRoot: true, allowPrivilegeEscalation: false}\n'),
    },
  ],
});

describe('privilege-escalation fixes re-parse to the intended structure', () => {
  it('compose: the new security_opt holds no-new-privileges:true', () => {
    assert.deepEqual(fixedValue('privilege-escalation', 'compose.yaml', 'services:\n  a: {image: "x:1"}\n', ['services', 'a', 'security_opt']), ['no-new-privileges:true']);
  });
  it('compose: a service inheriting a shared anchor keeps the anchor entries and gains the option', () => {
    const code = 'x-defaults: &defaults\n  security_opt:\n    - label:disable\nservices:\n  a:\n    <<: *defaults\n  b:\n    <<: *defaults\n';
    assert.deepEqual(fixedValue('privilege-escalation', 'compose.yaml', code, ['services', 'b', 'security_opt']), ['label:disable', 'no-new-privileges:true']);
    assert.match(fixTitles('privilege-escalation', 'compose.yaml', code)[0], /\(edits the shared x-defaults anchor\)$/);
  });
  it('compose: an anchor used by one service only is not called shared', () => {
    const code = 'x-defaults: &defaults\n  security_opt: [label:disable]\nservices:\n  a:\n    <<: *defaults\n';
    assert.doesNotMatch(fixTitles('privilege-escalation', 'compose.yaml', code)[0], /shared/);
  });
  it('k8s: the created securityContext reads back false', () => {
    assert.equal(fixedValue('privilege-escalation', 'p.yaml', pod('', ''), ['spec', 'containers', 0, 'securityContext', 'allowPrivilegeEscalation']), false);
  });
  it('k8s: a CRLF file keeps CRLF line breaks', () => {
    const code = pod('', '').replace(/\n/g, '\r\n');
    assert.equal(fixedValue('privilege-escalation', 'p.yaml', code, ['spec', 'containers', 0, 'securityContext', 'allowPrivilegeEscalation']), false);
  });
});
