import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'service-external-ips',
    kinds: ['kubernetes'],
    profile: 'recommended',
    severity: 'warning',
    docs: {
      summary: 'Service externalIPs let whoever can create a Service intercept traffic to any IP address in the cluster (CVE-2020-8554).',
      aka: ['KSV-0108'],
    },
    fixable: false,
  },
  kubernetes({ object, report }) {
    if (object.kind !== 'Service' || object.apiVersion !== 'v1') return;
    const { yaml } = object;
    const found = yaml.lookup(yaml.getMap(object.map, 'spec'), 'externalIPs');
    if (!found || yaml.items(yaml.getSeq(yaml.getMap(object.map, 'spec'), 'externalIPs')).length === 0) return;
    report({
      range: yaml.keyRange(found.pair),
      message: `Service "${object.name ?? '?'}" sets externalIPs, which can hijack traffic to those addresses across the cluster (CVE-2020-8554); use a LoadBalancer or an Ingress instead.`,
    });
  },
});
