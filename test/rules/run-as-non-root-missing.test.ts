import { ruleTester } from '../helpers/rule-tester';

const deployment = (podSc: string, container: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n${podSc}      containers:\n${container}`;

ruleTester('run-as-non-root-missing', {
  valid: [
    { name: 'pod-level runAsNonRoot covers containers', path: 'd.yaml', code: deployment('      securityContext:\n        runAsNonRoot: true\n', '        - name: a\n          image: x:1\n') },
    { name: 'container runAsUser >= 1', path: 'd.yaml', code: deployment('', '        - name: a\n          image: x:1\n          securityContext:\n            runAsUser: 1000\n') },
    { name: 'pod runAsUser >= 1', path: 'd.yaml', code: deployment('      securityContext: {runAsUser: 65534}\n', '        - name: a\n          image: x:1\n') },
    { name: 'a Service has no containers', path: 's.yaml', code: 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports: [{port: 80}]\n' },
  ],
  invalid: [
    {
      name: 'no security context: created',
      path: 'd.yaml',
      code: deployment('', '        - name: a\n          image: x:1\n'),
      errors: [{ line: 9, column: 11, endColumn: 15 }],
      output: deployment('', '        - name: a\n          image: x:1\n          securityContext:\n            runAsNonRoot: true\n'),
      safe: false,
    },
    {
      name: 'second fix: harden the container in one edit',
      path: 'd.yaml',
      code: deployment('', '        - name: a\n          image: x:1\n'),
      errors: [{ line: 9, column: 11 }],
      fixIndex: 1,
      safe: false,
      output: deployment(
        '',
        '        - name: a\n          image: x:1\n          securityContext:\n            runAsNonRoot: true\n            allowPrivilegeEscalation: false\n            capabilities:\n              drop: ["ALL"]\n            seccompProfile:\n              type: RuntimeDefault\n            readOnlyRootFilesystem: true\n',
      ),
    },
    {
      name: 'container false overrides pod true',
      path: 'd.yaml',
      code: deployment('      securityContext:\n        runAsNonRoot: true\n', '        - name: a\n          image: x:1\n          securityContext:\n            runAsNonRoot: false\n'),
      errors: [{ line: 11, column: 11 }],
      output: deployment('      securityContext:\n        runAsNonRoot: true\n', '        - name: a\n          image: x:1\n          securityContext:\n            runAsNonRoot: true\n'),
    },
    {
      name: 'flow-style security context',
      path: 'd.yaml',
      code: deployment('', '        - {name: a, image: "x:1", securityContext: {allowPrivilegeEscalation: false}}\n'),
      errors: [{ line: 9, column: 12 }],
      output: deployment('', '        - {name: a, image: "x:1", securityContext: {allowPrivilegeEscalation: false, runAsNonRoot: true}}\n'),
    },
    {
      name: 'init container counted separately; anchored on image when unnamed',
      path: 'd.yaml',
      code: deployment('', '        - name: a\n          image: x:1\n          securityContext: {runAsNonRoot: true}\n      initContainers:\n        - image: busybox:1.36\n'),
      errors: [{ line: 13, column: 11 }],
    },
    {
      name: 'empty securityContext key',
      path: 'd.yaml',
      code: deployment('', '        - name: a\n          image: x:1\n          securityContext:\n'),
      errors: [{ line: 9, column: 11 }],
      output: deployment('', '        - name: a\n          image: x:1\n          securityContext:\n            runAsNonRoot: true\n'),
    },
  ],
});
