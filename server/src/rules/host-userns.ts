import { composeHostNamespace } from '../analysis/host-namespaces';
import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'host-userns',
    kinds: ['compose'],
    profile: 'recommended',
    severity: 'warning',
    docs: {
      summary: 'Sharing the host user namespace (userns_mode: host) or UTS namespace (uts: host) weakens the isolation between the container and the host.',
      aka: ['KICS 8af7162d'],
    },
    fixable: true,
  },
  compose({ compose, report }) {
    composeHostNamespace(compose, 'userns_mode', 'user namespace', report);
    composeHostNamespace(compose, 'uts', 'UTS namespace (hostname)', report);
  },
});
