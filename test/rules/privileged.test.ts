import { ruleTester } from '../helpers/rule-tester';

ruleTester('privileged', {
  valid: [
    { name: 'privileged: false', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    privileged: false\n' },
    { name: 'k8s pod-level has no privileged field', path: 'p.yaml', code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: x:1\n      securityContext: {privileged: false}\n' },
    { name: 'a ConfigMap value called privileged', path: 'cm.yaml', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  privileged: "true"\n' },
  ],
  invalid: [
    {
      name: 'compose privileged',
      path: 'compose.yaml',
      code: 'services:\n  a:\n    image: x:1\n    privileged: true\n',
      errors: [{ line: 4, column: 5, endColumn: 21, severity: 'error' }],
      output: 'services:\n  a:\n    image: x:1\n    privileged: false\n',
      safe: false,
    },
    {
      name: 'compose privileged inherited through a merge key points at the anchor',
      path: 'compose.yaml',
      code: 'x-priv: &priv\n  privileged: true\nservices:\n  a:\n    <<: *priv\n    image: x:1\n',
      errors: [{ line: 2, column: 3 }],
    },
    {
      name: 'k8s container privileged',
      path: 'p.yaml',
      code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: x:1\n      securityContext:\n        privileged: true\n',
      errors: [{ line: 9, column: 9 }],
      output: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: x:1\n      securityContext:\n        privileged: false\n',
    },
    {
      name: 'DaemonSet in a multi-document file',
      path: 'all.yaml',
      code: 'apiVersion: v1\nkind: Namespace\nmetadata: {name: n}\n---\napiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: d}\nspec:\n  template:\n    spec:\n      containers:\n        - name: a\n          image: x:1\n          securityContext: {privileged: true}\n',
      errors: [{ line: 14, column: 29 }],
    },
  ],
});
