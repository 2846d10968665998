import { composeUnconfined, k8sUnconfined } from '../analysis/profile-rules';
import { effectiveSeccomp } from '../analysis/security-context';
import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'seccomp-unconfined',
    kinds: ['compose', 'kubernetes'],
    profile: 'recommended',
    severity: 'error',
    docs: {
      summary: 'Running unconfined by seccomp exposes every kernel system call, including the ones container escapes use.',
      aka: ['PSS baseline', 'KSV-0104'],
    },
    fixable: true,
  },
  compose({ compose, report }) {
    composeUnconfined(compose, 'seccomp', 'seccomp', report);
  },
  kubernetes({ object, report }) {
    k8sUnconfined(object, 'seccomp', effectiveSeccomp, report);
  },
});
