import { scalarString } from '../documents/yaml';
import { defineRule } from '../engine/rule';

const EXPOSED = new Set(['NodePort', 'LoadBalancer']);

export default defineRule({
  meta: {
    id: 'service-exposed',
    kinds: ['kubernetes'],
    profile: 'strict',
    severity: 'info',
    docs: {
      summary: 'NodePort and LoadBalancer Services expose a workload outside the cluster; make sure that is intended.',
      aka: ['kube-linter exposed-services'],
    },
    fixable: false,
  },
  kubernetes({ object, report }) {
    if (object.kind !== 'Service' || object.apiVersion !== 'v1') return;
    const { yaml } = object;
    const found = yaml.lookup(yaml.getMap(object.map, 'spec'), 'type');
    const type = scalarString(found?.value);
    if (!found || !type || !EXPOSED.has(type)) return;
    report({
      range: yaml.pairRange(found.pair),
      message: `Service "${object.name ?? '?'}" is of type ${type} and reachable from outside the cluster; use ClusterIP behind an Ingress (or restrict loadBalancerSourceRanges) unless it must be public.`,
    });
  },
});
