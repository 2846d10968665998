import { isMap } from 'yaml';
import { containerLabel } from '../documents/kubernetes';
import { scalarString } from '../documents/yaml';
import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'secret-as-env-var',
    kinds: ['kubernetes'],
    profile: 'strict',
    severity: 'info',
    docs: {
      summary: 'Secrets read into environment variables leak through crash reports, debug endpoints, logs and child processes; mounted files leak less.',
      aka: ['kube-linter read-secret-from-env-var', 'CKV_K8S_35'],
    },
    fixable: false,
  },
  kubernetes({ object, report }) {
    const { yaml } = object;
    for (const container of object.podSpec?.containers ?? []) {
      const label = containerLabel(container);
      for (const item of yaml.items(yaml.getSeq(container.map, 'env'))) {
        if (!isMap(item)) continue;
        const ref = yaml.lookup(yaml.getMap(item, 'valueFrom'), 'secretKeyRef');
        if (!ref) continue;
        const name = scalarString(yaml.get(item, 'name')) ?? '?';
        const secret = scalarString(yaml.get(isMap(ref.value) ? ref.value : undefined, 'name'));
        report({
          range: yaml.keyRange(ref.pair),
          message: `The ${label} reads Secret ${secret ? `"${secret}" ` : ''}into environment variable "${name}"; mount the Secret as a file (a secret volume) and read it from there.`,
        });
      }
      for (const item of yaml.items(yaml.getSeq(container.map, 'envFrom'))) {
        if (!isMap(item)) continue;
        const ref = yaml.lookup(item, 'secretRef');
        if (!ref) continue;
        const secret = scalarString(yaml.get(isMap(ref.value) ? ref.value : undefined, 'name'));
        report({
          range: yaml.keyRange(ref.pair),
          message: `The ${label} loads every key of Secret ${secret ? `"${secret}" ` : ''}into its environment (envFrom); mount the Secret as a file (a secret volume) instead.`,
        });
      }
    }
  },
});
