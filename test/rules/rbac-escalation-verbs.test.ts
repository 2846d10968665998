import { ruleTester } from '../helpers/rule-tester';

const role = (rules: string) => `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: r\nrules:\n${rules}`;

ruleTester('rbac-escalation-verbs', {
  valid: [
    { name: 'ordinary verbs', path: 'r.yaml', code: role('  - apiGroups: [rbac.authorization.k8s.io]\n    resources: [roles, rolebindings]\n    verbs: [get, list, watch]\n') },
    { name: 'the verb wildcard belongs to rbac-wildcard', path: 'r.yaml', code: role('  - apiGroups: [""]\n    resources: [pods]\n    verbs: ["*"]\n') },
  ],
  invalid: [
    {
      name: 'bind and escalate',
      path: 'r.yaml',
      code: role('  - apiGroups: [rbac.authorization.k8s.io]\n    resources: [clusterroles]\n    verbs: [get, bind, escalate]\n'),
      errors: [{ line: 8, column: 18, endColumn: 22, severity: 'warning', message: '"bind" and "escalate" verbs' }],
      output: null,
    },
    {
      name: 'impersonate users',
      path: 'r.yaml',
      code: role('  - apiGroups: [""]\n    resources: [users, groups, serviceaccounts]\n    verbs:\n      - impersonate\n'),
      errors: [{ line: 9, column: 9, message: '"impersonate" verb' }],
    },
  ],
});
