import { isScalar } from 'yaml';
import { replaceScalar, setPath } from '../analysis/yaml-edit';
import { scalarValue } from '../documents/yaml';
import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'service-account-token-automount',
    kinds: ['kubernetes'],
    profile: 'strict',
    severity: 'info',
    docs: {
      summary: 'Pods get an API token mounted by default; a pod that does not call the Kubernetes API should set automountServiceAccountToken: false.',
      aka: ['CKV_K8S_38', 'KSV-0036'],
    },
    fixable: true,
  },
  kubernetes({ object, report }) {
    const pod = object.podSpec;
    if (!pod) return;
    const { yaml } = object;
    const found = yaml.lookup(pod.map, 'automountServiceAccountToken');
    const value = scalarValue(found?.value);
    if (value === false || value === 'false') return;
    const title = 'Set automountServiceAccountToken: false (changes behaviour: the pod cannot call the Kubernetes API with its service account)';
    if (found) {
      report({
        range: yaml.pairRange(found.pair),
        message: `The pod of ${object.kind} "${object.name ?? '?'}" mounts its service account token; set automountServiceAccountToken: false unless it calls the Kubernetes API.`,
        fixes: isScalar(found.value) && !found.inherited ? [{ title, edits: [replaceScalar(yaml, found.value, 'false')], safe: false }] : [],
      });
      return;
    }
    report({
      range: yaml.keyRange(pod.pair),
      message: `The pod of ${object.kind} "${object.name ?? '?'}" gets its service account token mounted by default; set automountServiceAccountToken: false unless it calls the Kubernetes API.`,
      fixes: [{ title, edits: [setPath(yaml, pod.map, ['automountServiceAccountToken'], 'false')], safe: false }],
    });
  },
});
