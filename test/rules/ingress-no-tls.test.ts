import { ruleTester } from '../helpers/rule-tester';

const ingress = (spec: string) => `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n${spec}`;
const rules = '  rules:\n    - host: shop.example.com\n      http:\n        paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]\n';

ruleTester('ingress-no-tls', {
  valid: [
    { name: 'tls set', path: 'i.yaml', code: ingress(`  tls:\n    - hosts: [shop.example.com]\n      secretName: shop-tls\n${rules}`) },
    { name: 'not an Ingress', path: 's.yaml', code: 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {}\n' },
    { name: 'strict-only rule', path: 'i.yaml', config: { profile: 'recommended' }, code: ingress(rules) },
  ],
  invalid: [
    { name: 'no tls: anchored on kind', path: 'i.yaml', code: ingress(rules), errors: [{ line: 2, column: 1, endColumn: 14, severity: 'info', message: 'plain HTTP' }], output: null },
    { name: 'empty tls list', path: 'i.yaml', code: ingress(`  tls: []\n${rules}`), errors: [{ line: 6, column: 3, endColumn: 10 }] },
    { name: 'legacy extensions/v1beta1', path: 'i.yaml', code: 'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: {name: old}\nspec:\n  backend: {serviceName: web, servicePort: 80}\n', errors: [{ line: 2, column: 1 }] },
  ],
});
