import { ruleTester } from '../helpers/rule-tester';

const pod = (volumes: string, mounts = '') =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: agent\n      image: agent:1\n${mounts}  volumes:\n${volumes}`;

ruleTester('docker-socket-mount', {
  valid: [
    { name: 'an ordinary VOLUME', path: 'Dockerfile', code: 'FROM alpine:3.20\nVOLUME /data ["/var/lib/app"]\n' },
    { name: 'a socket-like name that is not a runtime socket', path: 'Dockerfile', code: 'FROM alpine:3.20\nVOLUME /run/app.sock\n' },
    { name: 'a comment is not a VOLUME', path: 'Dockerfile', code: 'FROM alpine:3.20\n# VOLUME /var/run/docker.sock\n' },
    { name: 'compose named volume and binds', path: 'compose.yaml', code: 'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - data:/data\n      - ./site:/usr/share/nginx/html:ro\n      - type: volume\n        source: docker.sock\n        target: /x\nvolumes:\n  data: {}\n  docker.sock: {}\n' },
    { name: 'compose interpolated without a socket default', path: 'compose.yaml', code: 'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - ${DATA_DIR}:/data\n' },
    { name: 'a container path only', path: 'compose.yaml', code: 'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - /var/run/docker.sock\n' },
    { name: 'k8s hostPath elsewhere', path: 'pod.yaml', code: pod('    - name: logs\n      hostPath: {path: /var/log}\n') },
  ],
  invalid: [
    { name: 'VOLUME of the Docker socket', path: 'Dockerfile', code: 'FROM alpine:3.20\nVOLUME /var/run/docker.sock\n', errors: [{ line: 2, column: 8, endColumn: 28, severity: 'error' }], output: null },
    { name: 'VOLUME JSON form, containerd', path: 'Dockerfile', code: 'FROM alpine:3.20\nVOLUME ["/data", "/run/containerd/containerd.sock"]\n', errors: [{ line: 2, column: 18 }] },
    { name: 'VOLUME through an ARG default', path: 'Dockerfile', code: 'FROM alpine:3.20\nARG SOCK=/var/run/docker.sock\nVOLUME ${SOCK}\n', errors: [{ line: 3, column: 8 }] },
    {
      name: 'compose short syntax, even read-only',
      path: 'docker-compose.yml',
      code: 'services:\n  traefik:\n    image: traefik:3.1\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock:ro\n',
      errors: [{ line: 5, column: 9, message: 'Service "traefik"' }],
      output: null,
    },
    {
      name: 'compose long syntax',
      path: 'compose.yaml',
      code: 'services:\n  ci:\n    image: runner:1\n    volumes:\n      - type: bind\n        source: /run/podman/podman.sock\n        target: /var/run/docker.sock\n',
      errors: [{ line: 6, column: 17 }],
    },
    { name: 'compose rootless socket under a variable', path: 'compose.yaml', code: 'services:\n  ci:\n    image: runner:1\n    volumes:\n      - "$XDG_RUNTIME_DIR/docker.sock:/var/run/docker.sock"\n', errors: [{ line: 5, column: 9 }] },
    { name: 'compose interpolation default', path: 'compose.yaml', code: 'services:\n  ci:\n    image: runner:1\n    volumes:\n      - ${DOCKER_SOCK:-/var/run/docker.sock}:/var/run/docker.sock\n', errors: [{ line: 5, column: 9 }] },
    { name: 'compose Windows named pipe', path: 'compose.yaml', code: 'services:\n  ci:\n    image: runner:1\n    volumes:\n      - //./pipe/docker_engine://./pipe/docker_engine\n', errors: [{ line: 5, column: 9 }] },
    { name: 'compose through a merge key', path: 'compose.yaml', code: 'x-sock: &sock\n  volumes:\n    - /var/run/docker.sock:/var/run/docker.sock\nservices:\n  a:\n    <<: *sock\n    image: runner:1\n', errors: [{ line: 3, column: 7 }] },
    {
      name: 'k8s hostPath, named with the containers using it',
      path: 'pod.yaml',
      code: pod('    - name: sock\n      hostPath:\n        path: /var/run/docker.sock\n        type: Socket\n', '      volumeMounts:\n        - {name: sock, mountPath: /var/run/docker.sock}\n'),
      errors: [{ line: 13, column: 15, message: 'container "agent"' }],
      output: null,
    },
    { name: 'k8s CRI-O socket', path: 'pod.yaml', code: pod('    - name: crio\n      hostPath: {path: /var/run/crio/crio.sock}\n'), errors: [{ line: 10, column: 24 }] },
  ],
});
