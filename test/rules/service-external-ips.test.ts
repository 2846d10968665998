import { ruleTester } from '../helpers/rule-tester';

const svc = (spec: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n${spec}`;

ruleTester('service-external-ips', {
  valid: [
    { name: 'ClusterIP', path: 's.yaml', code: svc('  ports: [{port: 80}]\n') },
    { name: 'empty externalIPs', path: 's.yaml', code: svc('  externalIPs: []\n') },
    { name: 'LoadBalancer status IPs are not externalIPs', path: 's.yaml', code: svc('  type: LoadBalancer\n  loadBalancerIP: 203.0.113.10\n') },
  ],
  invalid: [
    {
      name: 'externalIPs set',
      path: 's.yaml',
      code: svc('  ports: [{port: 80}]\n  externalIPs:\n    - 203.0.113.10\n'),
      errors: [{ line: 7, column: 3, endColumn: 14, severity: 'warning', message: 'CVE-2020-8554' }],
      output: null,
    },
    {
      name: 'flow style in a List',
      path: 'l.yaml',
      code: 'apiVersion: v1\nkind: List\nitems:\n  - {apiVersion: v1, kind: Service, metadata: {name: s}, spec: {externalIPs: [10.0.0.1]}}\n',
      errors: [{ line: 4, column: 65 }],
    },
  ],
});
