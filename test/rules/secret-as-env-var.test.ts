import { ruleTester } from '../helpers/rule-tester';

const pod = (container: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n${container}`;

ruleTester('secret-as-env-var', {
  valid: [
    { name: 'secret mounted as a file', path: 'p.yaml', code: pod('    - name: a\n      image: x:1\n      volumeMounts: [{name: s, mountPath: /run/secrets/db, readOnly: true}]\n  volumes:\n    - {name: s, secret: {secretName: db}}\n') },
    { name: 'configMap refs', path: 'p.yaml', code: pod('    - name: a\n      image: x:1\n      env:\n        - name: MODE\n          valueFrom: {configMapKeyRef: {name: c, key: mode}}\n      envFrom: [{configMapRef: {name: c}}]\n') },
    { name: 'strict-only rule', path: 'p.yaml', config: { profile: 'recommended' }, code: pod('    - name: a\n      image: x:1\n      envFrom: [{secretRef: {name: db}}]\n') },
  ],
  invalid: [
    {
      name: 'secretKeyRef and secretRef',
      path: 'p.yaml',
      code: pod('    - name: a\n      image: x:1\n      env:\n        - name: DB_PASSWORD\n          valueFrom:\n            secretKeyRef: {name: db, key: password}\n      envFrom:\n        - secretRef:\n            name: api\n'),
      errors: [
        { line: 12, column: 13, endColumn: 25, severity: 'info', message: 'reads Secret "db" into environment variable "DB_PASSWORD"' },
        { line: 14, column: 11, message: 'every key of Secret "api"' },
      ],
      output: null,
    },
    {
      name: 'init container in a Job',
      path: 'j.yaml',
      code: 'apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  template:\n    spec:\n      initContainers:\n        - name: migrate\n          image: x:1\n          env: [{name: T, valueFrom: {secretKeyRef: {name: t, key: t}}}]\n      containers: [{name: a, image: "x:1"}]\n',
      errors: [{ line: 10, column: 39 }],
    },
  ],
});
