import { ruleTester } from '../helpers/rule-tester';

const pod = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${spec}  containers:\n    - name: a\n      image: x:1\n`;

ruleTester('host-ipc', {
  valid: [
    { name: 'compose ipc of another service', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    ipc: "service:db"\n' },
    { name: 'compose interpolated', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    ipc: ${MODE}\n' },
    { name: 'k8s hostIPC: false', path: 'p.yaml', code: pod('  hostIPC: false\n') },
    { name: 'k8s hostIPC as a container env name', path: 'p.yaml', code: pod('').replace('image: x:1', 'image: x:1\n      env: [{name: hostIPC, value: "true"}]') },
  ],
  invalid: [
    {
      name: 'compose ipc: host',
      path: 'compose.yaml',
      code: 'services:\n  a:\n    image: x:1\n    ipc: host # debugging\n    read_only: true\n',
      errors: [{ line: 4, column: 5, severity: 'error' }],
      output: 'services:\n  a:\n    image: x:1\n    read_only: true\n',
      safe: false,
    },
    {
      name: 'compose HOST in capitals',
      path: 'compose.yaml',
      code: 'services:\n  a:\n    image: x:1\n    ipc: HOST\n',
      errors: [{ line: 4, column: 5 }],
    },
    {
      name: 'k8s hostIPC: true',
      path: 'p.yaml',
      code: pod('  hostIPC: true\n'),
      errors: [{ line: 6, column: 3, severity: 'error' }],
      output: pod(''),
      safe: false,
    },
    {
      name: 'k8s in a kind: List item',
      path: 'l.yaml',
      code: 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Pod\n    metadata: {name: p}\n    spec:\n      hostIPC: true\n      containers: [{name: a, image: "x:1"}]\n',
      errors: [{ line: 8, column: 7 }],
    },
  ],
});
