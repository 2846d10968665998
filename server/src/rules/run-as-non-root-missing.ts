import { isScalar } from 'yaml';
import { setPath } from '../analysis/yaml-edit';
import { containerLabel, effectiveSecurityField } from '../documents/kubernetes';
import { isTrue } from '../documents/yaml';
import { defineRule } from '../engine/rule';
import { withHarden } from '../analysis/harden';

export default defineRule({
  meta: {
    id: 'run-as-non-root-missing',
    kinds: ['kubernetes'],
    profile: 'recommended',
    severity: 'warning',
    docs: {
      summary: 'Containers should be required to run as a non-root user (runAsNonRoot: true or a non-zero runAsUser).',
      aka: ['kube-linter run-as-non-root', 'CKV_K8S_23', 'KSV-0012', 'PSS restricted'],
    },
    fixable: true,
  },
  kubernetes({ object, config, report }) {
    for (const container of object.podSpec?.containers ?? []) {
      const nonRoot = effectiveSecurityField(container, 'runAsNonRoot');
      if (nonRoot && isTrue(nonRoot.value)) continue;
      const user = effectiveSecurityField(container, 'runAsUser');
      if (user && isScalar(user.value) && typeof user.value.value === 'number' && user.value.value >= 1) continue;
      report({
        range: container.anchor,
        message: `The ${containerLabel(container)} may run as root: set securityContext.runAsNonRoot: true (or a non-zero runAsUser) for the container or its pod.`,
        fixes: withHarden(
          {
            title: 'Set securityContext.runAsNonRoot: true (changes behaviour: the pod fails to start if the image runs as root)',
            edits: [setPath(object.yaml, container.map, ['securityContext', 'runAsNonRoot'], 'true')],
            safe: false,
          },
          container,
          config,
        ),
      });
    }
  },
});
