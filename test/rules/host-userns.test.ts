import { ruleTester } from '../helpers/rule-tester';

ruleTester('host-userns', {
  valid: [
    { name: 'no namespace keys', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n' },
    { name: 'userns_mode other than host', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    userns_mode: "keep-id"\n' },
    { name: 'a Kubernetes object is not judged', path: 'p.yaml', code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  hostUsers: true\n  containers: [{name: a, image: "x:1"}]\n' },
  ],
  invalid: [
    {
      name: 'userns_mode: host',
      path: 'compose.yaml',
      code: 'services:\n  a:\n    image: x:1\n    userns_mode: host\n',
      errors: [{ line: 4, column: 5, endColumn: 22, severity: 'warning', message: 'user namespace' }],
      output: 'services:\n  a:\n    image: x:1\n',
      safe: false,
    },
    {
      name: 'uts: host',
      path: 'compose.yaml',
      code: 'services:\n  a:\n    image: x:1\n    uts: host\n',
      errors: [{ line: 4, column: 5, message: 'UTS' }],
      output: 'services:\n  a:\n    image: x:1\n',
    },
    {
      name: 'both, in a second service',
      path: 'compose.yaml',
      code: 'services:\n  a:\n    image: x:1\n  b:\n    image: x:1\n    uts: host\n    userns_mode: host\n',
      errors: [{ line: 6, column: 5 }, { line: 7, column: 5 }],
    },
  ],
});
