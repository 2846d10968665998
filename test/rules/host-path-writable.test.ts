import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { applyEdits } from '../../server/src/engine/apply-fixes';
import { findingsOf, ruleTester } from '../helpers/rule-tester';

const pod = (mounts: string, volumes: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      image: x:1\n${mounts}  volumes:\n${volumes}`;

ruleTester('host-path-writable', {
  valid: [
    { name: 'readOnly hostPath mount', path: 'p.yaml', code: pod('      volumeMounts:\n        - name: logs\n          mountPath: /logs\n          readOnly: true\n', '    - name: logs\n      hostPath: {path: /var/log}\n') },
    { name: 'writable emptyDir', path: 'p.yaml', code: pod('      volumeMounts:\n        - name: cache\n          mountPath: /cache\n', '    - name: cache\n      emptyDir: {}\n') },
    { name: 'a runtime socket: readOnly would not help (docker-socket-mount)', path: 'p.yaml', code: pod('      volumeMounts:\n        - name: sock\n          mountPath: /var/run/docker.sock\n', '    - name: sock\n      hostPath: {path: /var/run/docker.sock}\n') },
    { name: 'strict-only rule', path: 'p.yaml', config: { profile: 'recommended' }, code: pod('      volumeMounts:\n        - name: logs\n          mountPath: /logs\n', '    - name: logs\n      hostPath: {path: /var/log}\n') },
  ],
  invalid: [
    {
      name: 'writable mount: readOnly inserted',
      path: 'p.yaml',
      code: pod('      volumeMounts:\n        - name: logs # node logs\n          mountPath: /logs\n', '    - name: logs\n      hostPath: {path: /var/log}\n'),
      errors: [{ line: 10, column: 11, endColumn: 21, severity: 'warning', message: 'hostPath volume "logs" (/var/log) writable' }],
      output: pod('      volumeMounts:\n        - name: logs # node logs\n          mountPath: /logs\n          readOnly: true\n', '    - name: logs\n      hostPath: {path: /var/log}\n'),
      safe: false,
    },
    {
      name: 'readOnly: false replaced',
      path: 'p.yaml',
      code: pod('      volumeMounts:\n        - {name: logs, mountPath: /logs, readOnly: false}\n', '    - name: logs\n      hostPath: {path: /var/log}\n'),
      errors: [{ line: 10, column: 42 }],
      output: pod('      volumeMounts:\n        - {name: logs, mountPath: /logs, readOnly: true}\n', '    - name: logs\n      hostPath: {path: /var/log}\n'),
    },
    {
      name: 'one finding per writable mount, across containers',
      path: 'p.yaml',
      code: pod('      volumeMounts:\n        - {name: logs, mountPath: /logs}\n    - name: b\n      image: x:1\n      volumeMounts:\n        - {name: logs, mountPath: /logs, readOnly: true}\n        - {name: logs, mountPath: /l2}\n', '    - name: logs\n      hostPath: {path: /var/log}\n'),
      errors: [{ line: 10, column: 12 }, { line: 15, column: 12 }],
      output: pod('      volumeMounts:\n        - {name: logs, mountPath: /logs, readOnly: true}\n    - name: b\n      image: x:1\n      volumeMounts:\n        - {name: logs, mountPath: /logs, readOnly: true}\n        - {name: logs, mountPath: /l2}\n', '    - name: logs\n      hostPath: {path: /var/log}\n'),
    },
  ],
});

describe('host-path-writable: the fixed YAML reads back as intended', () => {
  it('readOnly is true on the mount, its other keys kept', () => {
    const code = pod('      volumeMounts:\n        - {name: logs, mountPath: /logs, subPath: app}\n', '    - name: logs\n      hostPath: {path: /var/log}\n');
    const [finding] = findingsOf('host-path-writable', 'p.yaml', code);
    const doc = parseDocument(applyEdits(code, finding.fixes[0].edits));
    assert.deepEqual(doc.errors, []);
    assert.deepEqual((doc.getIn(['spec', 'containers', 0, 'volumeMounts', 0]) as { toJSON(): unknown }).toJSON(), { name: 'logs', mountPath: '/logs', subPath: 'app', readOnly: true });
  });
});
