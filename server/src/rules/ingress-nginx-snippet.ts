import { annotations } from '../documents/kubernetes';
import { defineRule } from '../engine/rule';

const SNIPPET = /^nginx\.ingress\.kubernetes\.io\/[a-z0-9-]*snippet$/;

export default defineRule({
  meta: {
    id: 'ingress-nginx-snippet',
    kinds: ['kubernetes'],
    profile: 'recommended',
    severity: 'warning',
    docs: {
      summary: 'ingress-nginx snippet annotations inject raw nginx configuration, which can read the controller\'s secrets from every namespace (CVE-2021-25742).',
      aka: ['CKV_K8S_152', 'CKV_K8S_153', 'CKV_K8S_154'],
    },
    fixable: false,
  },
  kubernetes({ object, report }) {
    if (object.kind !== 'Ingress') return;
    for (const [key, pair] of annotations(object)) {
      if (!SNIPPET.test(key)) continue;
      report({
        range: object.yaml.keyRange(pair),
        message: `Ingress "${object.name ?? '?'}" uses the ${key} annotation, which injects raw nginx configuration (CVE-2021-25742); use the dedicated annotations or a ConfigMap the controller's operators own.`,
      });
    }
  },
});
