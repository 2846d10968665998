import { ruleTester } from '../helpers/rule-tester';

const role = (rules: string) => `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: r\nrules:\n${rules}`;

ruleTester('rbac-exec-attach', {
  valid: [
    { name: 'pods and logs', path: 'r.yaml', code: role('  - apiGroups: [""]\n    resources: [pods, pods/log]\n    verbs: [get, list]\n') },
    { name: 'exec with list only', path: 'r.yaml', code: role('  - apiGroups: [""]\n    resources: [pods/exec]\n    verbs: [list]\n') },
  ],
  invalid: [
    {
      name: 'exec and attach in one rule: one finding',
      path: 'r.yaml',
      code: role('  - apiGroups: [""]\n    resources: [pods, pods/exec, pods/attach]\n    verbs: [create]\n'),
      errors: [{ line: 7, column: 23, endColumn: 32, severity: 'warning', message: '"pods/exec" and "pods/attach"' }],
      output: null,
    },
    {
      name: 'nodes/proxy get, and a Role',
      path: 'r.yaml',
      code: role('  - apiGroups: [""]\n    resources: [nodes/proxy]\n    verbs: [get]\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: ns}\nrules:\n  - {apiGroups: [""], resources: [pods/exec], verbs: ["*"]}\n'),
      errors: [{ line: 7, column: 17 }, { line: 14, column: 35 }],
    },
  ],
});
