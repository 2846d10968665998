import { composeHostNamespace, k8sHostNamespace } from '../analysis/host-namespaces';
import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'host-ipc',
    kinds: ['compose', 'kubernetes'],
    profile: 'recommended',
    severity: 'error',
    docs: {
      summary: "Sharing the host IPC namespace lets the container read and write the host's shared memory.",
      aka: ['CKV_K8S_18', 'KSV-0008'],
    },
    fixable: true,
  },
  compose({ compose, report }) {
    composeHostNamespace(compose, 'ipc', 'IPC namespace', report);
  },
  kubernetes({ object, report }) {
    k8sHostNamespace(object, 'hostIPC', 'IPC namespace', report);
  },
});
