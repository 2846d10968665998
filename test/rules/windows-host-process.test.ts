import { ruleTester } from '../helpers/rule-tester';

const pod = (podLevel: string, container: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${podLevel}  containers:\n${container}`;

ruleTester('windows-host-process', {
  valid: [
    { name: 'hostProcess: false', path: 'p.yaml', code: pod('', '    - name: a\n      image: x:1\n      securityContext:\n        windowsOptions:\n          hostProcess: false\n') },
    { name: 'other windowsOptions', path: 'p.yaml', code: pod('  securityContext:\n    windowsOptions: {runAsUserName: "ContainerUser"}\n', '    - name: a\n      image: x:1\n') },
  ],
  invalid: [
    {
      name: 'container hostProcess removed, other options kept',
      path: 'p.yaml',
      code: pod('', '    - name: a\n      image: x:1\n      securityContext:\n        windowsOptions:\n          hostProcess: true\n          runAsUserName: "NT AUTHORITY\\\\SYSTEM"\n'),
      errors: [{ line: 11, column: 11, endColumn: 28, severity: 'error' }],
      output: pod('', '    - name: a\n      image: x:1\n      securityContext:\n        windowsOptions:\n          runAsUserName: "NT AUTHORITY\\\\SYSTEM"\n'),
      safe: false,
    },
    {
      name: 'pod level reported once, not per container',
      path: 'p.yaml',
      code: pod('  hostNetwork: true\n  securityContext:\n    windowsOptions: {hostProcess: true}\n', '    - name: a\n      image: x:1\n    - name: b\n      image: x:1\n'),
      errors: [{ line: 8, column: 22 }],
      output: pod('  hostNetwork: true\n  securityContext:\n    windowsOptions: {}\n', '    - name: a\n      image: x:1\n    - name: b\n      image: x:1\n'),
    },
    {
      name: 'pod and a container both set it',
      path: 'p.yaml',
      code: pod('  securityContext:\n    windowsOptions: {hostProcess: true}\n', '    - name: a\n      image: x:1\n      securityContext: {windowsOptions: {hostProcess: true}}\n'),
      errors: [{ line: 7, column: 22 }, { line: 11, column: 42 }],
    },
  ],
});
