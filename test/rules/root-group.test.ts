import { ruleTester } from '../helpers/rule-tester';

const pod = (podSc: string, containerSc: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${podSc}  containers:\n    - name: app\n      image: x:1\n${containerSc}`;

ruleTester('root-group', {
  valid: [
    { name: 'compose non-root group', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    user: "1000:1000"\n' },
    { name: 'compose user only', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    user: "1000"\n' },
    { name: 'compose root:root is user-root\'s finding', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    user: "0:0"\n' },
    { name: 'compose group 10 is not 0', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    user: "1000:10"\n' },
    { name: 'compose interpolated', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    user: "${UID}:${GID:-0}"\n' },
    { name: 'k8s container group overrides pod root group', path: 'p.yaml', code: pod('  securityContext:\n    runAsGroup: 0\n', '      securityContext: {runAsGroup: 3000}\n') },
    { name: 'k8s non-root groups', path: 'p.yaml', code: pod('  securityContext:\n    fsGroup: 2000\n    supplementalGroups: [4000]\n', '') },
    { name: 'strict only', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    user: "1000:0"\n', config: { profile: 'recommended' } },
  ],
  invalid: [
    {
      name: 'compose user "1000:0"',
      path: 'compose.yaml',
      code: 'services:\n  a:\n    image: x:1\n    user: "1000:0"\n',
      errors: [{ line: 4, column: 5, severity: 'warning' }],
      output: 'services:\n  a:\n    image: x:1\n    user: "1000:10001"\n',
      safe: false,
    },
    {
      name: 'compose app:root',
      path: 'compose.yaml',
      code: 'services:\n  a:\n    image: x:1\n    user: app:root\n',
      errors: [{ line: 4, column: 5, message: 'user: "app:root"' }],
      output: 'services:\n  a:\n    image: x:1\n    user: "app:10001"\n',
    },
    {
      name: 'k8s pod runAsGroup 0: per container',
      path: 'p.yaml',
      code: pod('  securityContext:\n    runAsGroup: 0\n', '    - name: side\n      image: y:1\n'),
      errors: [{ line: 7, column: 5, message: 'container "app"' }, { line: 7, column: 5, message: 'container "side"' }],
      output: pod('  securityContext:\n    runAsGroup: 10001\n', '    - name: side\n      image: y:1\n'),
      safe: false,
    },
    {
      name: 'k8s fsGroup and supplementalGroups',
      path: 'p.yaml',
      code: pod('  securityContext:\n    fsGroup: 0\n    supplementalGroups: [1000, 0]\n', ''),
      errors: [{ line: 7, column: 5, message: 'fsGroup: 0' }, { line: 8, column: 32, message: 'supplementalGroups' }],
      output: pod('  securityContext:\n    fsGroup: 10001\n    supplementalGroups: [1000, 0]\n', ''),
    },
    {
      name: 'k8s container runAsGroup 0',
      path: 'p.yaml',
      code: pod('', '      securityContext:\n        runAsGroup: 0\n'),
      errors: [{ line: 10, column: 9 }],
      output: pod('', '      securityContext:\n        runAsGroup: 10001\n'),
    },
  ],
});
