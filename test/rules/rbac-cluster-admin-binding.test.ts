import { ruleTester } from '../helpers/rule-tester';

const binding = (kind: string, roleRef: string) =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${kind}\nmetadata:\n  name: b\nroleRef:\n${roleRef}subjects:\n  - kind: ServiceAccount\n    name: ci\n    namespace: tools\n`;

ruleTester('rbac-cluster-admin-binding', {
  valid: [
    { name: 'a narrow ClusterRole', path: 'b.yaml', code: binding('ClusterRoleBinding', '  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: view\n') },
    { name: 'a namespaced Role that happens to be called cluster-admin', path: 'b.yaml', code: binding('RoleBinding', '  apiGroup: rbac.authorization.k8s.io\n  kind: Role\n  name: cluster-admin\n') },
  ],
  invalid: [
    {
      name: 'ClusterRoleBinding to cluster-admin',
      path: 'b.yaml',
      code: binding('ClusterRoleBinding', '  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: cluster-admin\n'),
      errors: [{ line: 8, column: 3, endColumn: 22, severity: 'warning', message: 'full control of the cluster' }],
      output: null,
    },
    {
      name: 'RoleBinding to cluster-admin (flow roleRef)',
      path: 'b.yaml',
      code: binding('RoleBinding', '  {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}\n'),
      errors: [{ line: 6, column: 60, message: 'full control of its namespace' }],
    },
  ],
});
