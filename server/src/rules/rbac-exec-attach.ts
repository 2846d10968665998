import { coversCoreGroup, hasVerb, policyRules, quotedList } from '../analysis/rbac';
import { defineRule } from '../engine/rule';

const REMOTE = ['pods/exec', 'pods/attach', 'nodes/proxy'];

export default defineRule({
  meta: {
    id: 'rbac-exec-attach',
    kinds: ['kubernetes'],
    profile: 'recommended',
    severity: 'warning',
    docs: {
      summary: 'pods/exec, pods/attach and nodes/proxy let the holder run commands inside containers or talk to the kubelet directly.',
      aka: ['Polaris clusterrolePodExecAttach', 'KSV-0053'],
    },
    fixable: false,
  },
  kubernetes({ object, report }) {
    for (const rule of policyRules(object)) {
      const found = rule.resources.filter((r) => REMOTE.includes(r.value));
      if (found.length === 0 || !coversCoreGroup(rule) || !hasVerb(rule, ['create', 'get'])) continue;
      report({
        range: object.yaml.range(found[0].node),
        message: `${object.kind} "${object.name ?? '?'}" grants ${quotedList(found.map((r) => r.value))}, which runs commands in containers or on the kubelet; grant it only to break-glass roles.`,
      });
    }
  },
});
