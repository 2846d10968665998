import { ruleTester } from '../helpers/rule-tester';

const ingress = (annotations: string) =>
  `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n${annotations}spec:\n  tls: [{hosts: [a.example.com], secretName: t}]\n`;

ruleTester('ingress-nginx-snippet', {
  valid: [
    { name: 'ordinary annotations', path: 'i.yaml', code: ingress('    nginx.ingress.kubernetes.io/rewrite-target: /\n    nginx.ingress.kubernetes.io/ssl-redirect: "true"\n') },
    { name: 'a snippet annotation on a ConfigMap is not an Ingress', path: 'c.yaml', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  annotations:\n    nginx.ingress.kubernetes.io/server-snippet: x\n' },
  ],
  invalid: [
    {
      name: 'configuration and server snippets',
      path: 'i.yaml',
      code: ingress('    nginx.ingress.kubernetes.io/configuration-snippet: |\n      more_set_headers "X-Frame-Options: DENY";\n    nginx.ingress.kubernetes.io/rewrite-target: /\n    nginx.ingress.kubernetes.io/server-snippet: "location /x { return 404; }"\n'),
      errors: [
        { line: 6, column: 5, endColumn: 54, severity: 'warning', message: 'configuration-snippet' },
        { line: 9, column: 5, message: 'server-snippet' },
      ],
      output: null,
    },
    { name: 'auth-snippet', path: 'i.yaml', code: ingress('    nginx.ingress.kubernetes.io/auth-snippet: "x"\n'), errors: [{ line: 6, column: 5 }] },
  ],
});
