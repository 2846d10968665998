import { ruleTester } from '../helpers/rule-tester';

const role = (rules: string, kind = 'Role') => `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${kind}\nmetadata:\n  name: r\nrules:\n${rules}`;

ruleTester('rbac-wildcard', {
  valid: [
    { name: 'explicit lists', path: 'r.yaml', code: role('  - apiGroups: [""]\n    resources: [pods]\n    verbs: [get, list]\n') },
    { name: 'a subresource pattern is not a bare wildcard', path: 'r.yaml', code: role('  - apiGroups: [apps]\n    resources: [deployments/scale]\n    verbs: [update]\n') },
    { name: 'not an RBAC object', path: 'x.yaml', code: 'apiVersion: example.com/v1\nkind: Role\nmetadata: {name: r}\nrules:\n  - {apiGroups: ["*"], resources: ["*"], verbs: ["*"]}\n' },
    { name: 'a RoleBinding has no rules', path: 'b.yaml', code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: b}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: "*"}\nsubjects: []\n' },
  ],
  invalid: [
    {
      name: 'one finding per rule naming every wildcard field',
      path: 'r.yaml',
      code: role('  - apiGroups: ["*"]\n    resources: ["*"]\n    verbs: ["*"]\n', 'ClusterRole'),
      errors: [{ line: 6, column: 17, endColumn: 20, severity: 'warning', message: '"apiGroups", "resources" and "verbs"' }],
      output: null,
    },
    {
      name: 'block lists, several rules',
      path: 'r.yaml',
      code: role('  - apiGroups: [""]\n    resources: [pods]\n    verbs: [get]\n  - apiGroups:\n      - apps\n    resources:\n      - deployments\n    verbs:\n      - "*"\n'),
      errors: [{ line: 14, column: 9, message: 'in "verbs"' }],
    },
  ],
});
