import { coversCoreGroup, hasVerb, policyRules } from '../analysis/rbac';
import { defineRule } from '../engine/rule';

const READ = ['get', 'list', 'watch'];

export default defineRule({
  meta: {
    id: 'rbac-secrets-access',
    kinds: ['kubernetes'],
    profile: 'recommended',
    severity: 'warning',
    docs: {
      summary: 'Reading Secrets through RBAC hands out every credential in scope, including service account tokens.',
      aka: ['KSV-0041', 'kube-linter access-to-secrets'],
    },
    fixable: false,
  },
  kubernetes({ object, report }) {
    for (const rule of policyRules(object)) {
      const secrets = rule.resources.find((r) => r.value === 'secrets');
      if (!secrets || !coversCoreGroup(rule) || !hasVerb(rule, READ)) continue;
      // Access to named Secrets only (resourceNames) is the least-privilege form this rule asks for.
      if (rule.resourceNames.length > 0) continue;
      const verbs = rule.verbs.filter((v) => v.value === '*' || READ.includes(v.value.toLowerCase())).map((v) => v.value);
      report({
        range: object.yaml.range(secrets.node),
        message: `${object.kind} "${object.name ?? '?'}" can ${verbs.join('/')} all Secrets${object.kind === 'ClusterRole' ? ' (cluster-wide once bound by a ClusterRoleBinding)' : ' in its namespace'}; restrict it with resourceNames or mount the Secrets the workload needs.`,
      });
    }
  },
});
