import assert from 'node:assert/strict';
import { isRuntimeSocketPath, sensitiveHostPath } from '../../server/src/analysis/host-paths';
import { fixedValue } from '../helpers/fix-roundtrip';
import { findingsOf, ruleTester } from '../helpers/rule-tester';

const pod = (volumes: string, mounts: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: x:1\n      volumeMounts:\n${mounts}  volumes:\n${volumes}`;

ruleTester('host-path-sensitive', {
  valid: [
    { name: 'compose read-only /etc/localtime', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    volumes:\n      - /etc/localtime:/etc/localtime:ro\n      - "/etc/timezone:/etc/timezone:ro,z"\n' },
    { name: 'compose relative, home and named volumes', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    volumes:\n      - ./etc:/etc\n      - ../root:/data\n      - ~/.config:/config\n      - etc:/etc\n      - /data\nvolumes:\n  etc: {}\n' },
    { name: 'compose runtime socket is docker-socket-mount only', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    volumes: ["/var/run/docker.sock:/var/run/docker.sock", "/run/containerd/containerd.sock:/c.sock"]\n' },
    { name: 'compose interpolated source', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    volumes: ["${HOST_ETC:-/etc}:/host/etc"]\n' },
    { name: 'compose long syntax read-only sub-path', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    volumes:\n      - type: bind\n        source: /etc/ssl/certs\n        target: /etc/ssl/certs\n        read_only: true\n' },
    { name: 'compose sub-paths of /usr, /dev, /run are not listed', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    volumes: ["/usr/share/fonts:/fonts", "/run/user/1000/bus:/bus", "/dev/shm:/dev/shm"]\n' },
    { name: 'k8s read-only hostPath of /etc/localtime', path: 'p.yaml', code: pod('    - name: tz\n      hostPath: {path: /etc/localtime, type: File}\n', '        - {name: tz, mountPath: /etc/localtime, readOnly: true}\n') },
    { name: 'k8s docker socket belongs to docker-socket-mount', path: 'p.yaml', code: pod('    - name: s\n      hostPath: {path: /var/run/docker.sock}\n', '        - {name: s, mountPath: /var/run/docker.sock}\n') },
  ],
  invalid: [
    {
      name: 'compose writable sub-path of /etc: append :ro',
      path: 'compose.yaml',
      code: 'services:\n  a:\n    image: x:1\n    volumes:\n      - /etc/nginx:/etc/nginx\n',
      errors: [{ line: 5, column: 9, endColumn: 30, severity: 'error', message: 'read-write' }],
      output: 'services:\n  a:\n    image: x:1\n    volumes:\n      - /etc/nginx:/etc/nginx:ro\n',
      safe: false,
    },
    {
      name: 'compose rw mode becomes ro, other options kept, quotes kept',
      path: 'compose.yaml',
      code: "services:\n  a:\n    image: x:1\n    volumes: ['/var/lib/docker/volumes:/v:rw,z']\n",
      errors: [{ line: 4, column: 15 }],
      output: "services:\n  a:\n    image: x:1\n    volumes: ['/var/lib/docker/volumes:/v:ro,z']\n",
    },
    {
      name: 'compose the listed paths themselves, even read-only, normalized',
      path: 'compose.yaml',
      code: 'services:\n  a:\n    image: x:1\n    volumes:\n      - /:/host:ro\n      - /proc/:/host/proc:ro\n      - /var/lib/../run:/r:ro\n      - //etc:/e:ro\n',
      errors: [{ line: 5, column: 9, message: 'read-only' }, { line: 6, column: 9, message: '/proc' }, { line: 7, column: 9, message: '/var/run' }, { line: 8, column: 9, message: '/etc' }],
      output: null,
    },
    {
      name: 'compose long syntax: read_only inserted',
      path: 'compose.yaml',
      code: 'services:\n  a:\n    image: x:1\n    volumes:\n      - type: bind\n        source: /root/.ssh\n        target: /keys\n',
      errors: [{ line: 5, column: 9 }],
      output: 'services:\n  a:\n    image: x:1\n    volumes:\n      - type: bind\n        source: /root/.ssh\n        target: /keys\n        read_only: true\n',
    },
    {
      name: 'compose long syntax read_only: false is replaced',
      path: 'compose.yaml',
      code: 'services:\n  a:\n    image: x:1\n    volumes:\n      - {type: bind, source: /sys/fs/cgroup, target: /sys/fs/cgroup, read_only: false}\n',
      errors: [{ line: 5, column: 9 }],
      output: 'services:\n  a:\n    image: x:1\n    volumes:\n      - {type: bind, source: /sys/fs/cgroup, target: /sys/fs/cgroup, read_only: true}\n',
    },
    {
      name: 'compose a named volume that binds a host directory',
      path: 'compose.yaml',
      code: 'services:\n  a:\n    image: x:1\n    volumes: ["cfg:/cfg"]\nvolumes:\n  cfg:\n    driver: local\n    driver_opts: {type: none, o: bind, device: /etc/app}\n',
      errors: [{ line: 4, column: 15, message: 'through the volume "cfg"' }],
      output: 'services:\n  a:\n    image: x:1\n    volumes: ["cfg:/cfg:ro"]\nvolumes:\n  cfg:\n    driver: local\n    driver_opts: {type: none, o: bind, device: /etc/app}\n',
    },
    {
      name: 'compose inherited volumes: per service, at the anchor',
      path: 'compose.yaml',
      code: 'x-mounts: &mounts\n  volumes: [/boot/efi:/efi]\nservices:\n  a: {<<: *mounts, image: "x:1"}\n  b: {<<: *mounts, image: "x:1"}\n',
      errors: [{ line: 2, column: 13 }, { line: 2, column: 13 }],
      output: 'x-mounts: &mounts\n  volumes: [/boot/efi:/efi:ro]\nservices:\n  a: {<<: *mounts, image: "x:1"}\n  b: {<<: *mounts, image: "x:1"}\n',
      safe: false,
    },
    {
      name: 'k8s hostPath of /etc, even read-only',
      path: 'p.yaml',
      code: pod('    - name: etc\n      hostPath:\n        path: /etc\n', '        - {name: etc, mountPath: /host/etc, readOnly: true}\n'),
      errors: [{ line: 14, column: 15, severity: 'error' }],
      output: null,
    },
    {
      name: 'k8s writable sub-path of /var/lib/docker names the writer',
      path: 'p.yaml',
      code: pod('    - name: d\n      hostPath: {path: /var/lib/docker/containers}\n', '        - {name: d, mountPath: /c}\n'),
      errors: [{ line: 13, column: 24, message: 'writable by the container "app"' }],
    },
    {
      name: 'k8s a /var hostPath mounted with subPath lib/docker',
      path: 'p.yaml',
      code: pod('    - name: v\n      hostPath: {path: /var}\n', '        - {name: v, mountPath: /d, subPath: lib/docker}\n'),
      errors: [{ line: 13, column: 24, message: 'through subPath' }],
    },
  ],
});

describe('host-path-sensitive', () => {
  it('the :ro fix on a listed path itself reduces the finding to a read-only one', () => {
    const code = 'services:\n  a:\n    image: x:1\n    volumes: ["/:/host"]\n';
    assert.equal(fixedValue('host-path-sensitive', 'compose.yaml', code, ['services', 'a', 'volumes', 0]), '/:/host:ro');
    const [before] = findingsOf('host-path-sensitive', 'compose.yaml', code);
    assert.match(before.message, /read-write/);
    const after = findingsOf('host-path-sensitive', 'compose.yaml', code.replace('/:/host', '/:/host:ro'));
    assert.equal(after.length, 1);
    assert.match(after[0].message, /read-only/);
  });
  it('the long-syntax fix reads back read_only: true', () => {
    const code = 'services:\n  a:\n    volumes:\n      - type: bind # host config\n        source: /etc/app\n        target: /app\n    image: x:1\n';
    assert.equal(fixedValue('host-path-sensitive', 'compose.yaml', code, ['services', 'a', 'volumes', 0, 'read_only']), true);
  });
  it('exports the runtime-socket predicate for docker-socket-mount', () => {
    for (const p of ['/var/run/docker.sock', '/run/containerd/containerd.sock', '/var/run/crio/crio.sock', '/run/podman/podman.sock', '/var/run//docker.sock']) assert.ok(isRuntimeSocketPath(p), p);
    for (const p of ['/var/run', '/var/run/docker', '/tmp/docker.socket']) assert.ok(!isRuntimeSocketPath(p), p);
    assert.equal(sensitiveHostPath('/var/run/docker.sock', true), undefined);
  });
});
