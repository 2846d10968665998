import { ruleTester } from '../helpers/rule-tester';

const deployment = (podLevel: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n${podLevel}      containers:\n        - name: a\n          image: x:1\n`;

ruleTester('default-service-account', {
  valid: [
    { name: 'own service account', path: 'd.yaml', code: deployment('      serviceAccountName: web\n') },
    { name: 'deprecated serviceAccount field', path: 'd.yaml', code: deployment('      serviceAccount: web\n') },
    { name: 'no token mounted: the default account grants nothing', path: 'd.yaml', code: deployment('      automountServiceAccountToken: false\n') },
    { name: 'strict-only rule', path: 'd.yaml', code: deployment(''), config: { profile: 'recommended' } },
  ],
  invalid: [
    {
      name: 'unset',
      path: 'd.yaml',
      code: deployment(''),
      errors: [{ line: 7, column: 5, endColumn: 9, severity: 'info', message: 'default service account' }],
      output: null,
    },
    {
      name: 'explicit default',
      path: 'd.yaml',
      code: deployment('      serviceAccountName: default\n'),
      errors: [{ line: 8, column: 7, endColumn: 34 }],
    },
    {
      name: 'one finding per object in a multi-document file',
      path: 'd.yaml',
      code: `${deployment('')}---\napiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  template:\n    spec:\n      serviceAccountName: default\n      containers: [{name: a, image: "x:1"}]\n`,
      errors: [{ line: 7, column: 5 }, { line: 18, column: 7 }],
    },
  ],
});
