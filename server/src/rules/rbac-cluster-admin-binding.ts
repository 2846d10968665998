import { isRbac } from '../analysis/rbac';
import { scalarString } from '../documents/yaml';
import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'rbac-cluster-admin-binding',
    kinds: ['kubernetes'],
    profile: 'recommended',
    severity: 'warning',
    docs: {
      summary: 'Binding cluster-admin gives its subjects every permission on every resource.',
      aka: ['KSV-0111', 'Polaris clusterrolebindingClusterAdmin'],
    },
    fixable: false,
  },
  kubernetes({ object, report }) {
    if (!isRbac(object, ['RoleBinding', 'ClusterRoleBinding'])) return;
    const { yaml } = object;
    const roleRef = yaml.getMap(object.map, 'roleRef');
    const found = yaml.lookup(roleRef, 'name');
    if (!found || scalarString(found.value) !== 'cluster-admin') return;
    const refKind = scalarString(yaml.get(roleRef, 'kind'));
    if (refKind && refKind !== 'ClusterRole') return;
    report({
      range: yaml.pairRange(found.pair),
      message: `${object.kind} "${object.name ?? '?'}" binds cluster-admin${object.kind === 'RoleBinding' ? ' (full control of its namespace)' : ' (full control of the cluster)'}; bind a role with only the permissions the subjects need.`,
    });
  },
});
