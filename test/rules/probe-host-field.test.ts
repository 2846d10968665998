import { ruleTester } from '../helpers/rule-tester';

const pod = (container: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n${container}`;

ruleTester('probe-host-field', {
  valid: [
    { name: 'httpGet without host', path: 'p.yaml', code: pod('    - name: a\n      image: x:1\n      livenessProbe:\n        httpGet: {path: /healthz, port: 8080}\n') },
    { name: 'empty host is the pod IP', path: 'p.yaml', code: pod('    - name: a\n      image: x:1\n      readinessProbe:\n        tcpSocket: {port: 8080, host: ""}\n') },
    { name: 'httpHeaders Host is not the host field', path: 'p.yaml', code: pod('    - name: a\n      image: x:1\n      livenessProbe:\n        httpGet:\n          port: 8080\n          httpHeaders: [{name: Host, value: example.com}]\n') },
  ],
  invalid: [
    {
      name: 'livenessProbe httpGet.host removed',
      path: 'p.yaml',
      code: pod('    - name: a\n      image: x:1\n      livenessProbe:\n        httpGet:\n          host: 169.254.169.254\n          path: /\n          port: 80\n'),
      errors: [{ line: 11, column: 11, endColumn: 32, severity: 'warning', message: 'livenessProbe httpGet' }],
      output: pod('    - name: a\n      image: x:1\n      livenessProbe:\n        httpGet:\n          path: /\n          port: 80\n'),
      safe: false,
    },
    {
      name: 'startupProbe tcpSocket and lifecycle preStop httpGet',
      path: 'p.yaml',
      code: pod('    - name: a\n      image: x:1\n      startupProbe:\n        tcpSocket: {host: db.internal, port: 5432}\n      lifecycle:\n        preStop:\n          httpGet: {host: 10.0.0.1, port: 80, path: /drain}\n'),
      errors: [{ line: 10, column: 21 }, { line: 13, column: 21, message: 'lifecycle.preStop httpGet' }],
      output: pod('    - name: a\n      image: x:1\n      startupProbe:\n        tcpSocket: {port: 5432}\n      lifecycle:\n        preStop:\n          httpGet: {host: 10.0.0.1, port: 80, path: /drain}\n'),
    },
  ],
});
