import { composeUnconfined, k8sUnconfined } from '../analysis/profile-rules';
import { effectiveAppArmor } from '../analysis/security-context';
import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    id: 'apparmor-unconfined',
    kinds: ['compose', 'kubernetes'],
    profile: 'recommended',
    severity: 'error',
    docs: {
      summary: 'Running unconfined by AppArmor removes the mandatory access control that limits what a compromised process may touch.',
      aka: ['PSS baseline'],
    },
    fixable: true,
  },
  compose({ compose, report }) {
    composeUnconfined(compose, 'apparmor', 'AppArmor', report);
  },
  kubernetes({ object, report }) {
    k8sUnconfined(object, 'AppArmor', effectiveAppArmor, report);
  },
});
