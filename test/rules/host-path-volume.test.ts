import assert from 'node:assert/strict';
import { lint } from '../../server/src/engine/lint';
import { ruleTester } from '../helpers/rule-tester';

const pod = (mounts: string, volumes: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      image: x:1\n${mounts}  volumes:\n${volumes}`;

ruleTester('host-path-volume', {
  valid: [
    { name: 'emptyDir', path: 'p.yaml', code: pod('', '    - name: cache\n      emptyDir: {}\n') },
    { name: 'docker.sock belongs to docker-socket-mount', path: 'p.yaml', code: pod('', '    - name: sock\n      hostPath: {path: /var/run/docker.sock, type: Socket}\n') },
    { name: 'a sensitive path belongs to host-path-sensitive', path: 'p.yaml', code: pod('', '    - name: etc\n      hostPath:\n        path: /etc\n') },
    {
      name: 'a writable sub-path of /etc belongs to host-path-sensitive',
      path: 'p.yaml',
      code: pod('      volumeMounts:\n        - name: conf\n          mountPath: /conf\n', '    - name: conf\n      hostPath:\n        path: /etc/myapp\n'),
    },
  ],
  invalid: [
    {
      name: 'a data directory from the node',
      path: 'p.yaml',
      code: pod('', '    - name: data\n      hostPath:\n        path: /srv/data\n        type: DirectoryOrCreate\n'),
      errors: [{ line: 12, column: 15, endColumn: 24, severity: 'warning', message: '"/srv/data"' }],
      output: null,
    },
    {
      name: 'a read-only sub-path of /etc is not sensitive but still a hostPath',
      path: 'p.yaml',
      code: pod('      volumeMounts:\n        - {name: tz, mountPath: /etc/localtime, readOnly: true}\n', '    - name: tz\n      hostPath: {path: /etc/localtime}\n'),
      errors: [{ line: 13, column: 24 }],
    },
    {
      name: 'DaemonSet, several volumes',
      path: 'ds.yaml',
      code: 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: d}\nspec:\n  template:\n    spec:\n      containers: [{name: a, image: "x:1"}]\n      volumes:\n        - {name: logs, hostPath: {path: /var/log}}\n        - {name: sock, hostPath: {path: /run/containerd/containerd.sock}}\n        - {name: tmp, emptyDir: {}}\n',
      errors: [{ line: 9, column: 41 }],
    },
  ],
});

describe('host-path-volume with a sub-path into a sensitive folder', () => {
  it('leaves it to host-path-sensitive (one finding per node)', () => {
    const code = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: x:1\n      volumeMounts:\n        - {name: v, mountPath: /d, subPath: lib/docker}\n  volumes:\n    - name: v\n      hostPath: {path: /var}\n';
    const ids = lint(code, { path: 'p.yaml' }).findings.map((f) => f.ruleId).filter((id) => id.startsWith('host-path'));
    assert.deepEqual(ids, ['host-path-sensitive']);
  });
});
