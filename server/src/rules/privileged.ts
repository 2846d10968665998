import { isScalar } from 'yaml';
import { replaceScalar } from '../analysis/yaml-edit';
import { containerLabel } from '../documents/kubernetes';
import { isTrue } from '../documents/yaml';
import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'privileged',
    kinds: ['compose', 'kubernetes'],
    profile: 'recommended',
    severity: 'error',
    docs: {
      summary: 'Privileged containers have every capability and all host devices: a container escape away from root on the host.',
      aka: ['CKV_K8S_16', 'KSV-0017', 'kube-linter privileged-container', 'PSS baseline'],
    },
    fixable: true,
  },
  compose({ compose, report }) {
    for (const service of compose.services) {
      const found = service.get('privileged');
      if (!found || !isScalar(found.value) || !isTrue(found.value)) continue;
      report({
        range: compose.yaml.pairRange(found.pair),
        message: `Service "${service.name}" runs privileged; remove privileged: true and add only the capabilities it needs with cap_add.`,
        fixes: [{ title: 'Set privileged: false (changes behaviour)', edits: [replaceScalar(compose.yaml, found.value, 'false')], safe: false }],
      });
    }
  },
  kubernetes({ object, report }) {
    for (const container of object.podSpec?.containers ?? []) {
      const found = object.yaml.lookup(container.securityContext, 'privileged');
      if (!found || !isScalar(found.value) || !isTrue(found.value)) continue;
      report({
        range: object.yaml.pairRange(found.pair),
        message: `The ${containerLabel(container)} runs privileged; set privileged: false and add only the capabilities it needs.`,
        fixes: [{ title: 'Set privileged: false (changes behaviour)', edits: [replaceScalar(object.yaml, found.value, 'false')], safe: false }],
      });
    }
  },
});
