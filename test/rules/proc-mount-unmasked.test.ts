import { ruleTester } from '../helpers/rule-tester';

const pod = (container: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n${container}`;

ruleTester('proc-mount-unmasked', {
  valid: [
    { name: 'procMount: Default', path: 'p.yaml', code: pod('    - name: a\n      image: x:1\n      securityContext:\n        procMount: Default\n') },
    { name: 'no procMount', path: 'p.yaml', code: pod('    - name: a\n      image: x:1\n      securityContext: {runAsNonRoot: true}\n') },
    { name: 'a ConfigMap key named procMount', path: 'c.yaml', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  procMount: Unmasked\n' },
  ],
  invalid: [
    {
      name: 'Unmasked: set to Default',
      path: 'p.yaml',
      code: pod('    - name: a\n      image: x:1\n      securityContext:\n        procMount: Unmasked # for nested containers\n'),
      errors: [{ line: 10, column: 9, endColumn: 28, severity: 'error', message: 'procMount: Unmasked' }],
      output: pod('    - name: a\n      image: x:1\n      securityContext:\n        procMount: Default # for nested containers\n'),
      safe: false,
    },
    {
      name: 'flow style, init container',
      path: 'p.yaml',
      code: pod('    - name: a\n      image: x:1\n  initContainers:\n    - {name: i, image: "x:1", securityContext: {procMount: Unmasked}}\n'),
      errors: [{ line: 10, column: 49 }],
      output: pod('    - name: a\n      image: x:1\n  initContainers:\n    - {name: i, image: "x:1", securityContext: {procMount: Default}}\n'),
    },
    {
      name: 'StatefulSet',
      path: 's.yaml',
      code: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: s}\nspec:\n  template:\n    spec:\n      containers:\n        - name: a\n          image: x:1\n          securityContext: {procMount: "Unmasked"}\n',
      errors: [{ line: 10, column: 29 }],
      output: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: s}\nspec:\n  template:\n    spec:\n      containers:\n        - name: a\n          image: x:1\n          securityContext: {procMount: Default}\n',
    },
  ],
});
