import { policyRules, quotedList } from '../analysis/rbac';
import { defineRule } from '../engine/rule';

const ESCALATION = ['escalate', 'bind', 'impersonate'];

export default defineRule({
  meta: {
    id: 'rbac-escalation-verbs',
    kinds: ['kubernetes'],
    profile: 'recommended',
    severity: 'warning',
    docs: {
      summary: 'The escalate, bind and impersonate verbs let the holder grant themselves or act with permissions they do not have.',
      aka: ['CKV_K8S_157', 'CKV_K8S_158', 'KSV-0043'],
    },
    fixable: false,
  },
  kubernetes({ object, report }) {
    for (const rule of policyRules(object)) {
      const found = rule.verbs.filter((v) => ESCALATION.includes(v.value.toLowerCase()));
      if (found.length === 0) continue;
      report({
        range: object.yaml.range(found[0].node),
        message: `${object.kind} "${object.name ?? '?'}" grants the ${quotedList(found.map((v) => v.value))} verb${found.length === 1 ? '' : 's'}, a path to privilege escalation; remove ${found.length === 1 ? 'it' : 'them'} or limit the rule with resourceNames.`,
      });
    }
  },
});
