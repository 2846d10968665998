import { ruleTester } from '../helpers/rule-tester';

const pod = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${spec}  containers:\n    - name: a\n      image: x:1\n`;

ruleTester('host-pid', {
  valid: [
    { name: 'compose pid of another service', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    pid: "service:db"\n' },
    { name: 'compose interpolated', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    pid: ${MODE}\n' },
    { name: 'k8s hostPID: false', path: 'p.yaml', code: pod('  hostPID: false\n') },
    { name: 'k8s hostPID as a container env name', path: 'p.yaml', code: pod('').replace('image: x:1', 'image: x:1\n      env: [{name: hostPID, value: "true"}]') },
  ],
  invalid: [
    {
      name: 'compose pid: host',
      path: 'compose.yaml',
      code: 'services:\n  a:\n    image: x:1\n    pid: host # debugging\n    read_only: true\n',
      errors: [{ line: 4, column: 5, severity: 'error' }],
      output: 'services:\n  a:\n    image: x:1\n    read_only: true\n',
      safe: false,
    },
    {
      name: 'compose HOST in capitals',
      path: 'compose.yaml',
      code: 'services:\n  a:\n    image: x:1\n    pid: HOST\n',
      errors: [{ line: 4, column: 5 }],
    },
    {
      name: 'k8s hostPID: true',
      path: 'p.yaml',
      code: pod('  hostPID: true\n'),
      errors: [{ line: 6, column: 3, severity: 'error' }],
      output: pod(''),
      safe: false,
    },
    {
      name: 'k8s in a kind: List item',
      path: 'l.yaml',
      code: 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Pod\n    metadata: {name: p}\n    spec:\n      hostPID: true\n      containers: [{name: a, image: "x:1"}]\n',
      errors: [{ line: 8, column: 7 }],
    },
  ],
});
