import { containerLabel } from '../documents/kubernetes';
import { scalarString, type Lookup } from '../documents/yaml';
import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'resource-limits-missing',
    kinds: ['compose', 'kubernetes'],
    profile: 'strict',
    severity: 'info',
    docs: {
      summary: 'Without memory and CPU limits one container can starve the others on its host (a denial of service, deliberate or not).',
      aka: ['CKV_K8S_10', 'CKV_K8S_11', 'CKV_K8S_12', 'CKV_K8S_13', 'compose-lint CL-0026'],
    },
    fixable: false,
  },
  compose({ compose, report }) {
    const { yaml } = compose;
    for (const service of compose.services) {
      const limits = yaml.getMap(yaml.getMap(yaml.getMap(service.map, 'deploy'), 'resources'), 'limits');
      const has = (found: Lookup | undefined) => scalarString(found?.value) !== undefined;
      const memory = has(yaml.lookup(limits, 'memory')) || has(service.get('mem_limit'));
      const cpu = has(yaml.lookup(limits, 'cpus')) || ['cpus', 'cpu_quota', 'cpu_count', 'cpu_percent'].some((k) => has(service.get(k)));
      const missing = [memory ? '' : 'memory', cpu ? '' : 'CPU'].filter(Boolean);
      if (missing.length === 0) continue;
      report({
        range: service.keyRange,
        message: `Service "${service.name}" has no ${missing.join(' or ')} limit; set deploy.resources.limits (${[memory ? '' : 'memory', cpu ? '' : 'cpus'].filter(Boolean).join(', ')}).`,
      });
    }
  },
  kubernetes({ object, report }) {
    const { yaml } = object;
    for (const container of object.podSpec?.containers ?? []) {
      // Ephemeral (debug) containers may not set resources at all.
      if (container.group === 'ephemeralContainers') continue;
      const limits = yaml.getMap(yaml.getMap(container.map, 'resources'), 'limits');
      const memory = scalarString(yaml.get(limits, 'memory')) !== undefined;
      const cpu = scalarString(yaml.get(limits, 'cpu')) !== undefined;
      if (memory && cpu) continue;
      const missing = [memory ? '' : 'memory', cpu ? '' : 'cpu'].filter(Boolean);
      report({
        range: container.anchor,
        // A missing memory limit is the one that takes the node down (OOM); a missing CPU limit only slows it.
        severity: memory ? 'info' : 'warning',
        message: `The ${containerLabel(container)} has no ${missing.join(' or ')} limit; set resources.limits.${missing.join(' and resources.limits.')}.`,
      });
    }
  },
});
