import { ruleTester } from '../helpers/rule-tester';

const role = (rules: string, kind = 'Role') => `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${kind}\nmetadata:\n  name: r\nrules:\n${rules}`;

ruleTester('rbac-secrets-access', {
  valid: [
    { name: 'configmaps only', path: 'r.yaml', code: role('  - apiGroups: [""]\n    resources: [configmaps]\n    verbs: [get, list, watch]\n') },
    { name: 'create/update only (no read)', path: 'r.yaml', code: role('  - apiGroups: [""]\n    resources: [secrets]\n    verbs: [create, update]\n') },
    { name: 'named secrets only (resourceNames)', path: 'r.yaml', code: role('  - apiGroups: [""]\n    resources: [secrets]\n    resourceNames: [app-tls]\n    verbs: [get]\n') },
    { name: 'a CRD called secrets in another group', path: 'r.yaml', code: role('  - apiGroups: [vault.example.com]\n    resources: [secrets]\n    verbs: [get]\n') },
  ],
  invalid: [
    {
      name: 'get/list on secrets',
      path: 'r.yaml',
      code: role('  - apiGroups: [""]\n    resources: [configmaps, secrets]\n    verbs: [get, list, create]\n'),
      errors: [{ line: 7, column: 29, endColumn: 36, severity: 'warning', message: 'can get/list all Secrets in its namespace' }],
      output: null,
    },
    {
      name: 'ClusterRole with verb wildcard and group wildcard',
      path: 'r.yaml',
      code: role('  - apiGroups: ["*"]\n    resources:\n      - secrets\n    verbs: ["*"]\n', 'ClusterRole'),
      errors: [{ line: 8, column: 9, message: 'cluster-wide' }],
    },
  ],
});
