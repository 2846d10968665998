import { ruleTester } from '../helpers/rule-tester';

ruleTester('pids-limit-missing', {
  valid: [
    { name: 'pids_limit set', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    pids_limit: 200\n' },
    { name: 'deploy.resources.limits.pids', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    deploy: {resources: {limits: {pids: 100}}}\n' },
    { name: 'inherited and interpolated', path: 'compose.yaml', code: 'x-l: &l\n  pids_limit: ${PIDS:-100}\nservices:\n  a:\n    <<: *l\n    image: x:1\n' },
    { name: 'strict only', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n', config: { profile: 'recommended' } },
    { name: 'not a Kubernetes rule', path: 'p.yaml', code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a, image: "x:1"}]\n' },
  ],
  invalid: [
    {
      name: 'no limit',
      path: 'compose.yaml',
      code: 'services:\n  a:\n    image: x:1\n',
      errors: [{ line: 2, column: 3, severity: 'info', message: 'no process limit' }],
      output: null,
    },
    {
      name: '-1 is unlimited',
      path: 'compose.yaml',
      code: 'services:\n  a:\n    image: x:1\n    pids_limit: -1\n',
      errors: [{ line: 4, column: 5, endColumn: 19, message: 'unlimited' }],
    },
    {
      name: '0 is unlimited too',
      path: 'compose.yaml',
      code: 'services:\n  a:\n    image: x:1\n    deploy:\n      resources:\n        limits:\n          pids: 0\n',
      errors: [{ line: 7, column: 11 }],
    },
  ],
});
