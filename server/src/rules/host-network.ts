import { composeHostNamespace, k8sHostNamespace } from '../analysis/host-namespaces';
import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'host-network',
    kinds: ['compose', 'kubernetes'],
    profile: 'recommended',
    severity: 'error',
    docs: {
      summary: "Sharing the host network lets the container reach services bound to the host's loopback interface and sniff or spoof host traffic.",
      aka: ['CKV_K8S_19', 'KSV-0009', 'PSS baseline'],
    },
    fixable: true,
  },
  compose({ compose, report }) {
    composeHostNamespace(compose, 'network_mode', 'network namespace', report);
  },
  kubernetes({ object, report }) {
    k8sHostNamespace(object, 'hostNetwork', 'network namespace', report);
  },
});
