import { hardenFixFor, withEol } from '../analysis/harden';
import { effectiveSeccomp } from '../analysis/security-context';
import { setPath } from '../analysis/yaml-edit';
import { containerLabel } from '../documents/kubernetes';
import { scalarString } from '../documents/yaml';
import { defineRule } from '../engine/rule';
import type { Fix } from '../engine/types';

export default defineRule({
  meta: {
    id: 'seccomp-missing',
    kinds: ['kubernetes'],
    profile: 'strict',
    severity: 'warning',
    docs: {
      summary: 'Containers should run under a seccomp profile (RuntimeDefault or Localhost); without one every system call is open to an attacker.',
      aka: ['PSS restricted', 'CKV_K8S_31', 'KSV-0030'],
    },
    fixable: true,
  },
  kubernetes({ object, report, config }) {
    const pod = object.podSpec;
    if (!pod) return;
    const { yaml } = object;
    // Pod Security exempts Windows pods: seccomp is a Linux facility.
    if (scalarString(yaml.path(pod.map, 'os', 'name'))?.toLowerCase() === 'windows') return;
    for (const container of pod.containers) {
      const effective = effectiveSeccomp(container);
      const type = effective?.type;
      if (type === 'RuntimeDefault' || type === 'Localhost') continue;
      if (type === 'Unconfined') continue; // seccomp-unconfined reports an explicit Unconfined
      const fixes: Fix[] = [];
      const own = yaml.lookup(container.securityContext, 'seccompProfile');
      if (own && !own.inherited && container.securityContext) {
        fixes.push({
          title: "Set the container's seccompProfile.type: RuntimeDefault (changes behaviour: blocks the system calls the runtime's default profile denies)",
          edits: [withEol(yaml, setPath(yaml, container.securityContext!, ['seccompProfile', 'type'], 'RuntimeDefault'))],
          safe: false,
        });
      } else if (!yaml.lookup(pod.map, 'securityContext')?.inherited) {
        fixes.push({
          title: 'Set the pod securityContext.seccompProfile.type: RuntimeDefault (changes behaviour: blocks the system calls the runtime default profile denies)',
          edits: [withEol(yaml, setPath(yaml, pod.map, ['securityContext', 'seccompProfile', 'type'], 'RuntimeDefault'))],
          safe: false,
        });
      }
      const harden = hardenFixFor(container, config);
      if (harden) fixes.push(harden);
      report({
        range: container.anchor,
        message: `The ${containerLabel(container)} runs without a seccomp profile${type ? ` (type "${type}")` : ''}: set securityContext.seccompProfile.type: RuntimeDefault on the pod (or Localhost with a custom profile).`,
        fixes,
      });
    }
  },
});
