import { ruleTester } from '../helpers/rule-tester';

const svc = (spec: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n${spec}`;

ruleTester('service-exposed', {
  valid: [
    { name: 'ClusterIP (explicit)', path: 's.yaml', code: svc('  type: ClusterIP\n  ports: [{port: 80}]\n') },
    { name: 'ClusterIP (default)', path: 's.yaml', code: svc('  ports: [{port: 80}]\n') },
    { name: 'headless', path: 's.yaml', code: svc('  clusterIP: None\n') },
    { name: 'a CRD with spec.type NodePort is not a Service', path: 'x.yaml', code: 'apiVersion: example.com/v1\nkind: Service\nmetadata: {name: x}\nspec: {type: NodePort}\n' },
    { name: 'strict-only rule', path: 's.yaml', config: { profile: 'recommended' }, code: svc('  type: NodePort\n') },
  ],
  invalid: [
    { name: 'NodePort', path: 's.yaml', code: svc('  type: NodePort\n  ports: [{port: 80, nodePort: 30080}]\n'), errors: [{ line: 6, column: 3, endColumn: 17, severity: 'info', message: 'type NodePort' }], output: null },
    { name: 'LoadBalancer', path: 's.yaml', code: svc('  type: "LoadBalancer"\n'), errors: [{ line: 6, column: 3, message: 'LoadBalancer' }] },
  ],
});
