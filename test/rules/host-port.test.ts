import { ruleTester } from '../helpers/rule-tester';

const pod = (container: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n${container}`;

ruleTester('host-port', {
  valid: [
    { name: 'containerPort only', path: 'p.yaml', code: pod('    - name: a\n      image: x:1\n      ports:\n        - containerPort: 8080\n') },
    { name: 'hostPort 0 means none', path: 'p.yaml', code: pod('    - name: a\n      image: x:1\n      ports: [{containerPort: 8080, hostPort: 0}]\n') },
    { name: 'a Service port is not a hostPort', path: 's.yaml', code: 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports: [{port: 80, targetPort: 8080}]\n' },
  ],
  invalid: [
    {
      name: 'block port: hostPort removed',
      path: 'p.yaml',
      code: pod('    - name: a\n      image: x:1\n      ports:\n        - containerPort: 8080\n          hostPort: 80 # legacy\n          protocol: TCP\n'),
      errors: [{ line: 11, column: 11, endColumn: 23, severity: 'warning', message: 'hostPort 80' }],
      output: pod('    - name: a\n      image: x:1\n      ports:\n        - containerPort: 8080\n          protocol: TCP\n'),
      safe: false,
    },
    {
      name: 'hostPort as the first key of the item',
      path: 'p.yaml',
      code: pod('    - name: a\n      image: x:1\n      ports:\n        - hostPort: 80\n          containerPort: 8080\n'),
      errors: [{ line: 10, column: 11 }],
      output: pod('    - name: a\n      image: x:1\n      ports:\n        - containerPort: 8080\n'),
    },
    {
      name: 'flow port in an init container',
      path: 'p.yaml',
      code: pod('    - name: a\n      image: x:1\n  initContainers:\n    - name: i\n      image: x:1\n      ports: [{containerPort: 53, hostPort: 53, protocol: UDP}]\n'),
      errors: [{ line: 12, column: 35 }],
      output: pod('    - name: a\n      image: x:1\n  initContainers:\n    - name: i\n      image: x:1\n      ports: [{containerPort: 53, protocol: UDP}]\n'),
    },
  ],
});
