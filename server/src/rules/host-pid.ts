import { composeHostNamespace, k8sHostNamespace } from '../analysis/host-namespaces';
import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'host-pid',
    kinds: ['compose', 'kubernetes'],
    profile: 'recommended',
    severity: 'error',
    docs: {
      summary: "Sharing the host PID namespace lets the container see and signal every process on the host.",
      aka: ['CKV_K8S_17', 'KSV-0010'],
    },
    fixable: true,
  },
  compose({ compose, report }) {
    composeHostNamespace(compose, 'pid', 'PID namespace', report);
  },
  kubernetes({ object, report }) {
    k8sHostNamespace(object, 'hostPID', 'PID namespace', report);
  },
});
