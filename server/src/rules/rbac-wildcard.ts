import { policyRules, quotedList } from '../analysis/rbac';
import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'rbac-wildcard',
    kinds: ['kubernetes'],
    profile: 'recommended',
    severity: 'warning',
    docs: {
      summary: 'A `*` in a Role rule grants every API group, resource or verb, including ones added later.',
      aka: ['CKV_K8S_49', 'KSV-0044', 'KSV-0045', 'KSV-0046'],
    },
    fixable: false,
  },
  kubernetes({ object, report }) {
    for (const rule of policyRules(object)) {
      const fields = (['apiGroups', 'resources', 'verbs'] as const).filter((f) => rule[f].some((i) => i.value === '*'));
      if (fields.length === 0) continue;
      const first = rule[fields[0]].find((i) => i.value === '*')!;
      report({
        range: object.yaml.range(first.node),
        message: `${object.kind} "${object.name ?? '?'}" grants "*" in ${quotedList(fields)}; list the API groups, resources and verbs it needs.`,
      });
    }
  },
});
