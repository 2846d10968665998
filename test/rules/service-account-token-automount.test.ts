import { ruleTester } from '../helpers/rule-tester';

const deployment = (podLevel: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n${podLevel}      containers:\n        - name: a\n          image: x:1\n`;

ruleTester('service-account-token-automount', {
  valid: [
    { name: 'automount off', path: 'd.yaml', code: deployment('      automountServiceAccountToken: false\n') },
    { name: 'quoted false', path: 'd.yaml', code: deployment('      automountServiceAccountToken: "false"\n') },
    { name: 'no pod spec', path: 'sa.yaml', code: 'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: app}\n' },
    { name: 'strict-only rule', path: 'd.yaml', code: deployment(''), config: { profile: 'recommended' } },
  ],
  invalid: [
    {
      name: 'unset: inserted into the pod spec',
      path: 'd.yaml',
      code: deployment(''),
      errors: [{ line: 7, column: 5, endColumn: 9, severity: 'info' }],
      output: `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: a\n          image: x:1\n      automountServiceAccountToken: false\n`,
      safe: false,
    },
    {
      name: 'explicit true: replaced',
      path: 'd.yaml',
      code: deployment('      automountServiceAccountToken: true # needs the API?\n'),
      errors: [{ line: 8, column: 7, endColumn: 41 }],
      output: deployment('      automountServiceAccountToken: false # needs the API?\n'),
    },
    {
      name: 'a bare Pod with a flow spec',
      path: 'p.yaml',
      code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: a, image: "x:1"}]}\n',
      errors: [{ line: 4, column: 1 }],
      output: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: a, image: "x:1"}], automountServiceAccountToken: false}\n',
    },
  ],
});
