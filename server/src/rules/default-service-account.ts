import { scalarString, scalarValue } from '../documents/yaml';
import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'default-service-account',
    kinds: ['kubernetes'],
    profile: 'strict',
    severity: 'info',
    docs: {
      summary: 'Workloads should run under their own service account, not the namespace\'s shared `default` one.',
      aka: ['CKV_K8S_41'],
    },
    fixable: false,
  },
  kubernetes({ object, report }) {
    const pod = object.podSpec;
    if (!pod) return;
    const { yaml } = object;
    // `serviceAccount` is the deprecated spelling; `serviceAccountName` wins when both are set.
    const found = yaml.lookup(pod.map, 'serviceAccountName') ?? yaml.lookup(pod.map, 'serviceAccount');
    const name = scalarString(found?.value);
    if (name && name !== 'default') return;
    // Without a mounted token the default account grants the pod nothing.
    const automount = scalarValue(yaml.get(pod.map, 'automountServiceAccountToken'));
    if (automount === false || automount === 'false') return;
    report({
      range: found ? yaml.pairRange(found.pair) : yaml.keyRange(pod.pair),
      message: `The pod of ${object.kind} "${object.name ?? '?'}" runs as the namespace's default service account; create a dedicated ServiceAccount and set serviceAccountName.`,
    });
  },
});
